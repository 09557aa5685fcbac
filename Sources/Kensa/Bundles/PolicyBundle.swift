import Foundation

/// A policy set in one file: a manifest, an optional Ed25519 signature of it, and the policy files.
///
/// ```swift
/// let key = BundleSigningKey()
/// let files = try PolicyFiles(directory: "policies/us")
/// let policy = try PolicySet.load(directory: "policies/us")
/// let bytes = PolicyBundle(files: files, info: policy.info, created: Date(), signingKey: key).bytes
/// let read = try PolicyBundle(bytes: bytes, path: "us.kbundle")
/// read.verification(key: key.publicKey)   // .signed(keyFingerprint: "ed25519:…")
/// ```
///
/// The format (docs/bundles.md) is text lines with length-prefixed blocks:
/// ```text
/// kensa-bundle 1
/// manifest <bytes>
/// <manifest JSON>
/// signature ed25519 <key fingerprint> <base64 signature>     (or: unsigned)
/// file <bytes> <name>
/// <file bytes>
/// …
/// end
/// ```
/// Every block is followed by a newline, and the files come in manifest order.
public struct PolicyBundle: Sendable {
    /// A bundle's signature: the signer's key fingerprint and the 64 signature bytes.
    public struct Signature: Sendable, Equatable {
        /// The fingerprint the bundle names for its signer: a hint for messages, trusted only once the signature checks.
        public var keyFingerprint: String
        /// The 64-byte Ed25519 signature of `manifestBytes`.
        public var bytes: [UInt8]
    }

    /// Largest bundle file read: the policy files a set may hold (`PolicyFiles.maxSetBytes`) and a mebibyte for
    /// the manifest, signature and file headers.
    public static let maxBytes = PolicyFiles.maxSetBytes + (1 << 20)

    public var manifest: BundleManifest
    /// The manifest exactly as stored: the bytes the signature covers.
    public var manifestBytes: [UInt8]
    public var signature: Signature?
    /// The policy files, named under the bundle's path, as a directory's would be.
    public var files: PolicyFiles

    /// A new bundle of `files`, compiled as `info`, made at `created`, signed when `signingKey` is given.
    public init(files: PolicyFiles, info: PolicyInfo, created: Date, signingKey: BundleSigningKey?) {
        let manifest = BundleManifest(files: files, info: info, created: created)
        let manifestBytes = manifest.canonicalBytes
        self.manifest = manifest
        self.manifestBytes = manifestBytes
        signature = signingKey.map {
            Signature(keyFingerprint: $0.publicKey.fingerprint, bytes: $0.signature(of: manifestBytes))
        }
        self.files = files
    }

    init(manifest: BundleManifest, manifestBytes: [UInt8], signature: Signature?, files: PolicyFiles) {
        self.manifest = manifest
        self.manifestBytes = manifestBytes
        self.signature = signature
        self.files = files
    }

    /// The bundle file's bytes.
    public var bytes: [UInt8] {
        var out = Array("kensa-bundle 1\nmanifest \(manifestBytes.count)\n".utf8)
        out += manifestBytes
        out += Array("\n".utf8)
        if let signature {
            out += Array(
                "signature ed25519 \(signature.keyFingerprint) \(Data(signature.bytes).base64EncodedString())\n".utf8)
        } else {
            out += Array("unsigned\n".utf8)
        }
        for file in files.files {
            out += Array("file \(file.bytes.count) \(file.name)\n".utf8)
            out += file.bytes
            out += Array("\n".utf8)
        }
        out += Array("end\n".utf8)
        return out
    }
}
