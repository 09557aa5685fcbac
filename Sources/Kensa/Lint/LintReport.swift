/// What `kensa lint` found in a policy set: findings as diagnostics, each with a witness record where one exists.
public struct LintReport: Sendable {
    /// One finding: a diagnostic with a stable code, and a record (one line of JSON) that shows it.
    public struct Finding: Sendable {
        public var diagnostic: Diagnostic
        public var witness: String?
    }

    public var findings: [Finding]
    /// How many records of the decision space were decided.
    public var recordsDecided: Int

    /// Whether some finding is an error.
    public var hasErrors: Bool { findings.contains { $0.diagnostic.severity == .error } }
}

/// What to look for besides the findings every lint reports.
public struct LintOptions: Sendable {
    /// The date exemptions' expiry is judged at; without it, expiry is not reported.
    public var asOf: Day?
    /// Report exemptions that end within this many days after `asOf`.
    public var expiringWithin: Int

    public init(asOf: Day? = nil, expiringWithin: Int = 30) {
        self.asOf = asOf
        self.expiringWithin = expiringWithin
    }
}
