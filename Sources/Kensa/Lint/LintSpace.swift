/// The finite decision space of a policy set: every combination of the classes of the fields its conditions read,
/// cut into pieces that can be enumerated alone.
///
/// Fields only the scopes read are folded: for each value of the fields scopes and rules share (the date among
/// them), one record per distinct pattern of scope truths is kept, since rules see scopes only through those
/// truths. Each kept record is a **region**. Within a region a rule's result depends only on the rule's own
/// fields, so analyses enumerate those, and, when they need the other rules, the others' fields split into groups
/// that share no field (`MildestPlan`).
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
    private let names: NameResolver

    /// - Parameter fixed: values every record carries (a buyer's name, a claimed exemption); not enumerated.
    init(policy: CompiledPolicy, names: NameResolver, classes: LintClasses, fixed: [Int: FieldValue] = [:]) {
        self.policy = policy
        self.fixed = fixed
        self.names = names
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

    /// A probe to try this space's records with.
    func makeProbe() -> LintProbe { LintProbe(policy: policy, names: names) }

    /// Calls `body` with each region's index and record until it returns false.
    func forEachRegion(_ body: (Int, [FieldValue]) -> Bool) {
        var probe = makeProbe()
        var base = Array(repeating: FieldValue.missing, count: policy.layout.fields.count)
        for (slot, value) in fixed { base[slot] = value }
        var region = 0
        Self.product(shared, base) { sharedRecord in
            var patterns = Set<[Truth]>()
            var kept: [[FieldValue]] = []
            Self.product(scopeOnly, sharedRecord) { record in
                probe.load(record)
                if patterns.insert(probe.scopes).inserted { kept.append(record) }
                return true
            }
            for record in kept {
                if !body(region, record) { return false }
                region += 1
            }
            return true
        }
    }

    /// Calls `body` with every combination of the dimensions' values set into `base`; stops when it returns false.
    @discardableResult
    static func product(_ dims: [Dimension], _ base: [FieldValue], _ body: ([FieldValue]) -> Bool) -> Bool {
        indexedProduct(dims, base) { record, _ in body(record) }
    }

    /// `product`, also handing `body` the position of each dimension's value in its `values`.
    @discardableResult
    static func indexedProduct(
        _ dims: [Dimension], _ base: [FieldValue], _ body: ([FieldValue], [Int]) -> Bool
    ) -> Bool {
        var record = base
        var index = Array(repeating: 0, count: dims.count)
        if dims.contains(where: { $0.values.isEmpty }) { return true }
        for dim in dims { record[dim.slot] = dim.values[0] }
        while true {
            if !body(record, index) { return false }
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
