/// The atomic tests a policy set makes on each record field: what the linter needs to cut every field's domain
/// into classes the set cannot tell apart.
struct LintReads {
    /// Field and vendor tests on top-level slots, and `some`/`every` nodes on list-of-object slots.
    var tests: [Int: [Condition]] = [:]
    /// Tests on element slots, by list slot then element slot.
    var elementTests: [Int: [Int: [Condition]]] = [:]
    /// Slots the scopes read.
    var scopeSlots = Set<Int>()
    /// Slots the rules, their exceptions and the exemptions' conditions read.
    var ruleSlots = Set<Int>()
    /// For each rule, the top-level slots it reads, with those of the conditions of exemptions that waive it (and,
    /// for each of them that has a fallback, the fallback).
    var slotsOfRule: [Set<Int>] = []

    init(policy: CompiledPolicy) {
        for scope in policy.scopes { collect(scope.when, into: \.scopeSlots) }
        for rule in policy.rules {
            collect(rule.when, into: \.ruleSlots)
            for exception in rule.exceptions { collect(exception.when, into: \.ruleSlots) }
        }
        for exemption in policy.exemptions { if let when = exemption.when { collect(when, into: \.ruleSlots) } }
        slotsOfRule = policy.rules.map { rule in
            rule.exceptions.reduce(Self.slots(in: rule.when)) { $0.union(Self.slots(in: $1.when)) }
        }
        for exemption in policy.exemptions {
            guard let when = exemption.when else { continue }
            for rule in exemption.rules { slotsOfRule[rule].formUnion(Self.slots(in: when)) }
        }
        // A field left out takes its fallback's value, so whoever reads it reads the fallback too.
        let layout = policy.layout
        for (slot, spec) in layout.fields.enumerated() {
            guard let path = spec.fallbackPath, let source = layout.slot(of: path) else { continue }
            if scopeSlots.contains(slot) { scopeSlots.insert(source) }
            if ruleSlots.contains(slot) { ruleSlots.insert(source) }
            for rule in slotsOfRule.indices where slotsOfRule[rule].contains(slot) { slotsOfRule[rule].insert(source) }
        }
    }

    /// The top-level slots a condition reads.
    static func slots(in condition: Condition) -> Set<Int> {
        switch condition {
        case .all(let parts, _), .any(let parts, _): parts.reduce(into: Set<Int>()) { $0.formUnion(slots(in: $1)) }
        case .not(let inner, _): slots(in: inner)
        case .field(let test, _): [test.slot]
        case .vendor(let test, _): [test.slot]
        case .quantified(_, let slot, _, _): [slot]
        case .invalid: []
        }
    }

    private mutating func collect(_ condition: Condition, into side: WritableKeyPath<LintReads, Set<Int>>) {
        switch condition {
        case .all(let parts, _), .any(let parts, _): parts.forEach { collect($0, into: side) }
        case .not(let inner, _): collect(inner, into: side)
        case .field(let test, _):
            self[keyPath: side].insert(test.slot)
            tests[test.slot, default: []].append(condition)
        case .vendor(let test, _):
            self[keyPath: side].insert(test.slot)
            tests[test.slot, default: []].append(condition)
        case .quantified(_, let slot, let inner, _):
            self[keyPath: side].insert(slot)
            tests[slot, default: []].append(condition)
            collectElement(inner, list: slot)
        case .invalid: break
        }
    }

    private mutating func collectElement(_ condition: Condition, list: Int) {
        switch condition {
        case .all(let parts, _), .any(let parts, _): parts.forEach { collectElement($0, list: list) }
        case .not(let inner, _): collectElement(inner, list: list)
        case .field(let test, _): elementTests[list, default: [:]][test.slot, default: []].append(condition)
        case .vendor(let test, _): elementTests[list, default: [:]][test.slot, default: []].append(condition)
        case .quantified, .invalid: break
        }
    }
}
