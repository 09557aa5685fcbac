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
        let evaluator = RecordEvaluator(policy: policy, names: names)
        var buffers = RecordShape()
        swap(&buffers, &recordShape)
        var observer = ShapeObserver(reusing: consume buffers)
        var evaluation = evaluator.evaluate(record.takeValues(), asOf: asOf, observer: &observer)
        evaluation.filled = filled
        recordShape = observer.shape
        let quotesOnlyItsShape =
            evaluation.exemptions.isEmpty && evaluation.buyer.overridden == nil
            && !evaluation.hasInvalidValues
        let decision: ShapedDecision
        if quotesOnlyItsShape, !recordShape.sawVendor,
            let known = shapes.decision(events: recordShape.events, filled: filled)
        {
            decision = known
        } else if quotesOnlyItsShape, let reasons = knownLines(evaluation) {
            decision = ShapedDecision(decidingRules: DecisionWriter.decidingRules(evaluation), reasons: reasons)
        } else {
            let trace = evaluator.settlingTrace(
                scopes: DecisionWriter.scopesToExplain(evaluation), rules: DecisionWriter.rulesToExplain(evaluation),
                of: evaluation)
            let writer = DecisionWriter(
                policy: policy, values: evaluation.values, evaluation: evaluation, recorder: trace,
                notingQuotedNames: quotesOnlyItsShape && recordShape.sawVendor)
            decision = ShapedDecision(
                decidingRules: writer.decidingRules(), reasons: writer.reasons(cache: reasonCache))
            if quotesOnlyItsShape {
                if recordShape.sawVendor {
                    rememberLines(decision.reasons, of: evaluation, quoted: writer.quotedNames)
                } else {
                    shapes.remember(decision, events: recordShape.events, filled: filled)
                }
            }
        }
        lineWriter.append(
            id: evaluation.id(in: policy), outcome: evaluation.outcome, decidingRules: decision.decidingRules,
            exemptionsApplied: evaluation.exemptions.isEmpty ? [] : evaluation.exemptionsApplied,
            reasons: decision.reasons, judgedAt: evaluation.day, line: line, to: &bytes)
    }

    /// The reasons of a record that quotes only its shape, when every line was worded before; nil otherwise.
    private func knownLines(_ evaluation: Evaluation) -> [ReasonLine]? {
        var reasons: [ReasonLine] = []
        reasons.reserveCapacity(4)
        let filled = evaluation.filled
        let scopes = evaluation.scopes
        let complete = DecisionWriter.forEachLineSubject(evaluation, policy: policy) { subject, flags in
            let (events, names) = lineSteps(subject, scopes: scopes)
            guard let line = lineShapes.line(subject, flags: flags, filled: filled, events: events, names: names)
            else { return false }
            reasons.append(line)
            return true
        }
        return complete ? reasons : nil
    }

    /// Remembers each line of a record that quotes only its shape, worded by a ``DecisionWriter``.
    private func rememberLines(
        _ reasons: [ReasonLine], of evaluation: Evaluation, quoted: [ReasonLineKey.Line: [Int]]
    ) {
        for ((subject, flags), line) in zip(DecisionWriter.lineSubjects(evaluation, policy: policy), reasons) {
            let (events, names) = lineSteps(subject, scopes: evaluation.scopes)
            let quotes: [Int] =
                switch subject {
                case .scope(let index): quoted[.scope(index)] ?? []
                case .rule(let index): quoted[.rule(index)] ?? []
                case .inScope, .exception: []
                }
            lineShapes.remember(
                line, subject: subject, flags: flags, filled: evaluation.filled, events: events, names: names,
                quoted: quotes)
        }
    }

    /// What a line's shape is made of beside its subject and flags: its scope's or rule's recorded steps and the
    /// names they looked up; for the in-scope line, the scopes' truths.
    private func lineSteps(
        _ subject: LineShapeCache.Subject, scopes: [Truth]
    ) -> (events: ArraySlice<UInt32>, names: ArraySlice<UInt32>) {
        switch subject {
        case .scope(let index):
            (recordShape.events(ofStep: index), recordShape.names(ofStep: index))
        case .rule(let index):
            (
                recordShape.events(ofStep: policy.scopes.count + index),
                recordShape.names(ofStep: policy.scopes.count + index)
            )
        case .inScope: (ArraySlice(scopes.map { UInt32($0.rawValue) }), [])
        case .exception: ([], [])
        }
    }
}
