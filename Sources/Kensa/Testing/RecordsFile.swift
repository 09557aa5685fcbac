import Foundation
import KensaYAML

/// The records a test file refers to by id, read from a JSON Lines or JSON file.
struct RecordsFile {
    /// The path as shown in messages.
    var path: String
    var records: [String: YAMLNode]
    /// False when the file could not be read; cases naming its ids then report nothing more.
    var readable: Bool
}

/// Reads records files named by test files, each once, reporting problems at the `records:` key that names them.
final class RecordsFileLoader {
    let log: DiagnosticLog
    private var loaded: [String: RecordsFile] = [:]

    init(log: DiagnosticLog) { self.log = log }

    /// The records of the file `name`, written relative to the directory of `testFile`.
    func load(_ name: Located<String>, relativeTo testFile: String) -> RecordsFile {
        let path = Self.resolve(name.value, against: testFile)
        if let file = loaded[path] { return file }
        var file = RecordsFile(path: path, records: [:], readable: true)
        let isJSONL = path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
        guard isJSONL || path.hasSuffix(".json") else {
            log.error(
                .unreadableRecordsFile, "records file `\(name.value)` must be JSON Lines (.jsonl) or JSON (.json)",
                at: name.span)
            file.readable = false
            loaded[path] = file
            return file
        }
        if let data = FileManager.default.contents(atPath: path) {
            let bytes = [UInt8](data)
            file.records =
                isJSONL
                ? records(inLines: bytes, path: path, at: name.span)
                : records(in: YAMLReader.parse(bytes, file: path), path: path, at: name.span)
        } else {
            log.error(.unreadableRecordsFile, "cannot read records file `\(path)`", at: name.span)
            file.readable = false
        }
        loaded[path] = file
        return file
    }

    private func records(inLines bytes: [UInt8], path: String, at span: SourceSpan) -> [String: YAMLNode] {
        var found: [String: YAMLNode] = [:]
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            let parsed = YAMLReader.parse(Array(line), file: "\(path):\(index + 1)")
            if let problem = parsed.problems.first {
                log.error(
                    .unreadableRecordsFile, "records file `\(path)`, line \(index + 1): \(problem.message)", at: span)
                continue
            }
            for node in parsed.documents { if let id = YAMLRecord.id(of: node) { found[id] = node } }
        }
        return found
    }

    private func records(in file: YAMLFile, path: String, at span: SourceSpan) -> [String: YAMLNode] {
        if let problem = file.problems.first {
            log.error(.unreadableRecordsFile, "records file `\(path)`: \(problem)", at: span)
        }
        var found: [String: YAMLNode] = [:]
        for document in file.documents {
            let nodes: [YAMLNode] = if case .sequence(let items, _) = document { items } else { [document] }
            for node in nodes { if let id = YAMLRecord.id(of: node) { found[id] = node } }
        }
        return found
    }

    /// `name` relative to the directory of `file`, with `.` and `..` segments folded away.
    static func resolve(_ name: String, against file: String) -> String {
        if name.hasPrefix("/") { return name }
        var parts = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in name.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
