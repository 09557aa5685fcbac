import Testing

@testable import KensaYAML

@Suite struct KeyTests {
    @Test func reportsEveryDuplicateKeyAtTheLaterKeySorted() throws {
        let file = parse(
            """
            id: r1
            title: First
            rules:
              - when: a
                then: b
                when: c
            title: Second
            limits: {max: 1, max: 2}

            """)
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:6:5: duplicate key `when` (first defined at line 4, column 5)",
                "test.yaml:7:1: duplicate key `title` (first defined at line 2, column 1)",
                "test.yaml:8:18: duplicate key `max` (first defined at line 8, column 10)",
            ])
        #expect(file.problems.allSatisfy { $0.kind == .duplicateKey })
        let root = try #require(file.documents.first)
        #expect(root.entries.map(\.key.text) == ["id", "title", "rules", "limits"])
        #expect(root["title"]?.scalar?.text == "First")
        #expect(root["rules"]?[0]?["when"]?.scalar?.text == "a")
        #expect(root["limits"]?["max"]?.scalar?.text == "1")
    }

    @Test func quotedAndPlainSpellingsOfAKeyAreTheSameKey() {
        let file = parse("title: a\n\"title\": b\n")
        #expect(file.problems.map(\.kind) == [.duplicateKey])
        #expect(file.problems.first?.position == at(2, 1))
    }

    @Test func sameKeyInDifferentMappingsIsNoDuplicate() {
        #expect(parse("a:\n  id: 1\nb:\n  id: 2\n").problems.isEmpty)
    }

    @Test func refusesMergeKeysWithOneProblemAtTheKey() {
        let block = parse(
            """
            first: 1
            ---
            exemptions:
              - &w
                id: W1
                buyers: [NASA]
              - <<: *w
                id: W2

            """)
        #expect(
            block.problems.map(\.description) == [
                "test.yaml:7:5: merge keys `<<` are not supported: write the keys out"
            ])
        #expect(block.problems.map(\.kind) == [.mergeKey])
        #expect(block.documents.count == 1)

        let flow = parse("base: &b {id: 1}\ncopy: {id: 2, !!merge <<: *b}\n")
        #expect(flow.problems.map(\.position) == [at(2, 15)])
        #expect(flow.problems.map(\.kind) == [.mergeKey])
    }

    @Test func quotedOrValueMergeSignsAreOrdinaryText() throws {
        let file = parse("\"<<\": 1\nnote: <<\nlist: [<<]\n")
        #expect(file.problems.isEmpty)
        let root = try #require(file.documents.first)
        #expect(root.entries.map(\.key.text) == ["<<", "note", "list"])
        #expect(root["note"]?.scalar?.text == "<<")
    }

    @Test func rejectsComplexKeysAndKeepsReading() throws {
        let file = parse("? [a, b]\n: 1\n? {c: d}\n: 2\nok: 3\nok: 4\n")
        #expect(file.problems.map(\.kind) == [.complexKey, .complexKey, .duplicateKey])
        #expect(file.problems.map(\.position) == [at(1, 3), at(3, 3), at(6, 1)])
        let root = try #require(file.documents.first)
        #expect(root.entries.map(\.key.text) == ["ok"])
    }
}
