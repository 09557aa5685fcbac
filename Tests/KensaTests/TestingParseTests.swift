import Foundation
import KensaYAML
import Testing

@testable import Kensa

/// Test files: parsing, positioned diagnostics, records by id and inline, variations.
@Suite struct TestingParseTests {
    static let jp = Result {
        try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/jp").path)
    }

    /// Loads test files from Cases/test-files, naming them `Cases/test-files/NAME` in diagnostics.
    static func load(_ names: [String], policy: CompiledPolicy) -> (suites: [TestSuite], diagnostics: [String]) {
        let directory = Golden.casesDirectory.appendingPathComponent("test-files").path
        let files = names.map { ("\(directory)/\($0)", YAMLReader.read(contentsOf: "\(directory)/\($0)")) }
        let (suites, diagnostics) = PolicyTests.load(files: files.map { (name: $0.0, yaml: $0.1) }, policy: policy)
        let run = PolicyTests.run(suites, policy: policy)
        let prefix = Golden.casesDirectory.path + "/"
        let all = (diagnostics + run.diagnostics).sorted(by: Diagnostic.ordered)
        return (suites, all.map { $0.description.replacingOccurrences(of: prefix, with: "Cases/") })
    }

    @Test func everyProblemOfABrokenTestFileIsReportedWithItsPosition() throws {
        let (_, diagnostics) = Self.load(["broken.yaml", "missing-records.yaml"], policy: try Self.jp.get())
        try Golden.check(diagnostics.joined(separator: "\n") + "\n", against: "test-files.diagnostics.txt")
    }

    @Test func casesReferToRecordsByIDOrInlineAndVariationsOverrideFields() throws {
        let policy = try Self.jp.get()
        let yaml = YAMLReader.parse(
            """
            records: \(Golden.casesDirectory.appendingPathComponent("test-files/records.jsonl").path)
            cases:
              - name: by id
                record: R-1
                outcome: permitted
              - name: inline
                record: {date: 2021-05-10, buyer: {name: MLIT}, category: non_it}
                outcome: not_applicable
            variations:
              - name: R-1
                record: R-1
                as_of: 2021-06-01
                rows:
                  - {name: concern, set: {consultation.status: concern}, outcome: prohibited, decided_by: [jp-5a-consultation-concern]}
                  - {name: no components, unset: [components], outcome: review_required}
                  - {name: own date, as_of: 2021-07-01, outcome: permitted}
            """, file: "inline.yaml")
        let (suites, diagnostics) = PolicyTests.load(files: [("inline.yaml", yaml)], policy: policy)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let cases = try #require(suites.first?.cases)
        #expect(cases.map(\.name) == ["by id", "inline", "R-1 / concern", "R-1 / no components", "R-1 / own date"])
        #expect(
            cases[1].recordJSON == #"{"id":"test","date":"2021-05-10","buyer":{"name":"MLIT"},"category":"non_it"}"#)
        #expect(cases[2].recordJSON.contains(#""consultation":{"status":"concern"}"#))
        #expect(!cases[3].recordJSON.contains("components"))
        #expect(cases[2].asOf == Day(iso: "2021-06-01") && cases[4].asOf == Day(iso: "2021-07-01"))
        let run = PolicyTests.run(suites, policy: policy)
        #expect(run.failed == 0 && run.passed == 5, "\(run.suites.flatMap(\.cases).map(\.mismatches))")
    }

    @Test func plainScalarsBecomeJSONAsInARecordFile() {
        #expect(YAMLRecord.isJSONNumber("86000000") && YAMLRecord.isJSONNumber("-1.5e3"))
        #expect(
            !YAMLRecord.isJSONNumber("0123") && !YAMLRecord.isJSONNumber("1.") && !YAMLRecord.isJSONNumber("2021-05-10")
        )
        let node = YAMLReader.parse("{a: 1, b: true, c: ~, d: '1', e: 2021-05-10, f: [x]}", file: "t").documents[0]
        #expect(YAMLRecord.json(node) == #"{"a":1,"b":true,"c":null,"d":"1","e":"2021-05-10","f":["x"]}"#)
    }
}
