/// A single pass over the records of one input, in input order.
///
/// Readers are cursors: a copy shares the input with the original, so read from one of them only.
package protocol RecordReader {
    /// The next record, or why it could not be read; nil once the input is exhausted.
    mutating func next() -> RecordInput?
    /// Takes back the values of a record that was decided, so that a later record can be read into their storage
    /// instead of a new array (see ``Decider/takeSpentValues()``). Readers that do not reuse storage drop them.
    mutating func recycle(_ values: consuming [FieldValue])
}

extension RecordReader {
    package mutating func recycle(_ values: consuming [FieldValue]) {}
}

/// The ways records are written.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// One JSON object, or a JSON list of objects.
    case json
    /// JSON Lines: one object per line.
    case jsonl
    /// CSV with a header row of dotted field names.
    case csv

    /// The format a file name's extension names (`.json`; `.jsonl` or `.ndjson`; `.csv`), in any case.
    public static func infer(fromPath path: String) -> RecordFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        default: return nil
        }
    }

    /// A reader of `source` in this format; throws when the source cannot be opened.
    ///
    /// `keptText`, when given, names the text fields the caller reads (entry fields as `list.field`); other text
    /// fields are checked but read as missing (see ``CompiledPolicy/textFieldsDecisionsRead``).
    ///
    /// ```swift
    /// let format = RecordFormat.infer(fromPath: path) ?? .jsonl
    /// var reader = try format.makeReader(source: .path(path), layout: .recordV1)
    /// ```
    package func makeReader(
        source: RecordSource, layout: RecordLayout, keptText: Set<String>? = nil
    ) throws(RecordProblem) -> any RecordReader {
        let bytes = try ByteSource.opening(source)
        switch self {
        case .json: return JSONDocumentReader(source: bytes, layout: layout, keptText: keptText)
        case .jsonl: return JSONLinesReader(source: bytes, layout: layout, keptText: keptText)
        case .csv: return CSVReader(source: bytes, layout: layout, keptText: keptText)
        }
    }
}
