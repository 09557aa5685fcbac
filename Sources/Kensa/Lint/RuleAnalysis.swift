/// Looks, region by region, for each rule's first firing and for a record it alone decides, and for in-scope
/// regions where no rule speaks.
struct RuleAnalysis {
    let policy: CompiledPolicy
    /// For each rule, a record where it fires, if one was found.
    private(set) var fired: [[FieldValue]?]
    /// Whether the rule alone decides some record.
    private(set) var decisive: [Bool]
    /// For each rule that never decides alone, a record where it fires and the others impose as much.
    private(set) var shadowed: [[FieldValue]?]
    /// Rules that imposed at least as much where the rule fired.
    private(set) var coverers: [Set<Int>]
    /// `coverers` as flags, by rule times the number of rules plus the other rule, for quick lookup.
    private var covering: [Bool]
    /// The groups of the rule being analysed that may still add a rule covering it in the current region; nil until
    /// a record where it fires asks (`compare`).
    private var pending: [Int]?
    /// Rules that never covered another in a region where both had the keys they have, though compared with it on
    /// every record where it fired there: in any region where they have those keys again they never do. By the
    /// key's id (`OwnRunKey`) times the number of rules plus the rule, the other rules as their key's id times the
    /// number of rules plus the other rule.
    private var refuted: [Int: Set<Int>] = [:]
    /// Each rule's groups of other rules, made when the rule first restricts a record.
    private var plans: [MildestPlan?]
    /// What the groups of the rule being compared impose at least in the current region.
    private var table = MildestTable()
    /// For each rule, the group that last imposed as much as the rule where it restricted.
    private var blocker: [Int]
    /// Each rule's runs over its own records, by the id of what they depend on in a region (`OwnRunKey`).
    private var runs: [[Int: OwnRun]]
    /// What groups imposed at least, across regions and rules analysed, by what that depends on.
    private var mildestFound: [MildestKey: MildestPlan.Mildest] = [:]
    /// Ids of the `MildestShape`s of groups with fields of their own, so that keys compare and hash as numbers.
    private var shapeIDs: [MildestShape: Int] = [:]
    /// For each rule, the shape id of each group of its plan that has fields of its own (-1 for the others).
    private var shapes: [[Int]]
    /// Each rule's results on its own records, in blocks of one per rule and `OwnRunKey`, so that a rule tried in
    /// many regions and compared with many rules is evaluated once per own record and key: the `Outcome` raw value
    /// of its effect plus one (zero for none) times two, plus one where it fires; -1 where not yet known.
    private var ownResults: [Int8] = []
    /// Where each block of `ownResults` starts, by its key's id times the number of rules, plus the rule.
    private var ownResultBlocks: [Int: Int] = [:]
    /// Where each rule's block of `ownResults` for its key in the current region starts, once looked up; -1 before.
    private var regionBlocks: [Int]
    /// Whether each rule restricts some record of the current region, once a comparison needed to know.
    private var speaking: [Bool]?
    /// Ids of the region signatures seen (`signature(of:space:probe:)`).
    private var signatureIDs: [[Int]: Int] = [:]
    /// The current region's signature id once worked out; nil inside when it has none.
    private var signature: Int??
    /// For each rule, the signatures of the regions where it was compared with the others on all its own records
    /// and did not decide alone.
    private var compared: [Set<Int>]
    /// A record per in-scope region, the scopes that hold there, and whether some rule fired or was unsettled.
    private(set) var regions: [(record: [FieldValue], scopes: [Truth], spoke: Bool)] = []
    private(set) var recordsDecided = 0

    init(policy: CompiledPolicy) {
        self.policy = policy
        fired = Array(repeating: nil, count: policy.rules.count)
        decisive = Array(repeating: false, count: policy.rules.count)
        shadowed = Array(repeating: nil, count: policy.rules.count)
        coverers = Array(repeating: [], count: policy.rules.count)
        covering = Array(repeating: false, count: policy.rules.count * policy.rules.count)
        plans = Array(repeating: nil, count: policy.rules.count)
        blocker = Array(repeating: 0, count: policy.rules.count)
        runs = Array(repeating: [:], count: policy.rules.count)
        compared = Array(repeating: [], count: policy.rules.count)
        regionBlocks = Array(repeating: -1, count: policy.rules.count)
        shapes = Array(repeating: [], count: policy.rules.count)
    }

    /// Rules that fire on no record of the space.
    var deadRules: Set<Int> { Set(fired.indices.filter { fired[$0] == nil }) }

    /// Analyses every rule in every region of the space, reusing what earlier regions showed wherever the rule
    /// (and, when it is compared, the others) sees the same there.
    mutating func analyse(_ space: LintSpace) {
        var probe = space.makeProbe()
        var regionKeys = RegionKeys(space: space)
        space.forEachRegion { _, base in
            // A rule fires only where a scope holds, so regions not definitely in scope show nothing.
            probe.load(base)
            guard probe.inScope == .yes else { return true }
            let (active, keys) = regionKeys.keys(in: &probe)
            let region = Region(base: base, scopes: probe.scopes, day: probe.day, active: active, keys: keys)
            speaking = nil
            signature = nil
            for rule in policy.rules.indices { regionBlocks[rule] = -1 }
            var spoke = false
            for rule in active {
                let key = keys[rule]
                let known = key.flatMap { runs[rule][$0] }
                if let replay = known?.replay(decisive: decisive[rule], fired: fired[rule] != nil, spoke: spoke) {
                    recordsDecided += replay.tried
                    spoke = replay.spoke
                    continue
                }
                // Compared before in a region where it and the others that speak see the same, the rule comes out
                // as it did there: on all its own records, adding no rule that covers it.
                let comparable = key != nil && !decisive[rule] && plans[rule]?.keepsPreparation == true
                if comparable, let known, known.tried == known.size,
                    let id = signature(of: region, space: space, probe: &probe), compared[rule].contains(id)
                {
                    recordsDecided += known.size
                    spoke = spoke || known.firstEffect != nil
                    continue
                }
                let run = analyse(rule, in: region, space: space, probe: &probe, spoke: &spoke)
                if let key, run.tried > known?.tried ?? 0 { runs[rule][key] = run }
                if run.tried == run.size, key != nil, !decisive[rule], plans[rule]?.keepsPreparation == true,
                    speaking != nil, let id = signature(of: region, space: space, probe: &probe)
                {
                    compared[rule].insert(id)
                }
            }
            regions.append((base, region.scopes, spoke))
            return true
        }
    }

    /// A region being analysed: its record, its scopes and judgment date, the rules in force and in scope there,
    /// and each rule's key for its runs there.
    private struct Region {
        var base: [FieldValue]
        var scopes: [Truth]
        var day: Day?
        var active: [Int]
        /// Each rule's `OwnRunKey` in the region, by id (`id(of:)`); nil where it has none.
        var keys: [Int?]
    }

    /// A number standing for what the rules compared in the region see there: for each rule that restricts some
    /// record of its own in the region, its key (`OwnRunKey`, by id), -1 for the others; the same in two regions
    /// where every rule's results on its own records are the same. Nil where some rule in force has no key.
    /// Loads other records in the probe.
    private mutating func signature(of region: Region, space: LintSpace, probe: inout LintProbe) -> Int? {
        if let signature { return signature }
        var found: Int?
        if region.active.allSatisfy({ region.keys[$0] != nil }) {
            let speaking = speaking(in: region, space: space, probe: &probe)
            let vector = policy.rules.indices.map { speaking[$0] ? region.keys[$0]! : -1 }
            found = signatureIDs[vector] ?? signatureIDs.count
            if found == signatureIDs.count { signatureIDs[vector] = found }
        }
        signature = found
        return found
    }

    /// Whether each rule restricts some record of its own in the region (`speaks`), worked out once per region.
    /// Loads other records in the probe.
    private mutating func speaking(in region: Region, space: LintSpace, probe: inout LintProbe) -> [Bool] {
        if let speaking { return speaking }
        var found = Array(repeating: false, count: policy.rules.count)
        for other in region.active { found[other] = speaks(other, in: region, space: space, probe: &probe) }
        speaking = found
        return found
    }

    /// The rule's effect (`Outcome` raw value, -1 for none) on the loaded record, and whether it fires there: its
    /// own record at position `own` (in the order `LintSpace.product` tries them) in the current region, where its
    /// key has id `key`. From `ownResults` where known, else evaluated and kept.
    private mutating func ownResult(
        of rule: Int, key: Int, at own: Int, space: LintSpace, probe: inout LintProbe
    ) -> (effect: Int, fires: Bool) {
        var block = regionBlocks[rule]
        if block < 0 {
            let blockKey = key * policy.rules.count + rule
            if let known = ownResultBlocks[blockKey] {
                block = known
            } else {
                block = ownResults.count
                ownResultBlocks[blockKey] = block
                let size = space.ruleFields[rule].reduce(1) { $0 * $1.values.count }
                ownResults += repeatElement(-1, count: size)
            }
            regionBlocks[rule] = block
        }
        if ownResults[block + own] < 0 {
            let result = probe.rule(rule)
            let effect = Int8(result.effect?.rawValue ?? -1)
            ownResults[block + own] = (effect + 1) * 2 + (result.truth == .yes ? 1 : 0)
        }
        let code = Int(ownResults[block + own])
        return (code / 2 - 1, code % 2 == 1)
    }

    /// Whether the rule restricts some record of its own in the region: from its runs where one shows it, else by
    /// trying its records until one does. Loads other records in the probe.
    private mutating func speaks(_ rule: Int, in region: Region, space: LintSpace, probe: inout LintProbe) -> Bool {
        guard let key = region.keys[rule] else { return true }
        let known = runs[rule][key]
        if let known, known.firstEffect != nil || known.tried == known.size { return known.firstEffect != nil }
        let own = space.ruleFields[rule]
        var run = OwnRun(size: own.reduce(1) { $0 * $1.values.count })
        LintSpace.product(own, region.base) { record in
            if run.tried == 0 { probe.load(record) } else { probe.load(record, changing: own) }
            let result = probe.rule(rule)
            if result.truth == .yes && run.firstFired == nil { run.firstFired = run.tried }
            if result.effect != nil { run.firstEffect = run.tried }
            run.tried += 1
            return run.firstEffect == nil
        }
        if run.tried > known?.tried ?? 0 { runs[rule][key] = run }
        return run.firstEffect != nil
    }

    /// Enumerates the rule's own fields in the region; where it restricts, sets the other rules where they impose
    /// least, to see whether the rule alone decides.
    private mutating func analyse(
        _ rule: Int, in region: Region, space: LintSpace, probe: inout LintProbe, spoke: inout Bool
    ) -> OwnRun {
        let own = space.ruleFields[rule]
        var run = OwnRun(size: own.reduce(1) { $0 * $1.values.count })
        LintSpace.indexedProduct(own, region.base) { record, indices in
            // Each record differs from the one before only in the rule's own fields (`compare` restores it).
            if run.tried == 0 {
                probe.load(record)
                table.clear(size: plans[rule]?.tableSize ?? 0)
                pending = nil
            } else {
                probe.load(record, changing: own)
            }
            let position = run.tried
            run.tried += 1
            recordsDecided += 1
            let fires: Bool
            let effect: Outcome?
            if let key = region.keys[rule] {
                let result = ownResult(of: rule, key: key, at: position, space: space, probe: &probe)
                (fires, effect) = (result.fires, Outcome(rawValue: result.effect))
            } else {
                let result = probe.rule(rule)
                (fires, effect) = (result.truth == .yes, result.effect)
            }
            if fires {
                if fired[rule] == nil { fired[rule] = probe.values }
                if run.firstFired == nil { run.firstFired = position }
            }
            if let effect {
                spoke = true
                if run.firstEffect == nil { run.firstEffect = position }
                if !decisive[rule] {
                    if plans[rule] == nil {
                        plans[rule] = MildestPlan(rule: rule, space: space)
                        shapes[rule] = plans[rule]!.groups.map { group in
                            guard !group.dims.isEmpty else { return -1 }
                            let shape = MildestShape(group)
                            if let id = shapeIDs[shape] { return id }
                            shapeIDs[shape] = shapeIDs.count
                            return shapeIDs.count - 1
                        }
                        table.clear(size: plans[rule]!.tableSize)
                    }
                    compare(rule, effect: effect, fired: fires, record, indices, region, space, &probe)
                }
            }
            return !(decisive[rule] && fired[rule] != nil && spoke)
        }
        if run.tried == run.size, !decisive[rule], let pending, let key = region.keys[rule], let speaking {
            refute(rule, key: key, groups: pending, region: region, speaking: speaking)
        }
        return run
    }

    /// Notes, after a complete run of the rule in the region, that the other rule of each of the groups still
    /// pending, alone in its group and read off its own records, never covered the rule here.
    private mutating func refute(_ rule: Int, key: Int, groups: [Int], region: Region, speaking: [Bool]) {
        let plan = plans[rule]!
        let count = policy.rules.count
        for group in groups where plan.readsOwnRecord(group) {
            let other = plan.groups[group].rules[0]
            guard speaking[other], !covering[rule * count + other], let otherKey = region.keys[other] else { continue }
            refuted[key * count + rule, default: []].insert(otherKey * count + other)
        }
    }

    /// Adds `other` to the rules that cover `rule`.
    private mutating func cover(_ rule: Int, by other: Int) {
        guard !covering[rule * policy.rules.count + other] else { return }
        covering[rule * policy.rules.count + other] = true
        coverers[rule].insert(other)
    }

    /// Whether the rule, restricting the loaded `record` with `effect`, imposes more than all the other rules do
    /// where they impose least; if it does not and it fired, the record where they do shows it shadowed. Leaves
    /// `record` loaded in the probe.
    private mutating func compare(
        _ rule: Int, effect: Outcome, fired: Bool, _ record: [FieldValue], _ indices: [Int], _ region: Region,
        _ space: LintSpace, _ probe: inout LintProbe
    ) {
        let plan = plans[rule]!
        // Where records keep the region's preparation, a rule silent on all its own records stays silent.
        let plain = region.keys[rule] != nil && plan.keepsPreparation
        if plain && speaking == nil {
            _ = speaking(in: region, space: space, probe: &probe)
            probe.load(record)
        }
        func mildest(_ group: Int) -> MildestPlan.Mildest {
            let entry = plan.entry(group, indices: indices)
            if let known = table[entry] { return known }
            if plain, let own = plan.ownRecord(group, indices: indices) {
                let other = plan.groups[group].rules[0]
                if let key = region.keys[other] {
                    let effect = ownResult(of: other, key: key, at: own, space: space, probe: &probe).effect
                    let found = (effect, [FieldValue](), [effect])
                    table.store(found, at: entry)
                    return found
                }
            }
            // Another region, or the analysis of another rule, where the group's rules see the same found it already
            // (unless it has no field of its own: its rules are then evaluated on the record at once, which costs
            // less than looking it up).
            let keys =
                plain && !plan.groups[group].dims.isEmpty ? plan.groups[group].rules.compactMap { region.keys[$0] } : []
            let key =
                keys.count == plan.groups[group].rules.count
                ? MildestKey(shape: shapes[rule][group], settled: plan.settled(group, indices: indices), keys: keys)
                : nil
            if let key, let known = mildestFound[key] {
                table.store(known, at: entry)
                return known
            }
            let found = MildestPlan.mildest(plan.groups[group], in: record, probe: &probe)
            table.store(found, at: entry)
            if let key { mildestFound[key] = found }
            return found
        }
        func score(_ group: Int) -> Int {
            let members = plan.groups[group]
            if plain && !members.rules.contains(where: { speaking![$0] }) { return -1 }
            return mildest(group).score
        }
        // The group that imposed as much last time most likely does again: ask it first.
        if score(blocker[rule]) < effect.rawValue {
            guard let blocking = plan.groups.indices.first(where: { score($0) >= effect.rawValue }) else {
                decisive[rule] = true
                return
            }
            blocker[rule] = blocking
        }
        guard fired else { return }
        if plain && shadowed[rule] != nil {
            // Each rule reads no field of the other groups, so its result where they all impose least is its
            // result where its own group does. A group whose speaking rules all cover the rule already can add
            // nothing, nor can a rule known never to cover it with their keys: their least is not looked for.
            let speaking = self.speaking!
            let count = policy.rules.count
            func open(_ group: Int) -> Bool {
                plan.groups[group].rules.contains { speaking[$0] && !covering[rule * count + $0] }
            }
            var groups: [Int]
            if let pending {
                groups = pending
                self.pending = nil
            } else {
                let never = refuted[region.keys[rule]! * count + rule] ?? []
                groups = plan.groups.indices.filter { group in
                    guard open(group) else { return false }
                    let other = plan.groups[group].rules[0]
                    guard plan.readsOwnRecord(group), let otherKey = region.keys[other] else { return true }
                    return !never.contains(otherKey * count + other)
                }
            }
            // The groups still open are kept in place, in order.
            var kept = 0
            for group in groups {
                if plan.readsOwnRecord(group), let otherKey = region.keys[plan.groups[group].rules[0]] {
                    // A group read off its rule's own records: its least is that rule's result there.
                    let other = plan.groups[group].rules[0]
                    let own = plan.ownRecord(group, indices: indices)!
                    if ownResult(of: other, key: otherKey, at: own, space: space, probe: &probe).effect
                        >= effect.rawValue
                    {
                        cover(rule, by: other)
                        continue
                    }
                } else {
                    for (other, value) in zip(plan.groups[group].rules, mildest(group).effects)
                    where value >= effect.rawValue {
                        cover(rule, by: other)
                    }
                    guard open(group) else { continue }
                }
                groups[kept] = group
                kept += 1
            }
            groups.removeLast(groups.count - kept)
            pending = groups
            return
        }
        var merged = record
        for (index, group) in plan.groups.enumerated() where !group.dims.isEmpty {
            for (dim, value) in zip(group.dims, mildest(index).values) { merged[dim.slot] = value }
        }
        probe.load(merged, changing: plan.freeDims)
        if shadowed[rule] == nil { shadowed[rule] = probe.values }
        // Rules out of force or scope in the region, or silent there, stay silent on a record it prepares alike.
        let candidates =
            plain
            ? region.active.filter { speaking![$0] }
            : probe.scopes == region.scopes && probe.day == region.day ? region.active : Array(policy.rules.indices)
        for other in candidates where other != rule && !covering[rule * policy.rules.count + other] {
            if (probe.rule(other).effect ?? .notApplicable) >= effect { cover(rule, by: other) }
        }
        probe.load(record, changing: plan.freeDims)
    }
}
