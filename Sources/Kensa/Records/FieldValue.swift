/// The value of one record field as read from a record, typed by the record layout.
///
/// `missing` covers both an absent field and `null`: the record format says absent means unknown.
/// `invalid` keeps a value that is present but not of the declared type (a date `2021-13-45`, a category
/// nobody defined); the evaluator treats it as unknown and the decision names it, so bad data never approves.
package enum FieldValue: Sendable, Hashable {
    case missing
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(Day)
    /// Index into the field's `choice` values.
    case choice(Int)
    /// Elements are `.text`, `.choice` or `.invalid`, per the field's element type.
    case list([FieldValue])
    /// Each element holds one value per field of the element layout, by slot.
    case objects([[FieldValue]])
    /// Present but unusable: why, and the value as written. Boxed, as it is rare: two strings inline would make
    /// every value 40 bytes instead of 24, and every record's array of values too large for malloc's fast path.
    indirect case invalid(reason: String, written: String)
}

extension FieldValue {
    /// Calls `body` with the UTF-8 of a text value, read in place (matching on the value would copy the string);
    /// nil for any other value.
    @inline(__always)
    func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard case .text(let text) = self else { return nil }
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
