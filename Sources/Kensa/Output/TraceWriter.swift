/// Writes the events of one decision's trace as JSON or as text lines (the fragments' ``TraceFormat``), straight from
/// the steps the evaluation recorded: the fast path of `decide --explain`.
///
/// It writes the same bytes as building the `[TraceEvent]` list with `TraceBuilder` and writing each event with
/// `DecisionJSON` or `DecisionText`. Each scope's and rule's events come from a ``TraceSegmentCache``, rendered once
/// per segment shape by ``TraceSegmentRenderer``; per record only the holes are written: the values tests saw, list
/// entries' parts, and waiver and window sentences. No String or event is made, except for the buyer, claimed
/// exemptions, numbers, waivers and windows.
final class TraceWriter {
    let policy: CompiledPolicy
    let fragments: TraceFragments
    /// What the events the fast path does not template are built with (`TraceBuilder`).
    let conditionTexts: ConditionTextCache
    let names: NameResolver
    /// Buyer events already written, by what they say.
    let buyerEvents = BuyerEventCache()
    let segments = TraceSegmentCache()
    let vendorWordings = VendorWordingCache()
    /// The steps buffer of the last explained record, emptied and handed to the next one's recorder, so that
    /// recording a trace allocates nothing. Unchecked exclusivity: a writer serves one decider, on one thread.
    @exclusivity(unchecked) private var recycledSteps: [RecordedTrace.Step] = []
    /// Where explained decisions are staged (``JSONByteSink``): memory of the writer's own, because a temporary
    /// allocation this large is not judged safe on the stack and would be allocated and freed per record. Four
    /// kilobytes: it stays in the first-level cache, and each flush stays below the size at which `memcpy` turns
    /// to `rep movsb`, which costs an instruction per byte.
    let staging = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4_096)
    // Held apart from `fragments`, so that reading them per hole takes no reference.
    private let conditions: [TraceFragments.Condition]
    private let wording: TraceValueWriter
    private let store: TraceTemplateStore
    private let format: TraceFormat

    init(policy: CompiledPolicy, fragments: TraceFragments, conditionTexts: ConditionTextCache, names: NameResolver) {
        self.policy = policy
        self.fragments = fragments
        self.conditionTexts = conditionTexts
        self.names = names
        conditions = fragments.conditions
        wording = TraceValueWriter(fragments: fragments)
        store = fragments.store
        format = fragments.format
    }

    deinit { staging.deallocate() }

    /// Appends the events of the trace `recorded` with `evaluation`: in JSON separated by commas, without the
    /// surrounding brackets; in text each line after a newline, without the last line's. `shape` is the trace's
    /// shape, segment by segment (``RecordShape/record(complete:values:fragments:evaluation:)``).
    func append(
        _ evaluation: borrowing Evaluation, _ recorded: borrowing RecordedTrace, shape: borrowing RecordShape,
        to bytes: inout JSONByteSink
    ) {
        format.appendSeparator(first: true, to: &bytes)
        buyerEvents.append(for: evaluation, policy: policy, to: &bytes) {
            $0 += format.bytes(of: makeBuilder(evaluation, recorded).buyerEvent())
        }
        // The shape's words are read through one pointer: a slice per segment would take a reference each.
        recorded.steps.withUnsafeBufferPointer { steps in
            shape.events.withUnsafeBufferPointer { words in
                shape.starts.withUnsafeBufferPointer { starts in
                    var start = 0
                    for segment in starts.indices {
                        var end = start + 1
                        while end < steps.count, steps[end].depth > 0 { end += 1 }
                        let wordsEnd = segment + 1 < starts.count ? starts[segment + 1] : words.count
                        let shaped = UnsafeRawBufferPointer(
                            UnsafeBufferPointer(rebasing: words[starts[segment]..<wordsEnd]))
                        let cached = cachedSegment(shaped, steps, start..<end, evaluation)
                        segments.write(cached, to: &bytes) { piece, bytes in
                            fill(piece, steps: steps, segmentStart: start, evaluation, recorded, to: &bytes)
                        }
                        start = end
                    }
                }
            }
        }
        guard !evaluation.exemptions.isEmpty else { return }
        let builder = makeBuilder(evaluation, recorded)
        for verdict in evaluation.exemptions {
            format.appendSeparator(to: &bytes)
            bytes.append(format.bytes(of: builder.exemptionEvent(verdict)))
        }
    }

    /// The steps buffer kept from the last record (``recycle(steps:)``), or an empty one.
    func takeRecycledSteps() -> [RecordedTrace.Step] {
        var steps: [RecordedTrace.Step] = []
        swap(&steps, &recycledSteps)
        return steps
    }

    /// Keeps a record's steps buffer for the next record, leaving `steps` empty.
    func recycle(steps: inout [RecordedTrace.Step]) {
        swap(&steps, &recycledSteps)
    }

    /// The events of one scope or rule, rendered first when the cache has not seen their shape.
    private func cachedSegment(
        _ shaped: UnsafeRawBufferPointer, _ steps: UnsafeBufferPointer<RecordedTrace.Step>, _ segment: Range<Int>,
        _ evaluation: borrowing Evaluation
    ) -> TraceSegmentCache.Segment {
        if let known = segments.segment(shaped: shaped) { return known }
        let (rendered, holes) = TraceSegmentRenderer(fragments: fragments, evaluation: copy evaluation)
            .render(steps, segment: segment)
        return segments.remember(rendered, holes: holes, shaped: shaped)
    }

    /// What builds the events the fast path does not template.
    private func makeBuilder(_ evaluation: borrowing Evaluation, _ recorded: borrowing RecordedTrace) -> TraceBuilder {
        TraceBuilder(
            policy: policy, values: evaluation.values, evaluation: copy evaluation, recorder: copy recorded,
            cache: conditionTexts, names: names)
    }

    /// Writes what fills a segment's hole for this record.
    private func fill(
        _ piece: TraceSegmentCache.Piece, steps: UnsafeBufferPointer<RecordedTrace.Step>, segmentStart: Int,
        _ evaluation: borrowing Evaluation, _ recorded: borrowing RecordedTrace, to bytes: inout JSONByteSink
    ) {
        switch piece.hole {
        case .actual, .entryActual:
            let index = segmentStart + Int(piece.first)
            let condition = conditions[Int(piece.second)]
            let observation = steps[index].observation
            guard let slot = observation.slot else { return }
            if condition.standInSlot >= 0, evaluation.filled & (1 << UInt64(condition.standInSlot)) != 0 {
                store.write(condition.standIn, to: &bytes)
            }
            if piece.hole == .actual {
                appendActual(observation, evaluation.values, at: slot, firstChoice: condition.firstChoice, to: &bytes)
            } else {
                let (entry, at) = entryValues(piece, step: index, slot: slot, evaluation, recorded)
                appendActual(observation, entry, at: at, firstChoice: condition.firstChoice, to: &bytes)
            }
        case .elementPart:
            let condition = conditions[Int(piece.first)]
            let element = Int(piece.second)
            guard condition.listSlot >= 0, condition.partSlot >= 0,
                case .objects(let elements) = evaluation.values[condition.listSlot],
                elements.indices.contains(element), case .text(let part) = elements[element][condition.partSlot]
            else { return }
            bytes.append(": part ")
            bytes.append(format.quote)
            format.append(part, to: &bytes)
            bytes.append(format.quote)
        case .window:
            let index = Int(piece.first)
            let window = TraceEvent.ruleWindowSentence(
                policy.rules[index], inForce: evaluation.rules[index].inForce, day: evaluation.day)
            format.append(window ?? "", to: &bytes)
        case .waiver:
            format.append(RuleVerdict.waiverSentence(evaluation.rules[Int(piece.first)], in: policy), to: &bytes)
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
            if !vendorWordings.appendKnown(serial: serial, sighting: sighting, to: &bytes) {
                appendNewVendor(values, at: index, sighting, serial: serial, to: &bytes)
            }
        }
    }

    /// Words a vendor name the cache has not seen with this group, keeps the wording and appends it. Apart from
    /// the lookup, so that a hit captures nothing in a closure.
    @inline(never)
    private func appendNewVendor(
        _ values: [FieldValue], at index: Int, _ sighting: VendorSighting?, serial: UInt64,
        to bytes: inout JSONByteSink
    ) {
        vendorWordings.append(serial: serial, sighting: sighting, to: &bytes) {
            wording.appendVendor(values, at: index, sighting, to: &$0)
        }
    }

    /// The values a test inside `some`/`every` read (its list entry's) and where in them is what it saw.
    private func entryValues(
        _ piece: TraceSegmentCache.Piece, step: Int, slot: Int, _ evaluation: borrowing Evaluation,
        _ recorded: borrowing RecordedTrace
    ) -> (values: [FieldValue], index: Int) {
        // A list inside an entry: the recorder finds the value.
        guard piece.third >= 0 else { return ([recorded.value(slot, readBy: step)], 0) }
        guard case .objects(let entries) = evaluation.values[Int(piece.third)],
            entries.indices.contains(Int(piece.fourth)), entries[Int(piece.fourth)].indices.contains(slot)
        else { return ([.missing], 0) }
        return (entries[Int(piece.fourth)], slot)
    }
}
