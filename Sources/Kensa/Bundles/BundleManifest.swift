import Crypto
import Foundation

/// What a bundle says it holds: the set's id, version and title, when it was made, the set digest, and every
/// file's name, size and SHA-256. The signature covers the manifest's exact bytes, and through the hashes every
/// file.
public struct BundleManifest: Sendable, Equatable {
    /// One policy file as the manifest lists it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var size: Int
        /// Lower-case hex SHA-256 of the file's bytes.
        public var sha256: String
    }

    public var setID: String
    public var version: String
    public var title: String
    /// When the bundle was made, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var created: String
    /// The set digest (`PolicyFiles.digest`) that decisions made with the bundle carry.
    public var digest: String
    /// The files in name order (bytewise).
    public var files: [Entry]

    /// The manifest of `files`, compiled as `info`.
    init(files: PolicyFiles, info: PolicyInfo, created: Date) {
        setID = info.id
        version = info.version
        title = info.title
        self.created = Self.timestamp(created)
        digest = files.digest
        self.files = files.files.map { Entry(name: $0.name, size: $0.bytes.count, sha256: Self.sha256($0.bytes)) }
    }

    /// Compact JSON with keys in a fixed order and no spaces: the same manifest always has the same bytes.
    var canonicalBytes: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("set")
        writer.beginObject()
        writer.field("id", setID)
        writer.field("version", version)
        writer.field("title", title)
        writer.endObject()
        writer.field("created", created)
        writer.field("digest", digest)
        writer.key("files")
        writer.beginArray()
        for file in files {
            writer.beginObject()
            writer.field("name", file.name)
            writer.key("size")
            writer.int(file.size)
            writer.field("sha256", file.sha256)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    static func sha256(_ bytes: [UInt8]) -> String { Hex.string(SHA256.hash(data: bytes)) }

    /// `YYYY-MM-DDTHH:MM:SSZ`, UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}

extension BundleManifest {
    private struct Wire: Decodable {
        struct Set: Decodable { var id: String; var version: String; var title: String }
        struct File: Decodable { var name: String; var size: Int; var sha256: String }
        var set: Set
        var created: String
        var digest: String
        var files: [File]
    }

    /// Reads a manifest's JSON; the message of a thrown error says what is wrong, for `BundleError`.
    init(json bytes: [UInt8]) throws(ManifestProblem) {
        let wire: Wire
        do { wire = try JSONDecoder().decode(Wire.self, from: Data(bytes)) } catch {
            throw ManifestProblem(
                message: "the manifest is not the JSON object a bundle needs (\(Self.explain(error)))")
        }
        setID = wire.set.id
        version = wire.set.version
        title = wire.set.title
        created = wire.created
        digest = wire.digest
        files = wire.files.map { Entry(name: $0.name, size: $0.size, sha256: $0.sha256) }
        try validate()
    }

    /// Names that are plain policy file names, unique and in bytewise order; sizes and hashes well formed.
    private func validate() throws(ManifestProblem) {
        var previous: [UInt8]? = nil
        for file in files {
            let name = Array(file.name.utf8)
            let plain =
                !name.isEmpty && !name.contains { $0 < 0x20 || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
                && name.first != UInt8(ascii: ".") && (file.name.hasSuffix(".yaml") || file.name.hasSuffix(".yml"))
            guard plain else {
                throw ManifestProblem(message: "the manifest lists `\(file.name)`, which is not a policy file name")
            }
            if let previous, !previous.lexicographicallyPrecedes(name) {
                throw ManifestProblem(
                    message: "the manifest's files are not unique and in name order at `\(file.name)`")
            }
            guard file.size >= 0, file.sha256.count == 64, file.sha256.utf8.allSatisfy({ Self.isHexDigit($0) }) else {
                throw ManifestProblem(message: "the manifest's size or sha256 of `\(file.name)` is not valid")
            }
            previous = name
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    private static func explain(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "no `\(key.stringValue)`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        default: "not valid JSON"
        }
    }
}

/// A manifest problem, before the bundle parser adds where the manifest starts.
struct ManifestProblem: Error {
    var message: String
}
