/// The outcome of a decision, ordered from least to most restrictive; the most restrictive result wins.
public enum Outcome: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// The guideline does not govern this purchase.
    case notApplicable = 0
    /// The guideline applies and its conditions are met (possibly thanks to an exemption).
    case permitted = 1
    /// A rule requires a review, or the record lacks data a rule needs.
    case reviewRequired = 2
    /// A rule forbids the purchase.
    case prohibited = 3

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name records, policies and decisions use: `not_applicable`, `permitted`, `review_required`, `prohibited`.
    public var name: String {
        switch self {
        case .notApplicable: "not_applicable"
        case .permitted: "permitted"
        case .reviewRequired: "review_required"
        case .prohibited: "prohibited"
        }
    }

    public init?(name: String) {
        guard let outcome = Outcome.allCases.first(where: { $0.name == name }) else { return nil }
        self = outcome
    }

    public var description: String { name }
}
