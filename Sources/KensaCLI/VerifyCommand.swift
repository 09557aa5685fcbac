import ArgumentParser
import Foundation
import Kensa

/// `kensa verify BUNDLE --public-key KEY`: checks a bundle's signature and every file against its manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a bundle is signed by a key and that every file matches its manifest.",
        discussion: """
            Examples:
              kensa verify us.kbundle --public-key ministry.pub

            Exit status 0 when the bundle is intact and signed by the key; 1 when it is unsigned, signed by \
            another key, or changed (the message names the changed file); 2 when a file cannot be read.
            """
    )

    @Argument(help: "The bundle file.")
    var bundle: String

    @Option(name: .customLong("public-key"), help: ArgumentHelp("The signer's public key (.pub).", valueName: "key"))
    var publicKey: String

    func run() throws {
        let key = try PolicyReading.publicKey(at: publicKey)
        let bytes: [UInt8]
        do { bytes = try PolicyBundle.bytes(at: bundle) } catch {
            Terminal.error("error: \(error)")
            throw ExitStatus.inputError
        }
        let read: PolicyBundle
        do {
            read = try PolicyBundle(bytes: bytes, path: bundle)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitStatus.policyErrors
        }
        let result = read.verification(key: key)
        guard result.accepts(requiringSignature: true) else {
            let message =
                result == .unsigned ? "the bundle is not signed (sign it with `kensa bundle --key`)" : result.message
            Terminal.error("error: \(bundle): \(message)")
            throw ExitStatus.policyErrors
        }
        let manifest = read.manifest
        print(
            "\(bundle): ok — \(result.message); \(manifest.setID) \(manifest.version), \(manifest.files.count) files, created \(manifest.created) (\(manifest.digest))"
        )
    }
}
