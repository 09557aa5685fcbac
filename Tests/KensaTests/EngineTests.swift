import Testing

@testable import Kensa

@Suite struct EngineTests {
    let policy: CompiledPolicy

    init() throws { policy = try Fixtures.policy(Fixtures.miniSet) }

    private func decide(
        _ fields: [String: FieldValue], asOf: String? = nil, by other: CompiledPolicy? = nil
    )
        -> Decision
    {
        let policy = other ?? policy
        return Decider(policy: policy).decide(
            values: Fixtures.record(policy, fields), line: 1, asOf: asOf.flatMap { Day(iso: $0) }, explain: true)
    }

    /// The mini set with each `(old, new)` text replaced: a variant for one test.
    private static func miniSet(replacing edits: [(String, String)]) throws -> CompiledPolicy {
        try Fixtures.policy(
            Fixtures.miniSet.map { file in
                (name: file.name, text: edits.reduce(file.text) { $0.replacingOccurrences(of: $1.0, with: $1.1) })
            })
    }

    private var inScope: [String: FieldValue] {
        [
            "id": .text("R-1"), "buyer.name": .text("Ministry of Tests"), "date": Fixtures.day("2021-01-10"),
            "consultation.status": Fixtures.choice(policy, "consultation.status", "no_concern"),
            "product.manufacturer": .text("Good"), "components": .objects([]),
        ]
    }

    @Test func cleanRecordInScopeIsPermitted() {
        let decision = decide(inScope)
        #expect(decision.outcome == .permitted)
        #expect(decision.decidedBy.isEmpty)
        #expect(decision.reasons == ["in scope `ministries`; no rule restricts this record"])
    }

    @Test func definitelyOutOfScopeIsNotApplicableWhateverElseIsMissing() {
        let decision = decide(["id": .text("R-2"), "buyer.name": .text("Town Hall")])
        #expect(decision.outcome == .notApplicable)
        #expect(
            decision.reasons == [
                "out of scope `ministries` (Ministries from the start date): `buyer.entity_class` is not central_ministry"
            ])
    }

    @Test func unknownBuyerClassIsReviewRequiredNamingTheField() {
        let decision = decide(["id": .text("R-3"), "buyer.name": .text("Somebody"), "date": Fixtures.day("2021-01-01")])
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.reasons.contains { $0.contains("`buyer.entity_class` is not given") })
        #expect(
            decision.reasons.first
                == "the entity registry does not know the buyer \"Somebody\" on 2021-01-01, and the record gives no "
                + "usable `buyer.entity_class`")
    }

    @Test func bannedComponentMakerIsProhibited() {
        var fields = inScope
        fields["components"] = .objects([[.text("LTE module"), .text("BAD CORP"), .missing]])
        let decision = decide(fields)
        #expect(decision.outcome == .prohibited)
        #expect(decision.decidedBy == ["banned-maker"])
        #expect(
            decision.reasons.contains {
                $0.contains(
                    "`components[0].manufacturer` \"BAD CORP\" (Bad Corp, group Bad, origin CN) belongs to vendor group Bad"
                )
            })
    }

    @Test func unresolvedMakerCannotApprove() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Badd Corp")
        let decision = decide(fields)
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.decidedBy == ["banned-maker"])
        #expect(decision.reasons.contains { $0.contains("\"Badd Corp\", which the vendor registry does not know") })
    }

    @Test func membershipIsJudgedAtTheRecordDate() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Spun Off")
        fields["date"] = Fixtures.day("2020-06-30")
        #expect(decide(fields).outcome == .prohibited)
        fields["date"] = Fixtures.day("2020-07-01")
        #expect(decide(fields).outcome == .permitted)
        #expect(decide(fields, asOf: "2020-06-01").outcome == .prohibited)
    }

    @Test func exceptionCountsOnlyWhenItsFactsAreKnown() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        #expect(decide(fields).outcome == .prohibited)
        fields["product.user_data_visibility"] = .bool(false)
        let excepted = decide(fields)
        #expect(excepted.outcome == .permitted)
        #expect(excepted.trace?.contains { $0.kind == .exception && $0.result == "true" } == true)
        fields["product.user_data_visibility"] = .bool(true)
        #expect(decide(fields).outcome == .prohibited)
    }

    @Test func missingConsultationIsReviewRequired() {
        var fields = inScope
        fields["consultation.status"] = nil
        let decision = decide(fields)
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.decidedBy == ["consult"])
        #expect(decision.reasons.contains { $0.contains("`consultation.status` is not given") })
    }

    @Test func validExemptionTurnsTheRuleAndIsListed() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["buyer.name"] = .text("MoT")
        fields["exemptions"] = .list([.text("W-1")])
        let decision = decide(fields)
        #expect(decision.outcome == .permitted)
        #expect(decision.exemptionsApplied == ["W-1"])
        #expect(
            decision.reasons.contains { $0.hasSuffix("applied: turns the result of `banned-maker` into permitted") })
    }

    @Test func validExemptionWithNothingToWaiveNamesTheRuleThatDecided() {
        var fields = inScope
        fields["consultation.status"] = nil
        fields["exemptions"] = .list([.text("W-1")])
        let decision = decide(fields)
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.exemptionsApplied.isEmpty)
        #expect(
            decision.reasons.contains {
                $0.hasSuffix(
                    "`W-1` not applied: valid, but the rules it waives (`banned-maker`) did not restrict this record; "
                        + "it does not waive `consult`, which does")
            })
        fields["consultation.status"] = Fixtures.choice(policy, "consultation.status", "no_concern")
        #expect(
            decide(fields).reasons.contains {
                $0.hasSuffix("valid, but the rules it waives (`banned-maker`) did not restrict this record")
            })
    }

    @Test func secondExemptionForAWaivedRuleSaysWhichWaivedItFirst() throws {
        let second = """
              - id: W-2
                title: A second waiver for the same rule
                authority: Minister
                buyers: [Ministry of Tests]
                rules: [banned-maker]
                valid_from: 2020-03-01
              - id: W-PENDING
            """
        let policy = try Self.miniSet(replacing: [("  - id: W-PENDING", second)])
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["exemptions"] = .list([.text("W-1"), .text("W-2")])
        let decision = decide(fields, by: policy)
        #expect(decision.outcome == .permitted)
        #expect(decision.exemptionsApplied == ["W-1"])
        #expect(
            decision.reasons.contains {
                $0.hasSuffix(
                    "`W-2` not applied: valid, but the rules it waives (`banned-maker`) were already waived "
                        + "by exemption `W-1`")
            })
    }

    @Test func exemptionWhoseConditionsCannotBeSettledNamesTheFields() throws {
        let when =
            "    when:\n      all:\n        - field: consultation.body\n          equals: NISC\n"
            + "        - field: value.amount\n          below: 1000\n"
        let policy = try Self.miniSet(replacing: [("    capped_at: $cap\n", "    capped_at: $cap\n" + when)])
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["buyer.name"] = .text("MoT")
        fields["exemptions"] = .list([.text("W-1")])
        let decision = decide(fields, by: policy)
        #expect(decision.outcome == .prohibited)
        #expect(
            decision.reasons.contains {
                $0.hasSuffix(
                    "`W-1` not applied: its conditions cannot be settled: the record does not give a usable "
                        + "`consultation.body`, `value.amount`")
            })
    }

    @Test func otherBuyerRefusalNamesBuyersAsTheRegistryDoes() throws {
        let policy = try Self.miniSet(replacing: [
            ("buyers: [Ministry of Tests]", "buyers: [MoT]"), ("name: Town Hall", "name: Town Hall\n    aliases: [TH]"),
        ])
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["buyer.name"] = .text("TH")
        fields["buyer.entity_class"] = Fixtures.choice(policy, "buyer.entity_class", "central_ministry")
        fields["exemptions"] = .list([.text("W-1")])
        let decision = decide(fields, by: policy)
        #expect(
            decision.reasons.contains {
                $0.hasSuffix("`W-1` not applied: granted to Ministry of Tests, not to \"TH\" (Town Hall)")
            })
    }

    @Test func exemptionRejectionsSayWhy() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["exemptions"] = .list([.text("W-1"), .text("W-PENDING"), .text("W-NONE")])
        fields["date"] = Fixtures.day("2021-07-01")
        let reasons = decide(fields).reasons
        #expect(reasons.contains { $0.contains("`W-1` not applied: capped at 2021-06-30") })
        #expect(reasons.contains { $0.contains("`W-PENDING` not applied: not approved (status pending)") })
        #expect(reasons.contains { $0.contains("`W-NONE` not applied: no exemption with this id") })
        fields["date"] = Fixtures.day("2020-02-01")
        #expect(decide(fields).reasons.contains { $0.contains("`W-1` not applied: not yet in force on 2020-02-01") })
        fields["buyer.name"] = .text("Town Hall")
        fields["buyer.entity_class"] = Fixtures.choice(policy, "buyer.entity_class", "central_ministry")
        let overridden = decide(fields)
        #expect(overridden.outcome == .notApplicable)
        #expect(
            overridden.reasons.contains { $0.contains("the entity registry lists `Town Hall` as local_government") })
    }

    @Test func invalidValuesCountAsUnknownAndAreNamed() {
        var fields = inScope
        fields["date"] = .invalid(reason: "not a valid date written YYYY-MM-DD", written: "2021-13-45")
        let decision = decide(fields)
        #expect(decision.outcome == .reviewRequired)
        #expect(
            decision.reasons.first
                == "`date` is \"2021-13-45\": not a valid date written YYYY-MM-DD, so it counts as unknown")
    }

    @Test func anUnusableValueNeverApprovesEvenWhenNoRuleReadsIt() {
        var fields = inScope
        fields["telecom_service_kind"] = .invalid(reason: "not a known value", written: "satellite")
        let decision = decide(fields)
        #expect(decision.outcome == .reviewRequired)
        #expect(decision.decidedBy.isEmpty)
        #expect(
            decision.reasons.contains {
                $0.hasSuffix("but it cannot be approved while a value it gives cannot be used")
            })
    }

    @Test func anEstablishedExceptionIsGivenAsTheReason() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        fields["product.user_data_visibility"] = .bool(false)
        let decision = decide(fields)
        #expect(decision.outcome == .permitted)
        #expect(
            decision.reasons.contains(
                "rule `banned-maker` (Banned makers) does not apply: exception `harmless` (Cannot see user data) holds")
        )
    }

    @Test func traceCoversEveryRuleWithLocations() throws {
        let trace = try #require(decide(inScope).trace)
        let rules = trace.filter { $0.kind == .rule }
        #expect(rules.map(\.id) == ["banned-maker", "consult"])
        #expect(rules.allSatisfy { $0.location?.hasPrefix("fixture/policy.yaml:") == true })
        #expect(
            trace.contains { $0.kind == .condition && $0.field == "consultation.status" && $0.actual == "no_concern" })
    }

    @Test func fastAndExplainedPathsAgree() {
        var fields = inScope
        fields["product.manufacturer"] = .text("Bad Corp")
        let decider = Decider(policy: policy)
        let values = Fixtures.record(policy, fields)
        var fast = decider.decide(values: values, line: 1, asOf: nil, explain: false)
        fast.trace = nil
        var explained = decider.decide(values: values, line: 1, asOf: nil, explain: true)
        explained.trace = nil
        #expect(fast == explained)
    }
}
