/// Values a record gives that cannot be used (a date that does not exist, a category nobody defined).
///
/// They count as unknown wherever a condition reads them; and since such a record does not follow the record
/// format, it is never approved, even when no rule happens to need the value: fail closed.
enum InvalidValues {
    static func any(in values: [FieldValue]) -> Bool {
        values.contains { value in
            switch value {
            case .invalid: true
            case .list(let elements): elements.contains { if case .invalid = $0 { true } else { false } }
            case .objects(let elements): elements.contains(where: any(in:))
            default: false
            }
        }
    }
}
