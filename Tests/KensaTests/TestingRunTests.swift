import Foundation
import KensaYAML
import Testing

@testable import Kensa

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Running cases: failures with expected against actual and the deciding trace, coverage counts, JUnit XML.
@Suite struct TestingRunTests {
    static func run(_ text: String) throws -> (TestRun, CompiledPolicy) {
        let policy = try Fixtures.policy(Fixtures.miniSet)
        let (suites, diagnostics) = PolicyTests.load(
            files: [("mini.yaml", YAMLReader.parse(text, file: "mini.yaml"))], policy: policy)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return (PolicyTests.run(suites, policy: policy), policy)
    }

    static let cases = """
        variations:
          - name: Bad Corp at the ministry
            record:
              date: 2020-05-01
              buyer: {name: MoT}
              product: {manufacturer: Bad Corp}
              consultation: {status: no_concern}
            rows:
              - {name: banned, outcome: prohibited, decided_by: [banned-maker]}
              - {name: wrongly expected permitted, outcome: permitted, reasons: [nothing restricts]}
              - {name: waived, set: {exemptions: [W-1]}, outcome: permitted, exemptions_applied: [W-1]}
              - {name: pending waiver, set: {exemptions: [W-PENDING]}, outcome: prohibited}
              - {name: capped waiver, set: {exemptions: [W-1]}, as_of: 2021-07-01, outcome: prohibited}
        """

    @Test func aFailureShowsExpectedAgainstActualAndTheDecidingTrace() throws {
        let (run, _) = try Self.run(Self.cases)
        #expect(run.passed == 4 && run.failed == 1)
        let failure = try #require(run.suites[0].cases.first { !$0.passed })
        #expect(
            failure.mismatches == [
                "outcome: expected permitted, got prohibited", "reasons: none contains \"nothing restricts\"",
            ])
        let text = TestReportText(colour: false).render(failure)
        #expect(text.hasPrefix("FAIL  mini.yaml:10  Bad Corp at the ministry / wrongly expected permitted\n"))
        #expect(text.contains("    decision: prohibited by banned-maker, judged at 2020-05-01"))
        #expect(text.contains("✓ rule `banned-maker` (Banned makers) fired → prohibited"))
        #expect(text.contains("✓ `product.manufacturer` belongs to vendor group Bad"))
        #expect(!text.contains("rule `consult`"), "rules that neither decided nor were expected are left out")
        #expect(TestReportText(colour: false).summary(run) == "4 passed, 1 failed")
    }

    @Test func coverageCountsRulesConditionsAndExemptionReasons() throws {
        let (run, _) = try Self.run(Self.cases)
        let coverage = run.coverage
        let banned = try #require(coverage.rules.first { $0.id == "banned-maker" })
        #expect(banned.fired == 5 && banned.notFired == 0, "a waived rule still fired")
        #expect(coverage.ruleCounts == (2, 4), "`consult` never fired, `banned-maker` always did")
        let w1 = try #require(coverage.exemptions.first { $0.id == "W-1" })
        #expect(w1.applied == 1 && w1.rejections == ["capped": 1])
        let pending = try #require(coverage.exemptions.first { $0.id == "W-PENDING" })
        #expect(pending.applied == 0 && pending.rejections == ["not_approved": 1])
        #expect(coverage.exemptionCounts == (3, 4))
        let gaps = coverage.gaps.map(\.description)
        #expect(gaps.contains("fixture/policy.yaml:56:5: rule `consult` never fired"))
        #expect(gaps.contains("fixture/policy.yaml:71:5: exemption `W-PENDING` never applied"))
        #expect(
            gaps.contains {
                $0.contains("condition some entry of `components` never seen true or false (seen unknown 5 times)")
            })
        #expect(coverage.percent < 100)
        #expect(TestReportText.format(97.55) == "97.5" && TestReportText.format(100) == "100")
    }

    @Test func junitIsWellFormedWithOneTestcasePerCase() throws {
        let (run, _) = try Self.run(Self.cases)
        let xml = TestReportJUnit.xml(run, policyID: "mini <&> \"set\"")
        #if canImport(FoundationXML) || os(macOS)
            let document = try XMLDocument(xmlString: xml, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites" && root.attribute(forName: "name")?.stringValue == "mini <&> \"set\"")
            let cases = try root.nodes(forXPath: "testsuite/testcase")
            #expect(cases.count == 5)
            let failures = try root.nodes(forXPath: "testsuite/testcase/failure")
            #expect(failures.count == 1)
            #expect(failures.first?.stringValue?.contains("rule `banned-maker` (Banned makers) fired") == true)
        #else
            #expect(xml.components(separatedBy: "<testcase ").count == 6)
        #endif
        #expect(TestReportJUnit.escape("a<b>&\"'\n\u{1}") == "a&lt;b&gt;&amp;&quot;&apos;&#10;")
    }

    @Test func jsonReportIsOneDocument() throws {
        let (run, _) = try Self.run(Self.cases)
        let json = TestReportJSON.text(run, policyID: "mini")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["passed"] as? Int == 4 && object["failed"] as? Int == 1)
        #expect((object["cases"] as? [Any])?.count == 5)
        #expect((object["coverage"] as? [String: Any])?["gaps"] != nil)
    }
}
