/// Renders one trace segment (a scope's or a rule's events) in the format of the policy's pre-rendered
/// ``TraceFragments`` (JSON or text), leaving holes where the record's own values go, for ``TraceSegmentCache``.
///
/// Everything it writes is fixed by the segment's shape, which `TraceWriter` keys the cache by; what is not
/// (values tests saw, list entries' parts, waiver and window sentences) it marks as holes.
struct TraceSegmentRenderer {
    let fragments: TraceFragments
    let evaluation: Evaluation

    private var store: TraceTemplateStore { fragments.store }
    private var format: TraceFormat { fragments.format }

    /// A step still open while the steps under it are rendered.
    private struct Open {
        var depth: Int
        /// The condition this step is about, or -1.
        var condition: Int
        /// The nearest element above or at this step: its list's condition (or -1) and its index.
        var list: Int
        var element: Int
    }

    /// The bytes of the events of `segment`, each preceded by its separator (a comma, a newline), and the holes in
    /// them.
    func render(
        _ steps: UnsafeBufferPointer<RecordedTrace.Step>, segment: Range<Int>
    ) -> (bytes: [UInt8], holes: [TraceSegmentCache.Piece]) {
        var holes: [TraceSegmentCache.Piece] = []
        let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { staging in
            var sink = JSONByteSink(staging: staging)
            var open: [Open] = []
            for index in segment {
                let step = steps[index]
                while let last = open.last, last.depth >= step.depth { open.removeLast() }
                let parent = open.last ?? Open(depth: -1, condition: -1, list: -1, element: 0)
                var this = Open(depth: step.depth, condition: -1, list: parent.list, element: parent.element)
                format.appendSeparator(to: &sink)
                switch step.subject {
                case .condition(let info):
                    this.condition = info
                    var actual = TraceSegmentCache.Piece(
                        start: 0, end: 0, hole: .actual, first: Int32(index - segment.lowerBound), second: Int32(info))
                    if parent.list >= 0 {
                        actual.hole = .entryActual
                        (actual.third, actual.fourth) = (
                            Int32(fragments.conditions[parent.list].listSlot), Int32(parent.element)
                        )
                    }
                    appendCondition(info, step: step, under: parent, actual: actual, to: &sink, holes: &holes)
                case .element(let element):
                    if parent.condition >= 0 { (this.list, this.element) = (parent.condition, element) }
                    appendElement(element, step: step, list: parent.condition, to: &sink, holes: &holes)
                case .scope(let scope):
                    store.write(fragments.scopes[scope][step.truth], to: &sink) { _, sink in
                        format.appendDepth(step.depth, to: &sink)
                    }
                case .ruleScope(let rule):
                    appendRuleScope(rule, step: step, to: &sink, holes: &holes)
                case .rule(let rule):
                    appendRule(rule, depth: step.depth, to: &sink, holes: &holes)
                case .exception(let rule, let exception):
                    let events = fragments.exceptions[fragments.rules[rule].firstException + exception]
                    store.write(events[step.truth], to: &sink) { _, sink in format.appendDepth(step.depth, to: &sink) }
                }
                open.append(this)
            }
            sink.flush()
            return sink.output
        }
        return (bytes, holes)
    }

    /// Whether a `some`/`every` condition met its list empty (1), absent (2), or neither (0): each has its own event.
    static func listVariant(listSlot: Int, _ values: UnsafeBufferPointer<FieldValue>) -> UInt32 {
        guard listSlot >= 0 else { return 0 }
        switch values[listSlot] {
        case .objects(let elements) where elements.isEmpty: return 1
        case .missing: return 2
        default: return 0
        }
    }

    private func appendCondition(
        _ info: Int, step: RecordedTrace.Step, under parent: Open, actual: TraceSegmentCache.Piece,
        to sink: inout JSONByteSink, holes: inout [TraceSegmentCache.Piece]
    ) {
        let condition = fragments.conditions[info]
        let template =
            switch evaluation.values.withUnsafeBufferPointer({ Self.listVariant(listSlot: condition.listSlot, $0) }) {
            case 1: condition.noEntries[step.truth]
            case 2: condition.notGiven[step.truth]
            default: condition.events[step.truth]
            }
        store.write(template, to: &sink) { hole, sink in
            switch hole {
            case .depth:
                format.appendDepth(step.depth, to: &sink)
            case .prefix where parent.list >= 0:
                store.write(fragments.conditions[parent.list].path, to: &sink)
                sink.append(UInt8(ascii: "["))
                sink.append(int: parent.element)
                sink.append("].")
            case .actual:
                var noted = actual
                noted.end = Int32(sink.writtenCount)
                holes.append(noted)
            default:
                break
            }
        }
    }

    private func appendElement(
        _ element: Int, step: RecordedTrace.Step, list: Int, to sink: inout JSONByteSink,
        holes: inout [TraceSegmentCache.Piece]
    ) {
        store.write(fragments.elements[step.truth], to: &sink) { hole, sink in
            guard hole == .text else { return format.appendDepth(step.depth, to: &sink) }
            sink.append("entry ")
            sink.append(int: element)
            guard list >= 0 else { return }
            holes.append(
                TraceSegmentCache.Piece(
                    start: 0, end: Int32(sink.writtenCount), hole: .elementPart, first: Int32(list),
                    second: Int32(element)))
        }
    }

    private func appendRuleScope(
        _ index: Int, step: RecordedTrace.Step, to sink: inout JSONByteSink, holes: inout [TraceSegmentCache.Piece]
    ) {
        let outsideWindow = Self.isOutsideWindow(index, fragments: fragments, evaluation: evaluation)
        let events = outsideWindow ? fragments.ruleScopeSentences : fragments.rules[index].scopeEvents
        store.write(events[step.truth], to: &sink) { hole, sink in
            if hole == .text, outsideWindow {
                holes.append(
                    TraceSegmentCache.Piece(
                        start: 0, end: Int32(sink.writtenCount), hole: .window, first: Int32(index), second: 0))
            } else {
                format.appendDepth(step.depth, to: &sink)
            }
        }
    }

    /// Whether the rule-scope event of rule `index` says the rule is outside its window (a sentence with a date).
    static func isOutsideWindow(_ index: Int, fragments: TraceFragments, evaluation: Evaluation) -> Bool {
        fragments.rules[index].hasWindow && evaluation.rules[index].inForce != .yes
    }

    private func appendRule(
        _ index: Int, depth: Int, to sink: inout JSONByteSink, holes: inout [TraceSegmentCache.Piece]
    ) {
        let result = evaluation.rules[index]
        let rule = fragments.rules[index]
        let effect = result.effect
        let events = effect == nil ? rule.events : rule.eventsWithEffect
        store.write(events[result.truth], to: &sink) { hole, sink in
            switch hole {
            case .text:
                let verdict = rule.firstVerdict + TraceFragments.verdictIndex(RuleVerdict(result))
                store.write(fragments.verdicts[verdict], to: &sink)
                if result.waiver != nil {
                    holes.append(
                        TraceSegmentCache.Piece(
                            start: 0, end: Int32(sink.writtenCount), hole: .waiver, first: Int32(index), second: 0)
                    )
                }
            case .effect:
                if let effect { format.append(effect.name, to: &sink) }
            default:
                format.appendDepth(depth, to: &sink)
            }
        }
    }
}
