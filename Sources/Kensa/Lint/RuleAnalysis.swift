import KensaYAML

/// Looks, region by region, for each rule's first firing and for a record it alone decides, and for in-scope
/// regions where no rule speaks.
struct RuleAnalysis {
    let policy: CompiledPolicy
    private var fired: [[FieldValue]?]
    private var decisive: [Bool]
    private var shadowed: [[FieldValue]?]
    /// Rules that imposed at least as much where the rule fired.
    private var coverers: [Set<Int>]
    /// Each rule's groups of other rules, made when the rule first restricts a record.
    private var plans: [MildestPlan?]
    private var table = MildestTable()
    /// A record per in-scope region, the scopes that hold there, and whether some rule fired or was unsettled.
    private var regions: [(record: [FieldValue], scopes: [Truth], spoke: Bool)] = []
    private(set) var recordsDecided = 0

    init(policy: CompiledPolicy) {
        self.policy = policy
        fired = Array(repeating: nil, count: policy.rules.count)
        decisive = Array(repeating: false, count: policy.rules.count)
        shadowed = Array(repeating: nil, count: policy.rules.count)
        coverers = Array(repeating: [], count: policy.rules.count)
        plans = Array(repeating: nil, count: policy.rules.count)
    }

    /// Rules that fire on no record of the space.
    var deadRules: Set<Int> { Set(fired.indices.filter { fired[$0] == nil }) }

    mutating func analyse(_ space: LintSpace) {
        var probe = space.makeProbe()
        space.forEachRegion { _, base in
            // A rule fires only where a scope holds, so regions not definitely in scope show nothing.
            probe.load(base)
            guard probe.inScope == .yes else { return true }
            let scopes = probe.scopes
            // A rule out of force or out of its scopes here stays silent whatever its own fields say.
            let active = policy.rules.indices.filter { probe.rule($0).scope != .no }
            var spoke = false
            for rule in active { analyse(rule, in: base, space: space, probe: &probe, spoke: &spoke) }
            regions.append((base, scopes, spoke))
            return true
        }
    }

    /// Enumerates the rule's own fields in the region; where it restricts, sets the other rules where they impose
    /// least, to see whether the rule alone decides.
    private mutating func analyse(
        _ rule: Int, in base: [FieldValue], space: LintSpace, probe: inout LintProbe, spoke: inout Bool
    ) {
        var cleared = false
        LintSpace.indexedProduct(space.ruleFields[rule], base) { record, indices in
            probe.load(record)
            recordsDecided += 1
            let result = probe.rule(rule)
            if result.truth == .yes && fired[rule] == nil { fired[rule] = probe.values }
            if let effect = result.effect {
                spoke = true
                if !decisive[rule] {
                    if plans[rule] == nil { plans[rule] = MildestPlan(rule: rule, space: space) }
                    if !cleared { table.clear(size: plans[rule]!.tableSize) }
                    cleared = true
                    compare(rule, effect: effect, fired: result.truth == .yes, record, indices, probe: &probe)
                }
            }
            return !(decisive[rule] && fired[rule] != nil && spoke)
        }
    }

    /// Whether the rule, restricting `record` with `effect`, imposes more than all the other rules do where they
    /// impose least; if it does not and it fired, the record where they do shows it shadowed.
    private mutating func compare(
        _ rule: Int, effect: Outcome, fired: Bool, _ record: [FieldValue], _ indices: [Int], probe: inout LintProbe
    ) {
        let plan = plans[rule]!
        func mildest(_ group: Int) -> MildestPlan.Mildest {
            let entry = plan.entry(group, indices: indices)
            if let known = table[entry] { return known }
            let found = MildestPlan.mildest(plan.groups[group], in: record, probe: &probe)
            table.store(found, at: entry)
            return found
        }
        if plan.groups.indices.allSatisfy({ mildest($0).score < effect.rawValue }) {
            decisive[rule] = true
            return
        }
        guard fired else { return }
        var merged = record
        for (index, group) in plan.groups.enumerated() {
            for (dim, value) in zip(group.dims, mildest(index).values) { merged[dim.slot] = value }
        }
        probe.load(merged)
        if shadowed[rule] == nil { shadowed[rule] = probe.values }
        for other in policy.rules.indices where other != rule && (probe.rule(other).effect ?? .notApplicable) >= effect
        {
            coverers[rule].insert(other)
        }
    }

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
