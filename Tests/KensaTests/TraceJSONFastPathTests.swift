import Foundation
import Testing

@testable import Kensa

/// `decide --explain` writes each decision with its trace straight from fragments rendered once per policy
/// (`Decider.appendExplained`). It must write exactly the bytes of the `[TraceEvent]` path: `Decision.trace`, as
/// `kensa explain`, the renderings and `kensa test` see it, written by `DecisionJSON`.
@Suite struct TraceJSONFastPathTests {
    /// The shipped example records, as JSON Lines and CSV (where absent fields stand in for others), at their own
    /// dates and at dates that put rules out of their windows.
    @Test(arguments: ["jp/examples/records.jsonl", "jp/examples/records.csv", "us/examples/records.jsonl"])
    func shippedExamplesAgree(file: String) throws {
        let set = String(file.prefix(2))
        for asOf in [nil, "2019-03-31", "2020-07-01", "2023-06-01"] {
            let count = try Self.compare(
                set: set, records: Golden.packageRoot.appendingPathComponent("policies/\(file)").path,
                format: file.hasSuffix(".csv") ? .csv : .jsonl, asOf: asOf.flatMap { Day(iso: $0) })
            #expect(count >= 10)
        }
    }

    /// Records of the benchmark's generator (`kensa-bench generate`), which mixes every buyer, maker, list shape
    /// and consultation status the jp policy tells apart.
    @Test func generatedRecordsAgree() throws {
        let file = try GeneratedRecords.file(count: 3000, seed: 11)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.compare(set: "jp", records: file.path, format: .jsonl, asOf: nil) == 3000)
    }

    /// A policy whose texts hold the noncharacters that mark holes in templates gets no fragments, and its
    /// decisions are still written right (from `Decision.trace`).
    @Test func policyTextsHoldingTheHoleMarkersAgree() throws {
        let directory = Golden.packageRoot.appendingPathComponent("policies/jp")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        let files = try names.sorted().map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return (
                name: name,
                text: text.replacingOccurrences(of: "title: Designated", with: "title: \u{10FFFE}B Designated")
            )
        }
        let policy = try Fixtures.policy(files)
        #expect(TraceJSONFragments.make(for: policy) == nil)
        let records = directory.appendingPathComponent("examples/records.jsonl").path
        #expect(try Self.compare(policy, records: records, format: .jsonl, asOf: nil) > 40)
    }

    /// Decides every record of `records` by a shipped set both ways and expects the same bytes; returns how many
    /// were compared.
    static func compare(set: String, records: String, format: RecordFormat, asOf: Day?) throws -> Int {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/\(set)").path)
        #expect(TraceJSONFragments.make(for: policy) != nil, "the shipped sets are written from fragments")
        return try compare(policy, records: records, format: format, asOf: asOf)
    }

    /// Decides every record of `records` both ways and expects the same bytes; returns how many were compared.
    static func compare(_ policy: CompiledPolicy, records: String, format: RecordFormat, asOf: Day?) throws -> Int {
        let events = Decider(policy: policy)
        let fragments = Decider(policy: policy)
        var reader = try format.makeReader(source: .path(records), layout: policy.recordLayout)
        var count = 0
        var fast: [UInt8] = Array("[".utf8)
        while let input = reader.next() {
            guard case .record(let record) = input else { continue }
            let expected =
                "["
                + String(
                    decoding: DecisionJSON.bytes(events.decide(record, asOf: asOf, explain: true), newline: true),
                    as: UTF8.self)
            fast.removeSubrange(1...)
            fragments.appendExplained(record, asOf: asOf, newline: true, to: &fast)
            #expect(String(decoding: fast, as: UTF8.self) == expected, "record \(record.id) of \(records)")
            count += 1
        }
        return count
    }
}
