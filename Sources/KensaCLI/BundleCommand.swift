import ArgumentParser
import Foundation
import Kensa

/// `kensa bundle DIR -o FILE`: writes a policy set, with its manifest, as one file, signed when given a key.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write a policy set as one bundle file with a manifest, signed with Ed25519 when given a key.",
        discussion: """
            Examples:
              kensa bundle policies/us -o us.kbundle --key ministry.key
              SOURCE_DATE_EPOCH=1700000000 kensa bundle policies/jp -o jp.kbundle

            The set is checked first; a set with errors is not bundled (exit status 1). The manifest records the \
            set's id, version and title, the creation time (--created, else SOURCE_DATE_EPOCH, else now), the set \
            digest and every file's size and SHA-256. The format is described in docs/bundles.md.
            """
    )

    @Argument(help: "The policy set directory (or a bundle, to sign it anew).")
    var directory: String

    @Option(name: .shortAndLong, help: "The bundle file to write (replaced if it exists).")
    var output: String

    @Option(help: ArgumentHelp("Sign with this private key (.key, from `kensa keygen`).", valueName: "key"))
    var key: String?

    @Option(help: "Creation time to record, YYYY-MM-DDTHH:MM:SSZ (for reproducible bundles).")
    var created: String?

    func validate() throws {
        _ = try creationTime()
    }

    func run() throws {
        let signingKey = try key.map(Self.signingKey(at:))
        let files = try PolicyReading.files(at: directory, requireSignature: nil)
        let (policy, diagnostics) = PolicySet.check(files)
        guard let policy else {
            DiagnosticPrinter(colour: Terminal.colourOnStderr).print(diagnostics, to: .standardError)
            throw ExitStatus.policyErrors
        }
        let bundle = PolicyBundle(files: files, info: policy.info, created: try creationTime(), signingKey: signingKey)
        do {
            try Data(bundle.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.error("error: cannot write `\(output)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
        let signer = bundle.signature.map { "signed by \($0.keyFingerprint)" } ?? "unsigned"
        print(
            "\(output): \(policy.info.id) \(policy.info.version), \(files.files.count) files, \(signer) (\(files.digest))"
        )
    }

    /// `--created`, else `SOURCE_DATE_EPOCH` (seconds since 1970), else now.
    private func creationTime() throws -> Date {
        if let created {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            guard let date = formatter.date(from: created) else {
                throw ValidationError("--created `\(created)` is not a time: write it YYYY-MM-DDTHH:MM:SSZ")
            }
            return date
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else {
                throw ValidationError("SOURCE_DATE_EPOCH `\(epoch)` is not a number of seconds")
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    private static func signingKey(at path: String) throws -> BundleSigningKey {
        do {
            return try BundleSigningKey(file: path)
        } catch let error as BundleError {
            Terminal.error("error: \(error)")
            throw ExitStatus.inputError
        } catch {
            Terminal.error("error: cannot read private key `\(path)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }
}
