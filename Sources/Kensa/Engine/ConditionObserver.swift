/// Watches condition evaluation. The engine evaluates with `SilentObserver` on the fast path and with
/// `TraceRecorder` when a decision must be explained, so both views come from one evaluator.
protocol ConditionObserver {
    /// Whether every part of a condition must be evaluated (for a full explanation) instead of stopping
    /// as soon as the result is settled.
    static var evaluatesEverything: Bool { get }

    /// Something to explain starts; returns a token for `end`.
    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int
    /// It ends with its truth and, for a test, what the record held.
    mutating func end(_ token: Int, _ truth: Truth, observed: @autoclosure () -> ObservedValue)
    /// A vendor test that looked up a name is about to end: the name's serial number (``VendorName``).
    mutating func sawVendorName(_ serial: UInt64)
}

extension ConditionObserver {
    /// Most observers need only the sighting `end` reports.
    @inline(__always) mutating func sawVendorName(_ serial: UInt64) {}
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

/// What a test saw in the record, kept only when tracing.
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
    @inline(__always) mutating func end(_ token: Int, _ truth: Truth, observed: @autoclosure () -> ObservedValue) {}
}
