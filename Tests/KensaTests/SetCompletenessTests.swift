import Testing

@testable import Kensa

/// A set that lost its content by mistake must not compile into one that permits everything: an empty file and a
/// set without rules are errors; a list written as one comma-separated value is a warning; and a name undefined
/// because its file could not be read says so.
@Suite struct SetCompletenessTests {
    static let text = Fixtures.miniSet[0].text

    @Test func aFileThatDefinesNothingIsRefused() throws {
        for empty in ["", "# rules come later\n", "kensa: 1\nrules:\n"] {
            let files = Fixtures.miniSet + [(name: "more.yaml", text: empty)]
            let (policy, diagnostics) = PolicySet.check(PolicyFiles(directory: "fixture", files: files))
            #expect(policy == nil)
            #expect(
                diagnostics.map(\.description) == [
                    "fixture/more.yaml:1:1: error[K106]: this file defines nothing: it is empty, or holds only "
                        + "comments and `kensa: 1`\n  help: restore what it held, or remove it: a file emptied by "
                        + "mistake must not drop rules unseen"
                ], "for \(empty.debugDescription)")
        }
    }

    @Test func aSetWithoutRulesIsRefused() throws {
        let rules = try #require(Self.text.range(of: "rules:\n"))
        let scopesOnly = String(Self.text[..<rules.lowerBound])
        #expect(
            Fixtures.diagnostics([(name: "policy.yaml", text: scopesOnly)]) == [
                "fixture/policy.yaml:1:1: error[K107]: the policy set has no rules: every record it governs would "
                    + "be permitted\n  help: add the rules, or restore the file that held them"
            ])
    }

    @Test func aListWrittenAsOneValueWithACommaIsAWarning() throws {
        let text = Self.text.replacingOccurrences(of: "aliases: [MoT]", with: "aliases: MoT, Tests Ministry")
        let (policy, diagnostics) = PolicySet.check(
            PolicyFiles(directory: "fixture", files: [(name: "policy.yaml", text: text)]))
        #expect(policy != nil)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.message == "`aliases` is one value, `MoT, Tests Ministry`, not a list")
        let quoted = Self.text.replacingOccurrences(of: "aliases: [MoT]", with: "aliases: \"MoT, Tests Ministry\"")
        #expect(Fixtures.diagnostics([(name: "policy.yaml", text: quoted)]).isEmpty)
    }

    @Test func anUndefinedNameNotesTheFileThatCouldNotBeRead() throws {
        let text = Self.text.replacingOccurrences(of: "- group: Bad\n", with: "- group: Bd\n")
        let files = [(name: "policy.yaml", text: text), (name: "vendors.yaml", text: "vendors: [\n")]
        let undefined = Fixtures.diagnostics(files).filter { $0.contains("error[K307]") }
        #expect(!undefined.isEmpty)
        #expect(
            undefined.allSatisfy { $0.contains("note: `fixture/vendors.yaml` could not be read, and may define it") })
    }
}
