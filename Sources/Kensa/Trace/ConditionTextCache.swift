/// Remembers how a condition step reads (its sentence and the record's value as worded) for each condition,
/// list element and value seen, so explaining a batch does not word the same step over and over.
final class ConditionTextCache {
    struct Key: Hashable {
        var condition: Int
        var element: Int
        var value: FieldValue?
        var vendor: VendorIdentity?
        var group: Int?
        var stoodIn = false
    }

    private var entries: [Key: (sentence: String, actual: String?)] = [:]
    private let capacity: Int

    init(capacity: Int = 65_536) { self.capacity = capacity }

    func text(for key: Key, make: () -> (sentence: String, actual: String?)) -> (sentence: String, actual: String?) {
        if let known = entries[key] { return known }
        let text = make()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = text
        return text
    }
}
