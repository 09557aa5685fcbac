/// Cuts each field's candidate values into classes the set cannot tell apart, keeping one value per class.
///
/// Two values are in one class when every test the set makes on the field comes out the same for both at every
/// judgment date (and, for the date itself, when every window and dated registry entry treats them alike). Any
/// record's decision is then unchanged by swapping one for the other, so enumerating one value per class is exact.
struct LintClasses {
    let policy: CompiledPolicy
    let names: NameResolver
    let domain: LintDomain
    /// Representatives already worked out, shared by every space built from these classes.
    private let memo = Memo()

    init(policy: CompiledPolicy, names: NameResolver, domain: LintDomain) {
        self.policy = policy
        self.names = names
        self.domain = domain
    }

    private final class Memo {
        var representatives: [Int: [FieldValue]] = [:]
        var classes: [Int: [[FieldValue]]] = [:]
        var elementClasses: [Int: [Int: [[FieldValue]]]] = [:]
    }

    /// One representative value per class of the field at `slot`.
    func representatives(slot: Int) -> [FieldValue] {
        if let known = memo.representatives[slot] { return known }
        let values = classes(slot: slot).map { $0[0] }
        memo.representatives[slot] = values
        return values
    }

    /// Every candidate value of the field at `slot`, grouped by class, each class led by its representative.
    func classes(slot: Int) -> [[FieldValue]] {
        if let known = memo.classes[slot] { return known }
        let values = computeClasses(slot: slot)
        memo.classes[slot] = values
        return values
    }

    /// The classes of each element field of the list of objects at `slot`, by element slot.
    func elementClasses(list slot: Int) -> [Int: [[FieldValue]]] {
        _ = classes(slot: slot)
        return memo.elementClasses[slot] ?? [:]
    }

    private func computeClasses(slot: Int) -> [[FieldValue]] {
        let spec = policy.layout.fields[slot]
        let tests = domain.reads.tests[slot] ?? []
        if case .objectList(let elementLayout) = spec.type {
            let elements = elementRepresentatives(list: slot, layout: elementLayout)
            let lists: [FieldValue] = [.missing, .objects([])] + elements.map { .objects([$0]) }
            return group(lists) { signature(of: $0, slot: slot, tests: tests, layout: policy.layout) }
        }
        return group(domain.candidates(slot: slot)) { value in
            var result = signature(of: value, slot: slot, tests: tests, layout: policy.layout)
            if slot == policy.slots.date { result += dateSignature(value) }
            return result
        }
    }

    /// Elements of a list of objects: every combination of classes of the element fields the set tests.
    private func elementRepresentatives(list: Int, layout: RecordLayout) -> [[FieldValue]] {
        var elements: [[FieldValue]] = [Array(repeating: .missing, count: layout.fields.count)]
        for (slot, tests) in (domain.reads.elementTests[list] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let classes = group(domain.candidates(layout.fields[slot], tests: tests)) {
                signature(of: $0, slot: slot, tests: tests, layout: layout)
            }
            memo.elementClasses[list, default: [:]][slot] = classes
            let values = classes.map { $0[0] }
            elements = elements.flatMap { element in
                values.map { value in
                    var copy = element
                    copy[slot] = value
                    return copy
                }
            }
        }
        return elements
    }

    /// The values grouped by signature, in the order each group's first value comes.
    private func group(_ values: [FieldValue], by signature: (FieldValue) -> [UInt8]) -> [[FieldValue]] {
        var index: [[UInt8]: Int] = [:]
        var groups: [[FieldValue]] = []
        for value in values {
            let key = signature(value)
            if let known = index[key] {
                groups[known].append(value)
            } else {
                index[key] = groups.count
                groups.append([value])
            }
        }
        return groups
    }

    /// How every test on the field comes out for `value`, at every judgment date.
    func signature(of value: FieldValue, slot: Int, tests: [Condition], layout: RecordLayout) -> [UInt8] {
        var values = Array(repeating: FieldValue.missing, count: layout.fields.count)
        values[slot] = value
        var result: [UInt8] = []
        for day in domain.days.map(Optional.some) + [nil] {
            var evaluator = ConditionEvaluator(
                program: policy.program, names: names, day: day, observer: SilentObserver())
            for test in tests { result.append(evaluator.evaluate(test, values).rawValue) }
        }
        return result
    }

    /// How the windows and dated registry entries of the set treat a judgment date.
    private func dateSignature(_ value: FieldValue) -> [UInt8] {
        guard case .date(let day) = value else { return [2] }
        func inside(_ from: Day?, _ until: Day?) -> UInt8 {
            (from.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true) ? 1 : 0
        }
        return policy.rules.map { inside($0.from, $0.until) }
            + policy.exemptions.map { inside($0.validFrom, $0.effectiveUntil) }
            + policy.vendors.members.map { inside($0.from, $0.until) }
            + policy.entities.entities.map { inside($0.from, $0.until) }
    }
}
