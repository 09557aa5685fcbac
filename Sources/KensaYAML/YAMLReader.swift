/// Reads YAML files into `YAMLNode` trees with source spans, reporting every problem as data.
///
/// This is Kensa's only door to libyaml. It never throws: a file that cannot be read, is too large, is not
/// UTF-8 or is not valid YAML comes back as a `YAMLFile` whose `problems` say what and where (1-based line and
/// column, columns counting Unicode scalars), sorted by position. Duplicate keys and complex keys are reported
/// and reading goes on; a syntax error or an exceeded limit stops it, keeping the documents completed before.
///
/// A node's span starts at its first character, including an anchor (`&base`) or tag (`!!int`) written before
/// it, and ends just past its last character. Aliases are expanded into copies that keep the spans of the
/// anchored node, where their content is written.
///
/// ```swift
/// let file = YAMLReader.read(contentsOf: "policies/jp/rules.yaml")
/// for problem in file.problems { print(problem) }   // policies/jp/rules.yaml:4:3: duplicate key `title` …
/// ```
public enum YAMLReader {
    /// Reads and parses the file at `path`.
    ///
    /// - Parameters:
    ///   - path: where to read the file.
    ///   - displayName: the name problems and spans use instead of `path`, e.g. the path as the user typed it.
    ///   - limits: size, nesting and alias-expansion bounds; a file over `maxBytes` is refused before it is read.
    public static func read(
        contentsOf path: String, displayName: String? = nil, limits: YAMLLimits = .standard
    )
        -> YAMLFile
    {
        let file = displayName ?? path
        switch contents(ofFile: path, named: file, maxBytes: limits.maxBytes) {
        case .read(let bytes): return parse(bytes, file: file, limits: limits)
        case .refused(let problem): return refusal(problem)
        }
    }

    /// What reading a file's bytes gave.
    package enum FileContents {
        case read([UInt8])
        /// The file is not a regular file, cannot be opened, or is larger than the limit.
        case refused(YAMLProblem)
    }

    /// The bytes of the file at `path`, or the problem that refuses it, for a caller that parses them later.
    ///
    /// Only a regular file (or a link to one) is read, so a named pipe or a device such as `/dev/zero` with a
    /// `.yaml` name neither blocks nor reads forever; no more than `maxBytes` are ever read.
    package static func contents(ofFile path: String, named file: String, maxBytes: Int) -> FileContents {
        switch FileBytes.contents(of: path, maxBytes: maxBytes) {
        case .success(let bytes):
            return .read(bytes)
        case .failure(.tooLarge(let size)):
            return .refused(tooLarge(size: size, maxBytes: maxBytes, file: file))
        case .failure(.unreadable(let reason)):
            return .refused(
                YAMLProblem(kind: .unreadable, message: "cannot read the file: \(reason)", file: file, position: start))
        }
    }

    /// Parses YAML text given as bytes (UTF-8, or UTF-16 with a byte order mark).
    ///
    /// - Parameter file: the name that problems and spans carry.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) -> YAMLFile {
        guard bytes.count <= limits.maxBytes else {
            return refusal(tooLarge(size: bytes.count, maxBytes: limits.maxBytes, file: file))
        }
        let parser = LibYAMLParser(bytes: bytes)
        var builder = NodeBuilder(file: file, limits: limits)
        var previous: ParseEvent?
        reading: while true {
            switch parser.next() {
            case .event(let event):
                if builder.consume(event) == .stop { break reading }
                previous = event
            case .failure(let failure):
                builder.fail(with: failure.problem(in: SourceText(bytes: bytes), file: file, after: previous))
                break reading
            }
        }
        return YAMLFile(documents: builder.documents, problems: builder.problems.sorted { $0.position < $1.position })
    }

    /// Parses YAML text held in a string; the same as `parse(_:file:limits:)` on its UTF-8 bytes.
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .standard) -> YAMLFile {
        parse(Array(text.utf8), file: file, limits: limits)
    }

    private static let start = SourcePosition(line: 1, column: 1)

    private static func refusal(_ problem: YAMLProblem) -> YAMLFile {
        YAMLFile(documents: [], problems: [problem])
    }

    private static func tooLarge(size: Int, maxBytes: Int, file: String) -> YAMLProblem {
        YAMLProblem(
            kind: .tooLarge, message: "the file has \(size) bytes, more than the \(maxBytes) bytes Kensa reads",
            file: file, position: start)
    }
}
