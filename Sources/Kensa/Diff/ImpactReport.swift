/// What changes when a set of records is decided under a new version of a policy set instead of the old one.
public struct ImpactReport: Sendable {
    /// Records decided under both versions; a malformed record counts apart.
    public var records = 0
    public var malformed = 0
    /// Records whose outcome differs.
    public var changed = 0
    /// Flips grouped by old → new outcome, most frequent first.
    public var groups: [FlipGroup] = []
    /// Rules, scopes and exemptions added, removed or changed between the versions.
    public var policyChanges: [PolicyChange] = []
    public var old: PolicyInfo
    public var new: PolicyInfo
}

/// The records that went from one outcome to another, with what caused it.
public struct FlipGroup: Sendable {
    public var old: Outcome
    public var new: Outcome
    public var count: Int
    /// Causes, most frequent first; a record may have several.
    public var causes: [FlipCause]
    /// Up to five record ids, in input order.
    public var examples: [String]
}

/// One cause of flips: a rule, scope or exemption whose result on the records differs between the versions.
public struct FlipCause: Sendable {
    /// "rule `jp-2` changed (condition)", "exemption `DOE-889B-2022` removed", "rule `x` unchanged (its inputs changed)".
    public var description: String
    public var count: Int
    public var examples: [String]
}
