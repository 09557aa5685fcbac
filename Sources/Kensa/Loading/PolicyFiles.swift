import Crypto
import Foundation

/// The policy files of a set, read from a directory: names and bytes, in name order, and their digest.
public struct PolicyFiles: Sendable {
    /// One file: the name diagnostics show (the directory as the user gave it, then the file name) and its bytes.
    public struct File: Sendable {
        public var displayName: String
        public var name: String
        public var bytes: [UInt8]
    }

    public var directory: String
    public var files: [File]

    /// Reads every `*.yaml` and `*.yml` file directly inside `directory`; sub-directories are not policy files.
    /// Diagnostics and traces name the files under `displayName` (by default the directory as given).
    public init(directory: String, displayName: String? = nil) throws {
        self.directory = displayName ?? directory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let shown = self.directory.hasSuffix("/") ? self.directory : self.directory + "/"
        files = try names.map { name in
            guard let data = FileManager.default.contents(atPath: prefix + name) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: prefix + name])
            }
            return File(displayName: shown + name, name: name, bytes: [UInt8](data))
        }
    }

    /// Files given in memory (tests, bundles), named as given.
    public init(directory: String, files: [(name: String, text: String)]) {
        self.directory = directory
        let prefix = directory.isEmpty || directory.hasSuffix("/") ? directory : directory + "/"
        self.files = files.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            .map { File(displayName: prefix + $0.name, name: $0.name, bytes: Array($0.text.utf8)) }
    }

    /// `sha256:` and the hex SHA-256 of every file's name, length and bytes, in name order; the directory's own
    /// path does not count, so a set copied elsewhere keeps its digest.
    public var digest: String {
        var hash = SHA256()
        for file in files {
            hash.update(data: Array(file.name.utf8) + [0] + Array(String(file.bytes.count).utf8) + [0])
            hash.update(data: file.bytes)
        }
        return "sha256:" + hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
