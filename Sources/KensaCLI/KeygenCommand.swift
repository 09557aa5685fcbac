import ArgumentParser
import Kensa

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kensa keygen -o NAME`: a new Ed25519 key pair for signing bundles, as `NAME.key` and `NAME.pub`.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key pair for signing bundles: NAME.key (private, mode 0600) and NAME.pub.",
        discussion: """
            Examples:
              kensa keygen -o ministry

            Existing files are never replaced (exit status 2). Keep NAME.key secret; give NAME.pub to those who \
            check bundles with `kensa verify` or --require-signature.
            """
    )

    @Option(name: .shortAndLong, help: "The key files' name, without extension.")
    var output: String

    func run() throws {
        let key = BundleSigningKey()
        try Self.writeNew(output + ".key", key.text, mode: 0o600)
        try Self.writeNew(output + ".pub", key.publicKey.text, mode: 0o644)
        print("wrote \(output).key and \(output).pub (\(key.publicKey.fingerprint))")
    }

    /// Creates `path` with `mode` from the start (so a private key is never readable by others), refusing to
    /// replace an existing file.
    private static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            Terminal.error("error: cannot write `\(path)`: \(reason)")
            throw ExitStatus.inputError
        }
        defer { close(descriptor) }
        _ = fchmod(descriptor, mode)
        Terminal.writeAll(Array(text.utf8), to: descriptor)
    }
}
