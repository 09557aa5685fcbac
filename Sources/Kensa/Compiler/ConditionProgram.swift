/// A policy's conditions as arrays of plain values, one node per condition number (``ConditionInfo``): what the
/// evaluator walks. Walking the `Condition` tree copied enum payloads (lists of parts, operands) at every step,
/// and reference counting them cost more than the tests themselves; here a step reads a few integers. A class, so
/// that an evaluator holds it with one reference rather than one per array.
final class ConditionProgram: Sendable {
    enum Operation: UInt8, Sendable { case all, any, not, field, vendor, some, every, invalid }

    /// How a common test is settled from the node alone, without reading its ``FieldTest`` or ``VendorTest``:
    /// choices against a bit mask of the expected ones (at most 64), dates against the expected day, presence, and
    /// vendor groups and origins against a bit mask of the groups (at most 64).
    enum QuickTest: UInt8, Sendable {
        /// None of these: evaluate the ``FieldTest``.
        case none
        /// `equals`/`in` on a choice: true when the value's bit is set.
        case member
        /// `not_equals`/`not_in` on a choice: true when it is clear.
        case nonMember
        /// `contains`/`contains_any` on a list of choices: true when some element's bit is set.
        case containsAny
        /// `contains_all` on a list of choices: true when every bit is among the elements'.
        case containsAll
        /// `at_least`, `at_most`, `above`, `below` on a date, against `day`.
        case atLeast, atMost, above, below
        /// `present: true` / `present: false`.
        case present, absent
        /// `in_group` on a vendor: the bits are the groups.
        case inGroup
        /// `origin` on a vendor: the bits are the groups of the expected origins.
        case origin
        /// `resolved: true` / `resolved: false` on a vendor.
        case resolved, unresolved
    }

    struct Node: Sendable {
        var operation: Operation
        /// all/any: where the parts start in `parts`; not/some/every: the inner condition's number;
        /// field/vendor: the test's index in `fieldTests`/`vendorTests`.
        var first: Int32 = 0
        /// all/any: how many parts.
        var count: Int32 = 0
        /// field/vendor/some/every: the record slot read (an element slot inside `some`/`every`).
        var slot: Int32 = 0
        var quickTest = QuickTest.none
        /// The expected choices as bits, for the choice tests; the groups, for the vendor tests.
        var choices: UInt64 = 0
        /// The expected day, for the date tests.
        var day = Day(ordinal: 0)
    }

    let nodes: [Node]
    let parts: [Int32]
    let fieldTests: [FieldTest]
    let vendorTests: [VendorTest]

    /// Lays out every condition reachable from `roots`; `count` is the number of conditions of the policy.
    init(count: Int, roots: [Condition]) {
        var layout = Layout(nodes: Array(repeating: Node(operation: .invalid), count: count))
        for root in roots { layout.add(root) }
        nodes = layout.nodes
        parts = layout.parts
        fieldTests = layout.fieldTests
        vendorTests = layout.vendorTests
    }
}

/// The arrays of a ``ConditionProgram`` while conditions are added.
private struct Layout {
    var nodes: [ConditionProgram.Node]
    var parts: [Int32] = []
    var fieldTests: [FieldTest] = []
    var vendorTests: [VendorTest] = []

    mutating func add(_ condition: Condition) {
        typealias Node = ConditionProgram.Node
        var node: Node
        switch condition {
        case .all(let conditions, _), .any(let conditions, _):
            if case .all = condition { node = Node(operation: .all) } else { node = Node(operation: .any) }
            node.first = Int32(parts.count)
            node.count = Int32(conditions.count)
            parts.append(contentsOf: conditions.map { Int32($0.info) })
            conditions.forEach { add($0) }
        case .not(let inner, _):
            node = Node(operation: .not, first: Int32(inner.info))
            add(inner)
        case .field(let test, _):
            node = Node(operation: .field, first: Int32(fieldTests.count), slot: Int32(test.slot))
            switch (test.op, test.operand) {
            case (_, .choices(let members, _)) where members.count <= 64:
                switch test.op {
                case .equals, .isIn: node.quickTest = .member
                case .notEquals, .notIn: node.quickTest = .nonMember
                case .contains, .containsAny: node.quickTest = .containsAny
                case .containsAll: node.quickTest = .containsAll
                default: break
                }
                node.choices = Self.bits(members)
            case (.atLeast, .day(let day)), (.atMost, .day(let day)), (.above, .day(let day)), (.below, .day(let day)):
                node.day = day
                node.quickTest =
                    switch test.op {
                    case .atLeast: .atLeast
                    case .atMost: .atMost
                    case .above: .above
                    default: .below
                    }
            case (.present(let expected), _):
                node.quickTest = expected ? .present : .absent
            default:
                break
            }
            fieldTests.append(test)
        case .vendor(let test, _):
            node = Node(operation: .vendor, first: Int32(vendorTests.count), slot: Int32(test.slot))
            switch test.op {
            case .inGroup(let groups) where groups.count <= 64:
                node.quickTest = .inGroup
                node.choices = Self.bits(groups)
            case .origin(let origins) where origins.count <= 64:
                node.quickTest = .origin
                node.choices = Self.bits(origins)
            case .resolved(let expected):
                node.quickTest = expected ? .resolved : .unresolved
            default:
                break
            }
            vendorTests.append(test)
        case .quantified(let every, let slot, let inner, _):
            node = Node(operation: every ? .every : .some, first: Int32(inner.info), slot: Int32(slot))
            add(inner)
        case .invalid:
            node = Node(operation: .invalid)
        }
        nodes[condition.info] = node
    }

    /// The indices of the true flags, as bits.
    private static func bits(_ flags: [Bool]) -> UInt64 {
        var bits: UInt64 = 0
        for (index, flag) in flags.enumerated() where flag { bits |= 1 << UInt64(index) }
        return bits
    }
}
