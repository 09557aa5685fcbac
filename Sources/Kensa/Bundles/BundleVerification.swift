/// What checking a bundle found, from best to worst.
public enum BundleVerification: Sendable, Equatable {
    /// Intact (every file matches the manifest) and carries no signature.
    case unsigned
    /// Intact and signed by the key that was given, whose fingerprint this is.
    case signed(keyFingerprint: String)
    /// Intact and signed, but no key was given to check the signature against.
    case signedUnchecked(keyFingerprint: String)
    /// The signature is not the given key's signature of this manifest: the manifest was changed, or another
    /// key signed it (`signedBy` is the fingerprint the bundle claims).
    case signatureMismatch(expected: String, signedBy: String)
    /// This file's bytes differ from the size or SHA-256 the manifest lists.
    case fileMismatch(name: String)
    /// The manifest's set digest does not match its files.
    case digestMismatch(manifest: String, files: String)

    /// Whether a set may be used: intact, and, when a key is required, signed by it.
    public func accepts(requiringSignature: Bool) -> Bool {
        switch self {
        case .signed: true
        case .unsigned, .signedUnchecked: !requiringSignature
        case .signatureMismatch, .fileMismatch, .digestMismatch: false
        }
    }

    /// One line for the user.
    public var message: String {
        switch self {
        case .unsigned: "intact, unsigned"
        case .signed(let key): "intact, signed by \(key)"
        case .signedUnchecked(let key): "intact, signed by \(key) (signature not checked: no public key given)"
        case .signatureMismatch(let expected, let signedBy) where expected != signedBy:
            "signed by another key (\(signedBy)), not by the required key \(expected)"
        case .signatureMismatch(let expected, _):
            "the signature does not match the manifest under \(expected): the manifest was changed after signing"
        case .fileMismatch(let name):
            "`\(name)` does not match the manifest's SHA-256: the file was changed after bundling"
        case .digestMismatch(let manifest, let files):
            "the manifest's digest \(manifest) is not its files' digest \(files)"
        }
    }
}

extension PolicyBundle {
    /// Checks the signature against `key` when one is given (first, so a changed manifest is reported as a
    /// signature mismatch), then every file against the manifest, then the set digest.
    public func verification(key: BundlePublicKey?) -> BundleVerification {
        if let key, let signature {
            guard signature.keyFingerprint == key.fingerprint, key.isValid(signature.bytes, of: manifestBytes) else {
                return .signatureMismatch(expected: key.fingerprint, signedBy: signature.keyFingerprint)
            }
        }
        for (entry, file) in zip(manifest.files, files.files)
        where entry.size != file.bytes.count || entry.sha256 != BundleManifest.sha256(file.bytes) {
            return .fileMismatch(name: entry.name)
        }
        guard manifest.digest == files.digest else {
            return .digestMismatch(manifest: manifest.digest, files: files.digest)
        }
        switch (signature, key) {
        case (nil, _): return .unsigned
        case (let signature?, nil): return .signedUnchecked(keyFingerprint: signature.keyFingerprint)
        case (_, let key?): return .signed(keyFingerprint: key.fingerprint)
        }
    }

    /// The files, when `verification(key:)` accepts them; with `requiredKey`, only when signed by that key.
    /// Otherwise throws `BundleError` saying why (`.unsigned`, `.signatureMismatch`, `.fileMismatch` or
    /// `.malformed`).
    public func acceptedFiles(requiredKey: BundlePublicKey?) throws -> PolicyFiles {
        let result = verification(key: requiredKey)
        if result.accepts(requiringSignature: requiredKey != nil) { return files }
        let path = files.directory
        switch result {
        case .unsigned, .signedUnchecked:
            throw BundleError(.unsigned, path: path, message: "the bundle is not signed, and a signature is required")
        case .signatureMismatch: throw BundleError(.signatureMismatch, path: path, message: result.message)
        case .fileMismatch: throw BundleError(.fileMismatch, path: path, message: result.message)
        case .digestMismatch, .signed: throw BundleError(.malformed, path: path, message: result.message)
        }
    }
}
