/// The finite decision space of a policy set: every combination of the classes of the fields its conditions read,
/// cut into pieces that can be enumerated alone.
///
/// Fields only the scopes read are folded: for each value of the fields scopes and rules share (the date among
/// them), one record per distinct pattern of scope truths is kept, since rules see scopes only through those
/// truths. Each kept record is a **region**. Within a region a rule's result depends only on the rule's own
/// fields, so analyses enumerate those, and, when they need the other rules, the others' fields split into groups
/// that share no field (`mildest(of:in:)`).
struct LintSpace {
    typealias Dimension = (slot: Int, values: [FieldValue])

    let policy: CompiledPolicy
    let fixed: [Int: FieldValue]
    let shared: [Dimension]
    let scopeOnly: [Dimension]
    /// Each rule's fields outside the region, with their classes.
    let ruleFields: [[Dimension]]
    private let evaluator: RecordEvaluator

    /// - Parameter fixed: values every record carries (a buyer's name, a claimed exemption); not enumerated.
    init(policy: CompiledPolicy, names: NameResolver, classes: LintClasses, fixed: [Int: FieldValue] = [:]) {
        self.policy = policy
        self.fixed = fixed
        evaluator = RecordEvaluator(policy: policy, names: names)
        let reads = classes.domain.reads
        let ruleSlots = reads.ruleSlots.union([policy.slots.date])
        var cache: [Int: [FieldValue]] = [:]
        func dims(_ slots: Set<Int>) -> [Dimension] {
            slots.subtracting(fixed.keys).sorted().map { slot in
                if cache[slot] == nil { cache[slot] = classes.representatives(slot: slot) }
                return (slot, cache[slot]!)
            }
        }
        shared = dims(reads.scopeSlots.intersection(ruleSlots))
        scopeOnly = dims(reads.scopeSlots.subtracting(ruleSlots))
        let own = ruleSlots.subtracting(reads.scopeSlots)
        ruleFields = reads.slotsOfRule.map { dims($0.intersection(own)) }
    }

    /// Calls `body` with each region's index and record until it returns false.
    func forEachRegion(_ body: (Int, [FieldValue]) -> Bool) {
        var silent = SilentObserver()
        var base = Array(repeating: FieldValue.missing, count: policy.layout.fields.count)
        for (slot, value) in fixed { base[slot] = value }
        var region = 0
        Self.product(shared, base) { sharedRecord in
            var patterns = Set<[Truth]>()
            var kept: [[FieldValue]] = []
            Self.product(scopeOnly, sharedRecord) { record in
                let scopes = evaluator.evaluate(withFallbacks(record), asOf: nil, observer: &silent).scopes
                if patterns.insert(scopes).inserted { kept.append(record) }
                return true
            }
            for record in kept {
                if !body(region, record) { return false }
                region += 1
            }
            return true
        }
    }

    /// Decides a record (fields left out take their fallbacks first); returns the values decided and the result.
    func decide(_ record: [FieldValue]) -> (values: [FieldValue], evaluation: Evaluation) {
        var silent = SilentObserver()
        let values = withFallbacks(record)
        return (values, evaluator.evaluate(values, asOf: nil, observer: &silent))
    }

    /// The least the `rules` can impose together on records that agree with `base` on the fields already set
    /// (`settled`), and a record where they do: their free fields split into groups sharing no field, and each
    /// group is set where its rules impose least.
    func mildest(of rules: [Int], in base: [FieldValue], settled: Set<Int>) -> (score: Int, record: [FieldValue]) {
        var groups: [(dims: [Dimension], rules: [Int])] = []
        for rule in rules {
            var merged = (dims: ruleFields[rule].filter { !settled.contains($0.slot) }, rules: [rule])
            groups.removeAll { group in
                guard group.dims.contains(where: { dim in merged.dims.contains { $0.slot == dim.slot } }) else { return false }
                merged.dims += group.dims.filter { dim in !merged.dims.contains { $0.slot == dim.slot } }
                merged.rules += group.rules
                return true
            }
            groups.append(merged)
        }
        var record = base
        var score = -1
        for group in groups {
            var best = (score: Int.max, record: base)
            Self.product(group.dims, base) { candidate in
                let evaluation = decide(candidate).evaluation
                let value = group.rules.map { evaluation.rules[$0].effect?.rawValue ?? -1 }.max() ?? -1
                if value < best.score { best = (value, candidate) }
                return value > -1
            }
            for dim in group.dims { record[dim.slot] = best.record[dim.slot] }
            score = max(score, best.score)
        }
        return (score, record)
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
    static func product(_ dims: [Dimension], _ base: [FieldValue], _ body: ([FieldValue]) -> Bool) -> Bool {
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
