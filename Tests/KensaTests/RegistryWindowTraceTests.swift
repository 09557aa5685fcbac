import Foundation
import Testing

@testable import Kensa

/// A buyer or vendor the registries know only for a window of dates, judged outside it: the trace says the
/// window, so a reviewer sees why the name did not count, and the fast path of `decide --explain` says the same
/// (its buyer event cache must not keep a date-bound sentence across dates).
@Suite struct RegistryWindowTraceTests {
    /// Digital Agency (in the jp registry from 2021-09-01) before and after, with and without a class of its own;
    /// Honor (in group Huawei until 2020-11-17) and HMN Technologies (until 2019-12-31) on both sides.
    static let records = [
        record("JP-DA-1", date: "2021-05-01", buyer: #""name": "デジタル庁", "entity_class": "central_ministry""#),
        record("JP-DA-2", date: "2021-05-02", buyer: #""name": "デジタル庁", "entity_class": "central_ministry""#),
        record("JP-DA-3", date: "2021-05-01", buyer: #""name": "デジタル庁""#),
        record("JP-DA-4", date: "2021-10-01", buyer: #""name": "デジタル庁""#),
        record("JP-HONOR-1", date: "2020-11-17", maker: "Honor Device Co., Ltd."),
        record("JP-HONOR-2", date: "2021-03-01", maker: "Honor Device Co., Ltd."),
        record("JP-HMN-1", date: "2020-06-01", maker: "HMN Tech"),
        record("JP-GPIF-1", date: "2021-05-01", buyer: #""name": "GPIF""#),
    ]

    static func record(
        _ id: String, date: String, buyer: String = #""name": "総務省""#, maker: String = "Fujitsu"
    )
        -> String
    {
        #"{"id": "\#(id)", "date": "\#(date)", "buyer": {\#(buyer)}, "category": "network_equipment", "#
            + #""product": {"description": "switches", "manufacturer": "\#(maker)"}, "components": [], "#
            + #""data": {"classes": ["confidential"]}, "consultation": {"status": "no_concern"}}"#
    }

    static func withRecords<Result>(_ body: (String) throws -> Result) throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kensa-windows-\(UUID().uuidString).jsonl")
        try (records.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    @Test func tracesSayTheWindow() throws {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/jp").path)
        let decider = Decider(policy: policy)
        let texts = try Self.withRecords { path in
            var reader = try RecordFormat.jsonl.makeReader(source: .path(path), layout: policy.recordLayout)
            var texts: [String: [String]] = [:]
            while let input = reader.next() {
                guard case .record(let record) = input else { continue }
                texts[record.id] = decider.decide(record, asOf: nil, explain: true).trace?.map {
                    $0.text + ($0.actual.map { " — " + $0 } ?? "")
                }
            }
            return texts
        }
        #expect(
            texts["JP-DA-1"]?.first
                == #"buyer "デジタル庁" is a central_ministry as the record says (the entity registry lists "#
                + "Digital Agency only from 2021-09-01)")
        #expect(
            texts["JP-DA-3"]?.first
                == #"buyer "デジタル庁": the record gives no usable entity class and the entity registry lists "#
                + "Digital Agency only from 2021-09-01, not on 2021-05-01")
        #expect(texts["JP-DA-4"]?.first == #"buyer "デジタル庁" is Digital Agency, a central_ministry (entity registry)"#)
        #expect(
            texts["JP-GPIF-1"]?.first
                == #"buyer "GPIF" is Government Pension Investment Fund, an independent_administrative_agency "#
                + "(entity registry)")
        let honorAfter = try #require(texts["JP-HONOR-2"]?.joined(separator: "\n"))
        #expect(honorAfter.contains("(Honor, group Honor, a member of group Huawei only until 2020-11-17, origin CN)"))
        let honorOnItsLastDay = try #require(texts["JP-HONOR-1"]?.joined(separator: "\n"))
        #expect(honorOnItsLastDay.contains("(Honor, group Huawei, origin CN)"))
        let hmn = try #require(texts["JP-HMN-1"]?.joined(separator: "\n"))
        #expect(hmn.contains("a member of group Huawei only until 2019-12-31"))
    }

    @Test(arguments: TraceFastPathTests.Form.allCases) func fastPathSaysTheSame(form: TraceFastPathTests.Form) throws {
        let compared = try Self.withRecords { path in
            try TraceFastPathTests.compare(set: "jp", records: path, format: .jsonl, asOf: nil, form: form)
        }
        #expect(compared == Self.records.count)
    }
}
