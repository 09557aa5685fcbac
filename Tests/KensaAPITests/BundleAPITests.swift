import Foundation
import Kensa
import Testing

/// Signing, writing and loading a bundle with the public API alone (no `@testable`).
@Suite struct BundleAPITests {
    @Test func signsWritesAndLoadsABundle() throws {
        let directory = PublicAPITests.root.appendingPathComponent("policies/jp").path
        let key = BundleSigningKey()
        let publicKey = try BundlePublicKey(text: key.publicKey.text, path: "jp.pub")
        let files = try PolicyFiles(directory: directory)
        let policy = try PolicySet.load(directory: directory)
        let bytes = PolicyBundle(
            files: files, info: policy.info, created: Date(timeIntervalSince1970: 0), signingKey: key
        ).bytes
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kensa-api-\(UUID().uuidString).kbundle"
        ).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let loaded = try PolicySet.load(path: path, requiredKey: publicKey)
        #expect(loaded.info.digest == policy.info.digest)
        let bundle = try PolicyBundle(bytes: bytes, path: path)
        #expect(bundle.verification(key: publicKey) == .signed(keyFingerprint: publicKey.fingerprint))
        #expect(bundle.manifest.created == "1970-01-01T00:00:00Z")
        #expect(throws: BundleError.self) { try PolicySet.load(path: path, requiredKey: BundleSigningKey().publicKey) }
    }
}
