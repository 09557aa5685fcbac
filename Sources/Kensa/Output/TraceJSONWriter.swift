/// Writes the events of one decision's trace as JSON, straight from the steps the evaluation recorded: the fast
/// path of `decide --explain`.
///
/// It writes the same bytes as building the `[TraceEvent]` list with `TraceBuilder` and writing each event with
/// `DecisionJSON`. Each scope's and rule's events come from a ``TraceSegmentCache``, rendered once per segment shape
/// by ``TraceSegmentRenderer``; per record only the holes are written: the values tests saw, list entries' parts, and
/// waiver and window sentences. No String or event is made, except for the buyer, claimed exemptions, numbers,
/// waivers and windows.
struct TraceJSONWriter: ~Copyable {
    let fragments: TraceJSONFragments
    /// Holds the policy, evaluation and recorded steps, and builds the events the fast path does not template.
    let builder: TraceBuilder
    /// Buyer events already written, by what they say.
    let buyerEvents: BuyerEventCache
    let segments: TraceSegmentCache
    /// The trace's shape, segment by segment (``RecordShape/record(complete:values:fragments:evaluation:)``).
    let shape: RecordShape
    let vendorWordings: VendorWordingCache
    private var store: TraceJSONTemplateStore { fragments.store }
    private var policy: CompiledPolicy { builder.policy }
    private var evaluation: Evaluation { builder.evaluation }
    private var recorder: RecordedTrace { builder.recorder }

    /// Appends the trace's events, separated by commas, without the surrounding brackets.
    func append(to bytes: inout JSONByteSink) {
        buyerEvents.append(for: builder, to: &bytes) { Self.append(builder.buyerEvent(), to: &$0) }
        recorder.steps.withUnsafeBufferPointer { steps in
            evaluation.values.withUnsafeBufferPointer { values in
                var start = 0
                for segment in shape.starts.indices {
                    var end = start + 1
                    while end < steps.count, steps[end].depth > 0 { end += 1 }
                    appendSegment(segment, steps: steps, start..<end, values: values, to: &bytes)
                    start = end
                }
            }
        }
        for verdict in evaluation.exemptions {
            bytes.append(UInt8(ascii: ","))
            Self.append(builder.exemptionEvent(verdict), to: &bytes)
        }
    }

    /// Appends the events of one scope or rule, rendering them first when the cache has not seen their shape.
    private func appendSegment(
        _ number: Int, steps: UnsafeBufferPointer<RecordedTrace.Step>, _ segment: Range<Int>,
        values: UnsafeBufferPointer<FieldValue>, to bytes: inout JSONByteSink
    ) {
        let shaped = shape.events(ofStep: number)
        let cached: TraceSegmentCache.Segment
        if let known = segments.segment(shaped: shaped) {
            cached = known
        } else {
            let (rendered, holes) = TraceSegmentRenderer(fragments: fragments, evaluation: evaluation)
                .render(steps, segment: segment)
            cached = segments.remember(rendered, holes: holes, shaped: shaped)
        }
        segments.write(cached, to: &bytes) { piece, bytes in
            fill(piece, steps: steps, segmentStart: segment.lowerBound, values: values, to: &bytes)
        }
    }

    /// Writes what fills a segment's hole for this record.
    private func fill(
        _ piece: TraceSegmentCache.Piece, steps: UnsafeBufferPointer<RecordedTrace.Step>, segmentStart: Int,
        values: UnsafeBufferPointer<FieldValue>, to bytes: inout JSONByteSink
    ) {
        switch piece.hole {
        case .actual, .entryActual:
            let index = segmentStart + Int(piece.first)
            let condition = fragments.conditions[Int(piece.second)]
            switch steps[index].observation {
            case .field(let slot) where piece.hole == .actual:
                appendActual(values[Int(slot)], firstChoice: condition.firstChoice, to: &bytes)
            case .vendor(let slot, let sighting, let serial) where piece.hole == .actual:
                appendVendor(values[Int(slot)], sighting, serial: serial, to: &bytes)
            case .field(let slot):
                appendActual(
                    entryValue(piece, slot: slot, step: index, values: values), firstChoice: condition.firstChoice,
                    to: &bytes)
            case .vendor(let slot, let sighting, let serial):
                appendVendor(
                    entryValue(piece, slot: slot, step: index, values: values), sighting, serial: serial, to: &bytes)
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

    private func appendActual(_ value: FieldValue, firstChoice: Int, to bytes: inout JSONByteSink) {
        TraceValueJSON(fragments: fragments).append(value, firstChoice: firstChoice, to: &bytes)
    }

    /// A vendor value as worded before for the same name and group, when it was a name.
    private func appendVendor(
        _ value: FieldValue, _ sighting: VendorSighting?, serial: UInt64?, to bytes: inout JSONByteSink
    ) {
        let wording = TraceValueJSON(fragments: fragments)
        guard let serial else { return wording.appendVendor(value, sighting, to: &bytes) }
        vendorWordings.append(serial: serial, sighting: sighting, to: &bytes) {
            wording.appendVendor(value, sighting, to: &$0)
        }
    }

    /// The value a test inside `some`/`every` read from the list entry of an `entryActual` hole.
    private func entryValue(
        _ piece: TraceSegmentCache.Piece, slot: Int32, step: Int, values: UnsafeBufferPointer<FieldValue>
    ) -> FieldValue {
        guard piece.third >= 0 else { return recorder.value(Int(slot), readBy: step) }
        guard case .objects(let entries) = values[Int(piece.third)], entries.indices.contains(Int(piece.fourth))
        else { return .missing }
        return entries[Int(piece.fourth)][Int(slot)]
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
