/// Watches condition evaluation. The engine evaluates with `SilentObserver` on the fast path and with
/// `TraceRecorder` when a decision must be explained, so both views come from one evaluator.
protocol ConditionObserver {
    /// Whether every part of a condition must be evaluated (for a full explanation) instead of stopping
    /// as soon as the result is settled.
    static var evaluatesEverything: Bool { get }

    /// Something to explain starts; returns a token for `end`.
    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int
    /// It ends with its truth.
    mutating func end(_ token: Int, _ truth: Truth)
    /// A test ends with its truth and what it saw: a slot of `values` (the record's, or a list entry's).
    mutating func endTest(_ token: Int, _ truth: Truth, saw observation: Observation, in values: [FieldValue])
}

/// What a trace event is about.
enum TraceSubject {
    case condition(Int)
    /// One element (by index) of a list of objects, inside `some`/`every`.
    case element(Int)
    case scope(Int)
    case rule(Int)
    /// Whether the scopes of a rule hold.
    case ruleScope(Int)
    /// An `unless` exception: rule index, exception index.
    case exception(Int, Int)
}

/// What a test saw, without the value itself: which slot it read and, for a vendor test, what the registry made of
/// the name. Plain data, so recording it costs no reference counting; ``RecordedTrace/observed(_:)`` gives the value.
enum Observation {
    case none
    case field(slot: Int32)
    /// `serial` is the name's serial number (``VendorName``) when the value was a name.
    case vendor(slot: Int32, sighting: VendorSighting?, serial: UInt64?)

    /// The slot the test read; nil for a step that is not a test.
    var slot: Int? {
        switch self {
        case .none: nil
        case .field(let slot), .vendor(let slot, _, _): Int(slot)
        }
    }
}

/// What a test saw in the record, with the value.
enum ObservedValue {
    case none
    case field(FieldValue)
    case vendor(FieldValue, VendorSighting?)
}

/// What the vendor registry made of a name.
struct VendorSighting {
    var identity: VendorIdentity
    /// The group at the judgment date; nil when that depends on an unknown date.
    var group: Int?
}

/// The fast-path observer: sees nothing, costs nothing.
struct SilentObserver: ConditionObserver {
    static var evaluatesEverything: Bool { false }
    @inline(__always) mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int { 0 }
    @inline(__always) mutating func end(_ token: Int, _ truth: Truth) {}
    @inline(__always) mutating func endTest(
        _ token: Int, _ truth: Truth, saw observation: Observation, in values: [FieldValue]
    ) {}
}
