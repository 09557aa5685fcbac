import KensaYAML

/// What coverage counts in a policy set: every rule, every condition (keyed by where it is written) and every
/// exemption, in file order.
extension CompiledPolicy {
    package var ruleIDs: [String] { rules.map(\.id) }
    package var exemptionIDs: [String] { exemptions.map(\.id) }

    /// Rules with their positions.
    package var ruleTargets: [(id: String, span: SourceSpan)] { rules.map { ($0.id, $0.span) } }

    /// Exemptions with their positions.
    package var exemptionTargets: [(id: String, span: SourceSpan)] { exemptions.map { ($0.id, $0.span) } }

    /// Every condition of every scope, rule, exception and exemption, with a short description in the author's
    /// words (`` `consultation.status` is none of [no_concern, remediated] ``, `any of`).
    package var conditionTargets: [(location: String, span: SourceSpan, text: String)] {
        conditions.map { info in
            let text: String =
                switch info.kind {
                case .field, .vendor: "`\(info.path ?? "")`\(info.predicate)"
                case .all: "all of"
                case .any: "any of"
                case .not: "not"
                case .some: "some entry of `\(info.path ?? "")`"
                case .every: "every entry of `\(info.path ?? "")`"
                case .invalid: "invalid condition"
                }
            return (info.location, info.span, text)
        }
    }
}
