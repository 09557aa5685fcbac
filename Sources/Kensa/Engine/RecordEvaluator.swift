/// Runs a compiled policy over one record: scopes, rules, exceptions, claimed exemptions, and the combined outcome.
///
/// Generic over the observer so the traced and untraced paths are one piece of code.
struct RecordEvaluator {
    let policy: CompiledPolicy
    let names: NameResolver
    /// The policy's plan, held here so that evaluating each rule does not take a reference to it again.
    private let plan: EvaluationPlan

    init(policy: CompiledPolicy, names: NameResolver) {
        self.policy = policy
        self.names = names
        plan = policy.plan
    }

    func evaluate<O: ConditionObserver>(_ record: consuming [FieldValue], asOf: Day?, observer: inout O) -> Evaluation {
        var evaluation = Evaluation()
        evaluate(record, asOf: asOf, observer: &observer, into: &evaluation)
        return evaluation
    }

    /// Evaluates a record into `evaluation`, replacing all it held and reusing its arrays' storage: the batch path
    /// keeps one evaluation from record to record, so that evaluating allocates nothing.
    func evaluate<O: ConditionObserver>(
        _ record: consuming [FieldValue], asOf: Day?, observer: inout O, into evaluation: inout Evaluation
    ) {
        var values = record
        let (day, buyer) = prepare(&values, asOf: asOf)
        // The observer moves into the evaluator and back, so that its buffers stay unshared and grow in place.
        var evaluator = ConditionEvaluator(program: policy.program, names: names, day: day, observer: consume observer)

        var scopes: [Truth] = []
        swap(&scopes, &evaluation.scopes)
        scopes.removeAll(keepingCapacity: true)
        scopes.reserveCapacity(plan.scopeRoots.count)
        for index in plan.scopeRoots.indices { scopes.append(evaluateScope(index, values, evaluator: &evaluator)) }
        let inScope = scopes.isEmpty ? Truth.yes : scopes.max() ?? .no
        var rules: [RuleEvaluation] = []
        swap(&rules, &evaluation.rules)
        rules.removeAll(keepingCapacity: true)
        rules.reserveCapacity(plan.rules.count)
        for index in plan.rules.indices {
            rules.append(evaluateRule(index, scopes: scopes, values, evaluator: &evaluator))
        }

        let verdicts = applyExemptions(values, buyer: buyer, day: day, rules: &rules, evaluator: &evaluator)

        var outcome: Outcome
        switch inScope {
        case .no: outcome = .notApplicable
        case .unknown: outcome = .reviewRequired
        case .yes: outcome = rules.lazy.compactMap(\.effect).reduce(.permitted, max)
        }
        let hasInvalidValues = InvalidValues.any(in: values)
        if outcome == .permitted && hasInvalidValues { outcome = .reviewRequired }
        observer = evaluator.takeObserver()
        evaluation = Evaluation(
            values: values, hasInvalidValues: hasInvalidValues, scopes: scopes, inScope: inScope, rules: rules,
            exemptions: verdicts, buyer: buyer, day: day, outcome: outcome)
    }

    /// The effect of one rule on a record whose scopes' truths are already known, after the exemptions it claims:
    /// what the decision matrix needs to tabulate a rule over its own fields without deciding the others. The
    /// other rules count as silent, so an exemption turns only this one.
    func ruleEffect(_ index: Int, scopes: [Truth], of record: consuming [FieldValue]) -> Outcome? {
        var values = record
        let (day, buyer) = prepare(&values, asOf: nil)
        var evaluator = ConditionEvaluator(program: policy.program, names: names, day: day, observer: SilentObserver())
        var rules = [RuleEvaluation](repeating: RuleEvaluation(scope: .no, when: .no), count: policy.rules.count)
        rules[index] = evaluateRule(index, scopes: scopes, values, evaluator: &evaluator)
        _ = applyExemptions(values, buyer: buyer, day: day, rules: &rules, evaluator: &evaluator)
        return rules[index].effect
    }

    /// The judgment date (`asOf`, else the record's date) and the buyer, whose class the registry settles in
    /// `values`: what every evaluation of a record starts from.
    private func prepare(_ values: inout [FieldValue], asOf: Day?) -> (day: Day?, buyer: BuyerResolution) {
        let recordDay: Day? = if case .date(let day) = values[policy.slots.date] { day } else { nil }
        let day = asOf ?? recordDay
        return (day, BuyerResolver.resolve(&values, policy: policy, names: names, day: day))
    }

    /// Evaluates again only the scopes and rules named, recording the steps that settle them: what a decision's
    /// reasons need, at a fraction of a full trace's cost.
    func settlingTrace(scopes: [Int], rules: [Int], of evaluation: Evaluation) -> RecordedTrace {
        var evaluator = ConditionEvaluator(
            program: policy.program, names: names, day: evaluation.day,
            observer: TraceRecorder<SettlingTrace>(policy: policy))
        for index in scopes { _ = evaluateScope(index, evaluation.values, evaluator: &evaluator) }
        for index in rules {
            _ = evaluateRule(index, scopes: evaluation.scopes, evaluation.values, evaluator: &evaluator)
        }
        evaluator.observer.trace.values = evaluation.values
        return evaluator.observer.trace
    }

    /// The truth of one scope; the lint probe (`LintProbe`) uses it too, so that it judges records as decisions do.
    func evaluateScope<O: ConditionObserver>(
        _ index: Int, _ values: [FieldValue], evaluator: inout ConditionEvaluator<O>
    ) -> Truth {
        let token = evaluator.observer.begin(.scope(index), depth: 0)
        let truth = evaluator.evaluate(root: plan.scopeRoots[index], values, depth: 1)
        evaluator.observer.end(token, truth)
        return truth
    }

    /// How one rule comes out before exemptions, given the scopes' truths; shared with `LintProbe` like
    /// `evaluateScope`.
    func evaluateRule<O: ConditionObserver>(
        _ index: Int, scopes: [Truth], _ values: [FieldValue], evaluator: inout ConditionEvaluator<O>
    ) -> RuleEvaluation {
        let rule = plan.rules[index]
        let ruleToken = evaluator.observer.begin(.rule(index), depth: 0)
        let scopeToken = evaluator.observer.begin(.ruleScope(index), depth: 1)
        let inForce = rule.inForce(on: evaluator.day)
        var ruleScope = Truth.no
        for position in rule.scopes { ruleScope = max(ruleScope, scopes[plan.ruleScopes[position]]) }
        let scope = min(inForce, scopes.isEmpty ? Truth.yes : ruleScope)
        evaluator.observer.end(scopeToken, scope)

        var evaluation = RuleEvaluation(scope: scope, inForce: inForce, when: .no)
        if scope != .no || O.evaluatesEverything {
            evaluation.when = evaluator.evaluate(root: rule.root, values, depth: 1)
        }
        if evaluation.when != .no || O.evaluatesEverything {
            for (exceptionIndex, position) in rule.exceptions.enumerated() {
                let token = evaluator.observer.begin(.exception(index, exceptionIndex), depth: 1)
                let truth = evaluator.evaluate(root: plan.exceptionRoots[position], values, depth: 2)
                evaluator.observer.end(token, truth)
                if truth == .yes && evaluation.exception == nil {
                    evaluation.exception = exceptionIndex
                    if !O.evaluatesEverything { break }
                }
            }
        }
        switch evaluation.truth {
        case .yes: evaluation.result = rule.outcome
        case .unknown: evaluation.result = .reviewRequired
        case .no: evaluation.result = nil
        }
        evaluator.observer.end(ruleToken, evaluation.truth)
        return evaluation
    }

    /// Judges the exemptions `values` claims and turns the results of the rules they waive.
    private func applyExemptions<O: ConditionObserver>(
        _ values: [FieldValue], buyer: BuyerResolution, day: Day?, rules: inout [RuleEvaluation],
        evaluator: inout ConditionEvaluator<O>
    ) -> [ExemptionVerdict] {
        guard case .list(let claims) = values[policy.slots.exemptions], !claims.isEmpty else { return [] }
        let judge = ExemptionJudge(policy: policy, values: values, buyer: buyer, day: day)
        var verdicts: [ExemptionVerdict] = []
        var seen = Set<String>()
        for claim in claims {
            guard case .text(let id) = claim, seen.insert(id).inserted else { continue }
            guard let index = policy.exemptionsByID[id] else {
                verdicts.append(
                    ExemptionVerdict(
                        claimedID: id, exemption: nil, turnedRules: [],
                        rejection: "no exemption with this id exists in policy set `\(policy.info.id)`"))
                continue
            }
            if let rejection = judge.rejection(of: index, evaluator: &evaluator) {
                verdicts.append(
                    ExemptionVerdict(claimedID: id, exemption: index, turnedRules: [], rejection: rejection))
                continue
            }
            let exemption = policy.exemptions[index]
            let turned = exemption.rules.sorted().filter { rules[$0].result != nil && rules[$0].waiver == nil }
            for rule in turned { rules[rule].waiver = (index, exemption.outcome) }
            verdicts.append(
                ExemptionVerdict(
                    claimedID: id, exemption: index, turnedRules: turned,
                    rejection: turned.isEmpty ? nothingToWaive(exemption, rules: rules) : nil))
        }
        return verdicts
    }

    /// Why a valid exemption turned no rule: the rules it waives did not restrict the record, or another exemption
    /// already waived them; and, when other rules do restrict it, that it does not waive those.
    private func nothingToWaive(_ exemption: CompiledExemption, rules: [RuleEvaluation]) -> String {
        let waived = exemption.ruleIDs.map { "`\($0)`" }.joined(separator: ", ")
        let waivers = exemption.rules.sorted().compactMap { rules[$0].waiver?.exemption }
        var reason =
            if let other = waivers.first {
                "valid, but the rules it waives (\(waived)) were already waived by exemption "
                    + "`\(policy.exemptions[other].id)`"
            } else {
                "valid, but the rules it waives (\(waived)) did not restrict this record"
            }
        let restricting = rules.indices.filter {
            !exemption.rules.contains($0) && rules[$0].waiver == nil && (rules[$0].result ?? .permitted) > .permitted
        }
        if !restricting.isEmpty {
            let named = restricting.map { "`\(policy.rules[$0].id)`" }.joined(separator: ", ")
            reason += "; it does not waive \(named), which " + (restricting.count == 1 ? "does" : "do")
        }
        return reason
    }
}
