extension Decider {
    /// Decides one record and appends its decision, without a trace, as one line of JSON Lines: the same bytes
    /// as `DecisionJSON.append(decide(record, asOf: asOf, explain: false), newline: true, to: &bytes)`, without
    /// building the ``Decision``. The batch path of `kensa decide`.
    ///
    /// A decision whose shape fixes its reasons (see ``ShapeObserver``) is worded once per shape.
    package func appendDecisionLine(_ record: consuming Record, asOf: Day?, to bytes: inout [UInt8]) {
        let line = record.line
        let filled = record.filled
        let evaluator = RecordEvaluator(policy: policy, names: names)
        var observer = ShapeObserver(reusing: shapeEvents, vendorTests: vendorTests)
        var evaluation = evaluator.evaluate(record.takeValues(), asOf: asOf, observer: &observer)
        evaluation.filled = filled
        shapeEvents = observer.events
        let shaped: Bool =
            !observer.sawVendor && evaluation.exemptions.isEmpty && evaluation.buyer.overridden == nil
            && !InvalidValues.any(in: evaluation.values)
        let decision: ShapedDecision
        if shaped, let known = shapes.decision(events: shapeEvents, filled: filled) {
            decision = known
        } else {
            let trace = evaluator.settlingTrace(
                scopes: DecisionWriter.scopesToExplain(evaluation), rules: DecisionWriter.rulesToExplain(evaluation),
                of: evaluation)
            let writer = DecisionWriter(
                policy: policy, values: evaluation.values, evaluation: evaluation, recorder: trace)
            decision = ShapedDecision(
                decidingRules: writer.decidingRules(), reasons: writer.reasons(cache: reasonCache))
            if shaped { shapes.remember(decision, events: shapeEvents, filled: filled) }
        }
        lineWriter.append(
            id: evaluation.id(in: policy), outcome: evaluation.outcome, decidingRules: decision.decidingRules,
            exemptionsApplied: evaluation.exemptionsApplied,
            reasons: decision.reasons, judgedAt: evaluation.day, line: line, to: &bytes)
    }
}
