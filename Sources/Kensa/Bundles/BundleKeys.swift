import Crypto
import Foundation

/// An Ed25519 private key that signs bundles, stored as one text line:
/// `kensa-ed25519-private-key <base64 of the 32 raw key bytes>`.
public struct BundleSigningKey: Sendable {
    static let header = "kensa-ed25519-private-key"
    /// The 32 raw key bytes (swift-crypto's key types are not `Sendable`, so the key is rebuilt to sign).
    let raw: Data

    /// A new random key.
    public init() { raw = Curve25519.Signing.PrivateKey().rawRepresentation }

    private var key: Curve25519.Signing.PrivateKey {
        // `raw` was accepted by this initializer when the value was made.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// Reads the text of a `.key` file; `path` only names the file in errors.
    public init(text: String, path: String) throws {
        let raw = try KeyText.decode(text, header: Self.header, other: BundlePublicKey.header, path: path)
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil else {
            throw BundleError(.invalidKey, path: path, message: "not an Ed25519 private key (expected 32 bytes)")
        }
        self.raw = raw
    }

    /// Reads a `.key` file.
    public init(file path: String) throws {
        try self.init(text: try KeyText.read(path), path: path)
    }

    /// The text of the `.key` file, one line ending in a newline.
    public var text: String { KeyText.encode(header: Self.header, raw) }

    /// The public half, for `.pub` files and for checking signatures.
    public var publicKey: BundlePublicKey { BundlePublicKey(raw: key.publicKey.rawRepresentation) }

    /// The Ed25519 signature of `bytes`.
    func signature(of bytes: [UInt8]) -> [UInt8] {
        // Signing in memory cannot fail; swift-crypto declares `throws` for hardware-backed keys.
        [UInt8]((try? key.signature(for: bytes)) ?? Data())
    }
}

/// An Ed25519 public key that checks bundle signatures, stored as one text line:
/// `kensa-ed25519-public-key <base64 of the 32 raw key bytes>`.
public struct BundlePublicKey: Sendable, Equatable {
    static let header = "kensa-ed25519-public-key"
    /// The 32 raw key bytes.
    let raw: Data

    init(raw: Data) { self.raw = raw }

    /// Reads the text of a `.pub` file; `path` only names the file in errors.
    public init(text: String, path: String) throws {
        let raw = try KeyText.decode(text, header: Self.header, other: BundleSigningKey.header, path: path)
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw BundleError(.invalidKey, path: path, message: "not an Ed25519 public key (expected 32 bytes)")
        }
        self.raw = raw
    }

    /// Reads a `.pub` file.
    public init(file path: String) throws {
        try self.init(text: try KeyText.read(path), path: path)
    }

    /// The text of the `.pub` file, one line ending in a newline.
    public var text: String { KeyText.encode(header: Self.header, raw) }

    /// `ed25519:` and the first 16 hex digits of the SHA-256 of the 32 raw key bytes; bundles name their signer
    /// this way, and `kensa keygen` prints it.
    public var fingerprint: String {
        "ed25519:" + Hex.string(SHA256.hash(data: raw)).prefix(16)
    }

    /// Whether `signature` is this key's Ed25519 signature of `bytes`.
    func isValid(_ signature: [UInt8], of bytes: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}

/// The one-line text form shared by both key files.
enum KeyText {
    static func encode(header: String, _ raw: Data) -> String { header + " " + raw.base64EncodedString() + "\n" }

    static func decode(_ text: String, header: String, other: String, path: String) throws -> Data {
        let parts = text.split(whereSeparator: \.isWhitespace)
        if parts.first.map(String.init) == other {
            let wanted = header == BundlePublicKey.header ? "public key (.pub)" : "private key (.key)"
            throw BundleError(
                .invalidKey, path: path, message: "this is the other half of a key pair: give the \(wanted)")
        }
        guard parts.count == 2, parts[0] == header, let raw = Data(base64Encoded: String(parts[1])) else {
            throw BundleError(
                .invalidKey, path: path, message: "not a Kensa key file: expected one line `\(header) BASE64`")
        }
        return raw
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Lower-case hex digits of bytes.
enum Hex {
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
