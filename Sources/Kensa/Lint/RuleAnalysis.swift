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
    /// A record per in-scope region, the scopes that hold there, and whether some rule fired or was unsettled.
    private var regions: [(record: [FieldValue], scopes: [Truth], spoke: Bool)] = []
    private(set) var recordsDecided = 0

    init(policy: CompiledPolicy) {
        self.policy = policy
        fired = Array(repeating: nil, count: policy.rules.count)
        decisive = Array(repeating: false, count: policy.rules.count)
        shadowed = Array(repeating: nil, count: policy.rules.count)
        coverers = Array(repeating: [], count: policy.rules.count)
    }

    /// Rules that fire on no record of the space.
    var deadRules: Set<Int> { Set(fired.indices.filter { fired[$0] == nil }) }

    mutating func analyse(_ space: LintSpace) {
        space.forEachRegion { _, base in
            // A rule fires only where a scope holds, so regions not definitely in scope show nothing.
            let evaluation = space.decide(base).evaluation
            guard evaluation.inScope == .yes else { return true }
            var spoke = false
            // A rule out of force or out of its scopes here stays silent whatever its own fields say.
            for rule in policy.rules.indices where evaluation.rules[rule].scope != .no {
                analyse(rule, in: base, space: space, spoke: &spoke)
            }
            regions.append((base, evaluation.scopes, spoke))
            return true
        }
    }

    /// Enumerates the rule's own fields in the region; where it restricts, sets the other rules where they impose
    /// least, to see whether the rule alone decides.
    private mutating func analyse(_ rule: Int, in base: [FieldValue], space: LintSpace, spoke: inout Bool) {
        let own = space.ruleFields[rule]
        let settled = Set(own.map(\.slot))
        let others = policy.rules.indices.filter { $0 != rule }
        let groups = space.groups(of: others, settled: settled)
        let keys = groups.map { $0.keySlots.sorted() }
        var cache = Array(repeating: [[FieldValue]: (score: Int, values: [FieldValue])](), count: groups.count)
        LintSpace.product(own, base) { record in
            let (values, evaluation) = space.decide(record)
            recordsDecided += 1
            let result = evaluation.rules[rule]
            if result.truth == .yes && fired[rule] == nil { fired[rule] = values }
            if let effect = result.effect {
                spoke = true
                if !decisive[rule] {
                    var score = -1
                    var mildest = record
                    for (index, group) in groups.enumerated() {
                        let key = keys[index].map { record[$0] }
                        let found = cache[index][key] ?? space.mildest(group, in: record)
                        cache[index][key] = found
                        score = max(score, found.score)
                        for (dim, value) in zip(group.dims, found.values) { mildest[dim.slot] = value }
                    }
                    if effect.rawValue > score {
                        decisive[rule] = true
                    } else if result.truth == .yes {
                        let (merged, full) = space.decide(mildest)
                        if shadowed[rule] == nil { shadowed[rule] = merged }
                        coverers[rule].formUnion(others.filter { (full.rules[$0].effect ?? .notApplicable) >= effect })
                    }
                }
            }
            return !(decisive[rule] && fired[rule] != nil && spoke)
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
