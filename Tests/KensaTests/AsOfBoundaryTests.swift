import Testing

@testable import Kensa

/// An exemption judged across the `--as-of` boundary of its cap: the DOE waiver of Part B is in force until
/// 2022-08-13 (the statutory cap, earlier than its stated end) and expired the day after.
@Suite struct AsOfBoundaryTests {
    static func decide(asOf: String?) throws -> Decision {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/us").path)
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(Golden.packageRoot.appendingPathComponent("policies/us/examples/records.jsonl").path),
            layout: policy.recordLayout)
        while let input = reader.next() {
            if case .record(let record) = input, record.id == "US-DOE-2022-0813" {
                return Decider(policy: policy).decide(record, asOf: asOf.flatMap { Day(iso: $0) }, explain: false)
            }
        }
        throw PolicyErrors([])
    }

    @Test func theWaiverAppliesOnTheCapAndNotTheDayAfter() throws {
        let onCap = try Self.decide(asOf: "2022-08-13")
        #expect(onCap.outcome == .permitted)
        #expect(onCap.exemptionsApplied == ["DOE-889B-2022"])
        let dayAfter = try Self.decide(asOf: "2022-08-14")
        #expect(dayAfter.outcome == .prohibited)
        #expect(dayAfter.exemptionsApplied.isEmpty)
        #expect(dayAfter.reasons.contains { $0.contains("`DOE-889B-2022` not applied: capped at 2022-08-13") })
        let beforeStart = try Self.decide(asOf: "2021-05-31")
        #expect(beforeStart.reasons.contains { $0.contains("not yet in force on 2021-05-31: valid from 2021-06-01") })
        #expect(try Self.decide(asOf: nil) == onCap)
    }
}
