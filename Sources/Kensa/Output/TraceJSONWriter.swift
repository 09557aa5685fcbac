/// Writes the events of one decision's trace as JSON, straight from the steps the evaluation recorded and the
/// policy's pre-rendered `TraceJSONFragments`: the fast path of `decide --explain`.
///
/// It writes the same bytes as building the `[TraceEvent]` list with `TraceBuilder` and writing each event with
/// `DecisionJSON`, but per event it only picks a template and fills its holes. No String or event is made, except
/// for the buyer, claimed exemptions, waivers, numbers, and rule-scope steps of rules outside their window.
struct TraceJSONWriter {
    let fragments: TraceJSONFragments
    /// Holds the policy, evaluation and recorded steps, and builds the events the fast path does not template.
    let builder: TraceBuilder
    /// Buyer events already written, by what they say.
    let buyerEvents: BuyerEventCache
    private var store: TraceJSONTemplateStore { fragments.store }
    private var policy: CompiledPolicy { builder.policy }
    private var evaluation: Evaluation { builder.evaluation }
    private var recorder: RecordedTrace { builder.recorder }

    /// A step still open while the steps under it are written.
    private struct Open {
        var depth: Int
        /// The condition this step is about, or -1.
        var condition: Int
        /// The nearest element above or at this step: its list's condition (or -1) and its index.
        var list: Int
        var element: Int
    }

    /// Appends the trace's events, separated by commas, without the surrounding brackets.
    func append(to bytes: inout JSONByteSink) {
        buyerEvents.append(for: builder, to: &bytes) { Self.append(builder.buyerEvent(), to: &$0) }
        recorder.steps.withUnsafeBufferPointer { steps in
            // The open steps, deepest last: at most one per step.
            withUnsafeTemporaryAllocation(of: Open.self, capacity: steps.count + 1) { open in
                appendSteps(steps, open: open, to: &bytes)
            }
        }
        for verdict in evaluation.exemptions {
            bytes.append(UInt8(ascii: ","))
            Self.append(builder.exemptionEvent(verdict), to: &bytes)
        }
    }

    /// Appends the event of each recorded step, keeping in `open` the steps each one is nested in.
    private func appendSteps(
        _ steps: UnsafeBufferPointer<RecordedTrace.Step>, open: UnsafeMutableBufferPointer<Open>,
        to bytes: inout JSONByteSink
    ) {
        let values = evaluation.values
        var openCount = 0
        for index in steps.indices {
            let depth = steps[index].depth
            let truth = steps[index].truth
            while openCount > 0, open[openCount - 1].depth >= depth { openCount -= 1 }
            let parent = openCount > 0 ? open[openCount - 1] : Open(depth: -1, condition: -1, list: -1, element: 0)
            var this = Open(depth: depth, condition: -1, list: parent.list, element: parent.element)
            bytes.append(UInt8(ascii: ","))
            switch steps[index].subject {
            case .condition(let info):
                this.condition = info
                appendCondition(info, step: steps.baseAddress! + index, values: values, under: parent, to: &bytes)
            case .element(let element):
                if parent.condition >= 0 { (this.list, this.element) = (parent.condition, element) }
                appendElement(element, depth: depth, truth: truth, list: parent.condition, values: values, to: &bytes)
            case .scope(let scope):
                store.write(fragments.scopes[scope][truth], to: &bytes) { _, bytes in bytes.append(int: depth) }
            case .ruleScope(let rule):
                appendRuleScope(rule, depth: depth, truth: truth, to: &bytes)
            case .rule(let rule):
                appendRule(rule, depth: depth, to: &bytes)
            case .exception(let rule, let exception):
                let events = fragments.exceptions[fragments.rules[rule].firstException + exception]
                store.write(events[truth], to: &bytes) { _, bytes in bytes.append(int: depth) }
            }
            open.initializeElement(at: openCount, to: this)
            openCount += 1
        }
    }

    private func appendCondition(
        _ info: Int, step: UnsafePointer<RecordedTrace.Step>, values: [FieldValue], under parent: Open,
        to bytes: inout JSONByteSink
    ) {
        let condition = fragments.conditions[info]
        let (depth, truth) = (step.pointee.depth, step.pointee.truth)
        var template = condition.events[truth]
        if condition.listSlot >= 0 {
            switch values[condition.listSlot] {
            case .objects(let elements) where elements.isEmpty: template = condition.noEntries[truth]
            case .missing: template = condition.notGiven[truth]
            default: break
            }
        }
        store.write(template, to: &bytes) { hole, bytes in
            switch hole {
            case .depth:
                bytes.append(int: depth)
            case .prefix where parent.list >= 0:
                store.write(fragments.conditions[parent.list].path, to: &bytes)
                bytes.append(UInt8(ascii: "["))
                bytes.append(int: parent.element)
                bytes.append("].")
            case .actual:
                let wording = TraceValueJSON(fragments: fragments)
                switch step.pointee.observed {
                case .field(let value): wording.append(value, firstChoice: condition.firstChoice, to: &bytes)
                case .vendor(let value, let sighting): wording.appendVendor(value, sighting, to: &bytes)
                case .none: return
                }
                if condition.standInSlot >= 0, evaluation.filled & (1 << UInt64(condition.standInSlot)) != 0 {
                    store.write(condition.standIn, to: &bytes)
                }
            default:
                break
            }
        }
    }

    private func appendElement(
        _ element: Int, depth: Int, truth: Truth, list: Int, values: [FieldValue], to bytes: inout JSONByteSink
    ) {
        store.write(fragments.elements[truth], to: &bytes) { hole, bytes in
            guard hole == .text else { return bytes.append(int: depth) }
            bytes.append("entry ")
            bytes.append(int: element)
            guard list >= 0, case let condition = fragments.conditions[list], condition.listSlot >= 0,
                condition.partSlot >= 0, case .objects(let elements) = values[condition.listSlot],
                elements.indices.contains(element), case .text(let part) = elements[element][condition.partSlot]
            else { return }
            bytes.append(": part \\\"")
            bytes.append(escaped: part)
            bytes.append("\\\"")
        }
    }

    private func appendRuleScope(_ index: Int, depth: Int, truth: Truth, to bytes: inout JSONByteSink) {
        let window = TraceEvent.ruleWindowSentence(
            policy.rules[index], inForce: evaluation.rules[index].inForce, day: evaluation.day)
        let events = window == nil ? fragments.rules[index].scopeEvents : fragments.ruleScopeSentences
        store.write(events[truth], to: &bytes) { hole, bytes in
            if hole == .text, let window {
                bytes.append(escaped: window)
            } else {
                bytes.append(int: depth)
            }
        }
    }

    private func appendRule(_ index: Int, depth: Int, to bytes: inout JSONByteSink) {
        let result = evaluation.rules[index]
        let rule = fragments.rules[index]
        let effect = result.effect
        let events = effect == nil ? rule.events : rule.eventsWithEffect
        store.write(events[result.truth], to: &bytes) { hole, bytes in
            switch hole {
            case .text:
                let verdict = rule.firstVerdict + TraceJSONFragments.verdictIndex(RuleVerdict(result))
                store.write(fragments.verdicts[verdict], to: &bytes)
                if result.waiver != nil {
                    bytes.append(escaped: RuleVerdict.waiverSentence(result, in: policy))
                }
            case .effect:
                if let effect { bytes.append(escaped: effect.name) }
            default:
                bytes.append(int: depth)
            }
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
