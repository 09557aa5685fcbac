import Testing

@testable import Kensa

/// `kensa explain --what-if` on shipped examples: the changes that would flip the outcome, each verified.
@Suite struct WhatIfTests {
    static func answer(set: String, id: String) throws -> WhatIfAnswer {
        let policy = try PolicySet.load(directory: Golden.packageRoot.appendingPathComponent("policies/\(set)").path)
        var reader = try RecordFormat.jsonl.makeReader(
            source: .path(Golden.packageRoot.appendingPathComponent("policies/\(set)/examples/records.jsonl").path),
            layout: policy.recordLayout)
        while let input = reader.next() {
            if case .record(let record) = input, record.id == id {
                return Decider(policy: policy).whatIf(record, asOf: nil)
            }
        }
        throw PolicyErrors([])
    }

    @Test func aPendingConsultationIsClearedByItsOutcome() throws {
        let answer = try Self.answer(set: "jp", id: "JP-MOF-2021-0102")
        #expect(answer.outcome == .reviewRequired)
        #expect(
            answer.suggestions.map(\.changes) == [
                ["`consultation.status` no_concern"], ["`consultation.status` remediated"],
            ])
        #expect(answer.complete)
    }

    @Test func aHuaweiComponentNeedsAnotherMakerAndAClearedConsultation() throws {
        let answer = try Self.answer(set: "jp", id: "JP-JLIS-2021-0042")
        #expect(answer.outcome == .prohibited)
        #expect(answer.suggestions.allSatisfy { $0.changes.count == 2 && $0.outcome == .permitted })
        #expect(
            answer.suggestions.first?.changes == [
                "`components[0].manufacturer` (part \"LTE module\") made by a maker outside groups Huawei, ZTE (e.g. Hikvision)",
                "`consultation.status` no_concern",
            ])
    }

    @Test func aPermittedRecordListsSingleChangesThatProhibit() throws {
        let answer = try Self.answer(set: "jp", id: "JP-MIC-2019-0007")
        #expect(answer.target == .prohibited)
        #expect(answer.suggestions.allSatisfy { $0.changes.count == 1 })
        #expect(answer.suggestions.contains { $0.changes == ["`consultation.status` concern"] })
        #expect(
            answer.suggestions.contains {
                $0.changes == ["`product.manufacturer` made by a maker of group Huawei or ZTE"]
            })
    }

    @Test func aMissingRepresentationIsNamed() throws {
        let answer = try Self.answer(set: "us", id: "US-DOE-2022-0814")
        #expect(answer.suggestions.map(\.changes) == [["`supplier.uses_covered_equipment` false"]])
    }
}
