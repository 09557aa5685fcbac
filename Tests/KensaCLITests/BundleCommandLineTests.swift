import Foundation
import Testing

/// `kensa keygen`, `bundle` and `verify`, and `--require-signature` on the commands that read a set.
@Suite final class BundleCommandLineTests {
    let scratch: String
    let records = "policies/us/examples/records.jsonl"

    init() throws {
        scratch =
            FileManager.default.temporaryDirectory.appendingPathComponent("kensa-bundle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    private func kensa(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.kensa(arguments) }

    /// Makes key pair `name` and returns its `.key` and `.pub` paths.
    private func keygen(_ name: String) throws -> (key: String, pub: String) {
        let run = try kensa(["keygen", "-o", "\(scratch)/\(name)"])
        #expect(run.status == 0, "\(run.stderr)")
        return ("\(scratch)/\(name).key", "\(scratch)/\(name).pub")
    }

    private func bundle(_ name: String, key: String?) throws -> String {
        let path = "\(scratch)/\(name)"
        let signing = key.map { ["--key", $0] } ?? []
        let run = try kensa(["bundle", "policies/us", "-o", path, "--created", "2024-05-01T00:00:00Z"] + signing)
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    @Test func keygenWritesTwoOneLineKeysAndAPrivateFileOnlyItsOwnerReads() throws {
        let (key, pub) = try keygen("ministry")
        let keyText = try String(contentsOfFile: key, encoding: .utf8)
        let pubText = try String(contentsOfFile: pub, encoding: .utf8)
        #expect(keyText.hasPrefix("kensa-ed25519-private-key ") && keyText.hasSuffix("=\n"))
        #expect(pubText.hasPrefix("kensa-ed25519-public-key ") && pubText.hasSuffix("=\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try kensa(["keygen", "-o", "\(scratch)/ministry"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: key, encoding: .utf8) == keyText)
    }

    @Test func signedBundleDecidesExactlyAsTheDirectory() throws {
        let (key, pub) = try keygen("a")
        let path = try bundle("us.kbundle", key: key)
        let verify = try kensa(["verify", path, "--public-key", pub])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("ok — intact, signed by ed25519:"))
        let viaBundle = try kensa(["decide", "--policy", path, "--require-signature", pub, records])
        let viaDirectory = try kensa(["decide", "--policy", "policies/us", records])
        #expect(viaBundle.status == 0, "\(viaBundle.stderr)")
        #expect(viaBundle.stdout == viaDirectory.stdout)
        let check = try kensa(["check", path, "--require-signature", pub])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("\(path): ok — us-ndaa-889 2020.1"))
        let explain = try kensa([
            "explain", "--policy", path, "--require-signature", pub, "--id", "US-DOE-2022-0814", records,
        ])
        #expect(explain.stdout.hasPrefix("US-DOE-2022-0814: prohibited\n"))
    }

    @Test func unsignedBundleIsRefusedWhenASignatureIsRequired() throws {
        let (_, pub) = try keygen("a")
        let path = try bundle("unsigned.kbundle", key: nil)
        let run = try kensa(["decide", "--policy", path, "--require-signature", pub, records])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("the bundle is not signed, and a signature is required"))
        #expect(try kensa(["verify", path, "--public-key", pub]).status == 1)
        let directory = try kensa(["check", "policies/us", "--require-signature", pub])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("a directory carries no signature"))
    }

    @Test func changedFileIsRefusedNamingTheFile() throws {
        let (key, pub) = try keygen("a")
        let path = try bundle("us.kbundle", key: key)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "Zhejiang Dahua", with: "Zhejiang Dahva")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [
            ["decide", "--policy", path, records], ["decide", "--policy", path, "--require-signature", pub, records],
        ] {
            let run = try kensa(arguments)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("`vendors.yaml` does not match the manifest's SHA-256"), "\(run.stderr)")
        }
    }

    @Test func bundleSignedByAnotherKeyIsRefused() throws {
        let (keyA, _) = try keygen("a")
        let (_, pubB) = try keygen("b")
        let path = try bundle("us.kbundle", key: keyA)
        let verify = try kensa(["verify", path, "--public-key", pubB])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("signed by another key"))
        let decide = try kensa(["decide", "--policy", path, "--require-signature", pubB, records])
        #expect(decide.status == 1)
        #expect(decide.stdout.isEmpty)
    }

    @Test func changedManifestIsASignatureMismatch() throws {
        let (key, pub) = try keygen("a")
        let path = try bundle("us.kbundle", key: key)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"created\":\"2024", with: "\"created\":\"2025")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try kensa(["verify", path, "--public-key", pub])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the manifest was changed after signing"))
    }

    @Test func givenACreationTimeBundlesAreByteIdentical() throws {
        let first = try bundle("one.kbundle", key: nil)
        let second = try bundle("two.kbundle", key: nil)
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second))
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("\"created\":\"2024-05-01T00:00:00Z\""))
    }

    @Test func badInputsExitWithTheirStatus() throws {
        let (key, _) = try keygen("a")
        let wrongKey = try kensa(["decide", "--policy", "policies/us", "--require-signature", key, records])
        #expect(wrongKey.status == 2)
        #expect(wrongKey.stderr.contains("give the public key (.pub)"))
        let badTime = try kensa(["bundle", "policies/us", "-o", "\(scratch)/x", "--created", "yesterday"])
        #expect(badTime.status == 64)
        let notABundle = try kensa(["check", "README.md"])
        #expect(notABundle.status == 1)
        #expect(notABundle.stderr.contains("README.md: malformed bundle at line 1: not a Kensa bundle"))
    }
}
