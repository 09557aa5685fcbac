/// Everything the scope and rule reasons of a decision depend on, so that records which come out the same way
/// for the same facts share one wording instead of each paying to build the sentences again.
struct ReasonKey: Hashable {
    /// One recorded step: what it is about, how deep, its truth, and the value a test saw.
    struct Step: Hashable {
        var subject: Int32
        var detail: Int32
        var depth: Int32
        var truth: Truth
        var value: FieldValue?
        var vendor: VendorIdentity?
        var group: Int?
    }

    var inScope: Truth
    var outcome: Outcome
    var waived: Bool
    var scopes: [Truth]
    /// Per rule: its truth, effect, scope and `when`, packed.
    var rules: [Int32]
    var steps: [Step]

    init(evaluation: Evaluation, trace: RecordedTrace) {
        inScope = evaluation.inScope
        outcome = evaluation.outcome
        waived = evaluation.exemptions.contains { !$0.turnedRules.isEmpty }
        scopes = evaluation.scopes
        rules = evaluation.rules.map { rule in
            Int32(rule.truth.rawValue) | Int32(rule.effect?.rawValue ?? 7) << 2 | Int32(rule.scope.rawValue) << 5
                | Int32(rule.when.rawValue) << 7
        }
        steps = trace.steps.map { step in
            var key = Step(subject: 0, detail: 0, depth: Int32(step.depth), truth: step.truth)
            switch step.subject {
            case .condition(let info): (key.subject, key.detail) = (0, Int32(info))
            case .element(let index): (key.subject, key.detail) = (1, Int32(index))
            case .scope(let index): (key.subject, key.detail) = (2, Int32(index))
            case .rule(let index): (key.subject, key.detail) = (3, Int32(index))
            case .ruleScope(let index): (key.subject, key.detail) = (4, Int32(index))
            case .exception(let rule, let index): (key.subject, key.detail) = (5, Int32(rule << 16 | index))
            }
            switch step.observed {
            case .field(.missing): key.value = .missing
            case .field(.invalid(let reason, let written)): key.value = .invalid(reason: reason, written: written)
            case .field: break
            case .vendor(let value, let sighting):
                key.value = value
                key.vendor = sighting?.identity
                key.group = sighting?.group
            case .none: break
            }
            return key
        }
    }
}
