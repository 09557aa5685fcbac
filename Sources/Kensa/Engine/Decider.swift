/// Decides records against one compiled policy set.
///
/// A decider keeps a cache of vendor names it has resolved, so use one per thread and many records per decider:
/// ```swift
/// let policy = try PolicySet.load(directory: "policies/jp")
/// let decider = Decider(policy: policy)
/// let decision = decider.decide(record, asOf: nil, explain: true)
/// ```
public final class Decider {
    public let policy: CompiledPolicy
    let names: NameResolver
    let reasonCache = ReasonCache()
    let conditionTexts = ConditionTextCache()
    /// The policy's trace events as JSON, rendered once, for `appendExplained`.
    private(set) lazy var traceFragments = TraceJSONFragments.make(for: policy)

    public init(policy: CompiledPolicy) {
        self.policy = policy
        self.names = NameResolver(vendors: policy.vendors, entities: policy.entities)
    }

    /// Decides one record given as values by slot of the policy's layout.
    func decide(values: consuming [FieldValue], line: Int?, asOf: Day?, explain: Bool, filled: UInt64 = 0) -> Decision {
        if explain {
            let explained = explained(values: values, line: line, asOf: asOf, filled: filled)
            var decision = explained.decision
            decision.trace = TraceBuilder(
                policy: policy, values: explained.evaluation.values, evaluation: explained.evaluation,
                recorder: explained.trace, cache: conditionTexts, names: names
            ).events()
            return decision
        }
        let evaluator = RecordEvaluator(policy: policy, names: names)
        var silent = SilentObserver()
        var evaluation = evaluator.evaluate(consume values, asOf: asOf, observer: &silent)
        let trace = evaluator.settlingTrace(
            scopes: DecisionWriter.scopesToExplain(evaluation), rules: DecisionWriter.rulesToExplain(evaluation),
            of: evaluation)
        evaluation.filled = filled
        let values = evaluation.values
        let writer = DecisionWriter(policy: policy, values: values, evaluation: evaluation, recorder: trace)
        let id: String = if case .text(let id) = values[policy.slots.id] { id } else { "" }
        return Decision(
            id: id, outcome: evaluation.outcome, decidedBy: writer.decidedBy(),
            exemptionsApplied: writer.exemptionsApplied(), reasons: writer.reasons(cache: reasonCache),
            policy: policy.info, judgedAt: evaluation.day, line: line, trace: nil)
    }
}

extension Decider {
    /// Decides one record read by a record reader.
    package func decide(_ record: consuming Record, asOf: Day?, explain: Bool) -> Decision {
        decide(values: record.values, line: record.line, asOf: asOf, explain: explain, filled: record.filled)
    }
}
