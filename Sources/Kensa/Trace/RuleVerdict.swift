/// How a rule came out, as its trace sentence says it after "rule `id` (title) ": the finite set of endings, so
/// the JSON fast path can render each one once per policy.
enum RuleVerdict: Hashable {
    case fired
    case unsettled
    /// Its conditions hold but whether the record is in scope cannot be settled: the trace says what the rule
    /// would impose in scope, since the unsettled scope caps it at review.
    case unsettledScope
    /// Did not fire because the exception with this index is established.
    case exception(Int)
    case notInForce
    case outOfScope
    case conditionsFalse

    init(_ result: RuleEvaluation) {
        switch result.truth {
        case .yes: self = .fired
        case .unknown: self = Self.isUnsettledByScopeAlone(result) ? .unsettledScope : .unsettled
        case .no:
            if let exception = result.exception {
                self = .exception(exception)
            } else if result.inForce == .no {
                self = .notInForce
            } else if result.scope == .no {
                self = .outOfScope
            } else {
                self = .conditionsFalse
            }
        }
    }

    /// True when only the rule's scope is unsettled: its conditions hold.
    @inline(__always)
    static func isUnsettledByScopeAlone(_ result: RuleEvaluation) -> Bool {
        result.truth == .unknown && result.scope == .unknown && result.when == .yes
    }

    /// "fired → prohibited", "did not fire: out of scope", ….
    func sentence(for rule: CompiledRule) -> String {
        switch self {
        case .fired: "fired → \(rule.outcome.name)"
        case .unsettled: "cannot be settled → review_required"
        case .unsettledScope:
            rule.outcome == .reviewRequired
                ? "cannot be settled → review_required"
                : "cannot be settled → review_required; if in scope: \(rule.outcome.name)"
        case .exception(let index): "did not fire: exception `\(rule.exceptions[index].id)` applies"
        case .notInForce: "did not fire: not in force"
        case .outOfScope: "did not fire: out of scope"
        case .conditionsFalse: "did not fire: its conditions do not hold"
        }
    }

    /// ", waived by exemption `DOE-889B-2022` → permitted", or "" when no exemption turned the rule.
    static func waiverSentence(_ result: RuleEvaluation, in policy: CompiledPolicy) -> String {
        guard let waiver = result.waiver else { return "" }
        return ", waived by exemption `\(policy.exemptions[waiver.exemption].id)` → \(waiver.outcome.name)"
    }
}
