/// One procurement record read from the input, its values typed and placed by the slots of a ``RecordLayout``.
///
/// Readers fill every slot: a field the record leaves out is `.missing` unless the layout gives it a default
/// or a fallback field. `line` and `index` let decisions and problems point back into the input.
package struct Record: Sendable, Equatable {
    /// One value per field of the layout, by slot.
    package var values: [FieldValue]
    /// 1-based line of the input where the record starts.
    package var line: Int
    /// 0-based position of the record in the input, counting malformed records too.
    package var index: Int
    /// Slot of the `id` field in `values`.
    package var idSlot: Int
    /// Slots (below 64) the record left out and the layout filled with a default or a stand-in field.
    package var filled: UInt64

    package init(values: [FieldValue], line: Int, index: Int, idSlot: Int, filled: UInt64 = 0) {
        self.values = values
        self.line = line
        self.index = index
        self.idSlot = idSlot
        self.filled = filled
    }

    /// The values, handed over without a copy: the evaluator changes them in place (the buyer's class), which
    /// would copy every value if the record still shared them.
    package consuming func takeValues() -> [FieldValue] { values }

    /// The record's identifier; readers only produce records whose `id` is non-empty text.
    package var id: String {
        if case .text(let text) = values[idSlot] { return text }
        return ""
    }
}

/// What a reader yields for each record of the input: the record, or why it could not be read.
package enum RecordInput: Sendable, Equatable {
    case record(Record)
    case malformed(RecordProblem)
}

/// A record that could not be read, worded for the policy author who has to fix the input.
///
/// `line` and `column` are 1-based; `column` counts characters (Unicode scalars) from the start of the line and
/// is nil when the problem concerns a whole record or row. `id` is the record's identifier when it could be seen.
public struct RecordProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int?
    public var id: String?
    public var message: String

    public init(line: Int, column: Int? = nil, id: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.id = id
        self.message = message
    }

    /// `line 3, column 14: expected `,` or `}` after a value (record `JLIS-2021-0042`)`.
    public var description: String {
        var text = "line \(line)"
        if let column { text += ", column \(column)" }
        text += ": \(message)"
        if let id { text += " (record `\(id)`)" }
        return text
    }
}
