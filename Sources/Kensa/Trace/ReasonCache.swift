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
