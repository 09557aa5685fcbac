import KensaYAML

extension RuleAnalysis {
    func findings(layout: RecordLayout) -> [LintReport.Finding] {
        var findings: [LintReport.Finding] = []
        for (index, rule) in policy.rules.enumerated() {
            if fired[index] == nil {
                findings.append(
                    Self.finding(
                        .deadRule, "rule `\(rule.id)` can never fire: no record in scope meets its conditions",
                        at: rule.span, witness: nil, layout: layout,
                        help: "check its `when`, its scope and its window against the scopes' conditions, or remove it")
                )
            } else if !decisive[index], let witness = shadowed[index] {
                let names = coverers[index].sorted().map { "`\(policy.rules[$0].id)`" }.joined(separator: ", ")
                findings.append(
                    Self.finding(
                        .shadowedRule,
                        "rule `\(rule.id)` never changes an outcome: wherever it fires, \(names) \(coverers[index].count == 1 ? "imposes" : "impose") `\(rule.outcome.name)` or stronger",
                        at: rule.span, witness: witness, layout: layout,
                        help:
                            "keep it only if traces should name its reason (say so in the set's README); else remove it"
                    ))
            }
        }
        findings += gapFindings(layout: layout)
        return findings
    }

    /// One finding per scope whose in-scope regions include some where no rule fires or is unsettled.
    private func gapFindings(layout: RecordLayout) -> [LintReport.Finding] {
        var byScope: [Int: (count: Int, total: Int, witness: [FieldValue]?)] = [:]
        for region in regions {
            guard let scope = region.scopes.firstIndex(of: .yes) ?? (policy.scopes.isEmpty ? 0 : nil) else { continue }
            var entry = byScope[scope] ?? (0, 0, nil)
            entry.total += 1
            if !region.spoke {
                entry.count += 1
                if entry.witness == nil { entry.witness = region.record }
            }
            byScope[scope] = entry
        }
        return byScope.keys.sorted().compactMap { scope in
            guard let entry = byScope[scope], let witness = entry.witness else { return nil }
            let name = policy.scopes.isEmpty ? "the set" : "scope `\(policy.scopes[scope].id)`"
            let span = policy.scopes.isEmpty ? policy.rules.first?.span : policy.scopes[scope].span
            guard let span else { return nil }
            return Self.finding(
                .policyGap,
                "\(name) holds in \(entry.count) of \(entry.total) regions where no rule fires or is unsettled: records there are `permitted` only because no rule speaks",
                at: span, witness: witness, layout: layout,
                help:
                    "if the guideline permits these purchases, say so in the set's README; else add the rule that covers them"
            )
        }
    }

    static func finding(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, witness: [FieldValue]?, layout: RecordLayout,
        help: String? = nil, notes: [String] = []
    ) -> LintReport.Finding {
        let json = witness.map { WitnessJSON.text($0, layout: layout) }
        let allNotes = notes + (json.map { ["witness: \($0)"] } ?? [])
        return LintReport.Finding(
            diagnostic: Diagnostic(code, message, at: span, severity: .warning, notes: allNotes, help: help),
            witness: json)
    }
}
