/// Decides records under two versions of a policy set and attributes every outcome flip to the rules, scopes and
/// exemptions whose results differ, streaming: memory holds counts and a few example ids, not the records.
public final class ImpactAnalysis {
    let old: CompiledPolicy
    let new: CompiledPolicy
    let asOf: Day?
    private let oldNames: NameResolver
    private let newNames: NameResolver
    private let changes: [PolicyChange]
    private var report: ImpactReport
    private var groups:
        [FlipKey: (count: Int, examples: [String], causes: [String: (count: Int, examples: [String])])] = [:]

    private struct FlipKey: Hashable {
        var old: Outcome
        var new: Outcome
    }

    public init(old: CompiledPolicy, new: CompiledPolicy, asOf: Day? = nil) {
        self.old = old
        self.new = new
        self.asOf = asOf
        oldNames = NameResolver(vendors: old.vendors, entities: old.entities)
        newNames = NameResolver(vendors: new.vendors, entities: new.entities)
        changes = PolicyComparison.changes(from: old, to: new)
        report = ImpactReport(policyChanges: changes, old: old.info, new: new.info)
    }

    /// Decides every record of a file under both versions (a path, or `-` for standard input is not supported:
    /// the file is read twice in step, once per version's record layout).
    public func analyse(contentsOf path: String, format: RecordFormat) throws -> ImpactReport {
        var oldReader = try format.makeReader(source: .path(path), layout: old.layout)
        var newReader = try format.makeReader(source: .path(path), layout: new.layout)
        while let oldInput = oldReader.next(), let newInput = newReader.next() {
            guard case .record(let oldRecord) = oldInput, case .record(let newRecord) = newInput else {
                report.malformed += 1
                continue
            }
            compare(oldRecord, newRecord)
        }
        return finished()
    }

    private func compare(_ oldRecord: Record, _ newRecord: Record) {
        report.records += 1
        var silent = SilentObserver()
        let before = RecordEvaluator(policy: old, names: oldNames).evaluate(
            oldRecord.values, asOf: asOf, observer: &silent)
        let after = RecordEvaluator(policy: new, names: newNames).evaluate(
            newRecord.values, asOf: asOf, observer: &silent)
        guard before.outcome != after.outcome else { return }
        report.changed += 1
        let key = FlipKey(old: before.outcome, new: after.outcome)
        var group = groups[key] ?? (0, [], [:])
        group.count += 1
        if group.examples.count < 5 { group.examples.append(newRecord.id) }
        for cause in causes(before, after) {
            var entry = group.causes[cause] ?? (0, [])
            entry.count += 1
            if entry.examples.count < 5 { entry.examples.append(newRecord.id) }
            group.causes[cause] = entry
        }
        groups[key] = group
    }

    /// Rules whose effect differs, scopes whose truth differs, exemptions applied under one version only.
    private func causes(_ before: Evaluation, _ after: Evaluation) -> [String] {
        var causes: [String] = []
        let oldRules = Dictionary(zip(old.rules.map(\.id), before.rules.map(\.effect)), uniquingKeysWith: { a, _ in a })
        let newRules = Dictionary(zip(new.rules.map(\.id), after.rules.map(\.effect)), uniquingKeysWith: { a, _ in a })
        for id in Set(oldRules.keys).union(newRules.keys).sorted() where (oldRules[id] ?? nil) != (newRules[id] ?? nil)
        {
            causes.append(describe(.rule, id))
        }
        let oldScopes = Dictionary(zip(old.scopes.map(\.id), before.scopes), uniquingKeysWith: { a, _ in a })
        let newScopes = Dictionary(zip(new.scopes.map(\.id), after.scopes), uniquingKeysWith: { a, _ in a })
        for id in Set(oldScopes.keys).union(newScopes.keys).sorted() where oldScopes[id] != newScopes[id] {
            causes.append(describe(.scope, id))
        }
        let oldApplied = Set(before.exemptions.filter { !$0.turnedRules.isEmpty }.map(\.claimedID))
        let newApplied = Set(after.exemptions.filter { !$0.turnedRules.isEmpty }.map(\.claimedID))
        for id in oldApplied.symmetricDifference(newApplied).sorted() {
            causes.append(
                describe(.exemption, id) + (newApplied.contains(id) ? ", now applied" : ", no longer applied"))
        }
        return causes.isEmpty
            ? ["no rule, scope or exemption result differs (the judgment date or registries changed)"] : causes
    }

    private func describe(_ subject: PolicyChange.Subject, _ id: String) -> String {
        if let change = changes.first(where: { $0.subject == subject && $0.id == id }) { return change.summary }
        return "\(subject.rawValue) `\(id)` unchanged (its inputs changed: parameters, registries or scopes)"
    }

    private func finished() -> ImpactReport {
        var result = report
        result.groups = groups.map { key, group in
            FlipGroup(
                old: key.old, new: key.new, count: group.count,
                causes: group.causes.map {
                    FlipCause(description: $0.key, count: $0.value.count, examples: $0.value.examples)
                }
                .sorted { ($0.count, $1.description) > ($1.count, $0.description) },
                examples: group.examples)
        }
        .sorted { ($0.count, $1.old, $1.new) > ($1.count, $0.old, $0.new) }
        return result
    }
}
