extension Decider {
    /// Decides one record and appends its decision, without a trace, as one line of JSON Lines: the same bytes
    /// as `DecisionJSON.append(decide(record, asOf: asOf, explain: false), newline: true, to: &bytes)`, without
    /// building the ``Decision``. The batch path of `kensa decide`.
    package func appendDecisionLine(_ record: consuming Record, asOf: Day?, to bytes: inout [UInt8]) {
        let line = record.line
        let filled = record.filled
        var (evaluation, trace) = evaluateForReasons(record.takeValues(), asOf: asOf)
        evaluation.filled = filled
        let writer = DecisionWriter(policy: policy, values: evaluation.values, evaluation: evaluation, recorder: trace)
        let id: String = if case .text(let id) = evaluation.values[policy.slots.id] { id } else { "" }
        lineWriter.append(
            id: id, outcome: evaluation.outcome, decidingRules: writer.decidingRules(),
            exemptionsApplied: writer.exemptionsApplied(), reasons: writer.reasons(cache: reasonCache),
            judgedAt: evaluation.day, line: line, to: &bytes)
    }
}
