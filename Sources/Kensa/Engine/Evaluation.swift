/// Everything the engine settled about one record, before it is worded as a decision.
struct Evaluation {
    /// The record's values as evaluated (the buyer's entity class settled by the registry).
    var values: [FieldValue]
    /// Whether some value cannot be used (see ``InvalidValues``).
    var hasInvalidValues: Bool
    /// Slots (below 64) the record left out and the layout filled with a default or a stand-in field.
    var filled: UInt64 = 0
    /// Truth of each scope, by scope index.
    var scopes: [Truth]
    /// Whether the record is in scope: some scope holds (yes), none can hold (no), or unsettled.
    var inScope: Truth
    var rules: [RuleEvaluation]
    var exemptions: [ExemptionVerdict]
    var buyer: BuyerResolution
    /// The date vendor membership and exemptions were judged at.
    var day: Day?
    var outcome: Outcome

    /// An evaluation of nothing, whose arrays an evaluation can reuse (see `RecordEvaluator.evaluate(_:asOf:observer:into:)`).
    init() {
        self.init(
            values: [], hasInvalidValues: false, scopes: [], inScope: .no, rules: [], exemptions: [],
            buyer: BuyerResolution(entity: nil, source: .unknown), day: nil, outcome: .notApplicable)
    }

    init(
        values: [FieldValue], hasInvalidValues: Bool, scopes: [Truth], inScope: Truth, rules: [RuleEvaluation],
        exemptions: [ExemptionVerdict], buyer: BuyerResolution, day: Day?, outcome: Outcome
    ) {
        self.values = values
        self.hasInvalidValues = hasInvalidValues
        self.scopes = scopes
        self.inScope = inScope
        self.rules = rules
        self.exemptions = exemptions
        self.buyer = buyer
        self.day = day
        self.outcome = outcome
    }

    /// The record's id (readers only produce records with one).
    func id(in policy: CompiledPolicy) -> String {
        if case .text(let id) = values[policy.slots.id] { return id }
        return ""
    }

    /// Ids of the claimed exemptions that turned some rule's result, in the order claimed.
    var exemptionsApplied: [String] { exemptions.filter { !$0.turnedRules.isEmpty }.map(\.claimedID) }
}

/// How one rule came out.
struct RuleEvaluation {
    /// Whether the rule applies at all: in force at the judgment date and one of its scopes holds.
    var scope: Truth
    /// Whether the rule is in force at the judgment date.
    var inForce: Truth = .yes
    /// Truth of the rule's `when` (`.no` without evaluating when the scope is definitely false on the fast path).
    var when: Truth
    /// Index of the first `unless` exception established, if any.
    var exception: Int?
    /// The result before exemptions: the rule's outcome when it fired, `review_required` when unsettled.
    var result: Outcome?
    /// Index of the exemption that turned the result, and what it turned it into.
    var waiver: (exemption: Int, outcome: Outcome)?

    /// The result after exemptions.
    var effect: Outcome? { waiver?.outcome ?? result }

    /// fired, unknown or not fired, as the rule's conditions came out (before exemptions).
    var truth: Truth {
        if exception != nil { return .no }
        return min(scope, when)
    }
}

/// What became of one exemption the record claimed.
struct ExemptionVerdict {
    /// The id as the record wrote it.
    var claimedID: String
    /// Index of the exemption in the policy, when it exists.
    var exemption: Int?
    /// Indices of the rules whose results it turned; empty when it did not apply.
    var turnedRules: [Int]
    /// Why it did not apply, in the reviewer's words; nil when it applied.
    var rejection: String?
}

/// How the buyer's entity class was settled.
struct BuyerResolution {
    enum Source { case record, registry, unknown }

    var entity: Int?
    var source: Source
    /// When the record's own class was replaced by the registry's: what the record said.
    var overridden: FieldValue?
}
