import Foundation
import Testing

@testable import Kensa

@Suite struct DecisionMatrixTests {
    static let fixture = Golden.casesDirectory.appendingPathComponent("lint-set").path
    static let jp = Golden.packageRoot.appendingPathComponent("policies/jp").path

    /// The cell of the classes with these members.
    private func cell(_ matrix: DecisionMatrix, _ members: [String]) throws -> DecisionMatrix.Cell {
        let indices = try zip(matrix.dimensions, members).map { dimension, member in
            try #require(
                dimension.values.firstIndex { $0.members.contains(member) }, "no `\(member)` in \(dimension.path)")
        }
        return try #require(matrix.cells.first { $0.values == indices })
    }

    @Test func fixtureCellsFollowTheRulesWindowsAndWaivers() throws {
        let policy = try PolicySet.load(directory: Self.fixture)
        let matrix = try DecisionMatrix(policy: policy, dimensions: ["date", "product.manufacturer"])
        #expect(matrix.dimensions[1].values.map(\.label) == ["BlockedCo", "GoodCo", "unregistered name, missing"])
        // Before the scope starts nothing is governed.
        let early = try cell(matrix, ["2010-01-01 … 2019-03-31", "BlockedCo"])
        #expect(early.outcomes == [.notApplicable])
        // In scope but before the rules are in force: permitted when the ministry is known, else unsettled.
        let gap = try cell(matrix, ["2019-04-01 … 2019-12-31", "BlockedCo"])
        #expect(gap.outcomes == [.notApplicable, .permitted, .reviewRequired])
        // Once the rules are in force BlockedCo is prohibited, unless the scope cannot be settled (review).
        let blocked = try cell(matrix, ["2020-01-01 … 2021-12-31", "BlockedCo"])
        #expect(blocked.outcomes == [.notApplicable, .reviewRequired, .prohibited])
        #expect(blocked.decidedBy[.prohibited] == ["no-blocked-makers"])
        #expect(blocked.decidedBy[.reviewRequired] == ["no-blocked-makers", "review-blocked-makers"])
        let good = try cell(matrix, ["2026-01-21 …", "GoodCo"])
        #expect(good.outcomes == [.notApplicable, .permitted, .reviewRequired])
        #expect(good.decidedBy[.reviewRequired] == [])
        let unknown = try cell(matrix, ["2026-01-21 …", "unregistered name"])
        #expect(unknown.outcomes == [.notApplicable, .reviewRequired])
        #expect(unknown.decidedBy[.reviewRequired] == ["no-blocked-makers", "review-blocked-makers"])
    }

    @Test func claimedWaiversTurnTheRuleOnlyWhileValid() throws {
        let policy = try PolicySet.load(directory: Self.fixture)
        let matrix = try DecisionMatrix(
            policy: policy, dimensions: ["buyer.entity_class", "date", "product.manufacturer"])
        // WAIVER-3 (Ministry of Examples, until 2026-01-20) turns `no-blocked-makers`; the review rule stands.
        let waivable = try cell(matrix, ["central_ministry", "2022-01-01 … 2026-01-20", "BlockedCo"])
        #expect(waivable.outcomes == [.reviewRequired, .prohibited])
        #expect(waivable.decidedBy[.reviewRequired] == ["review-blocked-makers"])
        let expired = try cell(matrix, ["central_ministry", "2026-01-21 …", "BlockedCo"])
        #expect(expired.outcomes == [.prohibited])
        #expect(expired.decidedBy[.prohibited] == ["no-blocked-makers"])
    }

    @Test func oneDimensionListsTheRulesDecidingEachRow() throws {
        let policy = try PolicySet.load(directory: Self.fixture)
        let matrix = try DecisionMatrix(policy: policy, dimensions: ["buyer.entity_class"])
        let ministry = try cell(matrix, ["central_ministry"])
        #expect(ministry.outcomes == [.notApplicable, .permitted, .reviewRequired, .prohibited])
        #expect(try cell(matrix, ["local_government"]).outcomes == [.notApplicable])
        #expect(
            matrix.text.contains(
                "prohibited: no-blocked-makers; review_required: old-laptops, no-blocked-makers, review-blocked-makers")
        )
    }

    /// A brand standing in for the maker, an exception and an exemption on a number, two waivers for one buyer
    /// (one only to `review_required`), a dated member and a rule window.
    static let sharedFields: [(name: String, text: String)] = [
        (
            "policy.yaml",
            """
            kensa: 1
            policy: {id: matrix-fixture, version: "1", title: Matrix fixture}
            fields:
              contract.value: {type: number}
            entities:
              - {name: Ministry A, class: central_ministry}
            vendors:
              - group: Bad
                origin: CN
                members:
                  - {name: Bad Sub, until: 2021-06-30}
              - {group: Other, origin: CN}
              - {group: Good, origin: JP}
            scopes:
              - id: governed
                title: Ministries and designated corporations, IT only
                when:
                  all:
                    - {field: buyer.entity_class, in: [central_ministry, designated_corporation]}
                    - {field: category, not_equals: non_it}
            rules:
              - id: bad-brand
                title: Bad brands
                when: {vendor: product.brand, in_group: [Bad]}
                unless:
                  - {id: small, title: Small contracts, when: {field: contract.value, below: 1000}}
                outcome: prohibited
              - id: cn-review
                title: Chinese makers
                when: {vendor: product.manufacturer, origin: CN}
                outcome: review_required
              - id: big
                title: Big contracts
                from: 2021-01-01
                when: {field: contract.value, at_least: 100000}
                outcome: review_required
            exemptions:
              - id: E1
                title: Waiver below 50000
                authority: Minister
                buyers: [Ministry A]
                rules: [bad-brand]
                valid_from: 2020-01-01
                when: {field: contract.value, below: 50000}
              - id: E2
                title: Waiver to review
                authority: Minister
                buyers: [Ministry A]
                rules: [bad-brand, cn-review]
                valid_from: 2021-01-01
                outcome: review_required
            """
        )
    ]

    @Test func numbersAndVendorsAreNamedByWhatTheyStandFor() throws {
        let policy = try Fixtures.policy(Self.sharedFields)
        let matrix = try DecisionMatrix(policy: policy, dimensions: ["contract.value", "product.brand"])
        #expect(
            matrix.dimensions[0].values.map(\.label) == [
                "below 1000", "1000, between 1000 and 50000", "50000, between 50000 and 100000",
                "100000, above 100000", "missing",
            ])
        // A missing brand takes the maker's value, so `missing` stays a class of its own.
        #expect(
            matrix.dimensions[1].values.map(\.label) == [
                "Bad", "Other, Good", "Bad Sub", "unregistered name", "missing",
            ])
        // Below 1000 the exception holds, so the brand never prohibits; E1 (below 50000) can permit a Bad brand.
        #expect(try cell(matrix, ["below 1000", "Bad"]).outcomes == [.notApplicable, .permitted, .reviewRequired])
        #expect(
            try cell(matrix, ["1000", "Bad"]).outcomes == [
                .notApplicable, .permitted, .reviewRequired, .prohibited,
            ])
        #expect(try cell(matrix, ["100000", "Bad"]).outcomes == [.notApplicable, .reviewRequired, .prohibited])
    }

    @Test func matchesEveryRecordOfTheSpaceDecidedOneByOne() throws {
        let sets = try [
            PolicySet.load(directory: Self.fixture), Fixtures.policy(Fixtures.miniSet),
            Fixtures.policy(Self.sharedFields),
        ]
        for policy in sets {
            let space = MatrixSpace(policy: policy)
            let pairs = [
                ["date", "product.manufacturer"], ["buyer.entity_class", "components"],
                ["product.brand", "contract.value"], ["category"],
            ]
            for paths in pairs {
                guard paths.allSatisfy({ path in space.slots.contains { policy.layout.fields[$0].path == path } })
                else { continue }
                let matrix = try DecisionMatrix(policy: policy, dimensions: paths)
                let expected = BruteForceMatrix(space: space, paths: paths).cells()
                #expect(matrix.cells.map(\.outcomes) == expected.map { $0.outcomes.sorted() }, "\(paths)")
                #expect(
                    matrix.cells.map(\.decidedBy)
                        == expected.map { reach in
                            reach.deciders.mapValues { $0.sorted().map { policy.rules[$0].id } }
                        }, "\(paths)")
            }
        }
    }

    @Test func unknownAndUnreadFieldsAreRefusedWithHelp() throws {
        let policy = try PolicySet.load(directory: Self.jp)
        #expect(throws: DecisionMatrixError.self) {
            try DecisionMatrix(policy: policy, dimensions: ["buyer.entity_clas"])
        }
        do {
            _ = try DecisionMatrix(policy: policy, dimensions: ["consultation.staus"])
        } catch {
            #expect(error.help == "did you mean `consultation.status`?")
        }
        do {
            _ = try DecisionMatrix(policy: policy, dimensions: ["product.model"])
        } catch {
            #expect(error.message == "the set never reads `product.model`, so no outcome depends on it")
        }
    }

    @Test func jpMatrixGoldens() throws {
        let policy = try PolicySet.load(directory: Self.jp)
        let rules = try DecisionMatrix(policy: policy, dimensions: ["product.manufacturer", "consultation.status"])
        try Golden.check(rules.text, against: "jp.matrix.txt")
        try Golden.check(rules.csv, against: "jp.matrix.csv")
        let again = try DecisionMatrix(policy: policy, dimensions: ["product.manufacturer", "consultation.status"])
        #expect(again.csv == rules.csv)
        let object = try JSONSerialization.jsonObject(with: Data(rules.json.utf8)) as? [String: Any]
        #expect((object?["cells"] as? [Any])?.count == rules.cells.count)
        let scopes = try DecisionMatrix(policy: policy, dimensions: ["date", "buyer.entity_class"])
        try Golden.check(scopes.text, against: "jp-scopes.matrix.txt")
    }
}

/// The matrix worked out the slow way: every record of the space decided by the engine, filed under its classes.
private struct BruteForceMatrix {
    let space: MatrixSpace
    let paths: [String]

    func cells() -> [MatrixReach] {
        let policy = space.policy
        let axes = paths.map { path in space.slots.first { policy.layout.fields[$0].path == path }! }
        let counts = axes.map { space.classes(of: $0).count }
        var cells = Array(repeating: MatrixReach(), count: counts.reduce(1, *))
        for claim in space.claims {
            var base = Array(repeating: FieldValue.missing, count: policy.layout.fields.count)
            for (slot, value) in claim.fixed { base[slot] = value }
            MatrixReach.product(space.slots.map { space.classes(of: $0).count }) { digits in
                var record = base
                for (slot, digit) in zip(space.slots, digits) { record[slot] = space.classes(of: slot)[digit][0] }
                let evaluation = space.evaluate(record)
                // The registry's class stands for the buyer's: file the record under it.
                record[policy.slots.entityClass] = evaluation.values[policy.slots.entityClass]
                let cell = zip(axes, counts).reduce(0) { position, axis in
                    position * axis.1 + space.classes(of: axis.0).firstIndex { $0.contains(record[axis.0]) }!
                }
                let deciders =
                    evaluation.outcome >= .reviewRequired && evaluation.inScope != .no
                    ? Set(policy.rules.indices.filter { evaluation.rules[$0].effect == evaluation.outcome }) : []
                cells[cell].add(evaluation.outcome, by: deciders)
            }
        }
        return cells
    }
}
