/// Writes the events of one decision's trace as JSON, straight from the steps the evaluation recorded: the fast
/// path of `decide --explain`.
///
/// It writes the same bytes as building the `[TraceEvent]` list with `TraceBuilder` and writing each event with
/// `DecisionJSON`. Each scope's and rule's events come from a ``TraceSegmentCache``, rendered once per segment shape
/// by ``TraceSegmentRenderer``; per record only the holes are written: the values tests saw, list entries' parts, and
/// waiver and window sentences. No String or event is made, except for the buyer, claimed exemptions, numbers,
/// waivers and windows.
struct TraceJSONWriter {
    let fragments: TraceJSONFragments
    /// Holds the policy, evaluation and recorded steps, and builds the events the fast path does not template.
    let builder: TraceBuilder
    /// Buyer events already written, by what they say.
    let buyerEvents: BuyerEventCache
    let segments: TraceSegmentCache
    private var store: TraceJSONTemplateStore { fragments.store }
    private var policy: CompiledPolicy { builder.policy }
    private var evaluation: Evaluation { builder.evaluation }
    private var recorder: RecordedTrace { builder.recorder }

    /// Appends the trace's events, separated by commas, without the surrounding brackets.
    func append(to bytes: inout JSONByteSink) {
        buyerEvents.append(for: builder, to: &bytes) { Self.append(builder.buyerEvent(), to: &$0) }
        recorder.steps.withUnsafeBufferPointer { steps in
            var start = 0
            while start < steps.count {
                var end = start + 1
                while end < steps.count, steps[end].depth > 0 { end += 1 }
                appendSegment(steps, start..<end, to: &bytes)
                start = end
            }
        }
        for verdict in evaluation.exemptions {
            bytes.append(UInt8(ascii: ","))
            Self.append(builder.exemptionEvent(verdict), to: &bytes)
        }
    }

    /// Appends the events of one scope or rule, rendering them first when the cache has not seen their shape.
    private func appendSegment(
        _ steps: UnsafeBufferPointer<RecordedTrace.Step>, _ segment: Range<Int>, to bytes: inout JSONByteSink
    ) {
        fillKey(steps, segment)
        let cached: TraceSegmentCache.Segment
        if let known = segments.segment() {
            cached = known
        } else {
            let (rendered, holes) = TraceSegmentRenderer(fragments: fragments, evaluation: evaluation)
                .render(steps, segment: segment)
            cached = segments.remember(rendered, holes: holes)
        }
        let values = evaluation.values
        segments.write(cached, to: &bytes) { piece, bytes in
            fill(piece, steps: steps, segmentStart: segment.lowerBound, values: values, to: &bytes)
        }
    }

    /// Sets the cache's key to the segment's shape: all that its rendering depends on (see ``TraceSegmentCache``).
    private func fillKey(_ steps: UnsafeBufferPointer<RecordedTrace.Step>, _ segment: Range<Int>) {
        segments.key.removeAll(keepingCapacity: true)
        for index in segment {
            let step = steps[index]
            var head = UInt32(truncatingIfNeeded: step.depth) & 0xFFFF | UInt32(step.truth.rawValue) << 16
            let subject: UInt32
            switch step.subject {
            case .condition(let info):
                let variant = TraceSegmentRenderer.listVariant(fragments.conditions[info], values: evaluation.values)
                head |= 1 << 24 | variant << 20
                subject = UInt32(truncatingIfNeeded: info)
            case .element(let element):
                head |= 2 << 24
                subject = UInt32(truncatingIfNeeded: element)
            case .scope(let scope):
                head |= 3 << 24
                subject = UInt32(truncatingIfNeeded: scope)
            case .ruleScope(let rule):
                let outsideWindow = TraceSegmentRenderer.isOutsideWindow(
                    rule, fragments: fragments, evaluation: evaluation)
                head |= 4 << 24 | (outsideWindow ? 1 << 20 : 0)
                subject = UInt32(truncatingIfNeeded: rule)
            case .rule(let rule):
                let result = evaluation.rules[rule]
                head |= 5 << 24 | (result.waiver == nil ? 0 : 1 << 20)
                subject =
                    UInt32(truncatingIfNeeded: rule) << 12
                    | UInt32(truncatingIfNeeded: TraceJSONFragments.verdictIndex(RuleVerdict(result))) << 3
                    | UInt32(truncatingIfNeeded: result.effect.map { $0.rawValue + 1 } ?? 0)
            case .exception(let rule, let exception):
                head |= 6 << 24
                subject = UInt32(truncatingIfNeeded: rule) << 12 | UInt32(truncatingIfNeeded: exception)
            }
            segments.key.append(head)
            segments.key.append(subject)
        }
    }

    /// Writes what fills a segment's hole for this record.
    private func fill(
        _ piece: TraceSegmentCache.Piece, steps: UnsafeBufferPointer<RecordedTrace.Step>, segmentStart: Int,
        values: [FieldValue], to bytes: inout JSONByteSink
    ) {
        switch piece.hole {
        case .actual:
            let condition = fragments.conditions[Int(piece.second)]
            let wording = TraceValueJSON(fragments: fragments)
            switch steps[segmentStart + Int(piece.first)].observed {
            case .field(let value): wording.append(value, firstChoice: condition.firstChoice, to: &bytes)
            case .vendor(let value, let sighting): wording.appendVendor(value, sighting, to: &bytes)
            case .none: return
            }
            if condition.standInSlot >= 0, evaluation.filled & (1 << UInt64(condition.standInSlot)) != 0 {
                store.write(condition.standIn, to: &bytes)
            }
        case .elementPart:
            let condition = fragments.conditions[Int(piece.first)]
            let element = Int(piece.second)
            guard condition.listSlot >= 0, condition.partSlot >= 0,
                case .objects(let elements) = values[condition.listSlot],
                elements.indices.contains(element), case .text(let part) = elements[element][condition.partSlot]
            else { return }
            bytes.append(": part \\\"")
            bytes.append(escaped: part)
            bytes.append("\\\"")
        case .window:
            let index = Int(piece.first)
            let window = TraceEvent.ruleWindowSentence(
                policy.rules[index], inForce: evaluation.rules[index].inForce, day: evaluation.day)
            bytes.append(escaped: window ?? "")
        case .waiver:
            bytes.append(escaped: RuleVerdict.waiverSentence(evaluation.rules[Int(piece.first)], in: policy))
        case .none:
            break
        }
    }

    /// Appends an event built as a `TraceEvent`, as `DecisionJSON` writes it.
    private static func append(_ event: TraceEvent, to bytes: inout [UInt8]) {
        var writer = JSONWriter()
        swap(&writer.bytes, &bytes)
        DecisionJSON.write(event, to: &writer)
        swap(&writer.bytes, &bytes)
    }

    /// Appends an event built as a `TraceEvent` to the sink.
    private static func append(_ event: TraceEvent, to bytes: inout JSONByteSink) {
        var writer = JSONWriter()
        DecisionJSON.write(event, to: &writer)
        bytes.append(writer.bytes)
    }
}
