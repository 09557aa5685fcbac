/// One reason sentence of a decision, with its JSON string literal made at most once: a cached line is written
/// by many decisions, so escaping it again for each would cost more than deciding the record.
final class ReasonLine {
    let text: String
    /// The sentence as a quoted, escaped JSON string.
    private(set) lazy var json: [UInt8] = {
        var writer = JSONWriter()
        writer.string(text)
        return writer.bytes
    }()

    init(_ text: String) { self.text = text }
}
