import Testing

@testable import Kensa

/// `kensa diff`: a v2 of the jp set adds Hikvision to the designated vendors and a cloud rule from 2021-04-01.
@Suite struct ImpactDiffTests {
    static func policy(_ relative: String) throws -> CompiledPolicy {
        let files = try PolicyFiles(
            directory: Golden.packageRoot.appendingPathComponent(relative).path, displayName: relative)
        return try #require(PolicySet.check(files).policy)
    }

    static func report() throws -> ImpactReport {
        let analysis = ImpactAnalysis(
            old: try policy("policies/jp"), new: try policy("Tests/KensaTests/Cases/diff/jp-v2"))
        return try analysis.analyse(
            contentsOf: Golden.packageRoot.appendingPathComponent("policies/jp/examples/records.jsonl").path,
            format: .jsonl)
    }

    @Test func flipsAreGroupedAndAttributed() throws {
        let report = try Self.report()
        #expect(report.records == 47)
        #expect(report.changed == 2)
        let tightened = try #require(report.groups.first { $0.old == .reviewRequired && $0.new == .prohibited })
        #expect(tightened.examples == ["JP-GPIF-2021-0018"])
        #expect(tightened.causes.map(\.description).contains("rule `jp-2-designated-vendors` changed (condition)"))
        let added = try #require(report.groups.first { $0.old == .permitted && $0.new == .reviewRequired })
        #expect(added.causes.map(\.description) == ["rule `jp-6-cloud-review` added"])
    }

    @Test func reportsMatchGoldenFiles() throws {
        let report = try Self.report()
        try Golden.check(report.text, against: "diff/jp-v2.diff.txt")
        try Golden.check(report.markdown, against: "diff/jp-v2.diff.md")
    }

    @Test func identicalSetsChangeNothing() throws {
        let analysis = ImpactAnalysis(old: try Self.policy("policies/us"), new: try Self.policy("policies/us"))
        let report = try analysis.analyse(
            contentsOf: Golden.packageRoot.appendingPathComponent("policies/us/examples/records.jsonl").path,
            format: .jsonl)
        #expect(report.changed == 0)
        #expect(report.policyChanges.isEmpty)
        #expect(report.records == 53)
    }
}
