import Testing

@testable import KensaYAML

@Suite struct SyntaxTests {
    @Test func badIndentation() {
        let file = parse("rule:\n  id: 1\n title: x\n")
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:3:2: did not find expected key in the mapping that starts at line 1, column 1; is this "
                    + "line indented differently from the lines above it? Line up the keys of one mapping, and the "
                    + "`-` of one list, at one column"
            ])
        #expect(file.problems.map(\.kind) == [.syntax])
        #expect(file.documents.isEmpty)
    }

    @Test func badIndentationInAList() {
        let file = parse("v:\n  - m:\n      - name: X\n        a: 1\n      - name: Y\n       a: 2\n")
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:6:8: did not find expected `-` indicator in the list that starts at line 3, column 7; is "
                    + "this line indented differently from the lines above it? Line up the keys of one mapping, and "
                    + "the `-` of one list, at one column"
            ])
    }

    @Test func tabIndentationIsNamedAsSuch() {
        let file = parse("when:\n  field: category\n\tequals: x\n")
        #expect(
            file.problems.map(\.description) == ["test.yaml:3:1: a tab indents this line; indent with spaces, not tabs"]
        )
    }

    @Test func unclosedQuoteAfterJapaneseText() {
        let file = parse("タイトル: \"入札の条件\nnext: 1\n")
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:3:1: found unexpected end of file in the quoted text that starts at line 1, column 7"
            ])
    }

    /// A quote left open mid-file is closed by the next quote, lines down; libyaml fails only after that.
    @Test func unclosedQuoteMidFileSaysWhereTheQuoteOpened() {
        let file = parse(
            """
            rules:
              - id: a
                clause: "reading 3
                outcome: prohibited
              - id: b
                clause: "reading 4"

            """)
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:6:14: did not find expected key in the mapping that starts at line 2, column 5; "
                    + "the quoted text that starts at line 3, column 13 runs on to line 6: is a closing quote missing?"
            ])
        let single = parse("a: 'it is\nb: 'x'\n")
        #expect(
            single.problems.first?.message.hasSuffix(
                "starts at line 1, column 4 runs on to line 2: is a closing quote missing?") == true)
    }

    @Test func quotedTextOverSeveralLinesIsNoHintForALaterProblem() {
        let file = parse("a: \"one\n  two\"\nb: [1\n")
        #expect(
            file.problems.map(\.message) == [
                "did not find expected `,` or `]` in the `[…]` list that starts at line 3, column 4"
            ])
    }

    @Test func tabIndentation() {
        let file = parse("rule:\n\tid: 1\n")
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:2:1: found character that cannot start any token; indent with spaces, not tabs"
            ])
    }

    @Test func missingColonNamesTheKeyPosition() {
        let file = parse("id: 1\ntitle\nwhen: x\n")
        #expect(
            file.problems.map(\.description) == [
                "test.yaml:3:1: could not find expected `:` in the key that starts at line 2, column 1"
            ])
    }

    @Test func unclosedFlowList() {
        let file = parse("codes: [1, 2\n")
        #expect(
            file.problems.map(\.message) == [
                "did not find expected `,` or `]` in the `[…]` list that starts at line 1, column 8"
            ])
        #expect(file.problems.first?.position == at(2, 1))
    }

    @Test func invalidUTF8PointsAtTheBadCharacter() {
        let latin1: [UInt8] = Array("id: 1\nname: caf".utf8) + [0xE9] + Array("\n".utf8)
        let file = YAMLReader.parse(latin1, file: "latin1.yaml")
        #expect(
            file.problems.map(\.description) == [
                "latin1.yaml:2:10: the file is not valid UTF-8 text (byte 0xE9 does not begin a valid character); "
                    + "save it with UTF-8 encoding"
            ])
        #expect(file.problems.map(\.kind) == [.invalidEncoding])

        let stray = YAMLReader.parse(Array("名前: x".utf8) + [0x82], file: "stray.yaml")
        #expect(stray.problems.map(\.kind) == [.invalidEncoding])
        #expect(stray.problems.first?.position == at(1, 6))
    }

    @Test func controlCharactersAreEncodingProblems() {
        let file = YAMLReader.parse(Array("a: b".utf8) + [0x07], file: "bell.yaml")
        #expect(
            file.problems.map(\.description) == [
                "bell.yaml:1:5: the control character U+0007 is not allowed in YAML text"
            ])
    }

    @Test func keepsDocumentsBeforeAFatalError() throws {
        let file = parse("a: 1\n---\nb: 2\n---\nc: [\n")
        #expect(file.documents.count == 2)
        #expect(file.documents.last?["b"]?.scalar?.text == "2")
        #expect(file.problems.map(\.kind) == [.syntax])
        #expect(file.problems.first?.position == at(6, 1))
    }

    @Test func readsEveryDocument() throws {
        let file = parse("---\na: 1\n...\n---\n- x\n---\nplain\n")
        #expect(file.problems.isEmpty)
        #expect(file.documents.count == 3)
        #expect(file.documents[0]["a"]?.scalar?.text == "1")
        #expect(file.documents[1][0]?.range == "5:3-5:4")
        #expect(file.documents[2].scalar?.text == "plain")
    }

    @Test func emptyFileHasNoDocuments() {
        for text in ["", "# only a comment\n", "\n\n"] {
            let file = parse(text)
            #expect(file.documents.isEmpty)
            #expect(file.problems.isEmpty)
        }
        let explicitlyEmpty = parse("---\n")
        #expect(explicitlyEmpty.documents.count == 1)
        #expect(explicitlyEmpty.documents.first?.scalar?.isNull == true)
    }
}
