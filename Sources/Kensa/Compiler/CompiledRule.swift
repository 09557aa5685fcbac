import KensaYAML

/// A compiled rule.
final class CompiledRule: Sendable {
    let id: String
    let title: String
    /// Indices of the scopes the rule belongs to; it counts when any of them holds.
    let scopes: [Int]
    let cites: String?
    let clause: String?
    let rationale: String?
    let when: Condition
    let exceptions: [CompiledException]
    let outcome: Outcome
    let waivable: Bool
    /// The rule's own version label, if it has one.
    let version: String?
    /// When the rule is in force; nil ends are open.
    let from: Day?
    let until: Day?
    /// Indices of the rules this one replaces.
    let supersedes: [Int]
    let span: SourceSpan

    init(
        id: String, title: String, scopes: [Int], cites: String?, clause: String?, rationale: String?,
        when: Condition, exceptions: [CompiledException], outcome: Outcome, waivable: Bool, version: String?,
        from: Day?, until: Day?, supersedes: [Int], span: SourceSpan
    ) {
        self.id = id
        self.title = title
        self.scopes = scopes
        self.cites = cites
        self.clause = clause
        self.rationale = rationale
        self.when = when
        self.exceptions = exceptions
        self.outcome = outcome
        self.waivable = waivable
        self.version = version
        self.from = from
        self.until = until
        self.supersedes = supersedes
        self.span = span
    }

    /// Whether the rule is in force on `day`: unknown when the day is unknown and the rule has a window.
    func inForce(on day: Day?) -> Truth { Self.inForce(from: from, until: until, on: day) }

    /// Whether a window from `from` until `until` (nil ends open) holds on `day`.
    static func inForce(from: Day?, until: Day?, on day: Day?) -> Truth {
        guard from != nil || until != nil else { return .yes }
        guard let day else { return .unknown }
        return Truth((from.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true))
    }

    /// "from 2019-04-01 until 2020-06-30", or nil when the rule is always in force.
    var windowText: String? {
        let parts = [from.map { "from \($0)" }, until.map { "until \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
