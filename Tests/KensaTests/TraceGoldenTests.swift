import Foundation
import Testing

@testable import Kensa

/// Full traces of chosen shipped examples, as text and as JSON, against reviewed golden files.
@Suite struct TraceGoldenTests {
    static let cases: [(set: String, id: String)] = [
        ("jp", "JP-JLIS-2021-0042"),
        ("jp", "JP-MOD-DRAFT-0417"),
        ("jp", "JP-MLIT-2021-0077"),
        ("us", "US-DOE-2022-0814"),
        ("us", "US-DOE-2021-0301"),
        ("us", "US-STATE-2021-0040"),
    ]

    @Test(arguments: cases) func traceMatchesGolden(set: String, id: String) throws {
        let decision = try Self.decide(set: set, id: id)
        try Golden.check(DecisionText(colour: false).render(decision), against: "traces/\(id).trace.txt")
        try Golden.check(Self.readableJSON(decision), against: "traces/\(id).trace.json")
    }

    @Test func sameInputsGiveByteIdenticalOutput() throws {
        let first = try Self.decide(set: "us", id: "US-DOE-2022-0814")
        let second = try Self.decide(set: "us", id: "US-DOE-2022-0814")
        #expect(DecisionJSON.bytes(first, newline: true) == DecisionJSON.bytes(second, newline: true))
    }

    static func decide(set: String, id: String) throws -> Decision {
        let directory = Golden.packageRoot.appendingPathComponent("policies/\(set)")
        let files = try PolicyFiles(directory: directory.path, displayName: "policies/\(set)")
        let policy = try #require(PolicySet.check(files).policy)
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(directory.appendingPathComponent("examples/records.jsonl").path), layout: policy.recordLayout)
        while let input = reader.next() {
            if case .record(let record) = input, record.id == id {
                return Decider(policy: policy).decide(record, asOf: nil, explain: true)
            }
        }
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no record \(id)"])
    }

    /// The decision's JSON with one trace event per line, so a golden diff shows which step changed.
    static func readableJSON(_ decision: Decision) -> String {
        var head = decision
        head.trace = nil
        var lines = [String(DecisionJSON.text(head).dropLast()) + ",\"trace\":["]
        let events = (decision.trace ?? []).map { event -> String in
            var writer = JSONWriter()
            DecisionJSON.write(event, to: &writer)
            return "  " + String(decoding: writer.bytes, as: UTF8.self)
        }
        lines.append(events.joined(separator: ",\n"))
        lines.append("]}")
        return lines.joined(separator: "\n") + "\n"
    }
}
