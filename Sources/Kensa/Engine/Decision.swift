/// The decision on one record: its outcome, the rules that set it, the exemptions applied, the reasons, and the
/// policy that decided; with a trace of every scope, rule and condition when an explanation was asked for.
public struct Decision: Sendable, Hashable {
    public var id: String
    public var outcome: Outcome
    /// Ids of the rules whose results set the outcome (empty when no rule restricted the record).
    public var decidedBy: [String]
    /// Ids of the exemptions that turned some rule's result.
    public var exemptionsApplied: [String]
    /// Why, in sentences: scope, deciding rules with the facts that made them fire, missing data, registry notes.
    public var reasons: [String]
    public var policy: PolicyInfo
    /// The date vendor membership and exemptions were judged at (the record's date, or `--as-of`).
    public var judgedAt: Day?
    /// Line of the input where the record starts.
    public var line: Int?
    public var trace: [TraceEvent]?
}
