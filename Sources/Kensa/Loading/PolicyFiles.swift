import Crypto
import Foundation
import KensaYAML

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
    /// Entries named like policy files that were not read: a folder, named pipe or device with such a name, a
    /// file that cannot be opened, or one larger than the size limit. `PolicySet.check` reports each, at line 1,
    /// column 1 of its name, with the set's other diagnostics.
    public var problems: [YAMLProblem] = []

    /// Most bytes the files of one set may hold together: real guideline sets hold a few hundred kilobytes, and a
    /// directory of many large files (or a bundle claiming them) is refused rather than read into memory.
    public static let maxSetBytes = 64 << 20

    /// Reads every `*.yaml` and `*.yml` entry directly inside `directory`; sub-directories such as `tests/` are
    /// not policy files. Diagnostics and traces name the files under `displayName` (by default the directory as
    /// given). Only regular files (or links to them) of at most `maxBytes` are read, and only while the files read
    /// hold at most `maxSetBytes` together; any other entry with such a name goes to `problems`. Throws only when
    /// the directory itself cannot be listed.
    public init(
        directory: String, displayName: String? = nil, maxBytes: Int = YAMLLimits.standard.maxBytes,
        maxSetBytes: Int = PolicyFiles.maxSetBytes
    ) throws {
        self.directory = displayName ?? directory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let shown = self.directory.hasSuffix("/") ? self.directory : self.directory + "/"
        files = []
        var total = 0
        for name in names {
            switch YAMLReader.contents(ofFile: prefix + name, named: shown + name, maxBytes: maxBytes) {
            case .read(let bytes) where total + bytes.count > maxSetBytes:
                problems.append(
                    YAMLProblem(
                        kind: .tooLarge,
                        message: "not read: with its \(bytes.count) bytes the set's files would hold more than the "
                            + "\(maxSetBytes) bytes a policy set may hold together",
                        file: shown + name, position: SourcePosition(line: 1, column: 1)))
            case .read(let bytes):
                total += bytes.count
                files.append(File(displayName: shown + name, name: name, bytes: bytes))
            case .refused(let problem): problems.append(problem)
            }
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
