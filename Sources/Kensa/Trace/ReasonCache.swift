/// Remembers reason lines by `ReasonLineKey`, bounded so memory stays flat.
final class ReasonCache {
    private var entries: [ReasonLineKey: ReasonLine] = [:]
    private let capacity: Int

    init(capacity: Int = 16_384) { self.capacity = capacity }

    func line(for key: ReasonLineKey, make: () -> String) -> ReasonLine {
        if let known = entries[key] { return known }
        let line = ReasonLine(make())
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = line
        return line
    }
}

extension Optional where Wrapped == ReasonCache {
    /// The cached line when there is a cache; else a new line worded by `make()`.
    func line(for key: @autoclosure () -> ReasonLineKey, make: () -> String) -> ReasonLine {
        guard let cache = self else { return ReasonLine(make()) }
        return cache.line(for: key(), make: make)
    }
}
