extension RecordShape {
    /// Records the shape of a complete trace, segment by segment (each scope's and each rule's steps): each step's
    /// subject, depth and result, what each test saw (missing, unusable, a value, a vendor name), which `some`/`every`
    /// met its list empty or absent, each rule's verdict, effect and whether a waiver or window sentence is said;
    /// and the vendor names tests looked up. What is not in the shape is in the record's values.
    ///
    /// `decide --explain` keys both its ``TraceSegmentCache`` and its ``LineShapeCache`` by these segments: a
    /// segment's JSON events are fixed by its shape up to the values they quote, and its reason line by its shape
    /// and the names among its culprits.
    mutating func record(
        complete steps: UnsafeBufferPointer<RecordedTrace.Step>, values: UnsafeBufferPointer<FieldValue>,
        fragments: TraceFragments, evaluation: Evaluation
    ) {
        starts.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        nameStarts.removeAll(keepingCapacity: true)
        sawVendor = false
        // The words are written in place, in a loop that calls nothing, so that each step's fields stay in
        // registers: `events` keeps its length from record to record, and only a longer trace than the last one's
        // appends. Where top-level steps start and which names vendor tests looked up are noted in a second pass.
        let wordCount = 2 * steps.count
        if events.count > wordCount {
            events.removeLast(events.count - wordCount)
        } else if events.count < wordCount {
            events.append(contentsOf: repeatElement(0, count: wordCount - events.count))
        }
        fragments.conditions.withUnsafeBufferPointer { conditions in
            events.withUnsafeMutableBufferPointer { words in
                for index in steps.indices {
                    (words[2 * index], words[2 * index + 1]) = Self.words(
                        steps[index], values: values, conditions: conditions, fragments: fragments,
                        evaluation: evaluation)
                }
            }
        }
        for index in steps.indices {
            if steps[index].depth == 0 {
                starts.append(2 * index)
                nameStarts.append(names.count)
            }
            if case .vendor = steps[index].observation { note(steps[index].observation) }
        }
    }

    /// The two words of one step.
    @inline(__always)
    private static func words(
        _ step: RecordedTrace.Step, values: UnsafeBufferPointer<FieldValue>,
        conditions: UnsafeBufferPointer<TraceFragments.Condition>, fragments: TraceFragments,
        evaluation: Evaluation
    ) -> (UInt32, UInt32) {
        var head = UInt32(truncatingIfNeeded: step.depth) & 0xFFFF | UInt32(step.truth.rawValue) << 16
        let subject: UInt32
        switch step.subject {
        case .condition(let info):
            let listSlot = conditions[info].listSlot
            head |= 1 << 28 | TraceSegmentRenderer.listVariant(listSlot: listSlot, values) << 18
            head |= UInt32(step.seen) << 20
            subject = UInt32(truncatingIfNeeded: info)
        case .element(let element):
            head |= 2 << 28
            subject = UInt32(truncatingIfNeeded: element)
        case .scope(let scope):
            head |= 3 << 28
            subject = UInt32(truncatingIfNeeded: scope)
        case .ruleScope(let rule):
            let outsideWindow = TraceSegmentRenderer.isOutsideWindow(rule, fragments: fragments, evaluation: evaluation)
            head |= 4 << 28 | (outsideWindow ? 1 << 18 : 0)
            subject = UInt32(truncatingIfNeeded: rule)
        case .rule(let rule):
            let result = evaluation.rules[rule]
            head |= 5 << 28 | (result.waiver == nil ? 0 : 1 << 18)
            subject =
                UInt32(truncatingIfNeeded: rule) << 12
                | UInt32(truncatingIfNeeded: TraceFragments.verdictIndex(RuleVerdict(result))) << 3
                | UInt32(truncatingIfNeeded: result.effect.map { $0.rawValue + 1 } ?? 0)
        case .exception(let rule, let exception):
            head |= 6 << 28
            subject = UInt32(truncatingIfNeeded: rule) << 12 | UInt32(truncatingIfNeeded: exception)
        }
        return (head, subject)
    }
}
