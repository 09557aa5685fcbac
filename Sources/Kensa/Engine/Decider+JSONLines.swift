extension Decider {
    /// Decides one record and appends its decision, without a trace, as one line of JSON Lines: the same bytes
    /// as `DecisionJSON.append(decide(record, asOf: asOf, explain: false), newline: true, to: &bytes)`, without
    /// building the ``Decision``. The batch path of `kensa decide`.
    ///
    /// A decision whose shape fixes its reasons (see ``ShapeObserver``) is worded once per shape; where vendor
    /// tests ran, each of its lines is worded once per shape of its own steps and the names it quotes.
    package func appendDecisionLine(_ record: consuming Record, asOf: Day?, to bytes: inout [UInt8]) {
        let line = record.line
        let filled = record.filled
        var observer = ShapeObserver(borrowing: observedShape)
        var evaluation = Evaluation()
        swap(&evaluation, &batchEvaluation)
        evaluator.evaluate(record.takeValues(), asOf: asOf, observer: &observer, into: &evaluation)
        evaluation.filled = filled
        observedShape.keep(observer)
        let shape = observedShape
        // Without unusable values, the scope and rule lines quote only the shape and the vendor names; the
        // buyer's corrected class and the claimed exemptions add lines of their own around them.
        let linesFollowShape = !evaluation.hasInvalidValues
        let framed = DecisionWriter.hasFramingLines(evaluation, policy: policy)
        var scratch = ShapedDecision(decidingRules: [], reasons: [])
        swap(&scratch, &lineScratch)
        let decision: ShapedDecision
        if linesFollowShape, !framed, !shape.sawVendor,
            let known = shapes.decision(events: shape.events, filled: filled)
        {
            decision = known
        } else if linesFollowShape, knownLines(evaluation, shape: shape, cache: lineShapes, into: &scratch.reasons) {
            if framed { DecisionWriter.frame(&scratch.reasons, of: evaluation, policy: policy) }
            DecisionWriter.decidingRules(evaluation, into: &scratch.decidingRules)
            decision = scratch
        } else {
            let trace = evaluator.settlingTrace(
                scopes: DecisionWriter.scopesToExplain(evaluation), rules: DecisionWriter.rulesToExplain(evaluation),
                of: evaluation)
            let byLine = linesFollowShape && (shape.sawVendor || framed)
            let writer = DecisionWriter(
                policy: policy, values: evaluation.values, evaluation: evaluation, recorder: trace,
                notingQuotedNames: byLine)
            decision = ShapedDecision(
                decidingRules: writer.decidingRules(), reasons: writer.reasons(cache: reasonCache))
            if byLine {
                rememberLines(
                    decision.reasons, of: evaluation, quoted: writer.quotedNames, shape: shape, cache: lineShapes)
            } else if linesFollowShape {
                shapes.remember(decision, events: shape.events, filled: filled)
            }
        }
        lineWriter.append(
            id: evaluation.id(in: policy), outcome: evaluation.outcome, decidingRules: decision.decidingRules,
            exemptionsApplied: evaluation.exemptions.isEmpty ? [] : evaluation.exemptionsApplied,
            reasons: decision.reasons, judgedAt: evaluation.day, line: line, to: &bytes)
        swap(&evaluation.values, &spentValues)
        swap(&evaluation, &batchEvaluation)
        swap(&scratch, &lineScratch)
    }

    /// The values of the record `appendDecisionLine` or `appendExplained` decided last, handed over for its
    /// reader to read a later record into (``RecordReader/recycle(_:)``).
    package func takeSpentValues() -> [FieldValue] {
        var values: [FieldValue] = []
        swap(&values, &spentValues)
        return values
    }
}
