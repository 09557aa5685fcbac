import Testing

@testable import KensaYAML

@Suite struct AliasTests {
    @Test func expandsAliasesIntoCopies() throws {
        let file = parse(
            """
            base: &base
              country: JP
              codes: [1, 2]
            copy: *base
            name: &n Tokyo
            again: *n

            """)
        #expect(file.problems.isEmpty)
        let root = try #require(file.documents.first)
        #expect(root["copy"]?["country"]?.scalar?.text == "JP")
        #expect(root["copy"]?["codes"]?[1]?.scalar?.text == "2")
        #expect(root["again"]?.scalar?.text == "Tokyo")
        // A copy keeps the spans of what it copies, where its content is written; a span starts at the anchor.
        #expect(root["copy"]?.range == "1:7-3:16")
    }

    /// The expansion stops at the alias that crosses the bound (its position below), not after expanding it.
    @Test func rejectsBillionLaughsAtTheAliasThatCrossesTheBound() {
        let lol = "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]\n"
        let levels = zip("abcdefghi", "bcdefghij").map { previous, name in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let file = parse(lol + levels.joined())
        #expect(file.documents.isEmpty)
        // a: 10 nodes; b expands 90; c expands 9 × 91 = 819; d expands 9 × 820 = 7380 (8289 so far);
        // the first `*d` on line 5 would add 7381 more, past the standard 10000.
        #expect(file.problems.map(\.kind) == [.tooManyAliasNodes])
        #expect(file.problems.first?.position == at(5, 8))
        #expect(
            file.problems.first?.message
                == "aliases in this document expand to more than 10000 values, the most Kensa accepts")
    }

    @Test func countsAliasExpansionPerDocument() {
        let limits = YAMLLimits(maxAliasExpandedNodes: 3)
        let document = "a: &a [1, 2]\nb: *a\n"
        let file = parse(document + "---\n" + document, limits: limits)
        #expect(file.problems.isEmpty)
        #expect(file.documents.count == 2)
        #expect(parse("a: &a [1, 2]\nb: *a\nc: *a\n", limits: limits).problems.map(\.position) == [at(3, 4)])
    }

    @Test func boundsTheTextAliasesRepeat() {
        // Few values but much text: 9000 copies of a 1 MB name are far under the node bound.
        let name = String(repeating: "x", count: 1_000_000)
        let aliases = Array(repeating: "*big", count: 9000).joined(separator: ", ")
        let file = parse("entities: [{name: &big \(name), aliases: [\(aliases)]}]\n")
        #expect(file.documents.isEmpty)
        #expect(file.problems.map(\.kind) == [.tooMuchAliasText])
        // 16 copies fit in 16 MiB (16,777,216 bytes); the 17th passes it. The first `*big` stands at column
        // 23 + 1,000,000 + 13, and each next one 6 columns further.
        #expect(file.problems.first?.position == at(1, 1_000_036 + 6 * 16))
        #expect(
            file.problems.first?.message
                == "aliases in this file repeat more than 16 MiB of text, the most Kensa accepts; "
                + "each `*big` repeats 1000000 bytes")
    }

    @Test func countsAliasTextOverTheWholeFile() {
        let limits = YAMLLimits(maxAliasExpandedBytes: 10)
        let document = "a: &a abcd\nb: *a\n"
        #expect(parse(document + "---\n" + document, limits: limits).problems.isEmpty)
        let file = parse(document + "---\n" + document + "---\n" + document, limits: limits)
        #expect(file.documents.count == 2)
        #expect(file.problems.map(\.kind) == [.tooMuchAliasText])
        #expect(file.problems.first?.position == at(8, 4))
        #expect(
            file.problems.first?.message.hasSuffix(
                "more than 10 bytes of text, the most Kensa accepts; each `*a` repeats 4 bytes") == true)
    }

    @Test func reportsUnknownAlias() {
        let file = parse("first: 1\n---\nx: &a 1\n---\ny: *a\n")
        #expect(file.documents.count == 2)
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:5:4: unknown alias `*a`: no anchor `&a` comes before it in this document"
            ])
    }

    @Test func anAliasInsideItsOwnAnchorIsRecursive() {
        let file = parse("a: &x [1, *x]\n")
        #expect(file.documents.isEmpty)
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:1:11: alias `*x` refers to the value it stands in (anchored `&x` at line 1, column 4): "
                    + "a value cannot contain itself"
            ])
        // The anchor nearest before an alias is the one it names, even when an earlier value had the name.
        let renamed = parse("a: &x 1\nb: &x {c: [*x]}\n")
        #expect(renamed.problems.map(\.position) == [at(2, 12)])
        #expect(parse("a: &x 1\nb: {c: [*x]}\n").problems.isEmpty)
    }

    @Test func aliasesCannotNestPastTheDepthLimit() {
        let file = parse("a: &a [[1]]\nb: [*a]\n", limits: YAMLLimits(maxDepth: 3))
        #expect(file.problems.map(\.kind) == [.tooDeep])
        #expect(file.problems.first?.position == at(2, 5))
    }
}
