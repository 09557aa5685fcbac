import Testing

@testable import Kensa

@Suite struct RecordsJSONDocumentTests {
    @Test func readsAListWithTheLineOfEachElement() {
        let text = """
            [
              {"id": "A", "buyer": {"name": "X"}},
              {
                "id": "B",
                "category": "software"
              },
              {"id": "C"}
            ]
            """
        let inputs = readAll(.json, text)
        #expect(inputs.map { $0.record?.id } == ["A", "B", "C"])
        #expect(inputs.map { $0.record?.line } == [2, 3, 7])
        #expect(inputs.map { $0.record?.index } == [0, 1, 2])
        #expect(inputs[1].record?["category"] == choice("category", "software"))
    }

    @Test func readsOneObject() {
        let inputs = readAll(.json, "\n\n{\"id\": \"A\",\n \"date\": \"2021-06-01\"}\n")
        #expect(inputs.count == 1)
        #expect(inputs[0].record?.line == 3)
        #expect(inputs[0].record?["date"] == .date(Day(iso: "2021-06-01")!))
    }

    @Test func readsAnEmptyList() {
        #expect(readAll(.json, " [ ] ").isEmpty)
    }

    @Test func goesOnAfterAnUnusableElement() throws {
        let inputs = readAll(
            .json, "[{\"id\": \"A\"},\n 42,\n {\"id\": \"B\", \"id\": \"C\"},\n {\"date\": null},\n {\"id\": \"D\"}]")
        #expect(inputs.count == 5)
        #expect(inputs[1].problem == RecordProblem(line: 2, column: 2, message: "a record must be a JSON object `{…}`"))
        #expect(inputs[2].problem == RecordProblem(line: 3, column: 14, id: "B", message: "duplicate key `id`"))
        #expect(inputs[3].problem == RecordProblem(line: 4, message: "record has no `id`"))
        #expect(inputs[4].record?.id == "D")
        #expect(inputs[4].record?.index == 4)
    }

    @Test func stopsAtBrokenSyntaxWithLineAndColumn() throws {
        let inputs = readAll(
            .json, "[{\"id\": \"A\"},\n {\"id\": \"B\",\n  \"date\" \"2021-06-01\"},\n {\"id\": \"C\"}]")
        #expect(inputs.count == 2)
        #expect(inputs[0].record?.id == "A")
        #expect(
            inputs[1].problem
                == RecordProblem(
                    line: 3, column: 10, id: "B",
                    message: "expected `:` after a key; reading stops here, so no record after this point is decided"))
    }

    @Test func reportsAnUnclosedList() {
        let inputs = readAll(.json, "[{\"id\": \"A\"},\n {\"id\": \"B\"}")
        #expect(inputs.count == 3)
        #expect(
            inputs[2].problem?.message
                == "expected `,` or `]` after a value in a list, but the input ended; reading stops here, so no record after this point is decided"
        )
        #expect(inputs[2].problem?.line == 2)
    }

    @Test func reportsTextAfterTheDocument() {
        let inputs = readAll(.json, "{\"id\": \"A\"}\n{\"id\": \"B\"}")
        #expect(inputs.count == 2)
        #expect(inputs[0].record?.id == "A")
        #expect(
            inputs[1].problem
                == RecordProblem(line: 2, column: 1, message: "unexpected text after the end of the records"))
    }

    @Test func rejectsADocumentThatIsNotAnObjectOrList() {
        let inputs = readAll(.json, "\"records\"")
        #expect(
            inputs.map(\.problem?.message) == ["the input must be a JSON object `{…}` or a list of objects `[{…}, …]`"])
    }

    @Test func rejectsInputsOverTheSizeLimit() {
        var reader = JSONDocumentReader(
            source: ByteSource(bytes: Array(#"[{"id": "A"}, {"id": "B"}]"#.utf8), chunkSize: 4), layout: .recordV1)
        reader.maxBytes = 10
        #expect(
            reader.next()?.problem?.message
                == "the input is larger than 10 bytes; write it as JSON Lines to read it as a stream")
        #expect(reader.next() == nil)
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "{\"a\":", count: 1000) + "1" + String(repeating: "}", count: 1000)
        let inputs = readAll(.json, "[{\"id\": \"A\", \"x\": \(deep)}]")
        #expect(inputs.count == 1)
        #expect(
            inputs[0].problem?.message
                == "lists and objects are nested more than 64 levels deep; reading stops here, so no record after this point is decided"
        )
    }
}
