import Testing

@testable import Kensa

@Suite struct BrokenSetTests {
    @Test func reportsEveryProblemSortedWithPositions() throws {
        try Self.check("broken-set")
    }

    /// Items that lack a required key: every missing key and every other mistake in them is reported, and names
    /// they define still resolve.
    @Test func checksItemsThatLackARequiredKey() throws {
        try Self.check("incomplete-items")
    }

    /// A mistake hides no other (an unknown field, a wrong entity class) and causes no report of a problem that is
    /// not there (a buyer named by a broken entity, a misspelt operator's "needs an operator").
    @Test func reportsNoFollowOnNoise() throws {
        try Self.check("follow-on")
    }

    /// A misspelt key whose meant key is clear is read as that key: a typo in a section, a key or an operator is one
    /// error, and what the key holds is still checked.
    @Test func readsAMisspeltKeyAsTheKeyMeant() throws {
        try Self.check("misspelt-keys")
    }

    /// With no `policy` section there are no sources to cite: that is reported once, not at every `cites`.
    @Test func reportsAMissingPolicySectionOnce() throws {
        try Self.check("no-policy-section")
    }

    @Test func everyCodeIsDocumented() throws {
        let catalog = try String(
            contentsOf: Golden.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(catalog.contains("## \(code.rawValue)"), "docs/diagnostics.md does not explain \(code.rawValue)")
        }
    }

    /// Checks the set in `Cases/<name>` and compares its diagnostics with `Cases/<name>.diagnostics.txt`.
    private static func check(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = Golden.casesDirectory.appendingPathComponent(name).path
        let (policy, diagnostics) = PolicySet.check(try PolicyFiles(directory: directory))
        #expect(policy == nil, sourceLocation: sourceLocation)
        let relative =
            diagnostics.map {
                $0.description.replacingOccurrences(of: Golden.casesDirectory.path + "/", with: "")
            }.joined(separator: "\n") + "\n"
        try Golden.check(relative, against: "\(name).diagnostics.txt", sourceLocation: sourceLocation)
    }
}
