extension Decider {
    /// An explained decision in parts: the decision without its trace, and the evaluation and recorded steps that
    /// its trace is made from, as `[TraceEvent]` (`TraceBuilder`).
    func explained(
        values: consuming [FieldValue], line: Int?, asOf: Day?, filled: UInt64
    ) -> (decision: Decision, evaluation: Evaluation, trace: RecordedTrace) {
        let (evaluation, trace) = evaluateExplained(values: values, asOf: asOf, filled: filled)
        let writer = DecisionWriter(
            policy: policy, values: evaluation.values, evaluation: evaluation, recorder: trace)
        let decision = Decision(
            id: evaluation.id(in: policy), outcome: evaluation.outcome, decidedBy: writer.decidedBy(),
            exemptionsApplied: evaluation.exemptionsApplied, reasons: writer.reasons(cache: reasonCache).map(\.text),
            policy: policy.info,
            judgedAt: evaluation.day, line: line, trace: nil)
        return (decision, evaluation, trace)
    }

    /// Evaluates a record with every step recorded, for its trace; the steps are recorded into `steps`, emptied,
    /// whose capacity a batch hands from record to record.
    private func evaluateExplained(
        values: consuming [FieldValue], asOf: Day?, filled: UInt64, reusing steps: consuming [RecordedTrace.Step] = []
    ) -> (evaluation: Evaluation, trace: RecordedTrace) {
        var recorder = TraceRecorder<CompleteTrace>(policy: policy, reusing: steps)
        let expected = 2 * policy.conditions.count + 3 * policy.rules.count + 16
        if recorder.trace.steps.capacity < expected { recorder.trace.steps.reserveCapacity(expected) }
        var evaluation = evaluator.evaluate(consume values, asOf: asOf, observer: &recorder)
        evaluation.filled = filled
        recorder.trace.values = evaluation.values
        return (evaluation, recorder.trace)
    }

    /// Decides one record and appends its decision with the full trace as compact JSON (with a newline for JSON
    /// Lines): the bytes of `DecisionJSON.append(decide(record, asOf: asOf, explain: true), …)`, written from the
    /// decision's parts (`DecisionLineWriter`) and the policy's pre-rendered fragments (`TraceWriter`) instead of
    /// a `Decision` and a list of events. `decide --explain` writes with this.
    package func appendExplained(_ record: consuming Record, asOf: Day?, newline: Bool, to bytes: inout [UInt8]) {
        guard let traceWriter else {
            return DecisionJSON.append(decide(record, asOf: asOf, explain: true), newline: newline, to: &bytes)
        }
        let line = record.line
        appendExplained(record, asOf: asOf, by: traceWriter, to: &bytes) { evaluation, reasons, decidingRules, sink in
            lineWriter.appendMembers(
                id: evaluation.id(in: policy), outcome: evaluation.outcome, decidingRules: decidingRules,
                exemptionsApplied: evaluation.exemptionsApplied, reasons: reasons, judgedAt: evaluation.day,
                line: line, to: &sink)
            sink.append(",\"trace\":[")
        } after: { sink in
            sink.append("]}")
            if newline { sink.append(0x0A) }
        }
    }

    /// Decides one record and appends its decision with the full trace as text: the bytes of
    /// `DecisionText(colour: colour).render(decide(record, asOf: asOf, explain: true))`, written from the decision's
    /// parts (`DecisionTextWriter`) and the policy's trace events rendered once as text lines (`TraceWriter`).
    /// `decide --explain --format text` writes with this.
    package func appendExplainedText(_ record: consuming Record, asOf: Day?, colour: Bool, to bytes: inout [UInt8]) {
        let writers = colour ? colourTextWriters : plainTextWriters
        guard let traceWriter = writers.trace else {
            let text = DecisionText(colour: colour).render(decide(record, asOf: asOf, explain: true))
            return bytes.append(contentsOf: text.utf8)
        }
        appendExplained(record, asOf: asOf, by: traceWriter, to: &bytes) { evaluation, reasons, decidingRules, sink in
            writers.header.appendHeader(
                id: evaluation.id(in: policy), outcome: evaluation.outcome, decidingRules: decidingRules,
                exemptionsApplied: evaluation.exemptionsApplied, reasons: reasons, judgedAt: evaluation.day,
                to: &sink)
        } after: { sink in
            sink.append(UInt8(ascii: "\n"))
        }
    }

    /// Decides one record with its full trace and appends what `before` writes from the decision's parts, the
    /// trace's events in `traceWriter`'s format, and what `after` writes: what both forms of an explained decision
    /// share. The record's values are kept as the decider's spent values (`takeSpentValues()`).
    ///
    /// The decision's pieces are staged in a `JSONByteSink` and reach `bytes` a few kilobytes at a time.
    private func appendExplained(
        _ record: consuming Record, asOf: Day?, by traceWriter: TraceWriter, to bytes: inout [UInt8],
        before: (_ evaluation: Evaluation, _ reasons: [ReasonLine], _ decidingRules: [Int], inout JSONByteSink) -> Void,
        after: (inout JSONByteSink) -> Void
    ) {
        let filled = record.filled
        let evaluation: Evaluation
        var recorded: RecordedTrace
        (evaluation, recorded) = evaluateExplained(
            values: record.takeValues(), asOf: asOf, filled: filled, reusing: traceWriter.takeRecycledSteps())
        let values = evaluation.values
        var shape = RecordShape()
        swap(&shape, &explainedShape)
        recorded.steps.withUnsafeBufferPointer { steps in
            values.withUnsafeBufferPointer { values in
                shape.record(complete: steps, values: values, fragments: traceWriter.fragments, evaluation: evaluation)
            }
        }
        let reasons = explainedReasons(evaluation, recorded: recorded, shape: shape)
        // The writer's staging area, a few kilobytes reused from record to record: it stays in the first-level cache.
        var sink = JSONByteSink(staging: traceWriter.staging)
        swap(&sink.output, &bytes)
        before(evaluation, reasons, DecisionWriter.decidingRules(evaluation), &sink)
        traceWriter.append(evaluation, recorded, shape: shape, to: &sink)
        after(&sink)
        sink.flush()
        swap(&sink.output, &bytes)
        swap(&shape, &explainedShape)
        traceWriter.recycle(steps: &recorded.steps)
        spentValues = values
    }

    /// The reasons of an explained decision: from lines worded before for the same segment shapes when the record
    /// has no unusable value (as on the batch path), else worded from its trace.
    private func explainedReasons(_ evaluation: Evaluation, recorded: RecordedTrace, shape: RecordShape) -> [ReasonLine]
    {
        // As on the batch path: without unusable values, scope and rule lines follow the shape, and the buyer's
        // corrected class and the claimed exemptions add framing lines of their own.
        let linesFollowShape = !evaluation.hasInvalidValues
        if linesFollowShape, var known = knownLines(evaluation, shape: shape, cache: explainedLineShapes) {
            if DecisionWriter.hasFramingLines(evaluation, policy: policy) {
                DecisionWriter.frame(&known, of: evaluation, policy: policy)
            }
            return known
        }
        let writer = DecisionWriter(
            policy: policy, values: evaluation.values, evaluation: evaluation, recorder: recorded,
            notingQuotedNames: linesFollowShape)
        let reasons = writer.reasons(cache: reasonCache)
        if linesFollowShape {
            rememberLines(
                reasons, of: evaluation, quoted: writer.quotedNames, shape: shape, cache: explainedLineShapes)
        }
        return reasons
    }
}
