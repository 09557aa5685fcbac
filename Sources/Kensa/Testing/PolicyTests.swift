import Foundation
import KensaYAML

/// Runs the test suites of a policy set: reads `tests/*.yaml` beside the policy files, decides every case with
/// a full trace, compares each decision with what the case expects, and counts coverage.
///
/// ```swift
/// let policy = try PolicySet.load(directory: "policies/jp")
/// let (suites, diagnostics) = PolicyTests.load(directory: "policies/jp", policy: policy)
/// let run = PolicyTests.run(suites, policy: policy)
/// print(run.passed, run.failed, run.coverage.percent)
/// ```
public enum PolicyTests {
    /// The test files of a set: `*.yaml` and `*.yml` directly inside `DIR/tests`, in name order.
    public static func files(inSet directory: String) -> [String] {
        let tests = directory.hasSuffix("/") ? directory + "tests" : directory + "/tests"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tests)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(tests)/\($0)" }
    }

    /// Parses every test file of the set at `directory`; the diagnostics are sorted, and a suite keeps only its
    /// cases without problems.
    public static func load(
        directory: String, policy: CompiledPolicy
    ) -> (suites: [TestSuite], diagnostics: [Diagnostic]) {
        let paths = files(inSet: directory)
        return load(files: paths.map { ($0, YAMLReader.read(contentsOf: $0)) }, policy: policy)
    }

    /// Parses test files already read (name as shown, parsed YAML).
    public static func load(
        files: [(name: String, yaml: YAMLFile)], policy: CompiledPolicy
    ) -> (suites: [TestSuite], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let parser = TestSuiteParser(log: log, policy: policy, records: RecordsFileLoader(log: log))
        var suites: [TestSuite] = []
        for file in files {
            for problem in file.yaml.problems { log.append(Diagnostic(problem)) }
            let cases = file.yaml.documents.flatMap { parser.cases(of: $0, file: file.name) }
            suites.append(TestSuite(file: file.name, cases: cases))
        }
        return (suites, log.diagnostics.sorted(by: Diagnostic.ordered))
    }

    /// Decides every case of `suites` and compares; a record the reader rejects is a K403 diagnostic.
    public static func run(_ suites: [TestSuite], policy: CompiledPolicy) -> TestRun {
        let decider = Decider(policy: policy)
        var coverage = Coverage(policy: policy)
        let log = DiagnosticLog()
        var results: [SuiteResult] = []
        for suite in suites {
            var cases: [CaseResult] = []
            for testCase in suite.cases {
                let outcome = decider.decide(
                    records: Array(testCase.recordJSON.utf8), format: .jsonl, asOf: testCase.asOf, explain: true)
                switch outcome.first {
                case .success(let decision)?:
                    coverage.record(decision.trace ?? [])
                    cases.append(CaseResult(testCase: testCase, decision: decision))
                case .failure(let problem)?:
                    log.error(
                        .unreadableTestRecord,
                        "the record of case `\(testCase.name)` cannot be read: \(problem.message)",
                        at: testCase.recordSpan)
                case nil:
                    log.error(
                        .unreadableTestRecord, "the record of case `\(testCase.name)` is empty", at: testCase.recordSpan
                    )
                }
            }
            results.append(SuiteResult(file: suite.file, cases: cases))
        }
        return TestRun(suites: results, coverage: coverage, diagnostics: log.diagnostics.sorted(by: Diagnostic.ordered))
    }
}

/// The results of running a set's test suites.
public struct TestRun: Sendable {
    public var suites: [SuiteResult]
    public var coverage: Coverage
    /// Records that could not be read (each case left out of the results).
    public var diagnostics: [Diagnostic]

    public var passed: Int { suites.reduce(0) { $0 + $1.cases.filter(\.passed).count } }
    public var failed: Int { suites.reduce(0) { $0 + $1.cases.filter { !$0.passed }.count } }
}

/// The results of one test file.
public struct SuiteResult: Sendable {
    public var file: String
    public var cases: [CaseResult]
}

/// One case's decision and how it differs from what the case expects.
public struct CaseResult: Sendable {
    public var testCase: TestCase
    public var decision: Decision
    /// One line per difference (`outcome: expected prohibited, got permitted`); empty when the case passed.
    public var mismatches: [String]

    public var passed: Bool { mismatches.isEmpty }

    package init(testCase: TestCase, decision: Decision) {
        self.testCase = testCase
        self.decision = decision
        mismatches = Self.compare(testCase.expectation, decision)
    }

    static func compare(_ expected: TestExpectation, _ decision: Decision) -> [String] {
        var lines: [String] = []
        func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
        if expected.outcome != decision.outcome {
            lines.append("outcome: expected \(expected.outcome.name), got \(decision.outcome.name)")
        }
        if let rules = expected.decidedBy, Set(rules) != Set(decision.decidedBy) {
            lines.append("decided by: expected \(list(rules)), got \(list(decision.decidedBy))")
        }
        if let exemptions = expected.exemptionsApplied, Set(exemptions) != Set(decision.exemptionsApplied) {
            lines.append("exemptions applied: expected \(list(exemptions)), got \(list(decision.exemptionsApplied))")
        }
        for reason in expected.reasons where !decision.reasons.contains(where: { $0.contains(reason) }) {
            lines.append("reasons: none contains \"\(reason)\"")
        }
        return lines
    }
}
