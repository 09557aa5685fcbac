/// Words an evaluation as a decision: which rules decided, which exemptions applied, and the reasons.
///
/// A class, so the closures that word reasons share it instead of copying the evaluation.
final class DecisionWriter {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let evaluation: Evaluation
    let recorder: RecordedTrace
    private let text: StepText

    init(policy: CompiledPolicy, values: [FieldValue], evaluation: Evaluation, recorder: RecordedTrace) {
        self.policy = policy
        self.values = values
        self.evaluation = evaluation
        self.recorder = recorder
        self.text = StepText(policy: policy, recorder: recorder, filled: evaluation.filled)
    }

    /// Ids of the rules whose result (after exemptions) is the outcome, when the outcome is a restriction.
    func decidedBy() -> [String] {
        decidingRules().map { policy.rules[$0].id }
    }

    /// Indices of the rules whose result (after exemptions) is the outcome, when the outcome is a restriction.
    func decidingRules() -> [Int] {
        guard evaluation.outcome >= .reviewRequired, evaluation.inScope != .no else { return [] }
        return evaluation.rules.indices.filter { evaluation.rules[$0].effect == evaluation.outcome }
    }

    /// Scopes whose conditions the reasons quote: all of them when the record is out of scope, the unsettled
    /// ones when it is unsettled.
    static func scopesToExplain(_ evaluation: Evaluation) -> [Int] {
        switch evaluation.inScope {
        case .no: Array(evaluation.scopes.indices)
        case .unknown: evaluation.scopes.indices.filter { evaluation.scopes[$0] == .unknown }
        case .yes: []
        }
    }

    /// Rules whose conditions the reasons quote: those that restrict the record.
    static func rulesToExplain(_ evaluation: Evaluation) -> [Int] {
        guard evaluation.inScope != .no else { return [] }
        return evaluation.rules.indices.filter { (evaluation.rules[$0].effect ?? .permitted) >= .reviewRequired }
    }

    /// Every reason; scope and rule lines come from `cache` when an earlier record failed the same way.
    func reasons(cache: ReasonCache) -> [ReasonLine] {
        var reasons = invalidValues().map(ReasonLine.init)
        if let note = buyerNote() { reasons.append(ReasonLine(note)) }
        reasons += scopeReasons(cache: cache)
        reasons += ruleReasons(cache: cache)
        reasons += exceptionReasons().map(ReasonLine.init)
        reasons += exemptionReasons().map(ReasonLine.init)
        return reasons
    }

    private func invalidValues() -> [String] {
        guard InvalidValues.any(in: values) else { return [] }
        var notes: [String] = []
        func scan(_ values: [FieldValue], _ layout: RecordLayout, prefix: String) {
            for (slot, value) in values.enumerated() {
                switch value {
                case .invalid(let reason, let written):
                    notes.append(
                        "`\(prefix + layout.fields[slot].path)` is \"\(written)\": \(reason), so it counts as unknown")
                case .list(let elements):
                    for case .invalid(let reason, let written) in elements {
                        notes.append(
                            "`\(prefix + layout.fields[slot].path)` holds \"\(written)\": \(reason), so it counts as unknown"
                        )
                    }
                case .objects(let elements):
                    guard case .objectList(let inner) = layout.fields[slot].type else { continue }
                    for (index, element) in elements.enumerated() {
                        scan(element, inner, prefix: "\(prefix + layout.fields[slot].path)[\(index)].")
                    }
                default:
                    continue
                }
            }
        }
        scan(values, policy.layout, prefix: "")
        return notes
    }

    private func buyerNote() -> String? {
        let buyer = evaluation.buyer
        guard let entity = buyer.entity, let overridden = buyer.overridden else { return nil }
        let registered = policy.entities.entities[entity]
        let spec = policy.layout.fields[policy.slots.entityClass]
        let className = RecordLayout.entityClasses[registered.entityClass]
        return "the entity registry lists `\(registered.name)` as \(className); the record's `buyer.entity_class` "
            + "\(ConditionWording(policy: policy).value(overridden, spec)) is overridden"
    }

    private func scopeReasons(cache: ReasonCache) -> [ReasonLine] {
        guard !policy.scopes.isEmpty else { return [] }
        guard evaluation.inScope != .yes else {
            let restricted = evaluation.rules.contains { ($0.effect ?? .permitted) >= .reviewRequired }
            guard !restricted else { return [] }
            let held = policy.scopes.indices.filter { evaluation.scopes[$0] == .yes }.map {
                "`\(policy.scopes[$0].id)`"
            }
            let waived = evaluation.exemptions.contains { !$0.turnedRules.isEmpty }
            let line =
                "in scope \(held.joined(separator: ", ")); no rule restricts this record"
                + (waived ? " after the exemptions applied" : "")
            return [
                ReasonLine(
                    evaluation.outcome == .permitted
                        ? line : line + ", but it cannot be approved while a value it gives cannot be used")
            ]
        }
        return Self.scopesToExplain(evaluation).map { index in
            let culprits =
                text.step { if case .scope(index) = $0 { true } else { false } }.map(recorder.culprits(of:)) ?? []
            let flags = Int32(evaluation.inScope.rawValue)
            return cache.line(for: ReasonLineKey(line: .scope(index), flags: flags, culprits: culprits, in: text)) {
                let scope = policy.scopes[index]
                let why = text.words(culprits)
                return evaluation.inScope == .no
                    ? "out of scope `\(scope.id)` (\(scope.title)): \(why)"
                    : "whether scope `\(scope.id)` (\(scope.title)) applies cannot be settled: \(why)"
            }
        }
    }

    /// Rules that would have applied but for an established `unless` exception: the exception is the reason a
    /// covered purchase was not restricted.
    private func exceptionReasons() -> [String] {
        guard evaluation.inScope != .no else { return [] }
        return evaluation.rules.indices.compactMap { index in
            let result = evaluation.rules[index]
            guard let exception = result.exception, result.scope != .no, result.when != .no else { return nil }
            let rule = policy.rules[index]
            let excepted = rule.exceptions[exception]
            return
                "rule `\(rule.id)` (\(rule.title)) does not apply: exception `\(excepted.id)` (\(excepted.title)) holds"
        }
    }

    private func ruleReasons(cache: ReasonCache) -> [ReasonLine] {
        let rules = evaluation.rules
        let ordered = Self.rulesToExplain(evaluation).sorted { (rules[$0].effect!, $1) > (rules[$1].effect!, $0) }
        return ordered.map { index in
            let result = evaluation.rules[index]
            let step = text.step { if case .rule(index) = $0 { true } else { false } }
            let wouldApply = result.truth == .unknown && result.scope == .unknown && result.when == .yes
            let settling = wouldApply ? step.flatMap(text.whenStep(ofRule:)) : step
            let culprits = settling.map(recorder.culprits(of:)) ?? []
            let flags = Int32(result.truth.rawValue) | Int32(result.effect!.rawValue) << 2 | (wouldApply ? 32 : 0)
            return cache.line(for: ReasonLineKey(line: .rule(index), flags: flags, culprits: culprits, in: text)) {
                let rule = policy.rules[index]
                let why =
                    wouldApply
                    ? "it would apply if the record were in scope (\(text.words(culprits))), "
                        + "and whether it is in scope cannot be settled"
                    : text.words(culprits)
                let verb = result.truth == .unknown ? "cannot be settled" : "applies"
                return "rule `\(rule.id)` (\(rule.title)) \(verb) → \(result.effect!.name): \(why)"
            }
        }
    }

    private func exemptionReasons() -> [String] {
        evaluation.exemptions.map { verdict in
            if let rejection = verdict.rejection {
                return "exemption `\(verdict.claimedID)` not applied: \(rejection)"
            }
            let exemption = policy.exemptions[verdict.exemption!]
            let rules = verdict.turnedRules.map { "`\(policy.rules[$0].id)`" }.joined(separator: ", ")
            return
                "exemption `\(exemption.id)` (\(exemption.authority)) applied: waives \(rules) → \(exemption.outcome.name)"
        }
    }
}
