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
    /// Made once: making one per record took a reference to the policy, the names and the plan each time.
    let evaluator: RecordEvaluator
    let reasonCache = ReasonCache()
    let conditionTexts = ConditionTextCache()
    let lineWriter: DecisionLineWriter
    let shapes = ShapeCache()
    let lineShapes = LineShapeCache()
    /// Reason lines of explained decisions, by the shape of their complete traces' segments.
    let explainedLineShapes = LineShapeCache()
    /// The shape buffers of `appendExplained`, kept between records.
    var explainedShape = RecordShape()
    /// The batch path's shape buffers, kept between records so recording a shape allocates nothing.
    let observedShape = ObservedShape()
    /// The batch path's evaluation, kept between records so that its arrays' storage is reused.
    var batchEvaluation = Evaluation()
    /// The values of the record decided last on the batch or explained path, until `takeSpentValues()` hands them
    /// back to the reader.
    var spentValues: [FieldValue] = []
    /// The batch path's deciding rules and reason lines for records worded line by line, kept between records.
    var lineScratch = ShapedDecision(decidingRules: [], reasons: [])
    /// The writer of explained decisions' traces, from the policy's trace events rendered once as JSON; nil when
    /// they cannot be (see ``TraceFragments/make(for:format:)``).
    private(set) lazy var traceWriter = makeTraceWriter(.json)
    /// The writers of explained decisions as text, without and with colour: the lines above the trace, and the
    /// trace's from its events rendered once as text lines (nil when they cannot be). Made when first asked for.
    private(set) lazy var plainTextWriters = (
        header: DecisionTextWriter(policy: policy, colour: false), trace: makeTraceWriter(.text(colour: false))
    )
    private(set) lazy var colourTextWriters = (
        header: DecisionTextWriter(policy: policy, colour: true), trace: makeTraceWriter(.text(colour: true))
    )

    public init(policy: CompiledPolicy) {
        self.policy = policy
        self.names = NameResolver(vendors: policy.vendors, entities: policy.entities)
        self.evaluator = RecordEvaluator(policy: policy, names: names)
        self.lineWriter = DecisionLineWriter(policy: policy)
    }

    private func makeTraceWriter(_ format: TraceFormat) -> TraceWriter? {
        TraceFragments.make(for: policy, format: format).map {
            TraceWriter(policy: policy, fragments: $0, conditionTexts: conditionTexts, names: names)
        }
    }

    /// Decides one record given as values by slot of the policy's layout.
    func decide(values: consuming [FieldValue], line: Int?, asOf: Day?, explain: Bool, filled: UInt64 = 0) -> Decision {
        if explain {
            let explained = explained(values: consume values, line: line, asOf: asOf, filled: filled)
            var decision = explained.decision
            decision.trace = TraceBuilder(
                policy: policy, values: explained.evaluation.values, evaluation: explained.evaluation,
                recorder: explained.trace, cache: conditionTexts, names: names
            ).events()
            return decision
        }
        var (evaluation, trace) = evaluateForReasons(values, asOf: asOf)
        evaluation.filled = filled
        let values = evaluation.values
        let writer = DecisionWriter(policy: policy, values: values, evaluation: evaluation, recorder: trace)
        return Decision(
            id: evaluation.id(in: policy), outcome: evaluation.outcome, decidedBy: writer.decidedBy(),
            exemptionsApplied: evaluation.exemptionsApplied, reasons: writer.reasons(cache: reasonCache).map(\.text),
            policy: policy.info, judgedAt: evaluation.day, line: line, trace: nil)
    }

    /// Evaluates silently, then again only what the reasons of a decision quote (see `settlingTrace`).
    func evaluateForReasons(_ values: consuming [FieldValue], asOf: Day?) -> (Evaluation, RecordedTrace) {
        var silent = SilentObserver()
        let evaluation = evaluator.evaluate(consume values, asOf: asOf, observer: &silent)
        let trace = evaluator.settlingTrace(
            scopes: DecisionWriter.scopesToExplain(evaluation), rules: DecisionWriter.rulesToExplain(evaluation),
            of: evaluation)
        return (evaluation, trace)
    }
}

extension Decider {
    /// Decides one record read by a record reader.
    package func decide(_ record: consuming Record, asOf: Day?, explain: Bool) -> Decision {
        let (line, filled) = (record.line, record.filled)
        return decide(values: record.takeValues(), line: line, asOf: asOf, explain: explain, filled: filled)
    }
}
