import KensaYAML

/// Checks a policy syntax tree against record v1 and the set's own declarations, and lowers it to a
/// `CompiledPolicy`. Every problem is logged; the result is only usable when the log has no errors.
///
/// An item that lacks a required key (its error already logged) is still checked and compiled, with empty text in
/// place of what is missing, so that its other problems are reported and references to its id still resolve. An item
/// without an id takes part in no duplicate check and matches no reference.
struct PolicyCompiler {
    let syntax: PolicySyntax
    let log: DiagnosticLog
    /// Where to report problems that belong to the set rather than a line (a missing `policy` section).
    let setSpan: SourceSpan

    func compile(digest: String) -> CompiledPolicy? {
        let info = metadata(digest: digest)
        let sourceIDs = syntax.metadata.first.map { Set($0.sources.compactMap(\.id?.value)) }
        let (layout, unusableFields) = FieldDeclarations.layout(adding: syntax.fields, log: log)
        let parameters = ParameterTable(syntax.parameters, log: log)
        for parameter in syntax.parameters { checkCitation(parameter.cites, sources: sourceIDs) }
        let vendors = RegistryCompiler.vendors(syntax.vendorGroups, log: log)
        let entities = RegistryCompiler.entities(syntax.entities, log: log)
        let conditions = ConditionCompiler(
            layout: layout, unusableFields: unusableFields, parameters: parameters, vendors: vendors, log: log)

        UniqueIDs.check(syntax.scopes.compactMap(\.id), what: "scope", log: log)
        let scopeIDs = syntax.scopes.map(\.id?.value)
        let scopes = syntax.scopes.map { compileNamedCondition($0, conditions: conditions, sources: sourceIDs) }
        UniqueIDs.check(syntax.rules.compactMap(\.id), what: "rule", log: log)
        let ruleIDs = syntax.rules.map(\.id?.value)
        let rules = syntax.rules.map {
            compileRule($0, scopeIDs: scopeIDs, ruleIDs: ruleIDs, conditions: conditions, sources: sourceIDs)
        }
        checkSupersession(rules, ruleIDs: ruleIDs)
        UniqueIDs.check(syntax.exemptions.compactMap(\.id), what: "exemption", log: log)
        let exemptions = syntax.exemptions.compactMap {
            ExemptionCompiler(
                log: log, parameters: parameters, entities: entities, rules: rules, ruleIDs: ruleIDs,
                conditions: conditions
            )
            .compile($0, sources: sourceIDs)
        }

        if syntax.rules.isEmpty && !log.hasErrors {
            log.error(
                .noRules, "the policy set has no rules: every record it governs would be permitted", at: setSpan,
                help: "add the rules, or restore the file that held them")
        }
        guard let info, !log.hasErrors, let slots = WellKnownSlots(layout) else { return nil }
        return CompiledPolicy(
            info: info, layout: layout, conditions: conditions.infos, scopes: scopes, rules: rules,
            exemptions: exemptions,
            exemptionsByID: Dictionary(
                exemptions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }),
            vendors: vendors, entities: entities, slots: slots)
    }

    /// The set's identity from its one `policy` section; nil when the section is missing (reported once, here) or
    /// incomplete (reported where it is read).
    private func metadata(digest: String) -> PolicyInfo? {
        guard let metadata = syntax.metadata.first else {
            guard !syntax.hasPolicySection else { return nil }
            log.error(
                .policySection, "the policy set has no `policy` section", at: setSpan,
                help: "add `policy:` with `id`, `version` and `title` to one file")
            return nil
        }
        for extra in syntax.metadata.dropFirst() {
            log.error(
                .policySection, "the policy set has a second `policy` section", at: extra.span,
                notes: ["first at \(metadata.span)"])
        }
        UniqueIDs.check(metadata.sources.compactMap(\.id), what: "source", log: log)
        guard let id = metadata.id, let version = metadata.version, let title = metadata.title else { return nil }
        return PolicyInfo(
            id: id.value, version: version.value, title: title.value, authority: metadata.authority?.value,
            digest: digest,
            sources: metadata.sources.map {
                PolicySource(
                    id: $0.id?.value ?? "", title: $0.title?.value ?? "", date: $0.date?.value, url: $0.url?.value)
            })
    }

    private func compileRule(
        _ rule: RuleSyntax, scopeIDs: [String?], ruleIDs: [String?], conditions: ConditionCompiler,
        sources: Set<String>?
    ) -> CompiledRule {
        let name = rule.id.map { "rule `\($0.value)`" } ?? "a rule"
        WindowCheck.check(rule.window, what: name, log: log)
        let supersedes = rule.supersedes.compactMap { id -> Int? in
            guard let index = ruleIDs.firstIndex(of: id.value) else {
                log.error(
                    .unknownRule, "rule `\(id.value)` is not defined", at: id.span,
                    help: Suggestion.didYouMean(id.value, among: ruleIDs.compactMap { $0 }))
                return nil
            }
            return index
        }
        checkCitation(rule.cites, sources: sources)
        var scopeIndices: [Int] = []
        for scope in rule.scopes {
            if let index = scopeIDs.firstIndex(of: scope.value) {
                scopeIndices.append(index)
            } else {
                log.error(
                    .unknownScope, "scope `\(scope.value)` is not defined", at: scope.span,
                    help: Suggestion.didYouMean(scope.value, among: scopeIDs.compactMap { $0 }))
            }
        }
        if rule.scopes.isEmpty { scopeIndices = Array(scopeIDs.indices) }
        let outcome = rule.outcome.flatMap { Outcome(name: $0.value) }
        if let written = rule.outcome, outcome != .prohibited && outcome != .reviewRequired {
            log.error(
                .unknownValue, "a rule's outcome is `prohibited` or `review_required`, not `\(written.value)`",
                at: written.span, help: Suggestion.didYouMean(written.value, among: ["prohibited", "review_required"]))
        }
        UniqueIDs.check(rule.unless.compactMap(\.id), what: "exception", in: name, log: log)
        let exceptions = rule.unless.map { compileNamedCondition($0, conditions: conditions, sources: sources) }
        return CompiledRule(
            id: rule.id?.value ?? "", title: rule.title?.value ?? "", scopes: scopeIndices, cites: rule.cites?.value,
            clause: rule.clause, rationale: rule.rationale, when: conditions.compile(rule.when),
            exceptions: exceptions, outcome: outcome ?? .reviewRequired, waivable: rule.waivable, version: rule.version,
            from: rule.window.from?.value, until: rule.window.until?.value, supersedes: supersedes, span: rule.span)
    }

    /// Warns when a rule and the rule it supersedes are both in force on some day: the old one should end
    /// before the new one starts. A rule without an id is left out: its missing id is the problem to fix first.
    private func checkSupersession(_ rules: [CompiledRule], ruleIDs: [String?]) {
        for (rule, id) in zip(rules, ruleIDs) where id != nil {
            for old in rule.supersedes.map({ rules[$0] }) {
                let start = [rule.from, old.from].compactMap { $0 }.max()
                let end = [rule.until, old.until].compactMap { $0 }.min()
                if let start, let end, start > end { continue }
                let overlap = start.map { "from \($0)" } ?? "from the start"
                log.warning(
                    .overlappingSupersession,
                    "rule `\(rule.id)` supersedes `\(old.id)`, but both are in force \(overlap)"
                        + (end.map { " until \($0)" } ?? ""),
                    at: rule.span,
                    help: "end `\(old.id)` the day before `\(rule.id)` starts (`until:`), or drop `supersedes`")
            }
        }
    }

    /// A scope or an exception: its citation checked, its condition compiled.
    private func compileNamedCondition(
        _ syntax: NamedConditionSyntax, conditions: ConditionCompiler, sources: Set<String>?
    ) -> CompiledNamedCondition {
        checkCitation(syntax.cites, sources: sources)
        return CompiledNamedCondition(
            id: syntax.id?.value ?? "", title: syntax.title?.value ?? "", cites: syntax.cites?.value,
            clause: syntax.clause, when: conditions.compile(syntax.when), span: syntax.span)
    }

    private func checkCitation(_ cites: Located<String>?, sources: Set<String>?) {
        Self.citationCheck(cites, sources: sources, log: log)
    }

    /// Logs a citation of a source that `policy.sources` does not list. With no `policy` section to list sources
    /// (`sources` nil), citations are not checked: the one missing-section error says what to fix.
    static func citationCheck(_ cites: Located<String>?, sources: Set<String>?, log: DiagnosticLog) {
        guard let cites, let sources, !sources.contains(cites.value) else { return }
        log.error(
            .unknownSource, "source `\(cites.value)` is not listed in `policy.sources`", at: cites.span,
            help: Suggestion.didYouMean(cites.value, among: sources))
    }
}

extension WellKnownSlots {
    init?(_ layout: RecordLayout) {
        guard let id = layout.slot(of: "id"), let date = layout.slot(of: "date"),
            let buyerName = layout.slot(of: "buyer.name"), let entityClass = layout.slot(of: "buyer.entity_class"),
            let exemptions = layout.slot(of: "exemptions")
        else { return nil }
        self.init(id: id, date: date, buyerName: buyerName, entityClass: entityClass, exemptions: exemptions)
    }
}
