import KensaYAML

/// Checks a policy syntax tree against record v1 and the set's own declarations, and lowers it to a
/// `CompiledPolicy`. Every problem is logged; the result is only usable when the log has no errors.
struct PolicyCompiler {
    let syntax: PolicySyntax
    let log: DiagnosticLog
    /// Where to report problems that belong to the set rather than a line (a missing `policy` section).
    let setSpan: SourceSpan

    func compile(digest: String) -> CompiledPolicy? {
        let info = metadata(digest: digest)
        let sourceIDs = Set(info?.sources.map(\.id) ?? [])
        let layout = FieldDeclarations.layout(adding: syntax.fields, log: log)
        let parameters = ParameterTable(syntax.parameters, log: log)
        for parameter in syntax.parameters { checkCitation(parameter.cites, sources: sourceIDs) }
        let vendors = RegistryCompiler.vendors(syntax.vendorGroups, log: log)
        let entities = RegistryCompiler.entities(syntax.entities, log: log)
        let conditions = ConditionCompiler(layout: layout, parameters: parameters, vendors: vendors, log: log)

        checkUnique(syntax.scopes.map(\.id), what: "scope")
        let scopes = syntax.scopes.map { scope in
            checkCitation(scope.cites, sources: sourceIDs)
            return CompiledScope(
                id: scope.id.value, title: scope.title.value, cites: scope.cites?.value,
                when: conditions.compile(scope.when), span: scope.span)
        }
        checkUnique(syntax.rules.map(\.id), what: "rule")
        let ruleIDs = syntax.rules.map(\.id.value)
        let rules = syntax.rules.map {
            compileRule($0, scopes: scopes, ruleIDs: ruleIDs, conditions: conditions, sources: sourceIDs)
        }
        checkSupersession(rules)
        checkUnique(syntax.exemptions.map(\.id), what: "exemption")
        let exemptions = syntax.exemptions.compactMap {
            ExemptionCompiler(
                log: log, parameters: parameters, entities: entities, rules: rules, conditions: conditions
            )
            .compile($0, sources: sourceIDs)
        }

        guard let info, !log.hasErrors, let slots = WellKnownSlots(layout) else { return nil }
        return CompiledPolicy(
            info: info, layout: layout, conditions: conditions.infos, scopes: scopes, rules: rules,
            exemptions: exemptions,
            exemptionsByID: Dictionary(
                exemptions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }),
            vendors: vendors, entities: entities, slots: slots)
    }

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
        checkUnique(metadata.sources.map(\.id), what: "source")
        return PolicyInfo(
            id: metadata.id.value, version: metadata.version.value, title: metadata.title.value,
            authority: metadata.authority?.value, digest: digest,
            sources: metadata.sources.map {
                PolicySource(id: $0.id.value, title: $0.title.value, date: $0.date?.value, url: $0.url?.value)
            })
    }

    private func compileRule(
        _ rule: RuleSyntax, scopes: [CompiledScope], ruleIDs: [String], conditions: ConditionCompiler,
        sources: Set<String>
    ) -> CompiledRule {
        WindowCheck.check(rule.window, what: "rule `\(rule.id.value)`", log: log)
        let supersedes = rule.supersedes.compactMap { id -> Int? in
            guard let index = ruleIDs.firstIndex(of: id.value) else {
                log.error(
                    .unknownRule, "rule `\(id.value)` is not defined", at: id.span,
                    help: Suggestion.didYouMean(id.value, among: ruleIDs))
                return nil
            }
            return index
        }
        checkCitation(rule.cites, sources: sources)
        var scopeIndices: [Int] = []
        for scope in rule.scopes {
            if let index = scopes.firstIndex(where: { $0.id == scope.value }) {
                scopeIndices.append(index)
            } else {
                log.error(
                    .unknownScope, "scope `\(scope.value)` is not defined", at: scope.span,
                    help: Suggestion.didYouMean(scope.value, among: scopes.map(\.id)))
            }
        }
        if rule.scopes.isEmpty { scopeIndices = Array(scopes.indices) }
        let outcome = Outcome(name: rule.outcome.value)
        if outcome != .prohibited && outcome != .reviewRequired {
            log.error(
                .unknownValue, "a rule's outcome is `prohibited` or `review_required`, not `\(rule.outcome.value)`",
                at: rule.outcome.span,
                help: Suggestion.didYouMean(rule.outcome.value, among: ["prohibited", "review_required"]))
        }
        checkUnique(rule.unless.map(\.id), what: "exception of rule `\(rule.id.value)`")
        let exceptions = rule.unless.map { exception in
            checkCitation(exception.cites, sources: sources)
            return CompiledException(
                id: exception.id.value, title: exception.title.value, cites: exception.cites?.value,
                clause: exception.clause, when: conditions.compile(exception.when), span: exception.span)
        }
        return CompiledRule(
            id: rule.id.value, title: rule.title.value, scopes: scopeIndices, cites: rule.cites?.value,
            clause: rule.clause, rationale: rule.rationale, when: conditions.compile(rule.when),
            exceptions: exceptions, outcome: outcome ?? .reviewRequired, waivable: rule.waivable, version: rule.version,
            from: rule.window.from?.value, until: rule.window.until?.value, supersedes: supersedes, span: rule.span)
    }

    /// Warns when a rule and the rule it supersedes are both in force on some day: the old one should end
    /// before the new one starts.
    private func checkSupersession(_ rules: [CompiledRule]) {
        for rule in rules {
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

    private func checkUnique(_ ids: [Located<String>], what: String) {
        var seen: [String: SourceSpan] = [:]
        for id in ids {
            if let first = seen[id.value] {
                log.error(
                    .duplicateID, "\(what) `\(id.value)` is defined twice", at: id.span,
                    notes: ["first defined at \(first)"])
            } else {
                seen[id.value] = id.span
            }
        }
    }

    private func checkCitation(_ cites: Located<String>?, sources: Set<String>) {
        Self.citationCheck(cites, sources: sources, log: log)
    }

    /// Logs a citation of a source that `policy.sources` does not list.
    static func citationCheck(_ cites: Located<String>?, sources: Set<String>, log: DiagnosticLog) {
        guard let cites, !sources.contains(cites.value) else { return }
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
