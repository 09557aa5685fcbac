/// One step of a decision's trace. A trace is a flat list of these; `depth` nests a rule's conditions under it.
///
/// Every view of an explanation (text, JSON, HTML) is a rendering of this one list.
public struct TraceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// How the buyer's entity class was settled.
        case buyer
        case scope
        case rule
        /// Whether a rule's scopes hold.
        case ruleScope = "rule_scope"
        case condition
        /// One element of a list inside `some`/`every`.
        case element
        /// An `unless` exception of a rule.
        case exception
        /// An exemption the record claimed.
        case exemption
    }

    public var kind: Kind
    public var depth: Int
    /// scope: `holds` / `does_not_hold` / `unknown`; rule: `fired` / `not_fired` / `unknown`; conditions and
    /// exceptions: `true` / `false` / `unknown`; exemption: `applied` / `not_applied`; buyer: where the class came from.
    public var result: String
    public var id: String?
    public var title: String?
    /// The step as a sentence a reviewer can read aloud.
    public var text: String
    public var field: String?
    public var op: String?
    public var expected: String?
    public var actual: String?
    /// For a rule: the outcome it imposes on this record after exemptions (`prohibited`, `review_required`, `permitted`).
    public var effect: String?
    /// For a rule: its version (its own, else the set's).
    public var version: String?
    /// For a rule with an effective window: "from 2019-04-01 until 2020-06-30".
    public var window: String?
    /// For a rule: the clause of the guideline and the source it cites.
    public var cites: String?
    /// `file:line:column` of the rule, scope, exemption or condition in the policy files.
    public var location: String?

    public init(kind: Kind, depth: Int, result: String, text: String) {
        self.kind = kind
        self.depth = depth
        self.result = result
        self.text = text
    }
}
