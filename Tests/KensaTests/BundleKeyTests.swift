import Foundation
import Testing

@testable import Kensa

/// Key files are one readable line each, read back exactly, and never confused with each other.
@Suite struct BundleKeyTests {
    @Test func keyTextRoundTrips() throws {
        let key = BundleSigningKey()
        #expect(key.text.hasPrefix("kensa-ed25519-private-key "))
        #expect(key.publicKey.text.hasPrefix("kensa-ed25519-public-key "))
        for text in [key.text, key.publicKey.text] {
            #expect(text.hasSuffix("\n") && text.split(separator: "\n").count == 1)
            #expect(Data(base64Encoded: String(text.split(separator: " ")[1].dropLast()))?.count == 32)
        }
        let reread = try BundleSigningKey(text: key.text, path: "a.key")
        #expect(reread.publicKey == key.publicKey)
        #expect(try BundlePublicKey(text: key.publicKey.text, path: "a.pub") == key.publicKey)
    }

    @Test func fingerprintIsShortHex() {
        let fingerprint = BundleSigningKey().publicKey.fingerprint
        #expect(fingerprint.hasPrefix("ed25519:"))
        #expect(fingerprint.dropFirst(8).count == 16)
        #expect(fingerprint.dropFirst(8).allSatisfy { $0.isHexDigit })
    }

    @Test func theWrongHalfIsNamed() throws {
        let key = BundleSigningKey()
        let error = try #require(throws: BundleError.self) { try BundlePublicKey(text: key.text, path: "a.key") }
        #expect(error.kind == .invalidKey)
        #expect(error.description == "a.key: this is the other half of a key pair: give the public key (.pub)")
        let other = try #require(throws: BundleError.self) {
            try BundleSigningKey(text: key.publicKey.text, path: "a.pub")
        }
        #expect(other.message.contains("private key (.key)"))
    }

    @Test(arguments: ["", "kensa-ed25519-public-key", "kensa-ed25519-public-key !!!", "kensa-ed25519-public-key AAAA"])
    func otherTextIsNotAKey(text: String) throws {
        let error = try #require(throws: BundleError.self) { try BundlePublicKey(text: text, path: "k.pub") }
        #expect(error.kind == .invalidKey)
    }
}
