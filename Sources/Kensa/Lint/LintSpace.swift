/// The finite decision space of a policy set: every combination of the classes of the fields its conditions read,
/// cut into pieces that can be enumerated alone.
///
/// Fields only the scopes read are folded: for each value of the fields scopes and rules share (the date among
/// them), one record per distinct pattern of scope truths is kept, since rules see scopes only through those
/// truths. Each kept record is a **region**. Within a region a rule's result depends only on the rule's own
/// fields, so analyses enumerate those, and, when they need the other rules, the others' fields split into groups
/// that share no field (`groups(of:settled:)`, `mildest(_:in:)`).
struct LintSpace {
    typealias Dimension = (slot: Int, values: [FieldValue])

    let policy: CompiledPolicy
    let fixed: [Int: FieldValue]
    let shared: [Dimension]
    let scopeOnly: [Dimension]
    /// Each rule's fields outside the region, with their classes.
    let ruleFields: [[Dimension]]
    /// Each rule's top-level fields (`LintReads.slotsOfRule`).
    let ruleReads: [Set<Int>]
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
        ruleReads = reads.slotsOfRule
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
        let evaluation = evaluator.evaluate(withFallbacks(record), asOf: nil, observer: &silent)
        return (evaluation.values, evaluation)
    }

    /// The other rules' free fields, split into groups that share no field, with the settled fields each group's
    /// rules read (its result depends on those only).
    func groups(of rules: [Int], settled: Set<Int>) -> [MildestGroup] {
        var groups: [MildestGroup] = []
        for rule in rules {
            var merged = MildestGroup(
                dims: ruleFields[rule].filter { !settled.contains($0.slot) }, rules: [rule],
                keySlots: ruleReads[rule].intersection(settled))
            groups.removeAll { group in
                guard group.dims.contains(where: { dim in merged.dims.contains { $0.slot == dim.slot } }) else {
                    return false
                }
                merged.dims += group.dims.filter { dim in !merged.dims.contains { $0.slot == dim.slot } }
                merged.rules += group.rules
                merged.keySlots.formUnion(group.keySlots)
                return true
            }
            groups.append(merged)
        }
        return groups
    }

    /// The least a group's rules impose on records that agree with `base` on the fields already set, and the
    /// values of the group's fields where they do.
    func mildest(_ group: MildestGroup, in base: [FieldValue]) -> (score: Int, values: [FieldValue]) {
        var best = (score: Int.max, values: group.dims.map { base[$0.slot] })
        Self.product(group.dims, base) { candidate in
            let evaluation = decide(candidate).evaluation
            let value = group.rules.map { evaluation.rules[$0].effect?.rawValue ?? -1 }.max() ?? -1
            if value < best.score { best = (value, group.dims.map { candidate[$0.slot] }) }
            return value > -1
        }
        return best
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

/// Some of the other rules, which share fields among themselves but none with the rest.
struct MildestGroup {
    var dims: [LintSpace.Dimension]
    var rules: [Int]
    /// Fields already set that the group's rules read.
    var keySlots: Set<Int>
}
