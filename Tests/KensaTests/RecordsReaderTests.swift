import Testing

@testable import Kensa

#if canImport(Glibc)
    import Glibc
#endif

/// Reads all of `text` in `format`, `chunkSize` bytes at a time.
func readAll(_ format: RecordFormat, _ text: String, chunkSize: Int = 1 << 20) -> [RecordInput] {
    readAll(format, Array(text.utf8), chunkSize: chunkSize)
}

func readAll(_ format: RecordFormat, _ bytes: [UInt8], chunkSize: Int = 1 << 20) -> [RecordInput] {
    let source = ByteSource(bytes: bytes, chunkSize: chunkSize)
    var reader: any RecordReader =
        switch format {
        case .json: JSONDocumentReader(source: source, layout: .recordV1)
        case .jsonl: JSONLinesReader(source: source, layout: .recordV1)
        case .csv: CSVReader(source: source, layout: .recordV1)
        }
    var inputs: [RecordInput] = []
    while let input = reader.next() { inputs.append(input) }
    return inputs
}

/// The one record that `line` (a JSON object) reads to, or nil when it is malformed.
func readRecord(_ line: String) -> Record? {
    let inputs = readAll(.jsonl, line)
    guard inputs.count == 1, case .record(let record) = inputs[0] else { return nil }
    return record
}

/// The one problem that `line` (a JSON object) reads to, or nil when it is a record.
func readProblem(_ line: String) -> RecordProblem? {
    let inputs = readAll(.jsonl, line)
    guard inputs.count == 1, case .malformed(let problem) = inputs[0] else { return nil }
    return problem
}

extension RecordInput {
    var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    var problem: RecordProblem? {
        if case .malformed(let problem) = self { return problem }
        return nil
    }
}

extension Record {
    /// The value of a record v1 field by its dotted path.
    subscript(_ path: String) -> FieldValue { values[RecordLayout.recordV1.slot(of: path)!] }
}

/// Index of `value` among the values of the record v1 choice field `path`.
func choice(_ path: String, _ value: String) -> FieldValue {
    let spec = RecordLayout.recordV1.fields[RecordLayout.recordV1.slot(of: path)!]
    switch spec.type {
    case .choice(let values), .list(.choice(let values)): return .choice(values.firstIndex(of: value)!)
    default: return .invalid(reason: "not a choice field", written: path)
    }
}

@Suite struct RecordsReaderTests {
    @Test func infersFormatsFromPaths() {
        #expect(RecordFormat.infer(fromPath: "a/records.json") == .json)
        #expect(RecordFormat.infer(fromPath: "records.JSONL") == .jsonl)
        #expect(RecordFormat.infer(fromPath: "records.ndjson") == .jsonl)
        #expect(RecordFormat.infer(fromPath: "records.csv") == .csv)
        #expect(RecordFormat.infer(fromPath: "records.txt") == nil)
        #expect(RecordFormat.infer(fromPath: "dir.json/records") == nil)
    }

    @Test func makesReadersForFilesOnDisk() throws {
        let path = "/tmp/kensa-records-test-\(UInt32.random(in: 0...UInt32.max)).csv"
        let file = try #require(fopen(path, "w"))
        fputs("id,category\nA-1,software\n", file)
        fclose(file)
        defer { remove(path) }
        var reader = try RecordFormat.infer(fromPath: path)!.makeReader(source: .path(path), layout: .recordV1)
        let record = try #require(reader.next()?.record)
        #expect(record.id == "A-1")
        #expect(record["category"] == choice("category", "software"))
        #expect(reader.next() == nil)
    }

    @Test func reportsFilesThatCannotBeOpened() {
        #expect(throws: RecordProblem.self) {
            _ = try RecordFormat.jsonl.makeReader(source: .path("/nonexistent/records.jsonl"), layout: .recordV1)
        }
    }

    @Test func emptyInputHasNoRecords() {
        for format in RecordFormat.allCases {
            #expect(readAll(format, "").isEmpty, "\(format)")
            #expect(readAll(format, "\n \n").isEmpty, "\(format)")
        }
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE], "UTF-16"), ([0xFE, 0xFF], "UTF-16"), ([0xFF, 0xFE, 0, 0], "UTF-32"),
            ([0, 0, 0xFE, 0xFF], "UTF-32"), ([], "UTF-16 or UTF-32"),
        ] as [([UInt8], String)])
    func reportsTextThatIsNotUTF8OnceAndDecidesNothing(byteOrderMark: [UInt8], encoding: String) {
        let utf16 = Array(#"{"id": "A"}"#.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for format in RecordFormat.allCases {
            let inputs = readAll(format, byteOrderMark + utf16 + [0, 0x0A] + utf16)
            #expect(inputs.count == 1, "\(format)")
            #expect(inputs.first?.problem?.line == 1, "\(format)")
            #expect(
                inputs.first?.problem?.message.hasPrefix("the input is \(encoding) text, and records are read as UTF-8")
                    == true, "\(format)")
        }
    }

    @Test func skipsAUTF8ByteOrderMarkInEveryFormat() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(readAll(.json, bom + Array(#"[{"id": "A"}]"#.utf8)).first?.record?.id == "A")
        #expect(readAll(.jsonl, bom + Array(#"{"id": "A"}"#.utf8)).first?.record?.id == "A")
        #expect(readAll(.csv, bom + Array("id\nA\n".utf8)).first?.record?.id == "A")
    }

    @Test func describesProblemsForAuthors() {
        let problem = RecordProblem(line: 3, column: 14, id: "A-1", message: "expected `,` or `}` after a value")
        #expect(problem.description == "line 3, column 14: expected `,` or `}` after a value (record `A-1`)")
    }
}
