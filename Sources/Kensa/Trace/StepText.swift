/// Words recorded steps: conditions with the record's values, elements of lists, and rules' results.
struct StepText {
    let policy: CompiledPolicy
    let recorder: RecordedTrace
    /// Slots the record left out and the layout filled (see `Record.filled`).
    var filled: UInt64 = 0
    var wording: ConditionWording { ConditionWording(policy: policy) }

    /// The step directly above `index`, if any.
    func parent(of index: Int) -> Int? {
        let depth = recorder.steps[index].depth
        var cursor = index - 1
        while cursor >= 0 {
            if recorder.steps[cursor].depth < depth { return cursor }
            cursor -= 1
        }
        return nil
    }

    /// The list path and element index a step sits in, as `components[0].`, or "" at the top level.
    func prefix(of index: Int) -> String {
        var cursor = parent(of: index)
        while let step = cursor {
            if case .element(let element) = recorder.steps[step].subject, let list = parent(of: step),
                case .condition(let info) = recorder.steps[list].subject
            {
                return "\(policy.conditions[info].path ?? "")[\(element)]."
            }
            cursor = parent(of: step)
        }
        return ""
    }

    /// " (not given; `product.manufacturer` stands in)" when the step reads a top-level field the record left out
    /// and the layout filled; "" otherwise. Reasons put it after the field's path.
    func standIn(_ index: Int) -> String {
        filledSpec(index).map {
            $0.fallbackPath.map { " (not given; `\($0)` stands in)" } ?? " (not given; the default)"
        }
            ?? ""
    }

    /// "not given; `product.manufacturer` stands in: " before the value a trace shows for a field the record left
    /// out and the layout filled, so the reader learns the field is missing before reading another's value.
    static func standInLead(_ spec: FieldSpec) -> String {
        spec.fallbackPath.map { "not given; `\($0)` stands in: " } ?? "not given; the default: "
    }

    /// The spec of the top-level field a step reads when the record left it out and the layout filled it.
    private func filledSpec(_ index: Int) -> FieldSpec? {
        guard filled != 0, case .condition(let infoIndex) = recorder.steps[index].subject,
            let slot = policy.conditions[infoIndex].topLevelSlot, slot < 64, filled & (1 << UInt64(slot)) != 0
        else { return nil }
        return policy.layout.fields[slot]
    }

    /// A condition step as a sentence, with the element path when it sits inside `some`/`every`.
    func condition(_ index: Int) -> (sentence: String, actual: String?) {
        let step = recorder.steps[index]
        guard case .condition(let infoIndex) = step.subject else { return ("", nil) }
        let info = policy.conditions[infoIndex]
        let sentence = Self.sentence(info, prefix: prefix(of: index))
        let actual: String?
        switch recorder.observed(index) {
        case .field(let value):
            let lead = filledSpec(index).map(Self.standInLead) ?? ""
            actual = lead + wording.value(value, info.spec ?? FieldSpec(info.path ?? "", .text))
        case .vendor(let value, let sighting):
            actual = (filledSpec(index).map(Self.standInLead) ?? "") + wording.vendor(value, sighting)
        case .none:
            actual = nil
        }
        return (sentence, actual)
    }

    /// A condition's sentence: a test's field path (after `prefix`, the element path inside `some`/`every`) and
    /// what it says, or the whole phrase of a composite condition.
    static func sentence(_ info: ConditionInfo, prefix: String) -> String {
        guard let path = info.path, info.kind == .field || info.kind == .vendor else { return info.predicate }
        return "`" + prefix + path + "`" + info.predicate
    }

    /// A culprit test in a reason, as it came out: "`date` is before 2019-04-01", "`consultation.status` is not
    /// given". Only vendor names and unusable values are quoted from the record (an unresolved name must be named);
    /// other values are in the trace, so records that fail the same way share one wording.
    func culprit(_ index: Int) -> String {
        let step = recorder.steps[index]
        guard case .condition(let infoIndex) = step.subject else { return "" }
        let info = policy.conditions[infoIndex]
        let path = "`" + prefix(of: index) + (info.path ?? "") + "`" + standIn(index)
        if info.kind == .some || info.kind == .every {
            // A quantifier is a culprit only when it has no entries to blame: the list is missing or empty.
            return step.truth == .unknown ? "\(path) is not given" : "\(path) has no entries"
        }
        switch recorder.observed(index) {
        case .field(.missing), .vendor(.missing, _):
            return "\(path) is not given"
        case .field(.invalid(let reason, let written)), .vendor(.invalid(let reason, let written), _):
            return "\(path) is \"\(written)\" (\(reason))"
        case .vendor(let value, let sighting):
            let said = step.truth == .no ? info.negatedPredicate : info.predicate
            let name = wording.vendor(value, sighting)
            return step.truth == .unknown ? "\(path) is \(name)" : "\(path) \(name)\(said)"
        case .field, .none:
            return path + (step.truth == .no ? info.negatedPredicate : info.predicate)
        }
    }

    /// The step of a rule's `when` condition, under the rule's step.
    func whenStep(ofRule index: Int) -> Int? {
        recorder.children(of: index).first { if case .condition = recorder.steps[$0].subject { true } else { false } }
    }

    /// Culprit steps worded and joined for one line.
    func words(_ culprits: [Int]) -> String {
        var seen = Set<String>()
        return culprits.map(culprit).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }

    /// The index of the nearest element above a step (inside `some`/`every`), or -1 at the top level.
    func elementIndex(of index: Int) -> Int {
        var cursor = parent(of: index)
        while let step = cursor {
            if case .element(let element) = recorder.steps[step].subject { return element }
            cursor = parent(of: step)
        }
        return -1
    }

    /// The index of the step about `subject`, matched by kind and index.
    func step(for match: (TraceSubject) -> Bool) -> Int? {
        recorder.steps.firstIndex { match($0.subject) }
    }
}
