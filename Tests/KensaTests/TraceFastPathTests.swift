import Foundation
import Testing

@testable import Kensa

/// `decide --explain` writes each decision with its trace straight from fragments rendered once per policy
/// (`Decider.appendExplained` for JSON, `Decider.appendExplainedText` for text). It must write exactly the bytes of
/// the `[TraceEvent]` path: `Decision.trace`, as `kensa explain`, the renderings and `kensa test` see it, written by
/// `DecisionJSON` or `DecisionText`, with colour and without.
@Suite struct TraceFastPathTests {
    /// The forms a decision with its trace is written in.
    enum Form: CustomStringConvertible, CaseIterable {
        case json
        case text
        case colourText

        var description: String {
            switch self {
            case .json: "JSON"
            case .text: "text"
            case .colourText: "text in colour"
            }
        }

        var format: TraceFormat {
            switch self {
            case .json: .json
            case .text: .text(colour: false)
            case .colourText: .text(colour: true)
            }
        }

        /// The decision as the `[TraceEvent]` path writes it.
        func expected(_ decision: Decision) -> String {
            switch self {
            case .json: String(decoding: DecisionJSON.bytes(decision, newline: true), as: UTF8.self)
            case .text: DecisionText(colour: false).render(decision)
            case .colourText: DecisionText(colour: true).render(decision)
            }
        }

        /// The decision as the fast path appends it.
        func append(_ record: Record, by decider: Decider, asOf: Day?, to bytes: inout [UInt8]) {
            switch self {
            case .json: decider.appendExplained(record, asOf: asOf, newline: true, to: &bytes)
            case .text: decider.appendExplainedText(record, asOf: asOf, colour: false, to: &bytes)
            case .colourText: decider.appendExplainedText(record, asOf: asOf, colour: true, to: &bytes)
            }
        }
    }

    /// The shipped example records, as JSON Lines and CSV (where absent fields stand in for others), at their own
    /// dates and at dates that put rules out of their windows.
    @Test(
        arguments: ["jp/examples/records.jsonl", "jp/examples/records.csv", "us/examples/records.jsonl"],
        Form.allCases)
    func shippedExamplesAgree(file: String, form: Form) throws {
        let set = String(file.prefix(2))
        for asOf in [nil, "2019-03-31", "2020-07-01", "2023-06-01"] {
            let count = try Self.compare(
                set: set, records: Golden.packageRoot.appendingPathComponent("policies/\(file)").path,
                format: file.hasSuffix(".csv") ? .csv : .jsonl, asOf: asOf.flatMap { Day(iso: $0) }, form: form)
            #expect(count >= 10)
        }
    }

    /// Records of the benchmark's generator (`kensa-bench generate`), which mixes every buyer, maker, list shape
    /// and consultation status the jp policy tells apart.
    @Test(arguments: Form.allCases) func generatedRecordsAgree(form: Form) throws {
        let file = try GeneratedRecords.file(count: 3000, seed: 11)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.compare(set: "jp", records: file.path, format: .jsonl, asOf: nil, form: form) == 3000)
    }

    /// A policy whose texts hold the noncharacters that mark holes in templates gets no fragments, and its
    /// decisions are still written right (from `Decision.trace`).
    @Test(arguments: Form.allCases) func policyTextsHoldingTheHoleMarkersAgree(form: Form) throws {
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
        #expect(TraceFragments.make(for: policy, format: form.format) == nil)
        let records = directory.appendingPathComponent("examples/records.jsonl").path
        #expect(try Self.compare(policy, records: records, format: .jsonl, asOf: nil, form: form) > 40)
    }

    /// Decides every record of `records` by a shipped set both ways and expects the same bytes; returns how many
    /// were compared.
    static func compare(set: String, records: String, format: RecordFormat, asOf: Day?, form: Form) throws -> Int {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/\(set)").path)
        #expect(
            TraceFragments.make(for: policy, format: form.format) != nil, "the shipped sets are written from fragments")
        return try compare(policy, records: records, format: format, asOf: asOf, form: form)
    }

    /// Decides every record of `records` both ways and expects the same bytes; returns how many were compared.
    /// The fast path appends after bytes already written, as it does in a batch.
    static func compare(
        _ policy: CompiledPolicy, records: String, format: RecordFormat, asOf: Day?, form: Form
    )
        throws -> Int
    {
        let events = Decider(policy: policy)
        let fragments = Decider(policy: policy)
        var reader = try format.makeReader(source: .path(records), layout: policy.recordLayout)
        var count = 0
        var fast: [UInt8] = Array("[".utf8)
        while let input = reader.next() {
            guard case .record(let record) = input else { continue }
            let expected = "[" + form.expected(events.decide(record, asOf: asOf, explain: true))
            fast.removeSubrange(1...)
            form.append(record, by: fragments, asOf: asOf, to: &fast)
            #expect(String(decoding: fast, as: UTF8.self) == expected, "record \(record.id) of \(records) as \(form)")
            count += 1
        }
        return count
    }
}
