import Testing

@testable import Kensa

/// Rules and files with effective windows: a rule counts only while in force at the judgment date.
@Suite struct EffectiveWindowTests {
    static let files: [(name: String, text: String)] = [
        (
            "policy.yaml",
            """
            policy: {id: windows, version: "2", title: Windows}
            rules:
              - id: old-ban
                title: Ban under the first guideline
                until: 2020-06-30
                when: {field: category, equals: telecom_equipment}
                outcome: prohibited
              - id: new-ban
                title: Ban under the revised guideline
                version: "2.0"
                from: 2020-07-01
                supersedes: [old-ban]
                when: {field: category, in: [telecom_equipment, network_equipment]}
                outcome: prohibited
            """
        ),
        (
            "review.yaml",
            """
            effective: {from: 2021-01-01}
            rules:
              - id: later-review
                title: Review added in 2021
                when: {field: category, equals: software}
                outcome: review_required
            """
        ),
    ]

    private func decide(_ category: String, on date: String?, asOf: String? = nil) throws -> Decision {
        let policy = try Fixtures.policy(Self.files)
        var fields: [String: FieldValue] = [
            "id": .text("W"), "category": Fixtures.choice(policy, "category", category),
        ]
        if let date { fields["date"] = Fixtures.day(date) }
        return Decider(policy: policy).decide(
            values: Fixtures.record(policy, fields), line: nil, asOf: asOf.flatMap { Day(iso: $0) }, explain: true)
    }

    @Test func aRuleCountsOnlyInsideItsWindow() throws {
        #expect(try decide("telecom_equipment", on: "2020-06-30").decidedBy == ["old-ban"])
        #expect(try decide("telecom_equipment", on: "2020-07-01").decidedBy == ["new-ban"])
        #expect(try decide("network_equipment", on: "2020-06-30").outcome == .permitted)
        #expect(try decide("network_equipment", on: "2020-06-30", asOf: "2020-07-01").outcome == .prohibited)
    }

    @Test func aFileWindowAppliesToItsRules() throws {
        #expect(try decide("software", on: "2020-12-31").outcome == .permitted)
        #expect(try decide("software", on: "2021-01-01").decidedBy == ["later-review"])
    }

    @Test func anUnknownDateLeavesAWindowedRuleUnsettled() throws {
        let decision = try decide("telecom_equipment", on: nil)
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.decidedBy == ["old-ban", "new-ban"])
    }

    @Test func theTraceShowsVersionAndWindow() throws {
        let trace = try #require(try decide("network_equipment", on: "2020-06-30").trace)
        let rule = try #require(trace.first { $0.kind == .rule && $0.id == "new-ban" })
        #expect(rule.version == "2.0")
        #expect(rule.window == "from 2020-07-01")
        #expect(rule.text.hasSuffix("did not fire: not in force"))
        #expect(trace.first { $0.kind == .rule && $0.id == "old-ban" }?.version == "2")
        #expect(
            trace.contains {
                $0.kind == .ruleScope && $0.text == "not in force on 2020-06-30: in force from 2020-07-01"
            })
    }

    @Test func checkWarnsWhenSupersededRulesOverlap() {
        var files = Self.files
        files[0].text = files[0].text.replacingOccurrences(of: "until: 2020-06-30", with: "until: 2020-07-31")
        let diagnostics = Fixtures.diagnostics(files)
        #expect(
            diagnostics == [
                "fixture/policy.yaml:8:5: warning[K314]: rule `new-ban` supersedes `old-ban`, but both are in force from 2020-07-01 until 2020-07-31\n  help: end `old-ban` the day before `new-ban` starts (`until:`), or drop `supersedes`"
            ])
        files[0].text = files[0].text.replacingOccurrences(
            of: "from: 2020-07-01", with: "from: 2020-08-31\n    until: 2020-08-01")
        #expect(
            Fixtures.diagnostics(files).contains {
                $0.contains("error[K313]: rule `new-ban` ends on 2020-08-01, before it starts on 2020-08-31")
            })
    }
}
