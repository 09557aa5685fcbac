/// Works out what every cell of a decision matrix can come to.
///
/// The axes' fields, the date and the fields both scopes and rules read are enumerated; fields only the scopes
/// read are folded to one record per pattern of scope truths, since rules see the scopes only through those.
/// Each record kept is a **region**. In a region, the rules that can apply fall into groups that share no free
/// field, and each group's combinations are read off the rules' tables (`RuleTables`). The outcome is the most
/// restrictive effect, so the region reaches an outcome when every group can stay at or below it and some group
/// reaches it (or it is `permitted`); the rules imposing it are those of the groups that reach it.
struct MatrixSearch {
    /// Scope truths of one region, and the values of the fields only the scopes read.
    private struct Region {
        var values: [FieldValue]
        var scopes: [Truth]
        var inScope: Truth
        var ruleScopes: [Truth]
    }

    let space: MatrixSpace
    let axes: [MatrixAxis]
    private let outer: [Int]
    private let scopeOnly: [Int]

    init(space: MatrixSpace, axes: [MatrixAxis]) {
        self.space = space
        self.axes = axes
        let ruleSlots = space.ruleReads.reduce(into: Set<Int>()) { $0.formUnion($1) }
        let enumerated = Set(axes.map(\.slot)).union(space.scopeSlots.intersection(ruleSlots)).union([
            space.policy.slots.date
        ])
        outer = space.slots.filter(enumerated.contains)
        scopeOnly = space.slots.filter { space.scopeSlots.contains($0) && !enumerated.contains($0) }
    }

    /// Each cell's reach, the last axis varying fastest.
    func cells() -> [MatrixReach] {
        let tables = RuleTables(space: space, outer: Set(outer))
        let counts = axes.map(\.classes.count)
        var cells = Array(repeating: MatrixReach(), count: counts.reduce(1, *))
        let positions = axes.map { axis in outer.firstIndex(of: axis.slot) ?? 0 }
        let scopeKeySlots = outer.filter { space.scopeSlots.contains($0) || $0 == space.policy.slots.date }
        for (claim, fixed) in space.claims.map(\.fixed).enumerated() {
            var base = Array(repeating: FieldValue.missing, count: space.policy.layout.fields.count)
            for (slot, value) in fixed { base[slot] = value }
            var folds: [[FieldValue]: [Region]] = [:]
            MatrixReach.product(outer.map { space.classes(of: $0).count }) { digits in
                var record = base
                for (slot, digit) in zip(outer, digits) { record[slot] = space.classes(of: slot)[digit][0] }
                let cell = positions.indices.reduce(0) { $0 * counts[$1] + digits[positions[$1]] }
                let key = scopeKeySlots.map { record[$0] }
                let regions = folds[key] ?? fold(record)
                folds[key] = regions
                for region in regions {
                    for (slot, value) in zip(scopeOnly, region.values) { record[slot] = value }
                    cells[cell].merge(reach(of: region, record: record, claim: claim, tables: tables))
                }
            }
        }
        return cells
    }

    /// One record per pattern of scope truths over the fields only the scopes read. Records whose buyer class the
    /// registry supplies or overrides are left out when the class is enumerated: the record that states the
    /// registry's class is tried too, and is the one the matrix files it under.
    private func fold(_ record: [FieldValue]) -> [Region] {
        var regions: [Region] = []
        var seen = Set<[Truth]>()
        let classEnumerated = space.slots.contains(space.policy.slots.entityClass)
        MatrixReach.product(scopeOnly.map { space.classes(of: $0).count }) { digits in
            var values = record
            for (slot, digit) in zip(scopeOnly, digits) { values[slot] = space.classes(of: slot)[digit][0] }
            let evaluation = space.evaluate(values)
            if classEnumerated && evaluation.buyer.source == .registry { return }
            guard seen.insert(evaluation.scopes).inserted else { return }
            regions.append(
                Region(
                    values: scopeOnly.map { values[$0] }, scopes: evaluation.scopes, inScope: evaluation.inScope,
                    ruleScopes: evaluation.rules.map(\.scope)))
        }
        return regions
    }

    private func reach(of region: Region, record: [FieldValue], claim: Int, tables: RuleTables) -> MatrixReach {
        var reach = MatrixReach()
        guard region.inScope != .no else {
            reach.add(.notApplicable)
            return reach
        }
        let active = region.ruleScopes.indices.filter { region.ruleScopes[$0] != .no }
        let groups = Self.groups(of: active, sharing: tables.free).map { rules in
            let keys = rules.map { tables.key($0, scope: region.ruleScopes[$0], record: record, claim: claim) }
            return tables.reach(of: rules, keys: keys, record: record, scopes: region.scopes)
        }
        if region.inScope == .unknown {
            reach.add(.reviewRequired, by: groups.reduce(into: Set<Int>()) { $0.formUnion($1.reviewers) })
            return reach
        }
        for outcome in [Outcome.permitted, .reviewRequired, .prohibited] {
            guard groups.allSatisfy({ $0.levels.outcomes.contains { $0 <= outcome } }) else { continue }
            let reaching = groups.filter { $0.levels.outcomes.contains(outcome) }
            guard outcome == .permitted || !reaching.isEmpty else { continue }
            reach.add(
                outcome, by: reaching.reduce(into: Set<Int>()) { $0.formUnion($1.levels.deciders[outcome] ?? []) })
        }
        return reach
    }

    /// The rules split into groups that share no free field, each in the set's order.
    private static func groups(of rules: [Int], sharing free: [[Int]]) -> [[Int]] {
        var groups: [(rules: [Int], slots: Set<Int>)] = []
        for rule in rules {
            var merged = (rules: [rule], slots: Set(free[rule]))
            groups.removeAll { group in
                guard !group.slots.isDisjoint(with: merged.slots) else { return false }
                merged.rules += group.rules
                merged.slots.formUnion(group.slots)
                return true
            }
            groups.append(merged)
        }
        return groups.map { $0.rules.sorted() }
    }
}
