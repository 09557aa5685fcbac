/// How a rule came out on its own records in one region, kept so that a later region where the rule sees the
/// same need not try them again (`RuleAnalysis`).
///
/// A rule's result on one of its own records depends on the region only through what `OwnRunKey` holds. Two
/// regions with one key give the same results, record by record, in the same order. So where the other rules
/// need not be consulted — the rule never restricts there, or it is already known to decide alone somewhere — a
/// later region is accounted for from the earlier run: the same records would be tried, with the same outcome.
struct OwnRun {
    /// How many own records the rule has, and how many the run tried before it stopped.
    var size: Int
    var tried = 0
    /// Position of the first record where the rule restricts (fires or is unsettled), and where it fires.
    var firstEffect: Int?
    var firstFired: Int?

    /// How many records a run in a region with this key would try, given what is known when it starts, and
    /// whether some rule has spoken in the region after it; nil when only a run can tell (the rule restricts
    /// there and is not yet known to decide alone, or the run stopped before the records that would tell).
    ///
    /// A run stops at the first record after which the rule decides alone somewhere, has fired somewhere, and
    /// some rule has spoken in the region.
    func replay(decisive: Bool, fired: Bool, spoke: Bool) -> (tried: Int, spoke: Bool)? {
        let complete = tried == size
        guard decisive else {
            // Without a restriction the other rules are never consulted, and the run never stops early.
            return firstEffect == nil && complete ? (size, spoke) : nil
        }
        // A run must record the rule's first firing (`RuleAnalysis.speaks` notes where it is without recording it).
        if !fired && firstFired != nil { return nil }
        if fired, let spokeAt = spoke ? 0 : firstEffect {
            return spokeAt < tried ? (spokeAt + 1, true) : nil
        }
        return complete ? (size, spoke || firstEffect != nil) : nil
    }
}

/// What a rule's results on its own records depend on in a region: its scope truth there, the region's values of
/// the other fields it reads, and how the judgment date places the vendor registry's dated members (and the date
/// itself, where the rule reads the exemptions a record claims, whose windows it judges).
///
/// Values and placements are held as numbers given by the analysis (`RegionKeys`: one per distinct list of values
/// of the fields the rule reads), so that keys hash as a few integers.
struct OwnRunKey: Hashable {
    var scope: Truth
    var values: Int
    var vendorDays: Int
    var day: Day?

    /// The key of every rule out of force or out of scope in a region: it has no result there, whatever it reads.
    static let outOfScope = OwnRunKey(scope: .no, values: -1, vendorDays: -1, day: nil)

    private init(scope: Truth, values: Int, vendorDays: Int, day: Day?) {
        self.scope = scope
        self.values = values
        self.vendorDays = vendorDays
        self.day = day
    }

    /// The key of a rule in the region loaded in `probe`, where its scope truth is `scope`; nil when a run is
    /// needed every time because some own field of the rule changes how records are prepared (their date, their
    /// buyer, their scopes).
    ///
    /// - Parameters:
    ///   - values: the number standing for the region's values of the fields the rule reads outside its own
    ///     fields.
    ///   - vendorDays: the number standing for `OwnRunKey.vendorDays(on:policy:)` at the region's judgment date.
    init?(rule: Int, scope: Truth, space: LintSpace, probe: inout LintProbe, values: Int, vendorDays: Int) {
        guard probe.keepsPreparation(space.ruleFields[rule]) else { return nil }
        self.scope = scope
        self.values = values
        self.vendorDays = vendorDays
        let claims = space.policy.slots.exemptions
        let readsClaims = space.ruleReads[rule].contains(claims) || probe.values[claims] != .missing
        day = readsClaims ? probe.day : nil
    }

    /// How `day` places each dated member of the vendor registry: inside its window, outside, or unknown.
    static func vendorDays(on day: Day?, policy: CompiledPolicy) -> [UInt8] {
        policy.vendors.members.compactMap { member in
            guard member.from != nil || member.until != nil else { return nil }
            guard let day else { return 2 }
            return (member.from.map { day >= $0 } ?? true) && (member.until.map { day <= $0 } ?? true) ? 1 : 0
        }
    }
}
