/// Remembers the wording of reason lines by `ReasonLineKey`, bounded so memory stays flat.
final class ReasonCache {
    private var entries: [ReasonLineKey: String] = [:]
    private let capacity: Int

    init(capacity: Int = 16_384) { self.capacity = capacity }

    func wording(for key: ReasonLineKey, make: () -> String) -> String {
        if let known = entries[key] { return known }
        let wording = make()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = wording
        return wording
    }
}

extension Optional where Wrapped == ReasonCache {
    /// The cached wording when there is a cache; else `make()`.
    func wording(for key: @autoclosure () -> ReasonLineKey, make: () -> String) -> String {
        guard let cache = self else { return make() }
        return cache.wording(for: key(), make: make)
    }
}
