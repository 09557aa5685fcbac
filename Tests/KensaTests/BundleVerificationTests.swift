import Foundation
import Testing

@testable import Kensa

/// Every way a bundle can be wrong is refused, and the refusal says which way.
@Suite struct BundleVerificationTests {
    let keyA = BundleSigningKey()
    let keyB = BundleSigningKey()

    @Test func signedBundleVerifiesWithItsKey() throws {
        let bundle = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: keyA), path: "us.kbundle")
        #expect(bundle.verification(key: keyA.publicKey) == .signed(keyFingerprint: keyA.publicKey.fingerprint))
        #expect(bundle.verification(key: nil) == .signedUnchecked(keyFingerprint: keyA.publicKey.fingerprint))
        #expect(bundle.signature?.keyFingerprint == keyA.publicKey.fingerprint)
    }

    @Test func changedFileIsRefusedByName() throws {
        let bytes = BundleFixtures.replacing(
            "Huawei", with: "Hu4wei", in: try BundleFixtures.usBundle(signedWith: keyA))
        let bundle = try PolicyBundle(bytes: bytes, path: "us.kbundle")
        let changed = bundle.verification(key: keyA.publicKey)
        guard case .fileMismatch(let name) = changed else {
            Issue.record("expected a file mismatch, got \(changed)")
            return
        }
        #expect(changed.message.contains("`\(name)`"))
        // Refused with or without a key: a bundle must match its manifest.
        for key in [keyA.publicKey, nil] {
            let error = try #require(throws: BundleError.self) { try bundle.acceptedFiles(requiredKey: key) }
            #expect(error.kind == .fileMismatch)
            #expect(error.description.hasPrefix("us.kbundle: `\(name)` does not match"))
        }
    }

    @Test func changedManifestIsASignatureMismatch() throws {
        let bytes = BundleFixtures.replacing(
            "\"version\":\"2020.1\"", with: "\"version\":\"2020.9\"", in: try BundleFixtures.usBundle(signedWith: keyA))
        let bundle = try PolicyBundle(bytes: bytes, path: "us.kbundle")
        #expect(bundle.manifest.version == "2020.9")
        let fingerprint = keyA.publicKey.fingerprint
        #expect(
            bundle.verification(key: keyA.publicKey) == .signatureMismatch(expected: fingerprint, signedBy: fingerprint)
        )
        let error = try #require(throws: BundleError.self) { try bundle.acceptedFiles(requiredKey: keyA.publicKey) }
        #expect(error.kind == .signatureMismatch)
        #expect(error.message.contains("the manifest was changed after signing"))
    }

    @Test func signedByAnotherKeyIsRefused() throws {
        let bundle = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: keyA), path: "us.kbundle")
        let result = bundle.verification(key: keyB.publicKey)
        #expect(
            result == .signatureMismatch(expected: keyB.publicKey.fingerprint, signedBy: keyA.publicKey.fingerprint))
        #expect(result.message.contains("signed by another key (\(keyA.publicKey.fingerprint))"))
        let error = try #require(throws: BundleError.self) { try bundle.acceptedFiles(requiredKey: keyB.publicKey) }
        #expect(error.kind == .signatureMismatch)
    }

    @Test func claimingTheRightFingerprintDoesNotHelp() throws {
        let forged = BundleFixtures.replacing(
            keyA.publicKey.fingerprint, with: keyB.publicKey.fingerprint,
            in: try BundleFixtures.usBundle(signedWith: keyA))
        let bundle = try PolicyBundle(bytes: forged, path: "us.kbundle")
        #expect(!bundle.verification(key: keyB.publicKey).accepts(requiringSignature: true))
    }

    @Test func unsignedIsRefusedOnlyWhenASignatureIsRequired() throws {
        let bundle = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: nil), path: "us.kbundle")
        #expect(bundle.verification(key: keyA.publicKey) == .unsigned)
        #expect(try bundle.acceptedFiles(requiredKey: nil).files.count == 6)
        let error = try #require(throws: BundleError.self) { try bundle.acceptedFiles(requiredKey: keyA.publicKey) }
        #expect(error.kind == .unsigned)
        #expect(error.message == "the bundle is not signed, and a signature is required")
    }

    @Test func directoryIsRefusedWhenASignatureIsRequired() throws {
        let error = try #require(throws: BundleError.self) {
            try PolicyFiles(path: BundleFixtures.usDirectory, requiredKey: keyA.publicKey)
        }
        #expect(error.kind == .unsigned)
        #expect(try PolicyFiles(path: BundleFixtures.usDirectory).files.count == 6)
        #expect(throws: BundleError.self) {
            try PolicySet.load(path: BundleFixtures.usDirectory, requiredKey: keyA.publicKey)
        }
        #expect(try PolicySet.load(path: BundleFixtures.usDirectory).info.id == "us-ndaa-889")
    }

    @Test(arguments: [
        ("nothing", "line 1: not a Kensa bundle"),
        ("kensa-bundle 2\n", "line 1: not a Kensa bundle"),
        ("kensa-bundle 1\nmanifest 5\n{}", "line 3: manifest is not 5 bytes"),
        (
            "kensa-bundle 1\nmanifest 2\n{}\nunsigned\nend\n",
            "line 2: the manifest is not the JSON object a bundle needs (no `set`)"
        ),
    ])
    func malformedBundlesSayWhere(text: String, expected: String) throws {
        let error = try #require(throws: BundleError.self) {
            try PolicyBundle(bytes: Array(text.utf8), path: "x.kbundle")
        }
        #expect(error.kind == .malformed)
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test func truncatedOrPaddedBundlesAreMalformed() throws {
        let bytes = try BundleFixtures.usBundle(signedWith: keyA)
        for broken in [Array(bytes.dropLast(10)), bytes + Array("extra\n".utf8), Array(bytes.prefix(3000))] {
            let error = try #require(throws: BundleError.self) { try PolicyBundle(bytes: broken, path: "x.kbundle") }
            #expect(error.kind == .malformed)
            #expect(error.message.hasPrefix("malformed bundle at line "))
        }
    }

    @Test func filesOutOfManifestOrderAreMalformed() throws {
        let bytes = BundleFixtures.replacing(
            " entities.yaml\n", with: " entitiez.yaml\n", in: try BundleFixtures.usBundle(signedWith: nil))
        let error = try #require(throws: BundleError.self) { try PolicyBundle(bytes: bytes, path: "x.kbundle") }
        #expect(error.message.contains("expected the file `entities.yaml` next"))
    }
}
