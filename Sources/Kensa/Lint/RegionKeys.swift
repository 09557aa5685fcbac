/// The rules in force and in scope in each region, and each one's key there (`OwnRunKey`, by id), for
/// `RuleAnalysis`, worked out with as little as possible evaluated and hashed per region.
///
/// A rule's scope truth depends on the region only through whether the rule is in force at the judgment date and
/// the scopes' truths, so it is evaluated once per such pair. Its key holds ids, not values: one id per distinct
/// list of the region's values of the fields it reads, shared by the rules that read the same fields.
struct RegionKeys {
    let policy: CompiledPolicy
    private let space: LintSpace
    /// The distinct lists of fields that rules read outside their own fields, in slot order.
    private let readLists: [[Int]]
    /// For each rule, the position of its list in `readLists`.
    private let readList: [Int]
    private var keyIDs: [OwnRunKey: Int] = [:]
    private var valueIDs: [[FieldValue]: Int] = [:]
    private var vendorDayIDs: [[UInt8]: Int] = [:]
    private var scopePatternIDs: [[Truth]: Int] = [:]
    /// Each rule's scope truth by scope pattern id and whether it is in force (`Truth` raw value), by (pattern
    /// id times 3 plus that raw value) times the number of rules plus the rule; nil where not yet evaluated.
    private var scopeTruths: [Truth?] = []

    init(space: LintSpace) {
        policy = space.policy
        self.space = space
        let reads = space.policy.rules.indices.map {
            space.ruleReads[$0].subtracting(space.ruleFields[$0].map(\.slot)).sorted()
        }
        var lists: [[Int]: Int] = [:]
        readList = reads.map { RegionKeys.number($0, in: &lists) }
        var readLists = Array(repeating: [Int](), count: lists.count)
        for (list, id) in lists { readLists[id] = list }
        self.readLists = readLists
    }

    /// The rules in force and in scope in the region loaded in `probe`, and each rule's key id (nil where it has
    /// none; the key of `OwnRunKey.outOfScope` for the rules not in force or in scope).
    mutating func keys(in probe: inout LintProbe) -> (active: [Int], keys: [Int?]) {
        let rules = policy.rules
        let vendorDays = Self.number(OwnRunKey.vendorDays(on: probe.day, policy: policy), in: &vendorDayIDs)
        let values = readLists.map { list in Self.number(list.map { probe.values[$0] }, in: &valueIDs) }
        let pattern = Self.number(probe.scopes, in: &scopePatternIDs)
        let needed = (pattern + 1) * 3 * rules.count
        if scopeTruths.count < needed { scopeTruths += repeatElement(nil, count: needed - scopeTruths.count) }
        // A rule out of force or out of its scopes here stays silent whatever its own fields say.
        var active: [Int] = []
        var keys = Array(repeating: Optional(Self.number(OwnRunKey.outOfScope, in: &keyIDs)), count: rules.count)
        for rule in rules.indices {
            let known = (pattern * 3 + Int(rules[rule].inForce(on: probe.day).rawValue)) * rules.count + rule
            let scope = scopeTruths[known] ?? probe.rule(rule).scope
            scopeTruths[known] = scope
            guard scope != .no else { continue }
            active.append(rule)
            let key = OwnRunKey(
                rule: rule, scope: scope, space: space, probe: &probe, values: values[readList[rule]],
                vendorDays: vendorDays)
            keys[rule] = key.map { Self.number($0, in: &keyIDs) }
        }
        return (active, keys)
    }

    /// The number standing for `value` in `ids`, a new one the first time.
    static func number<Value: Hashable>(_ value: Value, in ids: inout [Value: Int]) -> Int {
        if let id = ids[value] { return id }
        ids[value] = ids.count
        return ids.count - 1
    }
}
