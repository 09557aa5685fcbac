import Foundation
import Kensa
import Testing

/// What another Swift program can do with the library alone (no `@testable`).
@Suite struct PublicAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func loadsAPolicySetAndDecidesRecordsFromText() throws {
        let policy = try PolicySet.load(directory: Self.root.appendingPathComponent("policies/jp").path)
        #expect(policy.info.id == "jp-it-procurement")
        #expect(policy.info.digest.hasPrefix("sha256:"))
        let text = """
            {"id": "A-1", "date": "2021-06-01", "buyer": {"name": "J-LIS"}, "category": "telecom_equipment", "product": {"manufacturer": "NEC Platforms"}, "components": [{"part": "LTE module", "manufacturer": "HUAWEI"}], "data": {"classes": ["my_number"]}, "consultation": {"status": "no_concern"}}
            {"id": "A-2", "date": "not a date"
            {"id": "A-3", "date": "2021-06-01", "buyer": {"name": "Tokyo Metropolitan Government"}, "category": "software"}

            """
        let results = Decider(policy: policy).decide(records: Array(text.utf8), format: .jsonl, explain: true)
        #expect(results.count == 3)
        let first = try results[0].get()
        #expect(first.outcome == .prohibited)
        #expect(first.decidedBy == ["jp-2-designated-vendors"])
        #expect(first.trace?.isEmpty == false)
        guard case .failure(let problem) = results[1] else {
            Issue.record("the broken line should be reported")
            return
        }
        #expect(problem.line == 2)
        #expect(try results[2].get().outcome == .notApplicable)
    }

    @Test func reportsEveryPolicyProblemAsData() throws {
        let files = PolicyFiles(
            directory: "inline",
            files: [
                (
                    "policy.yaml",
                    "policy:\n  id: x\n  version: \"1\"\n  title: X\nrules:\n  - id: r\n    title: R\n    when: {field: categry, equals: software}\n    outcome: prohibited\n"
                )
            ])
        let (policy, diagnostics) = PolicySet.check(files)
        #expect(policy == nil)
        #expect(diagnostics.map(\.code) == [.unknownField])
        #expect(diagnostics.first?.description.hasPrefix("inline/policy.yaml:8:19: error[K303]") == true)
        #expect(diagnostics.first?.help == "did you mean `category`?")
    }
}
