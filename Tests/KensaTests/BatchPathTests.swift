import Foundation
import Testing

@testable import Kensa

/// The batch path of `kensa decide` (records read keeping only the text decisions quote, each decision written
/// straight to JSON Lines) writes exactly what deciding each fully read record and encoding its `Decision` writes.
@Suite struct BatchPathTests {
    @Test(arguments: ["jp", "us"]) func batchLinesEqualEncodedDecisions(set: String) throws {
        let directory = Golden.packageRoot.appendingPathComponent("policies/\(set)")
        let policy = try PolicySet.load(directory: directory.path)
        let records = directory.appendingPathComponent("examples/records.jsonl").path
        for asOf in [nil, Day(iso: "2021-06-01")] {
            let expected = try encodedDecisions(records, policy: policy, asOf: asOf)
            let batch = try batchLines(records, policy: policy, asOf: asOf)
            #expect(batch.count == expected.count)
            for (line, want) in zip(batch, expected) {
                #expect(line == want)
            }
        }
    }

    /// Generated records repeat line shapes with different vendor names, so most of their lines come from the
    /// line-shape cache; each must still read as the decision worded afresh.
    @Test func generatedRecordsAgree() throws {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/jp").path)
        let file = try GeneratedRecords.file(count: 4000, seed: 23)
        defer { try? FileManager.default.removeItem(at: file) }
        for asOf in [nil, Day(iso: "2020-07-01")] {
            let expected = try encodedDecisions(file.path, policy: policy, asOf: asOf)
            let batch = try batchLines(file.path, policy: policy, asOf: asOf)
            #expect(expected.count == 4000)
            #expect(batch.count == expected.count)
            // The first line that differs, rather than two arrays of four thousand lines.
            if let (line, want) = zip(batch, expected).first(where: { $0 != $1 }) { #expect(line == want) }
        }
    }

    @Test func unreadTextIsStillCheckedForItsType() throws {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/jp").path)
        #expect(!policy.textFieldsDecisionsRead.contains("product.description"))
        #expect(policy.textFieldsDecisionsRead.contains("components.manufacturer"))
        let record = """
            {"id": "R-1", "date": "2022-01-05", "buyer": {"name": "Ministry of Foreign Affairs"}, \
            "category": "network_equipment", "product": {"manufacturer": "NEC", "description": 42}, \
            "data": {"classes": ["confidential"]}, "system_role": "business_system", \
            "consultation": {"status": "no_concern"}}
            """
        let decider = Decider(policy: policy)
        var reader = JSONLinesReader(
            source: try ByteSource.opening(.bytes(Array(record.utf8))), layout: policy.recordLayout,
            keptText: policy.textFieldsDecisionsRead)
        guard case .record(let read)? = reader.next() else {
            Issue.record("record not read")
            return
        }
        var bytes: [UInt8] = []
        decider.appendDecisionLine(read, asOf: nil, to: &bytes)
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(line.contains("\"outcome\":\"review_required\""))
        #expect(line.contains("`product.description` is \\\"42\\\""))
    }

    /// A CSV entry exists when any of its cells is filled, even one whose field decisions never read (and so is
    /// not kept): an entry with a part but no maker must still leave its maker unknown, not vanish.
    @Test func csvEntriesFilledOnlyInUnreadFieldsStillCount() throws {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/jp").path)
        #expect(!policy.textFieldsDecisionsRead.contains("components.part"))
        let csv = """
            id,date,buyer.name,category,product.manufacturer,components.0.part,components.0.manufacturer,\
            components.1.part,components.1.manufacturer,data.classes,consultation.status
            C-1,2020-07-01,JAXA,network_equipment,NEC Platforms,radio,,modem,ZTE,personal,no_concern
            C-2,2020-07-01,JAXA,network_equipment,NEC Platforms,radio,Intel,modem,,personal,no_concern

            """
        let decider = Decider(policy: policy)
        let batch = try decider.decide(records: Array(csv.utf8), format: .csv).map { try $0.get() }
        let explained = try decider.decide(records: Array(csv.utf8), format: .csv, explain: true).map { try $0.get() }
        #expect(batch.map(\.outcome) == [.prohibited, .reviewRequired])
        #expect(batch.map(\.reasons) == explained.map(\.reasons))
        #expect(batch[0].reasons.contains { $0.contains("`components[1].manufacturer` \"ZTE\"") })
        #expect(batch[0].reasons.contains { $0.contains("`components[0].manufacturer` is not given") })
        #expect(batch[1].reasons.contains { $0.contains("`components[1].manufacturer` is not given") })
    }

    private func encodedDecisions(_ path: String, policy: CompiledPolicy, asOf: Day?) throws -> [String] {
        let decider = Decider(policy: policy)
        var reader = try RecordFormat.jsonl.makeReader(source: .path(path), layout: policy.recordLayout)
        var lines: [String] = []
        while case .record(let record)? = reader.next() {
            lines.append(
                String(
                    decoding: DecisionJSON.bytes(decider.decide(record, asOf: asOf, explain: false), newline: true),
                    as: UTF8.self))
        }
        return lines
    }

    /// Each record decided twice, so the second decision of each comes from the reason cache.
    private func batchLines(_ path: String, policy: CompiledPolicy, asOf: Day?) throws -> [String] {
        let decider = Decider(policy: policy)
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(path), layout: policy.recordLayout, keptText: policy.textFieldsDecisionsRead)
        var lines: [String] = []
        while case .record(let record)? = reader.next() {
            var first: [UInt8] = []
            decider.appendDecisionLine(record, asOf: asOf, to: &first)
            var second: [UInt8] = []
            decider.appendDecisionLine(record, asOf: asOf, to: &second)
            #expect(first == second)
            lines.append(String(decoding: first, as: UTF8.self))
        }
        return lines
    }
}
