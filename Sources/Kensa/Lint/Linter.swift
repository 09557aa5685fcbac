/// Analyses a policy set over its finite decision space (`LintSpace`): rules that can never fire or never change
/// an outcome, exemptions that can never apply or have expired, and in-scope regions no rule speaks about.
///
/// ```swift
/// let report = Linter(policy: policy).lint(LintOptions(asOf: Day(iso: "2026-01-01")))
/// for finding in report.findings { print(finding.diagnostic) }
/// ```
public struct Linter {
    let policy: CompiledPolicy
    let names: NameResolver
    let classes: LintClasses

    public init(policy: CompiledPolicy) {
        self.policy = policy
        names = NameResolver(vendors: policy.vendors, entities: policy.entities)
        let reads = LintReads(policy: policy)
        classes = LintClasses(policy: policy, names: names, domain: LintDomain(policy: policy, reads: reads))
    }

    public func lint(_ options: LintOptions = LintOptions()) -> LintReport {
        var rules = RuleAnalysis(policy: policy)
        rules.analyse(LintSpace(policy: policy, names: names, classes: classes))
        var decided = rules.recordsDecided
        var findings = rules.findings(layout: policy.layout)
        var exemptions = ExemptionAnalysis(policy: policy, names: names, classes: classes, deadRules: rules.deadRules)
        findings += exemptions.findings(options)
        decided += exemptions.recordsDecided
        findings.sort { Diagnostic.ordered($0.diagnostic, $1.diagnostic) }
        return LintReport(findings: findings, recordsDecided: decided)
    }
}
