/// The part of a decision's trace that explains a failed case: the buyer, each scope, the block of every rule the
/// case or the decision names as deciding (or that fired or was unsettled), and the claimed exemptions. When no
/// rule qualifies, every rule's block is kept, so the reader sees why none fired.
enum TraceExcerpt {
    static func events(of decision: Decision, expected: TestExpectation) -> [TraceEvent] {
        let trace = decision.trace ?? []
        let named = Set(decision.decidedBy + (expected.decidedBy ?? []))
        let chosen = trace.filter { $0.kind == .rule && (named.contains($0.id ?? "") || $0.result != "not_fired") }
        let keepAllRules = chosen.isEmpty
        let showScopeConditions =
            [decision.outcome, expected.outcome].contains(.notApplicable)
            || (decision.outcome == .reviewRequired && decision.decidedBy.isEmpty)
        var result: [TraceEvent] = []
        var keepingBlock = false
        for event in trace {
            if event.depth == 0 {
                switch event.kind {
                case .rule:
                    keepingBlock = keepAllRules || named.contains(event.id ?? "") || event.result != "not_fired"
                case .scope:
                    keepingBlock = showScopeConditions
                    result.append(event)
                    continue
                default:
                    keepingBlock = true
                }
            }
            if keepingBlock { result.append(event) }
        }
        return result
    }
}
