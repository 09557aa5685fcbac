/// Values a record gives that cannot be used (a date that does not exist, a category nobody defined).
///
/// They count as unknown wherever a condition reads them; and since such a record does not follow the record
/// format, it is never approved, even when no rule happens to need the value: fail closed.
enum InvalidValues {
    /// Whether any value, list element or value of a list entry is `.invalid`.
    ///
    /// Runs once per record over every value, most of them scalars, so values are read in place, through buffer
    /// pointers, without copying (and so retaining) each one.
    static func any(in values: [FieldValue]) -> Bool {
        values.withUnsafeBufferPointer(any(in:))
    }

    private static func any(in values: UnsafeBufferPointer<FieldValue>) -> Bool {
        for index in values.indices {
            switch values[index] {
            case .invalid: return true
            case .list(let elements):
                if elements.withUnsafeBufferPointer({ $0.contains { $0.isInvalid } }) { return true }
            case .objects(let entries):
                if entries.withUnsafeBufferPointer({ $0.contains { any(in: $0) } }) { return true }
            default: continue
            }
        }
        return false
    }
}

extension FieldValue {
    /// True for `.invalid`.
    @inline(__always)
    fileprivate var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}
