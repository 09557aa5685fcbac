/// One reason sentence of a decision, with its JSON string literal made once: a cached line is written by many
/// decisions, so escaping it again for each would cost more than deciding the record.
final class ReasonLine {
    let text: String
    /// The sentence as a quoted, escaped JSON string. Made with the line (a line is made once and written many
    /// times), so that reading it is a plain load rather than a lazy property's check and copy.
    let json: [UInt8]

    init(_ text: String) {
        self.text = text
        var writer = JSONWriter()
        writer.string(text)
        json = writer.bytes
    }
}
