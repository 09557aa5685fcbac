/// Words recorded steps: conditions with the record's values, elements of lists, and rules' results.
struct StepText {
    let policy: CompiledPolicy
    let recorder: RecordedTrace
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

    /// A condition step as a sentence, with the element path when it sits inside `some`/`every`.
    func condition(_ index: Int) -> (sentence: String, actual: String?) {
        let step = recorder.steps[index]
        guard case .condition(let infoIndex) = step.subject else { return ("", nil) }
        let info = policy.conditions[infoIndex]
        var sentence = info.predicate
        if let path = info.path, info.kind == .field || info.kind == .vendor {
            sentence = "`" + prefix(of: index) + path + "`" + sentence
        }
        let actual: String?
        switch step.observed {
        case .field(let value):
            actual = wording.value(value, info.spec ?? FieldSpec(info.path ?? "", .text))
        case .vendor(let value, let sighting):
            actual = wording.vendor(value, sighting)
        case .none:
            actual = nil
        }
        return (sentence, actual)
    }

    /// A culprit test in a reason: "`consultation.status` is not given", "… is one of [concern]: the record has concern".
    func culprit(_ index: Int) -> String {
        let (sentence, actual) = condition(index)
        guard let actual else { return sentence }
        if recorder.steps[index].truth == .unknown {
            if case .condition(let info) = recorder.steps[index].subject, let path = policy.conditions[info].path {
                return "`\(prefix(of: index))\(path)` is \(actual)"
            }
        }
        if case .condition(let info) = recorder.steps[index].subject, policy.conditions[info].op == "equals",
            recorder.steps[index].truth == .yes, !actual.hasPrefix("\"")
        {
            return sentence
        }
        return "\(sentence): the record has \(actual)"
    }

    /// The step of a rule's `when` condition, under the rule's step.
    func whenStep(ofRule index: Int) -> Int? {
        recorder.children(of: index).first { if case .condition = recorder.steps[$0].subject { true } else { false } }
    }

    /// Every culprit of a step, joined for one line.
    func culprits(of index: Int) -> String {
        recorder.culprits(of: index).map(culprit).joined(separator: "; ")
    }

    /// The index of the step about `subject`, matched by kind and index.
    func step(for match: (TraceSubject) -> Bool) -> Int? {
        recorder.steps.firstIndex { match($0.subject) }
    }
}
