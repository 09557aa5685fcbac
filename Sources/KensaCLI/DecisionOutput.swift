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
            buffer.append { DecisionJSON.append(decision, newline: true, to: &$0) }
        case .json:
            if count > 0 { buffer.write(",\n") }
            buffer.append { DecisionJSON.append(decision, newline: false, to: &$0) }
        case .text:
            if count > 0 { buffer.write("\n") }
            buffer.write(text.render(decision))
        }
        count += 1
    }

    /// Decides `record` without a trace and writes its decision: JSON Lines take the batch path, which writes
    /// the same bytes without building the decision. True when it took the batch path, whose decider then holds
    /// the record's spent values (`Decider.takeSpentValues()`).
    @discardableResult
    mutating func decide(_ record: consuming Record, with decider: Decider, asOf: Day?) -> Bool {
        guard format == .jsonl else {
            write(decider.decide(record, asOf: asOf, explain: false))
            return false
        }
        var pending = Optional(consume record)
        buffer.append { decider.appendDecisionLine(pending.take()!, asOf: asOf, to: &$0) }
        count += 1
        return true
    }

    /// Decides `record` with its full trace and writes the decision, straight from the policy's pre-rendered trace
    /// fragments (`Decider.appendExplained`, `Decider.appendExplainedText`): the same bytes as
    /// `write(decider.decide(…))`. The decider then holds the record's spent values (`Decider.takeSpentValues()`).
    mutating func writeExplained(_ record: consuming Record, by decider: Decider, asOf: Day?) {
        // Handed over, not captured: a copy would share the values the evaluator changes in place.
        var pending = Optional(consume record)
        switch format {
        case .jsonl:
            buffer.append { decider.appendExplained(pending.take()!, asOf: asOf, newline: true, to: &$0) }
        case .json:
            if count > 0 { buffer.write(",\n") }
            buffer.append { decider.appendExplained(pending.take()!, asOf: asOf, newline: false, to: &$0) }
        case .text:
            if count > 0 { buffer.write("\n") }
            buffer.append { decider.appendExplainedText(pending.take()!, asOf: asOf, colour: text.colour, to: &$0) }
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
