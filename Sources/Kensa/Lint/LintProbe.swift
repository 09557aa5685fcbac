/// One record of the decision space as the engine sees it, with only what an analysis asks evaluated.
///
/// Lint tries hundreds of thousands of records and asks about one rule, or a few, on each. Deciding the whole
/// record (`RecordEvaluator`) would evaluate every rule of the set every time, so the probe prepares the record
/// as the engine does — fields left out take their fallbacks, the buyer's class comes from the registry, the
/// record's date is the judgment date, the scopes are evaluated — and then evaluates single rules, and the
/// exemptions the record claims, on demand with the engine's own code (`RecordEvaluator.evaluateRule`,
/// `ExemptionJudge`). It keeps its buffers from record to record, so trying a record allocates nothing.
struct LintProbe {
    let policy: CompiledPolicy
    let names: NameResolver
    /// The record as evaluated: fallbacks applied, the buyer's class settled by the registry.
    private(set) var values: [FieldValue]
    /// Truth of each scope, by scope index.
    private(set) var scopes: [Truth]
    /// Whether some scope holds, none can, or that is unsettled.
    private(set) var inScope = Truth.yes
    private(set) var buyer = BuyerResolution(entity: nil, source: .unknown)
    private let engine: RecordEvaluator
    private var evaluator: ConditionEvaluator<SilentObserver>
    /// Each field that has a fallback, with the slot of that fallback, in slot order.
    private let fallbacks: [(slot: Int, source: Int)]
    /// By slot, what changing the field asks of `load(_:changing:)`.
    private let roles: [Role]

    private enum Role {
        /// Copy it.
        case plain
        /// Copy it, then apply the fallbacks again: it has one or stands in for another field.
        case fallback
        /// Prepare the whole record again: it is the date, names the buyer, or the scopes read it (or a field
        /// that stands in for it).
        case rebuild
    }

    init(policy: CompiledPolicy, names: NameResolver) {
        self.policy = policy
        self.names = names
        values = Array(repeating: .missing, count: policy.layout.fields.count)
        scopes = Array(repeating: .no, count: policy.scopes.count)
        engine = RecordEvaluator(policy: policy, names: names)
        evaluator = ConditionEvaluator(program: policy.program, names: names, day: nil, observer: SilentObserver())
        fallbacks = policy.layout.fields.indices.compactMap { slot in
            guard let path = policy.layout.fields[slot].fallbackPath, let source = policy.layout.slot(of: path) else {
                return nil
            }
            return (slot, source)
        }
        let slots = policy.slots
        var roles = Array(repeating: Role.plain, count: policy.layout.fields.count)
        for (slot, source) in fallbacks { (roles[slot], roles[source]) = (.fallback, .fallback) }
        var rebuilds = Set([slots.date, slots.buyerName, slots.entityClass])
        for scope in policy.scopes { rebuilds.formUnion(LintReads.slots(in: scope.when)) }
        for (slot, source) in fallbacks.reversed() where rebuilds.contains(slot) { rebuilds.insert(source) }
        for slot in rebuilds { roles[slot] = .rebuild }
        self.roles = roles
    }

    /// The judgment date: the record's own date (lint never judges at an as-of date).
    var day: Day? { evaluator.day }

    /// Prepares `record` as the engine would and evaluates the scopes on it.
    mutating func load(_ record: [FieldValue]) {
        for slot in record.indices { values[slot] = record[slot] }
        applyFallbacks()
        let recordDay: Day? = if case .date(let day) = values[policy.slots.date] { day } else { nil }
        if recordDay != evaluator.day {
            evaluator = ConditionEvaluator(
                program: policy.program, names: names, day: recordDay, observer: SilentObserver())
        }
        buyer = BuyerResolver.resolve(&values, policy: policy, names: names, day: recordDay)
        for index in scopes.indices { scopes[index] = engine.evaluateScope(index, values, evaluator: &evaluator) }
        inScope = policy.scopes.isEmpty ? .yes : scopes.max() ?? .no
    }

    /// Loads a record that differs from the one loaded only in the fields of `dims`. Unless one of them is the
    /// date, names the buyer or is read by a scope, only they are copied (and the fallbacks applied again): the
    /// buyer, the judgment date and the scopes stay as they are.
    mutating func load(_ record: [FieldValue], changing dims: [LintSpace.Dimension]) {
        var refallback = false
        for dim in dims {
            switch roles[dim.slot] {
            case .plain: break
            case .fallback: refallback = true
            case .rebuild: return load(record)
            }
        }
        for dim in dims { values[dim.slot] = record[dim.slot] }
        guard refallback else { return }
        for (slot, _) in fallbacks { values[slot] = record[slot] }
        applyFallbacks()
    }

    /// Whether records that differ only in the fields of `dims` are prepared alike: same judgment date, buyer and
    /// scopes.
    func keepsPreparation(_ dims: [LintSpace.Dimension]) -> Bool {
        dims.allSatisfy { roles[$0.slot] != .rebuild }
    }

    /// A field left out takes the value of its fallback field, as the record readers do.
    private mutating func applyFallbacks() {
        for (slot, source) in fallbacks {
            if case .missing = values[slot] { values[slot] = values[source] }
        }
    }

    /// How a rule comes out on the loaded record, with the waiver of the exemption it claims, if one turns it.
    mutating func rule(_ index: Int) -> RuleEvaluation {
        var evaluation = engine.evaluateRule(index, scopes: scopes, values, evaluator: &evaluator)
        if evaluation.result != nil { evaluation.waiver = waiver(of: index) }
        return evaluation
    }

    /// Whether the record claims the exemption and it turns one of the rules it waives.
    mutating func turns(_ exemption: Int) -> Bool {
        policy.exemptions[exemption].rules.contains { rule($0).waiver?.exemption == exemption }
    }

    /// Why the exemption is not valid for the loaded record, or nil when it is (whether or not the record claims it).
    mutating func refusal(of exemption: Int) -> ExemptionJudge.Refusal? {
        ExemptionJudge(policy: policy, values: values, buyer: buyer, day: day).refusal(
            of: exemption, evaluator: &evaluator)
    }

    /// The first exemption the record claims that is valid for it and waives the rule, as `RecordEvaluator`
    /// applies claims: in the order written.
    private mutating func waiver(of rule: Int) -> (exemption: Int, outcome: Outcome)? {
        guard case .list(let claims) = values[policy.slots.exemptions] else { return nil }
        for case .text(let id) in claims {
            guard let index = policy.exemptionsByID[id], policy.exemptions[index].rules.contains(rule) else {
                continue
            }
            if refusal(of: index) == nil {
                return (index, policy.exemptions[index].outcome)
            }
        }
        return nil
    }
}
