/// The form the fast path of `decide --explain` writes a trace in: JSON events, as ``DecisionJSON`` writes them, or
/// the lines of ``DecisionText``.
///
/// ``TraceFragments``, ``TraceSegmentRenderer`` and ``TraceWriter`` serve both forms: templates are cut from events
/// rendered in the form, and what they write per record (depths, the record's text, quotes, separators) is written
/// here, so the two forms share one walk over the recorded steps.
enum TraceFormat: Equatable, Sendable {
    case json
    /// Text lines, with the colour escapes of `DecisionText(colour:)`.
    case text(colour: Bool)

    /// Appends `text` as the inside of a string: escaped for JSON, as it is for text.
    func append(_ text: String, to sink: inout JSONByteSink) {
        switch self {
        case .json: sink.append(escaped: text)
        case .text: sink.append(plain: text)
        }
    }

    /// The quote around a record's text inside a string: `\"` in JSON, `"` in text.
    var quote: StaticString {
        switch self {
        case .json: "\\\""
        case .text: "\""
        }
    }

    /// Appends an event's depth: a number in JSON, the line's indent (two spaces a level, past the two of `trace:`)
    /// in text.
    @inline(__always)
    func appendDepth(_ depth: Int, to sink: inout JSONByteSink) {
        switch self {
        case .json:
            sink.append(int: depth)
        case .text:
            for _ in 0..<depth + 2 { sink.append("  ") }
        }
    }

    /// Appends what goes before an event: a comma in JSON, except before the first, and a newline in text, which
    /// ends the line above.
    @inline(__always)
    func appendSeparator(first: Bool = false, to sink: inout JSONByteSink) {
        switch self {
        case .json: if !first { sink.append(UInt8(ascii: ",")) }
        case .text: sink.append(UInt8(ascii: "\n"))
        }
    }

    /// `text` as the inside of a string in this form: escaped for JSON, as it is for text.
    func bytes(of text: String) -> [UInt8] {
        switch self {
        case .json:
            var escaped: [UInt8] = []
            JSONWriter.appendEscaped(text, to: &escaped)
            return escaped
        case .text:
            return Array(text.utf8)
        }
    }

    /// The bytes of `event` in this form, without a separator: its JSON object, or its line (lines, with a rule's
    /// citation) in text, indented by `indent` when one is given and by its depth otherwise.
    func bytes(of event: TraceEvent, indent: String? = nil) -> [UInt8] {
        switch self {
        case .json:
            var writer = JSONWriter()
            DecisionJSON.write(event, to: &writer)
            return writer.bytes
        case .text(let colour):
            let text = DecisionText(colour: colour)
            return Array((indent.map { text.render(event, indent: $0) } ?? text.render(event)).utf8)
        }
    }
}
