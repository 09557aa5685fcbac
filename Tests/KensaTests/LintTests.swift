import Foundation
import Testing

@testable import Kensa

@Suite struct LintTests {
    static let fixture = Golden.casesDirectory.appendingPathComponent("lint-set").path
    static let asOf = Day(iso: "2026-01-01")

    private func lint(_ directory: String) throws -> (CompiledPolicy, LintReport) {
        let policy = try PolicySet.load(directory: directory)
        return (policy, Linter(policy: policy).lint(LintOptions(asOf: Self.asOf, expiringWithin: 30)))
    }

    /// Decides a witness record (one line of JSON) against the set.
    private func decide(_ witness: String, _ policy: CompiledPolicy) throws -> Decision {
        let results = Decider(policy: policy).decide(records: Array(witness.utf8), format: .jsonl)
        return try #require(try results.first?.get())
    }

    @Test func findsEveryKindOfProblemInTheFixture() throws {
        let (_, report) = try lint(Self.fixture)
        let codes = report.findings.map(\.diagnostic.code)
        #expect(
            codes.sorted { $0.rawValue < $1.rawValue }
                == [
                    .deadRule, .shadowedRule, .uselessExemption, .uselessExemption, .expiredExemption,
                    .expiredExemption,
                    .expiringExemption, .policyGap,
                ])
        let window = report.findings.first { $0.diagnostic.message.hasPrefix("exemption `WAIVER-4`") }
        #expect(window?.diagnostic.message.contains("never restrict its buyers' records while it is valid") == true)
        let text = report.text.replacingOccurrences(of: Golden.casesDirectory.path + "/", with: "")
        try Golden.check(text, against: "lint-set.lint.txt")
    }

    @Test func witnessesShowWhatTheyClaim() throws {
        let (policy, report) = try lint(Self.fixture)
        let shadowed = try #require(report.findings.first { $0.diagnostic.code == .shadowedRule }?.witness)
        let decision = try decide(shadowed, policy)
        #expect(decision.outcome == .prohibited)
        #expect(decision.decidedBy == ["no-blocked-makers"])
        let gap = try #require(report.findings.first { $0.diagnostic.code == .policyGap }?.witness)
        let gapDecision = try decide(gap, policy)
        #expect(gapDecision.outcome == .permitted)
    }

    @Test func sarifHasTheCodeScanningShape() throws {
        let (_, report) = try lint(Self.fixture)
        let object = try JSONSerialization.jsonObject(with: Data(report.sarif.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = try #require((object?["runs"] as? [[String: Any]])?.first)
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "kensa")
        #expect((driver?["rules"] as? [[String: Any]])?.count == 6)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        let location = (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect(
            (location?["region"] as? [String: Any])?["startLine"] as? Int
                == report.findings.first?.diagnostic.span.start.line)
        let json = try JSONSerialization.jsonObject(
            with: Data(report.json(policy: try PolicySet.load(directory: Self.fixture).info).utf8))
        #expect((json as? [String: Any])?["findings"] as? [Any] != nil)
    }

    @Test func theJapaneseSetLintsAsItsReadmeExplains() throws {
        let (_, report) = try lint(Golden.packageRoot.appendingPathComponent("policies/jp").path)
        let text = report.text.replacingOccurrences(of: Golden.packageRoot.path + "/", with: "")
        try Golden.check(text, against: "jp.lint.txt")
    }

    @Test func theUSSetLintsAsItsReadmeExplains() throws {
        let (_, report) = try lint(Golden.packageRoot.appendingPathComponent("policies/us").path)
        let text = report.text.replacingOccurrences(of: Golden.packageRoot.path + "/", with: "")
        try Golden.check(text, against: "us.lint.txt")
    }
}
