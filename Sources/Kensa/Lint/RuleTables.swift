/// Each rule's effect over every combination of its free fields' classes (`RuleClasses`), worked out by the
/// engine once per setting of what else the rule depends on; and what each group of rules that share free fields
/// can come to.
///
/// A rule's effect depends on its own fields, its scopes' truths and window (its scope truth), the judgment date
/// (through dated vendor members, or fully when the rule reads the date or a claimed exemption waives it), and
/// the claim. Tables are keyed by exactly these, the fields it reads by the rule's own classes of them, so
/// regions that differ only in what the rule cannot tell apart share them.
final class RuleTables {
    struct Key: Hashable {
        var rule: Int
        var scope: Truth
        var day: FieldValue
        /// The rule's class of each of its fields the search fixes.
        var fixed: [Int]
        var claim: Int
    }

    let space: MatrixSpace
    /// Each rule's free fields: those it reads that the search does not fix, in slot order.
    let free: [[Int]]
    /// Each rule's classes of each of its free fields.
    private let classes: [[RuleClasses]]
    private let fixed: [[Int]]
    /// For each rule and field it reads that the search fixes: the rule's class of each value tried.
    private let fixedClasses: [[[FieldValue: Int]]]
    /// Exemptions that waive each rule.
    private let waivers: [Set<Int>]
    /// For each date tried, the first date tried at which every dated vendor member is in the same group.
    private let membershipDays: [FieldValue: FieldValue]
    private var tables: [Key: [Int8]] = [:]
    private var groups: [[Key]: GroupReach] = [:]

    init(space: MatrixSpace, outer: Set<Int>) {
        self.space = space
        let policy = space.policy
        let free = space.ruleReads.map { $0.subtracting(outer).sorted() }
        self.free = free
        let fixed = space.ruleReads.map { $0.intersection(outer).sorted() }
        self.fixed = fixed
        var classes: [[RuleClasses]] = []
        var fixedClasses: [[[FieldValue: Int]]] = []
        for rule in policy.rules.indices {
            let tests = RuleClasses.tests(of: rule, in: policy)
            classes.append(free[rule].map { RuleClasses(rule: rule, slot: $0, space: space, tests: tests) })
            fixedClasses.append(
                fixed[rule].map { slot in
                    let own = RuleClasses(rule: rule, slot: slot, space: space, tests: tests)
                    let values = space.classes(of: slot).map { $0[0] }
                    return Dictionary(uniqueKeysWithValues: zip(values, own.map))
                })
        }
        self.classes = classes
        self.fixedClasses = fixedClasses
        waivers = policy.rules.indices.map { rule in
            Set(policy.exemptions.indices.filter { policy.exemptions[$0].rules.contains(rule) })
        }
        let dated = policy.vendors.members.filter { $0.from != nil || $0.until != nil }
        var first: [[Bool]: FieldValue] = [:]
        var days: [FieldValue: FieldValue] = [:]
        for value in space.classes(of: policy.slots.date).map({ $0[0] }) {
            guard case .date(let day) = value else { continue }
            let signature = dated.map { ($0.from.map { day >= $0 } ?? true) && ($0.until.map { day <= $0 } ?? true) }
            days[value] = first[signature] ?? value
            first[signature] = days[value]
        }
        membershipDays = days
    }

    /// The key of the rule's table in a region.
    func key(_ rule: Int, scope: Truth, record: [FieldValue], claim: Int) -> Key {
        let date = record[space.policy.slots.date]
        let waived = !space.claims[claim].exemptions.isDisjoint(with: waivers[rule])
        return Key(
            rule: rule, scope: scope, day: waived ? date : membershipDays[date] ?? date,
            fixed: zip(fixed[rule], fixedClasses[rule]).map { $1[record[$0]] ?? -1 }, claim: waived ? claim : -1)
    }

    /// What the rules (sharing free fields with one another, none with other rules) can come to in the region of
    /// `record`, whose scopes' truths are `scopes`: every combination of their free fields, read off the tables.
    func reach(of rules: [Int], keys: [Key], record: [FieldValue], scopes: [Truth]) -> GroupReach {
        if let known = groups[keys] { return known }
        // Outcome raw values, -1 for no effect, so the loop below compares integers.
        let effects = zip(rules, keys).map { table($0, key: $1, record: record, scopes: scopes) }
        let slots = Set(rules.flatMap { free[$0] }).sorted()
        let counts = slots.map { space.classes(of: $0).count }
        // For each rule and field of the group: the rule's class of each of the field's classes, times its stride.
        let steps = rules.map { rule in
            let strides = Self.strides(classes[rule].map(\.representatives.count))
            return slots.indices.map { position in
                guard let own = free[rule].firstIndex(of: slots[position]) else {
                    return Array(repeating: 0, count: counts[position])
                }
                return classes[rule][own].map.map { $0 * strides[own] }
            }
        }
        let permitted = Int8(Outcome.permitted.rawValue)
        let review = Int8(Outcome.reviewRequired.rawValue)
        var reached = Array(repeating: false, count: Outcome.allCases.count)
        var imposing = Array(repeating: Array(repeating: false, count: rules.count), count: reached.count)
        var reviewing = Array(repeating: false, count: rules.count)
        var indices = Array(repeating: 0, count: rules.count)
        var digits = Array(repeating: 0, count: slots.count)
        while true {
            var level = permitted
            for rule in rules.indices { level = max(level, effects[rule][indices[rule]]) }
            reached[Int(level)] = true
            for rule in rules.indices {
                let effect = effects[rule][indices[rule]]
                if effect == level && level > permitted { imposing[Int(level)][rule] = true }
                if effect == review { reviewing[rule] = true }
            }
            // Next combination: the last field varies fastest; each rule's table index follows its classes.
            var position = slots.count - 1
            while position >= 0 {
                let old = digits[position]
                let new = old + 1 < counts[position] ? old + 1 : 0
                digits[position] = new
                for rule in rules.indices { indices[rule] += steps[rule][position][new] - steps[rule][position][old] }
                if new > 0 { break }
                position -= 1
            }
            if position < 0 { break }
        }
        var reach = GroupReach()
        for outcome in Outcome.allCases where reached[outcome.rawValue] {
            let imposers = rules.indices.filter { imposing[outcome.rawValue][$0] }.map { rules[$0] }
            reach.levels.add(outcome, by: Set(imposers))
        }
        reach.reviewers = Set(rules.indices.filter { reviewing[$0] }.map { rules[$0] })
        groups[keys] = reach
        return reach
    }

    /// The rule's effects over every combination of its classes, each decided by the engine on its
    /// representative values.
    private func table(_ rule: Int, key: Key, record: [FieldValue], scopes: [Truth]) -> [Int8] {
        if let known = tables[key] { return known }
        let slots = free[rule]
        let values = zip(slots, classes[rule]).map { slot, own in
            own.representatives.map { space.classes(of: slot)[$0][0] }
        }
        var effects: [Int8] = []
        var filled = record
        MatrixReach.product(values.map(\.count)) { digits in
            for position in slots.indices { filled[slots[position]] = values[position][digits[position]] }
            effects.append(Int8(space.effect(of: rule, scopes: scopes, in: filled)?.rawValue ?? -1))
        }
        tables[key] = effects
        return effects
    }

    /// Mixed-radix strides, the last position varying fastest.
    private static func strides(_ counts: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: counts.count)
        for position in counts.indices.reversed().dropFirst() {
            strides[position] = strides[position + 1] * counts[position + 1]
        }
        return strides
    }
}
