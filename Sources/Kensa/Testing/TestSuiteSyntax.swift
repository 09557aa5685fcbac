import KensaYAML

/// One test file of a policy set (`policies/<set>/tests/*.yaml`): the cases it declares, in file order.
public struct TestSuite: Sendable {
    /// The file as the user named it.
    public var file: String
    public var cases: [TestCase]
}

/// One case: a record, the date to judge it at, and what its decision must say.
public struct TestCase: Sendable {
    /// The case's name, unique in its file; a variation row is named `base name / row name`.
    public var name: String
    /// Where the case is written (its `name` key).
    public var span: SourceSpan
    /// The record as JSON text, in record v1 form.
    public var recordJSON: String
    /// Where the record is written (the inline mapping, or the id that names it).
    public var recordSpan: SourceSpan
    public var asOf: Day?
    public var expectation: TestExpectation
}

/// What a case's decision must say. Only `outcome` is required; each other part is checked when given.
public struct TestExpectation: Sendable, Hashable {
    public var outcome: Outcome
    /// The rules that must decide the record: exactly these, in any order.
    public var decidedBy: [String]?
    /// The exemptions that must apply: exactly these, in any order.
    public var exemptionsApplied: [String]?
    /// Texts each of which must appear in some reason of the decision.
    public var reasons: [String]

    public init(
        outcome: Outcome, decidedBy: [String]? = nil, exemptionsApplied: [String]? = nil, reasons: [String] = []
    ) {
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.exemptionsApplied = exemptionsApplied
        self.reasons = reasons
    }
}
