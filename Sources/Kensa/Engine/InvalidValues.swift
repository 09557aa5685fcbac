/// Values a record gives that cannot be used (a date that does not exist, a category nobody defined).
///
/// They count as unknown wherever a condition reads them; and since such a record does not follow the record
/// format, it is never approved, even when no rule happens to need the value: fail closed.
enum InvalidValues {
    static func any(in values: [FieldValue]) -> Bool {
        for value in values {
            switch value {
            case .invalid: return true
            case .list(let elements):
                for case .invalid in elements { return true }
            case .objects(let elements):
                for element in elements where any(in: element) { return true }
            default: continue
            }
        }
        return false
    }
}
