/// Records the shape of an evaluation as it runs: every step begun (scope, rule, condition, element) with its
/// depth, and every result with whether the test saw a missing or unusable value.
///
/// Two records with the same shape, and nothing else a reason quotes (a vendor name, an unusable value, a
/// buyer the registry corrected, a claimed exemption), get the same decision apart from id, line and date:
/// reasons name the culprit tests of each scope and rule, and the shape fixes which tests those are. So the
/// batch path words such a decision once per shape.
struct ShapeObserver: ConditionObserver {
    static var evaluatesEverything: Bool { false }

    /// The shape so far, reused from record to record.
    var events: [UInt32]
    /// A vendor test ran: its reason would quote the name, so the shape alone does not fix the decision, and
    /// recording stops.
    private(set) var sawVendor = false
    /// By condition number: whether the condition is a vendor test.
    private let vendorTests: [Bool]

    init(reusing events: consuming [UInt32], vendorTests: [Bool]) {
        self.events = events
        self.events.removeAll(keepingCapacity: true)
        self.vendorTests = vendorTests
    }

    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int {
        guard !sawVendor else { return 0 }
        let subject = subject()
        if case .condition(let info) = subject, vendorTests[info] {
            sawVendor = true
            return 0
        }
        let code: (UInt32, Int, Int) =
            switch subject {
            case .condition(let info): (1, info, 0)
            case .element(let index): (2, index, 0)
            case .scope(let index): (3, index, 0)
            case .rule(let index): (4, index, 0)
            case .ruleScope(let index): (5, index, 0)
            case .exception(let rule, let exception): (6, rule, exception)
            }
        events.append(code.0 << 24 | UInt32(truncatingIfNeeded: depth))
        events.append(UInt32(truncatingIfNeeded: code.1))
        if code.0 == 6 { events.append(UInt32(truncatingIfNeeded: code.2)) }
        return 0
    }

    mutating func end(_ token: Int, _ truth: Truth, observed: @autoclosure () -> ObservedValue) {
        guard !sawVendor else { return }
        let seen: UInt32
        switch observed() {
        case .none: seen = 0
        case .field(.missing): seen = 1
        case .field(.invalid): seen = 2
        case .field: seen = 3
        case .vendor: seen = 4
        }
        events.append(0xFF00_0000 | seen << 8 | UInt32(truncatingIfNeeded: truth.rawValue))
    }
}

/// The parts of a decision that its shape fixes, worded once per shape.
struct ShapedDecision {
    var decidingRules: [Int]
    var reasons: [ReasonLine]
}

/// Decisions by shape (see ``ShapeObserver``), bounded so memory stays flat.
final class ShapeCache {
    private struct Key: Hashable {
        var events: [UInt32]
        var filled: UInt64

        /// Hashes the events as one block of bytes: element by element costs more than the lookup saves.
        func hash(into hasher: inout Hasher) {
            events.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(filled)
        }
    }

    private var entries: [Key: ShapedDecision] = [:]
    private let capacity: Int

    init(capacity: Int = 4_096) { self.capacity = capacity }

    func decision(events: [UInt32], filled: UInt64) -> ShapedDecision? {
        entries[Key(events: events, filled: filled)]
    }

    func remember(_ decision: ShapedDecision, events: [UInt32], filled: UInt64) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[Key(events: events, filled: filled)] = decision
    }
}
