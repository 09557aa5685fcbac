import Kensa

/// Writes decisions to standard output in the chosen format, streaming, in input order.
struct DecisionOutput {
    let format: DecisionFormat
    let text: DecisionText
    private var buffer = OutputBuffer()
    private var count = 0

    init(format: DecisionFormat, colour: Bool) {
        self.format = format
        self.text = DecisionText(colour: colour)
        if format == .json { buffer.write("[\n") }
    }

    mutating func write(_ decision: Decision) {
        switch format {
        case .jsonl:
            buffer.write(DecisionJSON.bytes(decision, newline: true))
        case .json:
            if count > 0 { buffer.write(",\n") }
            buffer.write(DecisionJSON.bytes(decision, newline: false))
        case .text:
            if count > 0 { buffer.write("\n") }
            buffer.write(text.render(decision))
        }
        count += 1
    }

    /// Pushes what is buffered out, so nothing decided is lost when an error is reported next.
    mutating func flush() { buffer.flush() }

    mutating func finish() {
        if format == .json { buffer.write(count > 0 ? "\n]\n" : "]\n") }
        buffer.flush()
    }
}
