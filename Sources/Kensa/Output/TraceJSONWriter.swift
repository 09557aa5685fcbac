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
    // Held apart from `fragments` and `builder`, so that reading them per hole takes no reference.
    private let conditions: [TraceJSONFragments.Condition]
    private let values: [FieldValue]
    private let wording: TraceValueJSON
    private let store: TraceJSONTemplateStore

    init(
        fragments: TraceJSONFragments, builder: TraceBuilder, buyerEvents: BuyerEventCache,
        segments: TraceSegmentCache, shape: RecordShape, vendorWordings: VendorWordingCache
    ) {
        self.fragments = fragments
        self.builder = builder
        self.buyerEvents = buyerEvents
        self.segments = segments
        self.shape = shape
        self.vendorWordings = vendorWordings
        conditions = fragments.conditions
        values = builder.evaluation.values
        wording = TraceValueJSON(fragments: fragments)
        store = fragments.store
    }

    private var policy: CompiledPolicy { builder.policy }
    private var evaluation: Evaluation { builder.evaluation }
    private var recorder: RecordedTrace { builder.recorder }

    /// Appends the trace's events, separated by commas, without the surrounding brackets.
    func append(to bytes: inout JSONByteSink) {
        buyerEvents.append(for: builder, to: &bytes) { Self.append(builder.buyerEvent(), to: &$0) }
        recorder.steps.withUnsafeBufferPointer { steps in
            var start = 0
            for segment in shape.starts.indices {
                var end = start + 1
                while end < steps.count, steps[end].depth > 0 { end += 1 }
                appendSegment(segment, steps: steps, start..<end, to: &bytes)
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
        _ number: Int, steps: UnsafeBufferPointer<RecordedTrace.Step>, _ segment: Range<Int>,
        to bytes: inout JSONByteSink
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
            fill(piece, steps: steps, segmentStart: segment.lowerBound, to: &bytes)
        }
    }

    /// Writes what fills a segment's hole for this record.
    private func fill(
        _ piece: TraceSegmentCache.Piece, steps: UnsafeBufferPointer<RecordedTrace.Step>, segmentStart: Int,
        to bytes: inout JSONByteSink
    ) {
        switch piece.hole {
        case .actual, .entryActual:
            let index = segmentStart + Int(piece.first)
            let condition = conditions[Int(piece.second)]
            let observation = steps[index].observation
            guard let slot = observation.slot else { return }
            if piece.hole == .actual {
                appendActual(observation, values, at: slot, firstChoice: condition.firstChoice, to: &bytes)
            } else {
                let (entry, at) = entryValues(piece, step: index, slot: slot)
                appendActual(observation, entry, at: at, firstChoice: condition.firstChoice, to: &bytes)
            }
            if condition.standInSlot >= 0, evaluation.filled & (1 << UInt64(condition.standInSlot)) != 0 {
                store.write(condition.standIn, to: &bytes)
            }
        case .elementPart:
            let condition = conditions[Int(piece.first)]
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

    /// Appends the value at `index` of `values` (the record's, or a list entry's) that a test saw, worded.
    private func appendActual(
        _ observation: Observation, _ values: [FieldValue], at index: Int, firstChoice: Int,
        to bytes: inout JSONByteSink
    ) {
        switch observation {
        case .none:
            return
        case .field:
            wording.append(values, at: index, firstChoice: firstChoice, to: &bytes)
        case .vendor(_, let sighting, nil):
            wording.appendVendor(values, at: index, sighting, to: &bytes)
        case .vendor(_, let sighting, let serial?):
            // A name: as worded before for the same name and group.
            vendorWordings.append(serial: serial, sighting: sighting, to: &bytes) {
                wording.appendVendor(values, at: index, sighting, to: &$0)
            }
        }
    }

    /// The values a test inside `some`/`every` read (its list entry's) and where in them is what it saw.
    private func entryValues(
        _ piece: TraceSegmentCache.Piece, step: Int, slot: Int
    ) -> (values: [FieldValue], index: Int) {
        // A list inside an entry: the recorder finds the value.
        guard piece.third >= 0 else { return ([recorder.value(slot, readBy: step)], 0) }
        guard case .objects(let entries) = values[Int(piece.third)],
            entries.indices.contains(Int(piece.fourth)), entries[Int(piece.fourth)].indices.contains(slot)
        else { return ([.missing], 0) }
        return (entries[Int(piece.fourth)], slot)
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
