/// Remembers the scope and rule reasons worded for each `ReasonKey`, bounded so memory stays flat.
final class ReasonCache {
    private var entries: [ReasonKey: [String]] = [:]
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func wording(for key: ReasonKey, make: () -> [String]) -> [String] {
        if let known = entries[key] { return known }
        let wording = make()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = wording
        return wording
    }
}
