import Testing

@testable import KensaYAML

@Suite struct SpanTests {
    @Test func nestedNodesCarryExactSpans() throws {
        let file = parse(
            """
            rule:
              id: [1, 2]
              when:
                - x
                - 'y'
            # a comment

            title: "1"

            """)
        #expect(file.problems.isEmpty)
        let root = try #require(file.documents.first)
        #expect(root.range == "1:1-8:11")
        #expect(root.span.file == "test.yaml")
        let rule = try #require(root["rule"])
        #expect(rule.range == "2:3-5:10")
        #expect(root.entries.map(\.key.span.start) == [at(1, 1), at(8, 1)])
        #expect(rule.entries.map { YAMLNode.scalar($0.key).range } == ["2:3-2:5", "3:3-3:7"])
        #expect(rule["id"]?.range == "2:7-2:13")
        #expect(rule["id"]?[1]?.range == "2:11-2:12")
        #expect(rule["when"]?.range == "4:5-5:10")
        #expect(rule["when"]?[0]?.range == "4:7-4:8")
        #expect(rule["when"]?[1]?.range == "5:7-5:10")
        #expect(root["title"]?.range == "8:8-8:11")
    }

    @Test func columnsCountUnicodeScalarsOnJapaneseLines() throws {
        let file = parse("名前: 東京都庁\n対象: [東京, 大阪]\n")
        let root = try #require(file.documents.first)
        #expect(root["名前"]?.range == "1:5-1:9")
        #expect(root["対象"]?[1]?.range == "2:10-2:12")
        #expect(root["対象"]?[1]?.scalar?.text == "大阪")

        let broken = parse("タイトル: 東京都庁: 追加\n")
        #expect(broken.problems.map(\.position) == [at(1, 11)])
    }

    @Test func windowsLineEndingsCountAsOneBreak() throws {
        let root = try #require(parse("a: 1\r\nb: x\r\n").documents.first)
        #expect(root["b"]?.range == "2:4-2:5")
    }

    @Test func keepsScalarStyleAndTag() throws {
        let root = try #require(
            parse(
                """
                quoted: "1"
                plain: 1
                single: '1'
                literal: |
                  x
                folded: >
                  y
                typed: !!int 7
                custom: !secret z

                """
            ).documents.first)
        #expect(root["quoted"]?.scalar?.style == .doubleQuoted)
        #expect(root["quoted"]?.scalar?.text == "1")
        #expect(root["plain"]?.scalar?.style == .plain)
        #expect(root["plain"]?.scalar?.text == "1")
        #expect(root["single"]?.scalar?.style == .singleQuoted)
        #expect(root["literal"]?.scalar?.style == .literal)
        #expect(root["literal"]?.scalar?.text == "x\n")
        #expect(root["folded"]?.scalar?.style == .folded)
        #expect(root["plain"]?.scalar?.tag == nil)
        #expect(root["typed"]?.scalar?.tag == "tag:yaml.org,2002:int")
        #expect(root["custom"]?.scalar?.tag == "!secret")
    }

    @Test func recognisesNullSpellingsOnlyWhenPlain() throws {
        let root = try #require(
            parse("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: \"null\"\ng: nULL\nh: ''\n").documents.first)
        let nulls = root.entries.filter { $0.value.scalar?.isNull == true }.map(\.key.text)
        #expect(nulls == ["a", "b", "c", "d", "e"])
    }
}
