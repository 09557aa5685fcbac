import Foundation
import Testing

@testable import Kensa

/// The shipped policy sets decide their example records as the briefs imply (expectations derived by hand).
@Suite struct ShippedExamplesTests {
    struct Expectation {
        var outcome: String
        var decidedBy: [String]
        var exemptionsApplied: [String]
    }

    static let sets = ["jp", "us"]

    @Test(arguments: sets) func examplesDecideAsExpected(set: String) throws {
        let directory = Golden.packageRoot.appendingPathComponent("policies/\(set)")
        let policy = try PolicySet.load(directory: directory.path)
        let expected = try Self.expectations(directory.appendingPathComponent("examples/expected.jsonl"))
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(directory.appendingPathComponent("examples/records.jsonl").path), layout: policy.recordLayout)
        let decider = Decider(policy: policy)
        var seen = Set<String>()
        while let input = reader.next() {
            guard case .record(let record) = input else {
                Issue.record("malformed example in \(set): \(input)")
                continue
            }
            let decision = decider.decide(record, asOf: nil, explain: false)
            seen.insert(decision.id)
            let expectation = try #require(expected[decision.id], "no expectation for \(decision.id)")
            #expect(decision.outcome.name == expectation.outcome, "\(decision.id): \(decision.reasons)")
            #expect(decision.decidedBy.sorted() == expectation.decidedBy.sorted(), "\(decision.id)")
            #expect(decision.exemptionsApplied.sorted() == expectation.exemptionsApplied.sorted(), "\(decision.id)")
        }
        #expect(seen == Set(expected.keys))
    }

    @Test(arguments: sets) func everyRuleAndExemptionIsExercised(set: String) throws {
        let directory = Golden.packageRoot.appendingPathComponent("policies/\(set)")
        let policy = try PolicySet.load(directory: directory.path)
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(directory.appendingPathComponent("examples/records.jsonl").path), layout: policy.recordLayout)
        let decider = Decider(policy: policy)
        var restricted = Set<String>()
        var applied = Set<String>()
        while case .record(let record)? = reader.next() {
            let decision = decider.decide(record, asOf: nil, explain: true)
            for event in decision.trace ?? [] where event.kind == .rule && event.result != "not_fired" {
                restricted.insert(event.id ?? "")
            }
            applied.formUnion(decision.exemptionsApplied)
        }
        #expect(restricted == Set(policy.rules.map(\.id)))
        #expect(applied == Set(policy.exemptions.map(\.id)))
    }

    @Test func csvExamplesDecideLikeTheirJSONLinesTwins() throws {
        let directory = Golden.packageRoot.appendingPathComponent("policies/jp")
        let policy = try PolicySet.load(directory: directory.path)
        let decider = Decider(policy: policy)
        func decisions(_ name: String, _ format: RecordFormat) throws -> [String: Decision] {
            var reader = try format.makeReader(
                source: .path(directory.appendingPathComponent("examples/\(name)").path), layout: policy.recordLayout)
            var result: [String: Decision] = [:]
            while let input = reader.next() {
                guard case .record(let record) = input else {
                    Issue.record("malformed example in \(name): \(input)")
                    continue
                }
                var decision = decider.decide(record, asOf: nil, explain: false)
                decision.line = nil
                result[decision.id] = decision
            }
            return result
        }
        let csv = try decisions("records.csv", .csv)
        let jsonl = try decisions("records.jsonl", .jsonl)
        #expect(csv.count == 10)
        for (id, decision) in csv { #expect(decision == jsonl[id], "\(id)") }
    }

    static func expectations(_ url: URL) throws -> [String: Expectation] {
        var result: [String: Expectation] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            result[id] = Expectation(
                outcome: try #require(object["outcome"] as? String),
                decidedBy: object["decided_by"] as? [String] ?? [],
                exemptionsApplied: object["exemptions_applied"] as? [String] ?? [])
        }
        return result
    }
}
