import Foundation

extension PolicyBundle {
    /// Reads a bundle's structure; `path` names it in errors and prefixes its files' names.
    ///
    /// Throws `BundleError` (`.malformed`, saying at which line) when the bytes are not a bundle. Signature and
    /// file hashes are not checked here: see `verification(key:)`.
    public init(bytes: [UInt8], path: String) throws {
        var parser = BundleParser(bytes: bytes, path: path)
        self = try parser.bundle()
    }
}

/// Reads the bundle format front to back; each step knows what it expects next.
struct BundleParser {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func bundle() throws -> PolicyBundle {
        let header = Array("kensa-bundle 1\n".utf8)
        guard bytes.starts(with: header) else {
            throw malformed(at: 0, "not a Kensa bundle: the first line is not `kensa-bundle 1`")
        }
        offset = header.count
        let manifestStart = offset
        let manifestBytes = try block(
            size: try count(after: "manifest", in: try line(), at: manifestStart), of: "manifest")
        let manifest: BundleManifest
        do { manifest = try BundleManifest(json: manifestBytes) } catch {
            throw malformed(at: manifestStart, error.message)
        }
        let signature = try signatureLine()
        var files: [PolicyFiles.File] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for entry in manifest.files {
            let start = offset
            let header = try line()
            let parts = header.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "file", let size = Int(parts[1]), size >= 0 else {
                throw malformed(at: start, "expected `file SIZE \(entry.name)`, found `\(header.prefix(60))`")
            }
            guard parts[2] == entry.name else {
                throw malformed(
                    at: start, "expected the file `\(entry.name)` next, as the manifest lists, found `\(parts[2])`")
            }
            let content = try block(size: size, of: "`\(entry.name)`")
            files.append(PolicyFiles.File(displayName: prefix + entry.name, name: entry.name, bytes: content))
        }
        let endStart = offset
        guard try line() == "end", offset == bytes.count else {
            throw malformed(at: endStart, "expected `end` and nothing after it, after the last file the manifest lists")
        }
        let policyFiles = PolicyFiles(directory: path, readFiles: files)
        return PolicyBundle(manifest: manifest, manifestBytes: manifestBytes, signature: signature, files: policyFiles)
    }

    private mutating func signatureLine() throws -> PolicyBundle.Signature? {
        let start = offset
        let text = try line()
        if text == "unsigned" { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "signature", parts[1] == "ed25519", parts[2].hasPrefix("ed25519:"),
            let signature = Data(base64Encoded: String(parts[3])), signature.count == 64
        else {
            throw malformed(
                at: start, "expected `unsigned` or `signature ed25519 FINGERPRINT BASE64` after the manifest")
        }
        return PolicyBundle.Signature(keyFingerprint: String(parts[2]), bytes: [UInt8](signature))
    }

    /// The next line without its newline; lines outside blocks are short ASCII.
    private mutating func line() throws -> String {
        let start = offset
        let limit = min(bytes.count, offset + 4096)
        guard let end = bytes[offset..<limit].firstIndex(of: UInt8(ascii: "\n")) else {
            throw malformed(
                at: start, offset == bytes.count ? "the bundle ends too early" : "expected a line ending in a newline")
        }
        offset = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func count(after keyword: String, in text: String, at start: Int) throws -> Int {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == keyword, let size = Int(parts[1]), size >= 0 else {
            throw malformed(at: start, "expected `\(keyword) SIZE`, found `\(text.prefix(60))`")
        }
        return size
    }

    /// `size` bytes and the newline after them.
    private mutating func block(size: Int, of what: String) throws -> [UInt8] {
        guard size <= bytes.count - offset - 1, bytes[offset + size] == UInt8(ascii: "\n") else {
            throw malformed(
                at: offset,
                "\(what) is not \(size) bytes followed by a newline (the bundle is cut short or sizes are wrong)")
        }
        defer { offset += size + 1 }
        return Array(bytes[offset..<offset + size])
    }

    private func malformed(at position: Int, _ message: String) -> BundleError {
        let line = 1 + bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return BundleError(.malformed, path: path, message: "malformed bundle at line \(line): \(message)")
    }
}
