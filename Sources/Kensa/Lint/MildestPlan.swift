/// Where the other rules impose least, for the analysis of one rule (`RuleAnalysis`).
///
/// The rule's own fields are **settled** by the record being tried. The other rules are split into groups that
/// share no other field, so each group's least can be found by enumerating its own fields alone, and all of them
/// impose least at once where each group does. A group's least depends only on the region and on the settled
/// fields its rules read, with those the engine reads for every rule (the date, the buyer, the exemptions
/// claimed); so within a region it is worked out once per value of those fields and kept in a `MildestTable`, at
/// an entry computed from the positions of their values among their classes. A class, so that the analysis reads
/// a rule's plan on every record without copying it.
final class MildestPlan {
    /// The least a group imposes (-1 where none of its rules speaks), its fields' values where it does, and each of
    /// its rules' results there (as `Outcome` raw values, -1 for none).
    typealias Mildest = (score: Int, values: [FieldValue], effects: [Int])

    let groups: [MildestGroup]
    /// The fields of all groups: where a record with every group at its least differs from the one tried.
    let freeDims: [LintSpace.Dimension]
    /// Whether setting the groups' fields leaves a record's preparation (date, buyer, scopes) as it was.
    let keepsPreparation: Bool
    /// For each group, the settled fields it depends on, as positions among the rule's own dimensions, each with
    /// its stride in the group's part of the table.
    private let keys: [[(position: Int, stride: Int)]]
    /// Where each group's part of the table starts.
    private let offsets: [Int]
    /// How many entries the table needs.
    let tableSize: Int
    /// For each group of a single rule with no field of its own whose result depends on no settled field but
    /// that rule's own fields: the positions of those fields among the analysed rule's own dimensions, each with
    /// its stride among the other rule's own records. There the group's result is the other rule's result on
    /// one of its own records, which `RuleAnalysis` keeps across rules and regions.
    private let ownRecords: [[(position: Int, stride: Int)]?]

    init(rule: Int, space: LintSpace) {
        let own = space.ruleFields[rule]
        let settled = Set(own.map(\.slot))
        let slots = space.policy.slots
        let engineReads: Set<Int> = [slots.date, slots.buyerName, slots.entityClass, slots.exemptions]
        var groups: [MildestGroup] = []
        for other in space.policy.rules.indices where other != rule {
            var merged = MildestGroup(
                dims: space.ruleFields[other].filter { !settled.contains($0.slot) }, rules: [other],
                keySlots: space.ruleReads[other].union(engineReads).intersection(settled))
            if !merged.dims.isEmpty {
                groups.removeAll { group in
                    guard group.dims.contains(where: { dim in merged.dims.contains { $0.slot == dim.slot } }) else {
                        return false
                    }
                    merged.dims += group.dims.filter { dim in !merged.dims.contains { $0.slot == dim.slot } }
                    merged.rules += group.rules
                    merged.keySlots.formUnion(group.keySlots)
                    return true
                }
            }
            groups.append(merged)
        }
        self.groups = groups
        let freeDims = groups.flatMap(\.dims)
        self.freeDims = freeDims
        keepsPreparation = space.makeProbe().keepsPreparation(freeDims)
        var keys: [[(position: Int, stride: Int)]] = []
        var offsets: [Int] = []
        var size = 0
        for group in groups {
            var stride = 1
            var key: [(position: Int, stride: Int)] = []
            for (position, dim) in own.enumerated() where group.keySlots.contains(dim.slot) {
                key.append((position, stride))
                stride *= dim.values.count
            }
            keys.append(key)
            offsets.append(size)
            size += stride
        }
        self.keys = keys
        self.offsets = offsets
        tableSize = size
        ownRecords = groups.map { group in
            guard group.dims.isEmpty, group.rules.count == 1 else { return nil }
            let theirs = space.ruleFields[group.rules[0]]
            guard group.keySlots.isSubset(of: theirs.map(\.slot)) else { return nil }
            var stride = 1
            var positions: [(position: Int, stride: Int)] = []
            for dim in theirs.reversed() {
                positions.append((own.firstIndex { $0.slot == dim.slot }!, stride))
                stride *= dim.values.count
            }
            return positions
        }
    }

    /// Where the group's only rule stands among its own records (in the order `LintSpace.product` tries them), for
    /// a record whose own fields hold the values at `indices` of their classes; nil unless the group's result is
    /// that rule's result on that record.
    func ownRecord(_ group: Int, indices: [Int]) -> Int? {
        guard let positions = ownRecords[group] else { return nil }
        var record = 0
        for (position, stride) in positions { record += indices[position] * stride }
        return record
    }

    /// The settled values a group depends on, as a number that is the same for every rule analysed whose group has
    /// the same settled fields (`MildestShape.keySlots`): the positions of their values among their classes, the
    /// first varying fastest.
    func settled(_ group: Int, indices: [Int]) -> Int {
        entry(group, indices: indices) - offsets[group]
    }

    /// Whether the group's result is that of its only rule on one of its own records (`ownRecord`).
    func readsOwnRecord(_ group: Int) -> Bool { ownRecords[group] != nil }

    /// The table entry of a group for a record whose own fields hold the values at `indices` of their classes.
    func entry(_ group: Int, indices: [Int]) -> Int {
        var entry = offsets[group]
        for (position, stride) in keys[group] { entry += indices[position] * stride }
        return entry
    }

    /// The least a group's rules impose on records that agree with `base` outside the group's fields, and the first
    /// values of those fields, in the order `LintSpace.product` tries them, where they do. `base` must be loaded in
    /// the probe, and is loaded again on return.
    static func mildest(_ group: MildestGroup, in base: [FieldValue], probe: inout LintProbe) -> Mildest {
        func effects() -> [Int] { group.rules.map { probe.rule($0).effect?.rawValue ?? -1 } }
        // A group with no field of its own can only be where `base` puts it.
        if group.dims.isEmpty {
            let found = effects()
            return (found.max() ?? -1, [], found)
        }
        defer { probe.load(base, changing: group.dims) }
        var best = (score: Int.max, values: group.dims.map { base[$0.slot] })
        LintSpace.product(group.dims, base) { candidate in
            probe.load(candidate, changing: group.dims)
            // Only a score below the best so far matters: stop at the first rule that reaches it.
            var value = -1
            for rule in group.rules {
                value = max(value, probe.rule(rule).effect?.rawValue ?? -1)
                if value >= best.score { break }
            }
            if value < best.score { best = (value, group.dims.map { candidate[$0.slot] }) }
            return value > -1
        }
        var least = base
        for (dim, value) in zip(group.dims, best.values) { least[dim.slot] = value }
        probe.load(least, changing: group.dims)
        return (best.score, best.values, effects())
    }
}

/// Some of the other rules, which share fields among themselves but none with the rest.
struct MildestGroup {
    var dims: [LintSpace.Dimension]
    var rules: [Int]
    /// Settled fields the group's result depends on.
    var keySlots: Set<Int>
}

/// What the least a group imposes depends on, in any region where records keep the region's preparation: the
/// group's rules and fields (`MildestShape`, by id, so that the groups of different rules analysed are one where
/// they are alike), the settled values its rules depend on (`MildestPlan.settled`) and the keys of its rules in the
/// region (`OwnRunKey`, by id).
struct MildestKey: Hashable {
    var shape: Int
    var settled: Int
    var keys: [Int]
}

/// A group of other rules as the least it imposes depends on: its rules, its fields in the order they are tried,
/// and the settled fields its rules depend on.
struct MildestShape: Hashable {
    var rules: [Int]
    var slots: [Int]
    var keySlots: [Int]

    init(_ group: MildestGroup) {
        rules = group.rules
        slots = group.dims.map(\.slot)
        keySlots = group.keySlots.sorted()
    }
}

/// The least each group imposes, as found so far for one rule in one region, by `MildestPlan` entry.
///
/// One table serves every rule and region: `clear` forgets all entries at once by moving to a new generation,
/// without touching them.
struct MildestTable {
    private struct Entry {
        var generation: Int
        var mildest: MildestPlan.Mildest
    }

    private var entries: [Entry] = []
    private var generation = 0

    /// Forgets every entry and makes room for `size`.
    mutating func clear(size: Int) {
        generation += 1
        if entries.count < size {
            entries += repeatElement(Entry(generation: 0, mildest: (Int.max, [], [])), count: size - entries.count)
        }
    }

    /// What was found for `entry` since the last `clear`, if anything.
    subscript(entry: Int) -> MildestPlan.Mildest? {
        entries[entry].generation == generation ? entries[entry].mildest : nil
    }

    mutating func store(_ mildest: MildestPlan.Mildest, at entry: Int) {
        entries[entry] = Entry(generation: generation, mildest: mildest)
    }
}
