import KensaYAML

/// Checks an exemption's buyers, rules, window and cap, and compiles it.
struct ExemptionCompiler {
    let log: DiagnosticLog
    let parameters: ParameterTable
    let entities: EntityRegistry
    let rules: [CompiledRule]
    /// The id of each rule as written, nil for a rule without one (which no exemption can name).
    let ruleIDs: [String?]
    let conditions: ConditionCompiler

    /// The compiled exemption; nil when it has no start date. Every check runs even when a required key is missing.
    func compile(_ syntax: ExemptionSyntax, sources: Set<String>?) -> CompiledExemption? {
        PolicyCompiler.citationCheck(syntax.cites, sources: sources, log: log)
        var buyerEntities = Set<Int>()
        for buyer in syntax.buyers {
            guard let entity = entities.entity(named: buyer.value) else {
                log.error(
                    .unknownEntity, "buyer `\(buyer.value)` is not in the entity registry", at: buyer.span,
                    help: Suggestion.didYouMean(buyer.value, among: entities.entities.map(\.name))
                        ?? "add it under `entities:` so records can name it by any of its aliases")
                continue
            }
            buyerEntities.insert(entity)
        }
        var ruleIndices = Set<Int>()
        for ruleID in syntax.rules {
            guard let index = ruleIDs.firstIndex(of: ruleID.value) else {
                log.error(
                    .unknownRule, "rule `\(ruleID.value)` is not defined", at: ruleID.span,
                    help: Suggestion.didYouMean(ruleID.value, among: ruleIDs.compactMap { $0 }))
                continue
            }
            if !rules[index].waivable {
                log.error(
                    .notWaivable, "rule `\(ruleID.value)` cannot be waived (`waivable: false`)", at: ruleID.span)
            }
            ruleIndices.insert(index)
        }
        WindowCheck.check(
            WindowSyntax(from: syntax.window.from, until: syntax.window.until),
            what: syntax.id.map { "exemption `\($0.value)`" } ?? "an exemption", log: log)
        let cap = syntax.cappedAt.flatMap(capDay)
        let status = statusValue(syntax.status)
        let outcome = outcomeValue(syntax.outcome)
        let when = syntax.when.map(conditions.compile)
        guard let validFrom = syntax.window.from?.value else { return nil }
        return CompiledExemption(
            id: syntax.id?.value ?? "", title: syntax.title?.value ?? "", authority: syntax.authority?.value ?? "",
            approvedBy: syntax.approvedBy, approvedOn: syntax.approvedOn?.value, status: status,
            justification: syntax.justification, cites: syntax.cites?.value, buyerEntities: buyerEntities,
            buyerNames: Set(syntax.buyers.map { NameKey($0.value) }), buyerLabels: syntax.buyers.map(\.value),
            rules: ruleIndices, ruleIDs: syntax.rules.map(\.value), validFrom: validFrom,
            statedUntil: syntax.window.until?.value, cap: cap, when: when, outcome: outcome, span: syntax.span)
    }

    private func capDay(_ value: ValueSyntax) -> Day? {
        guard let resolved = parameters.resolve(value, log: log) else { return nil }
        guard case .scalar(let scalar) = resolved.value, let day = Day(iso: scalar.text) else {
            log.error(
                .invalidDate, "`capped_at` must be a date written YYYY-MM-DD (or a date parameter)", at: value.span)
            return nil
        }
        return day
    }

    private func statusValue(_ status: Located<String>?) -> CompiledExemption.Status {
        guard let status else { return .approved }
        if let value = CompiledExemption.Status(rawValue: status.value) { return value }
        log.error(
            .unknownValue, "`\(status.value)` is not an exemption status", at: status.span,
            help: Suggestion.didYouMean(status.value, among: ["approved", "pending", "revoked"])
                ?? "statuses: `approved`, `pending`, `revoked`")
        return .pending
    }

    private func outcomeValue(_ outcome: Located<String>?) -> Outcome {
        guard let outcome else { return .permitted }
        if let value = Outcome(name: outcome.value), value == .permitted || value == .reviewRequired { return value }
        log.error(
            .unknownValue,
            "an exemption turns a rule's result into `permitted` or `review_required`, not `\(outcome.value)`",
            at: outcome.span, help: Suggestion.didYouMean(outcome.value, among: ["permitted", "review_required"]))
        return .reviewRequired
    }
}
