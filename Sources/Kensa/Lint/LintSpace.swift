/// The finite decision space of a policy set: every combination of the classes of the fields its conditions read,
/// reduced by two exact partitions so that it stays small.
///
/// 1. Fields only the scopes read are folded: for each value of the fields scopes and rules share (the date among
///    them), one record per distinct pattern of scope truths is kept, since rules see scopes only through those
///    truths. Each kept record is a **region**.
/// 2. Within a region, rules that read no field in common form independent **components**; each component's fields
///    are enumerated alone. For every distinct way a component's rules come out, one record is produced, with the
///    other components set where their rules impose least. That record set contains every result of every rule,
///    and, for any rule, a record where it is decisive if any record of the full product has one.
struct LintSpace {
    /// One record of the reduced space, as evaluated.
    struct Point {
        var record: [FieldValue]
        var evaluation: Evaluation
        var region: Int
    }

    typealias Dimension = (slot: Int, values: [FieldValue])

    let policy: CompiledPolicy
    let names: NameResolver
    let fixed: [Int: FieldValue]
    let shared: [Dimension]
    let scopeOnly: [Dimension]
    /// Rule fields, grouped by component, with the rules of each component.
    let components: [(dims: [Dimension], rules: [Int])]

    /// - Parameter fixed: values every record carries (a buyer's name, a claimed exemption); not enumerated.
    init(policy: CompiledPolicy, names: NameResolver, classes: LintClasses, fixed: [Int: FieldValue] = [:]) {
        self.policy = policy
        self.names = names
        self.fixed = fixed
        let reads = classes.domain.reads
        let ruleSlots = reads.ruleSlots.union([policy.slots.date])
        func dims(_ slots: Set<Int>) -> [Dimension] {
            slots.subtracting(fixed.keys).sorted().map { ($0, classes.representatives(slot: $0)) }
        }
        shared = dims(reads.scopeSlots.intersection(ruleSlots))
        scopeOnly = dims(reads.scopeSlots.subtracting(ruleSlots))
        let own = Set(ruleSlots.subtracting(reads.scopeSlots).subtracting(fixed.keys))
        components = Self.components(reads.slotsOfRule.map { $0.intersection(own) }).map { (dims($0.slots), $0.rules) }
    }

    /// Rules joined when they read a field in common.
    private static func components(_ slotsOfRule: [Set<Int>]) -> [(slots: Set<Int>, rules: [Int])] {
        var groups: [(slots: Set<Int>, rules: [Int])] = []
        for (rule, slots) in slotsOfRule.enumerated() {
            var merged = (slots: slots, rules: [rule])
            groups.removeAll { group in
                guard !group.slots.isDisjoint(with: slots) else { return false }
                merged.slots.formUnion(group.slots)
                merged.rules += group.rules
                return true
            }
            groups.append((merged.slots, merged.rules.sorted()))
        }
        return groups
    }

    /// Calls `body` on every record of the reduced space until it returns false.
    func forEach(_ body: (Point) -> Bool) {
        let evaluator = RecordEvaluator(policy: policy, names: names)
        var silent = SilentObserver()
        var base = Array(repeating: FieldValue.missing, count: policy.layout.fields.count)
        for (slot, value) in fixed { base[slot] = value }
        var region = 0
        var keepGoing = true
        Self.product(shared, base) { sharedRecord in
            var patterns = Set<[Truth]>()
            var kept: [[FieldValue]] = []
            Self.product(scopeOnly, sharedRecord) { record in
                let scopes = evaluator.evaluate(withFallbacks(record), asOf: nil, observer: &silent).scopes
                if patterns.insert(scopes).inserted { kept.append(record) }
                return true
            }
            for scoped in kept {
                let outcomes = components.map { outcomesOf($0, in: scoped, evaluator: evaluator) }
                for index in components.indices {
                    for record in outcomes[index].distinct {
                        var merged = record
                        for (other, otherComponent) in components.enumerated() where other != index {
                            for dim in otherComponent.dims { merged[dim.slot] = outcomes[other].mildest[dim.slot] }
                        }
                        let values = withFallbacks(merged)
                        let evaluation = evaluator.evaluate(values, asOf: nil, observer: &silent)
                        keepGoing = body(Point(record: values, evaluation: evaluation, region: region))
                        if !keepGoing { return false }
                    }
                }
                region += 1
            }
            return true
        }
    }

    /// One record per distinct way the component's rules (and the exemptions claimed) come out, and the record
    /// where the component's rules impose least.
    private func outcomesOf(
        _ component: (dims: [Dimension], rules: [Int]), in base: [FieldValue], evaluator: RecordEvaluator
    ) -> (distinct: [[FieldValue]], mildest: [FieldValue]) {
        var silent = SilentObserver()
        var seen = Set<[UInt8]>()
        var distinct: [[FieldValue]] = []
        var mildest = (score: Int.max, record: base)
        Self.product(component.dims, base) { record in
            let evaluation = evaluator.evaluate(withFallbacks(record), asOf: nil, observer: &silent)
            let key =
                component.rules.flatMap { [evaluation.rules[$0].truth.rawValue, UInt8(evaluation.rules[$0].effect?.rawValue ?? 9)] }
                + evaluation.exemptions.map { $0.turnedRules.isEmpty ? 0 : 1 }
            if seen.insert(key).inserted { distinct.append(record) }
            let score = component.rules.map { evaluation.rules[$0].effect?.rawValue ?? -1 }.max() ?? -1
            if score < mildest.score { mildest = (score, record) }
            return true
        }
        return (distinct, mildest.record)
    }

    /// A field left out takes the value of its fallback field, as the record readers do.
    private func withFallbacks(_ record: [FieldValue]) -> [FieldValue] {
        var values = record
        for (slot, spec) in policy.layout.fields.enumerated() where values[slot] == .missing {
            if let path = spec.fallbackPath, let source = policy.layout.slot(of: path) { values[slot] = values[source] }
        }
        return values
    }

    /// Calls `body` with every combination of the dimensions' values set into `base`; stops when it returns false.
    @discardableResult
    private static func product(_ dims: [Dimension], _ base: [FieldValue], _ body: ([FieldValue]) -> Bool) -> Bool {
        var record = base
        var index = Array(repeating: 0, count: dims.count)
        if dims.contains(where: { $0.values.isEmpty }) { return true }
        for dim in dims { record[dim.slot] = dim.values[0] }
        while true {
            if !body(record) { return false }
            var position = dims.count - 1
            while position >= 0 {
                index[position] += 1
                if index[position] < dims[position].values.count {
                    record[dims[position].slot] = dims[position].values[index[position]]
                    break
                }
                index[position] = 0
                record[dims[position].slot] = dims[position].values[0]
                position -= 1
            }
            if position < 0 { return true }
        }
    }
}
