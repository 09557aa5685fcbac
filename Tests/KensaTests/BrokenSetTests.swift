import Testing

@testable import Kensa

@Suite struct BrokenSetTests {
    @Test func reportsEveryProblemSortedWithPositions() throws {
        let directory = Golden.casesDirectory.appendingPathComponent("broken-set").path
        let (policy, diagnostics) = PolicySet.check(try PolicyFiles(directory: directory))
        #expect(policy == nil)
        let relative =
            diagnostics.map {
                $0.description.replacingOccurrences(of: Golden.casesDirectory.path + "/", with: "")
            }.joined(separator: "\n") + "\n"
        try Golden.check(relative, against: "broken-set.diagnostics.txt")
    }

    @Test func everyCodeIsDocumented() throws {
        let catalog = try String(
            contentsOf: Golden.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(catalog.contains("## \(code.rawValue)"), "docs/diagnostics.md does not explain \(code.rawValue)")
        }
    }
}
