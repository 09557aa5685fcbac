/// The classes of a field as one rule sees it: the field's classes in the whole set, merged where every test of
/// this rule (its `when`, its exceptions, and the conditions of the exemptions that waive it) comes out alike at
/// every judgment date. A rule's table needs one entry per such class only.
///
/// A field another stands in for (`product.brand`) keeps `missing` apart, since a record without it is judged on
/// the other field; and the field that stands in (`product.manufacturer`) is judged by the tests of both.
struct RuleClasses {
    /// For each global class of the field, the index of the rule's class it falls in.
    let map: [Int]
    /// For each of the rule's classes, the index of its first global class.
    let representatives: [Int]

    init(rule: Int, slot: Int, space: MatrixSpace, tests: [Int: [Condition]]) {
        let layout = space.policy.layout
        let standsIn = space.ruleReads[rule].filter { target in
            layout.fields[target].fallbackPath.flatMap(layout.slot(of:)) == slot
        }
        let keepsMissing = layout.fields[slot].fallbackPath != nil
        var index: [[UInt8]: Int] = [:]
        var map: [Int] = []
        var representatives: [Int] = []
        for (position, members) in space.classes(of: slot).enumerated() {
            let value = members[0]
            var signature = space.lint.signature(of: value, slot: slot, tests: tests[slot] ?? [], layout: layout)
            for target in standsIn.sorted() {
                signature += space.lint.signature(of: value, slot: target, tests: tests[target] ?? [], layout: layout)
            }
            if keepsMissing && value == .missing { signature = [UInt8.max] }
            if let known = index[signature] {
                map.append(known)
            } else {
                index[signature] = representatives.count
                map.append(representatives.count)
                representatives.append(position)
            }
        }
        self.map = map
        self.representatives = representatives
    }

    /// The atomic tests, by top-level slot, that decide a rule's effect: those of its `when`, its exceptions, and
    /// the conditions of the exemptions that waive it (a `some`/`every` node counts as one test of its list).
    static func tests(of rule: Int, in policy: CompiledPolicy) -> [Int: [Condition]] {
        var tests: [Int: [Condition]] = [:]
        func collect(_ condition: Condition) {
            switch condition {
            case .all(let parts, _), .any(let parts, _): parts.forEach(collect)
            case .not(let inner, _): collect(inner)
            case .field(let test, _): tests[test.slot, default: []].append(condition)
            case .vendor(let test, _): tests[test.slot, default: []].append(condition)
            case .quantified(_, let slot, _, _): tests[slot, default: []].append(condition)
            case .invalid: break
            }
        }
        collect(policy.rules[rule].when)
        for exception in policy.rules[rule].exceptions { collect(exception.when) }
        for exemption in policy.exemptions where exemption.rules.contains(rule) { exemption.when.map(collect) }
        return tests
    }
}
