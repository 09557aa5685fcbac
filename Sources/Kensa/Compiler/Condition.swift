import KensaYAML

/// A compiled condition: field paths resolved to slots, values typed and interned, vendor groups to indices.
///
/// Every node carries the index of its `ConditionInfo`, which only tracing reads.
indirect enum Condition: Sendable {
    case all([Condition], info: Int)
    case any([Condition], info: Int)
    case not(Condition, info: Int)
    case field(FieldTest, info: Int)
    case vendor(VendorTest, info: Int)
    /// `some`/`every` over the list of objects at `slot`; the inner condition reads element slots.
    case quantified(every: Bool, slot: Int, Condition, info: Int)
    /// Stands in for a condition that failed to compile; never evaluated because compilation then fails.
    case invalid(info: Int)

    var info: Int {
        switch self {
        case .all(_, let info), .any(_, let info), .not(_, let info), .field(_, let info), .vendor(_, let info),
            .quantified(_, _, _, let info), .invalid(let info):
            info
        }
    }
}

/// A test on one field, with its operand already in the record's value representation.
struct FieldTest: Sendable {
    enum Operator: Sendable {
        case equals, notEquals, isIn, notIn, contains, containsAny, containsAll, atLeast, atMost, above, below
        /// `present: true` (or `false`); never unknown.
        case present(Bool)
    }

    var slot: Int
    var op: Operator
    var operand: Operand
}

/// The expected value(s) of a field test.
enum Operand: Sendable {
    case none
    /// Membership by choice index (`choices[i]` is true when value `i` is expected), and how many are expected.
    case choices([Bool], count: Int)
    case texts(Set<String>)
    case numbers([Double])
    case day(Day)
    case bool(Bool)
}

/// A test on a vendor name field, resolved through the vendor registry.
struct VendorTest: Sendable {
    enum Operator: Sendable {
        /// Membership by declared group index.
        case inGroup([Bool])
        /// Origin by group index (`origins[g]` is true when group `g`'s origin is one of those expected).
        case origin([Bool])
        case resolved(Bool)
    }

    var slot: Int
    var op: Operator
}

/// What a trace shows about a condition node: where it is written and how it reads. Shared by reference, since
/// every trace step about the condition reads it.
final class ConditionInfo: Sendable {
    enum Kind: Sendable { case all, any, not, field, vendor, some, every, invalid }

    let kind: Kind
    let span: SourceSpan
    /// The field or list path as written (relative inside `some`/`every`).
    let path: String?
    /// The operator as written (`in`, `at_least`, `in_group`).
    let op: String?
    /// The expected value as the author meant it, parameters resolved (`[central_ministry]`, `2019-04-01`).
    let expected: String?
    /// The `$parameter` the value came from, if any.
    let parameter: String?
    /// The field a test reads, for wording the record's value.
    let spec: FieldSpec?
    /// The record slot a test reads, when it reads a top-level field (not one inside `some`/`every`).
    let topLevelSlot: Int?
    /// The words after the field path (the whole phrase for composite conditions), for traces and reasons.
    let predicate: String
    /// The same, denied: what a reason says when the condition came out false.
    let negatedPredicate: String
    /// `file:line:column`, written once for every trace that cites it.
    let location: String

    init(_ draft: ConditionDraft, isDate: Bool) {
        kind = draft.kind
        span = draft.span
        path = draft.path
        op = draft.op
        expected = draft.expected
        parameter = draft.parameter
        spec = draft.spec
        topLevelSlot = draft.topLevelSlot
        predicate = ConditionWording.predicate(draft, isDate: isDate)
        negatedPredicate = ConditionWording.predicate(draft, isDate: isDate, negated: true)
        location = draft.span.description
    }
}

/// A condition node's description while the compiler is still filling it in.
struct ConditionDraft {
    var kind: ConditionInfo.Kind
    var span: SourceSpan
    var path: String?
    var op: String?
    var expected: String?
    var parameter: String?
    var spec: FieldSpec?
    var topLevelSlot: Int?
}
