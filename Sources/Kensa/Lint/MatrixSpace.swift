/// The decision space a matrix ranges over: lint's fields and classes (`LintClasses`), and the exemption claims a
/// record can make.
///
/// Lint's own space leaves the buyer's name and the claimed exemptions out; a matrix must cover them, since an
/// approved exemption can turn a rule's result. Each buyer an approved exemption names is tried claiming every
/// non-empty selection of the approved exemptions granted to it (in the set's order), besides records that
/// claim nothing.
struct MatrixSpace {
    /// Values a group of records carries besides the fields enumerated: a buyer's name and the exemptions claimed.
    struct Claim {
        var fixed: [Int: FieldValue]
        /// Indices of the exemptions claimed.
        var exemptions: Set<Int>
    }

    let policy: CompiledPolicy
    let evaluator: RecordEvaluator
    let lint: LintClasses
    /// Every top-level field a scope, rule or exemption condition reads, and the date, in slot order.
    let slots: [Int]
    let scopeSlots: Set<Int>
    /// Each rule's fields, with those that stand in for them when they are left out.
    let ruleReads: [Set<Int>]
    /// Records that claim nothing, then one claim per buyer and selection of its exemptions.
    let claims: [Claim]
    private let classesBySlot: [[[FieldValue]]]
    /// Fields with a fallback, and the field that stands in for each.
    private let fallbacks: [(slot: Int, source: Int)]

    init(policy: CompiledPolicy) {
        self.policy = policy
        let names = NameResolver(vendors: policy.vendors, entities: policy.entities)
        evaluator = RecordEvaluator(policy: policy, names: names)
        let reads = LintReads(policy: policy)
        lint = LintClasses(policy: policy, names: names, domain: LintDomain(policy: policy, reads: reads))
        slots = reads.scopeSlots.union(reads.ruleSlots).union([policy.slots.date]).sorted()
        scopeSlots = reads.scopeSlots
        let layout = policy.layout
        ruleReads = reads.slotsOfRule.map { own in
            own.union(own.compactMap { layout.fields[$0].fallbackPath.flatMap(layout.slot(of:)) })
        }
        var classes = Array(repeating: [[FieldValue.missing]], count: layout.fields.count)
        for slot in slots { classes[slot] = Self.classes(of: slot, lint) }
        classesBySlot = classes
        fallbacks = layout.fields.indices.compactMap { slot in
            layout.fields[slot].fallbackPath.flatMap(layout.slot(of:)).map { (slot, $0) }
        }
        claims = [Claim(fixed: [:], exemptions: [])] + Self.claims(policy)
    }

    /// The classes of a field of the space, each led by the value tried for it.
    func classes(of slot: Int) -> [[FieldValue]] { classesBySlot[slot] }

    /// Decides a record fully; fields left out take their fallbacks first, as the record readers do.
    func evaluate(_ record: [FieldValue]) -> Evaluation {
        var silent = SilentObserver()
        return evaluator.evaluate(withFallbacks(record), asOf: nil, observer: &silent)
    }

    /// The effect of one rule on a record whose scopes' truths are known.
    func effect(of rule: Int, scopes: [Truth], in record: [FieldValue]) -> Outcome? {
        evaluator.ruleEffect(rule, scopes: scopes, of: withFallbacks(record))
    }

    private func withFallbacks(_ record: [FieldValue]) -> [FieldValue] {
        guard fallbacks.contains(where: { record[$0.slot] == .missing && record[$0.source] != .missing }) else {
            return record
        }
        var values = record
        for (slot, source) in fallbacks where values[slot] == .missing { values[slot] = values[source] }
        return values
    }

    private static func classes(of slot: Int, _ lint: LintClasses) -> [[FieldValue]] {
        var classes = lint.classes(slot: slot)
        guard lint.policy.layout.fields[slot].fallbackPath != nil else { return classes }
        for index in classes.indices where classes[index].count > 1 {
            guard let position = classes[index].firstIndex(of: .missing) else { continue }
            classes[index].remove(at: position)
            classes.append([.missing])
        }
        return classes
    }

    private static func claims(_ policy: CompiledPolicy) -> [Claim] {
        let approved = policy.exemptions.indices.filter { policy.exemptions[$0].status == .approved }
        var buyers: [String] = []
        for index in approved {
            for buyer in policy.exemptions[index].buyerLabels where !buyers.contains(buyer) { buyers.append(buyer) }
        }
        return buyers.flatMap { buyer in
            let granted = approved.filter { policy.exemptions[$0].buyerLabels.contains(buyer) }
            return (1..<(1 << granted.count)).map { selection in
                let chosen = granted.indices.filter { selection & (1 << $0) != 0 }.map { granted[$0] }
                let ids = chosen.map { FieldValue.text(policy.exemptions[$0].id) }
                return Claim(
                    fixed: [policy.slots.buyerName: .text(buyer), policy.slots.exemptions: .list(ids)],
                    exemptions: Set(chosen))
            }
        }
    }
}
