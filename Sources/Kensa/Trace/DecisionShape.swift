/// Records the shape of an evaluation as it runs: every step begun (scope, rule, condition, element) with its
/// depth, and every result with whether the test saw a missing or unusable value; and, beside it, the vendor
/// names tests looked up, and where each scope's and rule's steps start.
///
/// Two records with the same shape, and nothing else a reason quotes (a vendor name, an unusable value, a
/// buyer the registry corrected, a claimed exemption), get the same decision apart from id, line and date:
/// reasons name the culprit tests of each scope and rule, and the shape fixes which tests those are. So the
/// batch path words such a decision once per shape (``ShapeCache``). Where vendor tests ran, each scope's or
/// rule's line is worded once per shape of its own steps and the names it quotes (``LineShapeCache``).
struct ShapeObserver: ConditionObserver {
    static var evaluatesEverything: Bool { false }

    /// Where the shape is recorded: the batch path's buffers, lent for one evaluation (``ObservedShape``).
    private(set) var shape: ObservedShape.Runs

    /// Records into `shape`'s buffers, emptied; hand them back with `shape.keep(_:)` when evaluation is done.
    init(borrowing shape: ObservedShape) {
        self.shape = shape.lend()
    }

    @inline(__always)
    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int {
        let code: (UInt32, Int, Int) =
            switch subject() {
            case .condition(let info): (1, info, 0)
            case .element(let index): (2, index, 0)
            case .scope(let index): (3, index, 0)
            case .rule(let index): (4, index, 0)
            case .ruleScope(let index): (5, index, 0)
            case .exception(let rule, let exception): (6, rule, exception)
            }
        if depth == 0 {
            shape.starts.append(shape.events.count)
            shape.nameStarts.append(shape.names.count)
        }
        shape.events.append(code.0 << 24 | UInt32(truncatingIfNeeded: depth))
        shape.events.append(UInt32(truncatingIfNeeded: code.1))
        if code.0 == 6 { shape.events.append(UInt32(truncatingIfNeeded: code.2)) }
        return 0
    }

    @inline(__always)
    mutating func end(_ token: Int, _ truth: Truth) {
        append(truth, seen: 0)
    }

    mutating func endTest(_ token: Int, _ truth: Truth, saw observation: Observation, in values: [FieldValue]) {
        if case .vendor = observation {
            shape.sawVendor = true
            if let words = observation.nameWords {
                shape.names.append(words.0)
                shape.names.append(words.1)
                shape.names.append(words.2)
            }
        }
        append(truth, seen: UInt32(observation.shapeCode(in: values)))
    }

    @inline(__always)
    private mutating func append(_ truth: Truth, seen: UInt32) {
        shape.events.append(0xFF00_0000 | seen << 8 | UInt32(truncatingIfNeeded: truth.rawValue))
    }
}

/// What ``ShapeObserver`` recorded about one evaluation: the words of ``RecordShape``, in plain runs of memory
/// kept by the batch path from record to record. The observer holds the runs themselves while it records, so that
/// appending takes no reference and checks no uniqueness (an array checks on every append that its storage is
/// unshared), then hands them back.
final class ObservedShape: StepShapes {
    struct Runs {
        var events = PlainRun<UInt32>(capacity: 256)
        var starts = PlainRun<Int>(capacity: 32)
        var names = PlainRun<UInt32>(capacity: 64)
        var nameStarts = PlainRun<Int>(capacity: 32)
        var sawVendor = false
    }

    private(set) var runs = Runs()

    deinit {
        runs.events.deallocate()
        runs.starts.deallocate()
        runs.names.deallocate()
        runs.nameStarts.deallocate()
    }

    /// The runs, emptied, for an observer to record into; until `keep(_:)`, this shape must not be read.
    func lend() -> Runs {
        runs.events.removeAll()
        runs.starts.removeAll()
        runs.names.removeAll()
        runs.nameStarts.removeAll()
        runs.sawVendor = false
        return runs
    }

    /// Takes back the runs an observer recorded into (their storage may have moved as they grew).
    func keep(_ recorded: ShapeObserver) { runs = recorded.shape }

    var sawVendor: Bool { runs.sawVendor }

    /// Every event, read in place.
    var events: UnsafeBufferPointer<UInt32> { runs.events.elements(0..<runs.events.count) }

    func withStep<Result>(
        _ index: Int, _ body: (_ events: UnsafeBufferPointer<UInt32>, _ names: UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        let last = index + 1 == runs.starts.count
        return body(
            runs.events.elements(runs.starts[index]..<(last ? runs.events.count : runs.starts[index + 1])),
            runs.names.elements(runs.nameStarts[index]..<(last ? runs.names.count : runs.nameStarts[index + 1])))
    }
}

/// A recorded shape whose top-level steps (each scope, then each rule) can be read one at a time: what the
/// line-shape cache is keyed by.
protocol StepShapes {
    /// Calls `body` with the events of the `index`th top-level step and the names they looked up.
    func withStep<Result>(
        _ index: Int, _ body: (_ events: UnsafeBufferPointer<UInt32>, _ names: UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result
}

extension Observation {
    /// For a vendor test that looked up a name: the name's serial (``VendorName``) in two words, and its group at
    /// the judgment date plus one (zero for none), all a reason quotes about it; nil otherwise.
    var nameWords: (UInt32, UInt32, UInt32)? {
        guard case .vendor(_, let sighting, let serial?) = self else { return nil }
        return (
            UInt32(truncatingIfNeeded: serial), UInt32(truncatingIfNeeded: serial >> 32),
            sighting?.group.map { UInt32(truncatingIfNeeded: $0) + 1 } ?? 0
        )
    }

    /// What a test saw, as shapes tell it apart: nothing (not a test), a missing (1) or unusable (2) value, a
    /// value (3), a vendor name (4), or a vendor value that is not a name (5).
    func shapeCode(in values: [FieldValue]) -> UInt8 {
        switch self {
        case .none: 0
        case .field(let slot):
            switch values[Int(slot)] {
            case .missing: 1
            case .invalid: 2
            default: 3
            }
        case .vendor(_, _, let serial): serial == nil ? 5 : 4
        }
    }
}

/// The shape of one evaluation, as ``ShapeObserver`` records it (in an ``ObservedShape``) and as
/// `record(complete:values:fragments:evaluation:)` makes it from a complete trace.
struct RecordShape: StepShapes {
    /// The steps and results, in evaluation order.
    var events: [UInt32] = []
    /// Where in `events` each top-level step (each scope, then each rule) starts.
    var starts: [Int] = []
    /// For each vendor test that looked up a name, in evaluation order: the name's serial (``VendorName``) in
    /// two words, and its group at the judgment date plus one (zero for none): all a reason quotes about it.
    var names: [UInt32] = []
    /// Where in `names` each top-level step's names start.
    var nameStarts: [Int] = []
    /// Whether a vendor test ran.
    var sawVendor = false

    static let wordsPerName = 3

    /// Notes the name a vendor test looked up, if any.
    mutating func note(_ observation: Observation) {
        guard case .vendor = observation else { return }
        sawVendor = true
        guard let words = observation.nameWords else { return }
        names.append(words.0)
        names.append(words.1)
        names.append(words.2)
    }

    mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        nameStarts.removeAll(keepingCapacity: true)
        sawVendor = false
    }

    /// The events of the `index`th top-level step (scopes first, then rules).
    func events(ofStep index: Int) -> ArraySlice<UInt32> {
        events[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : events.count)]
    }

    /// The names the `index`th top-level step looked up.
    func names(ofStep index: Int) -> ArraySlice<UInt32> {
        names[nameStarts[index]..<(index + 1 < nameStarts.count ? nameStarts[index + 1] : names.count)]
    }

    func withStep<Result>(
        _ index: Int, _ body: (_ events: UnsafeBufferPointer<UInt32>, _ names: UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        events(ofStep: index).withUnsafeBufferPointer { events in
            names(ofStep: index).withUnsafeBufferPointer { names in body(events, names) }
        }
    }
}

/// The parts of a decision that its shape fixes, worded once per shape.
struct ShapedDecision {
    var decidingRules: [Int]
    var reasons: [ReasonLine]
}

/// Decisions by shape (see ``ShapeObserver``), bounded so memory stays flat.
final class ShapeCache {
    private let entries = ByteTable<ShapedDecision>(capacity: 4_096)
    /// The key being built, kept between lookups so that building one allocates nothing. Unchecked exclusivity:
    /// a cache serves one decider, on one thread, and the check cost a fifth of a lookup.
    @exclusivity(unchecked) private var scratch = PlainRun<UInt32>(capacity: 256)

    deinit { scratch.deallocate() }

    func decision(events: UnsafeBufferPointer<UInt32>, filled: UInt64) -> ShapedDecision? {
        entries.value(for: key(events: events, filled: filled))
    }

    func remember(_ decision: ShapedDecision, events: UnsafeBufferPointer<UInt32>, filled: UInt64) {
        let key = key(events: events, filled: filled)
        guard entries.value(for: key) == nil else { return }
        entries.insert(decision, for: key)
    }

    /// The key of a shape: its events, then the filled slots; valid until the next call.
    private func key(events: UnsafeBufferPointer<UInt32>, filled: UInt64) -> UnsafeRawBufferPointer {
        scratch.removeAll()
        scratch.append(contentsOf: events)
        scratch.append(UInt32(truncatingIfNeeded: filled))
        scratch.append(UInt32(truncatingIfNeeded: filled >> 32))
        return UnsafeRawBufferPointer(scratch.elements(0..<scratch.count))
    }
}
