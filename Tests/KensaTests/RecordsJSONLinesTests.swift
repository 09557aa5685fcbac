import Testing

@testable import Kensa

@Suite struct RecordsJSONLinesTests {
    static let lines = """
        {"id": "A-1", "buyer": {"name": "First"}}

        {"id": "A-2", "buyer": {"name": "Second"} "category": "software"}
        {"id": "A-3", "buyer": {"name": "華為技術"}, "data": {"classes": ["personal"]}}
        not json at all
           
        {"id": "A-4", "components": [{"part": "LTE module", "manufacturer": "ZTE"}]}
        """

    @Test func reportsMalformedLinesAndReadsOn() throws {
        let inputs = readAll(.jsonl, Self.lines)
        #expect(inputs.count == 5)
        #expect(inputs[0].record?.id == "A-1")
        #expect(inputs[0].record?.line == 1)
        let broken = try #require(inputs[1].problem)
        #expect(broken.line == 3)
        #expect(broken.column == 43)
        #expect(broken.id == "A-2")
        #expect(broken.message == "expected `,` or `}` after a value")
        #expect(inputs[2].record?.id == "A-3")
        #expect(inputs[2].record?.line == 4)
        #expect(inputs[2].record?.index == 2)
        let garbage = try #require(inputs[3].problem)
        #expect(garbage.line == 5 && garbage.id == nil)
        #expect(inputs[4].record?.line == 7)
        #expect(inputs[4].record?.index == 4)
    }

    /// Records read into the recycled values of records read before them hold exactly what they hold when read
    /// into new arrays, whatever the recycled records held (more fields, lists, other values).
    @Test func recycledValuesReadLikeNewOnes() {
        let fresh = readAll(.jsonl, Self.lines).compactMap(\.record)
        var reader = JSONLinesReader(source: ByteSource(bytes: Array(Self.lines.utf8)), layout: .recordV1)
        var recycled: [Record] = []
        while let input = reader.next() {
            guard case .record(let record) = input else { continue }
            recycled.append(record)
            reader.recycle(Array(recycled.last!.values.reversed()))
        }
        #expect(recycled.map(\.values) == fresh.map(\.values))
        #expect(recycled.count == 3)
    }

    @Test func readsRecordsAcrossChunkBoundaries() {
        let expected = readAll(.jsonl, Self.lines)
        for chunkSize in [1, 2, 3, 7, 16, 61, 200] {
            #expect(readAll(.jsonl, Self.lines, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func readsCRLFLinesAndAFinalLineWithoutNewline() {
        let inputs = readAll(.jsonl, "{\"id\": \"A\"}\r\n{\"id\": \"B\"}\r\n{\"id\": \"C\"}")
        #expect(inputs.map { $0.record?.id } == ["A", "B", "C"])
        #expect(inputs.map { $0.record?.line } == [1, 2, 3])
    }

    @Test func skipsAByteOrderMark() {
        let inputs = readAll(.jsonl, [0xEF, 0xBB, 0xBF] + Array(#"{"id": "A"}"#.utf8))
        #expect(inputs.first?.record?.id == "A")
    }

    @Test func findsTheIDOfABrokenLineBeforeTheError() {
        let inputs = readAll(.jsonl, #"{"buyer": {"name": "X"}, "id" : "Z-9", "date": }"#)
        #expect(inputs.first?.problem?.id == "Z-9")
    }

    @Test func dropsOverlongLinesAndReadsOn() {
        var reader = JSONLinesReader(
            source: ByteSource(
                bytes: Array(
                    (#"{"id": "A", "x": "\#(String(repeating: "y", count: 100))"}"# + "\n" + #"{"id": "B"}"#).utf8),
                chunkSize: 8),
            layout: .recordV1)
        reader.maxLineBytes = 32
        #expect(reader.next()?.problem?.message == "line is longer than 32 bytes")
        #expect(reader.next()?.record?.id == "B")
        #expect(reader.next() == nil)
    }

    @Test func keepsTheBufferAtOneChunkWhateverTheInputSize() {
        let text = (0..<2_000).map { #"{"id": "R-\#($0)", "buyer": {"name": "Buyer \#($0)"}}"# }.joined(separator: "\n")
        let source = ByteSource(bytes: Array(text.utf8), chunkSize: 256)
        var reader = JSONLinesReader(source: source, layout: .recordV1)
        var count = 0
        while let input = reader.next() {
            #expect(input.record?.id == "R-\(count)")
            count += 1
        }
        #expect(count == 2_000)
        #expect(source.capacity == 256)
    }

    @Test func readsRepeatedTextTheSameWayAndStillReportsItsProblems() throws {
        let entry = #"{"part": "SSD", "manufacturer": "Samsung Electronics"}"#
        let doubled = #"{"part": "SSD", "manufacturer": "ZTE", "manufacturer": "ZTE"}"#
        let lines = [
            #"{"id": "A", "components": [\#(doubled)]}"#,
            #"{"id": "B", "components": [\#(entry), \#(entry)], "data": {"classes": ["public", "nope"]}}"#,
            #"{"id": "C", "components": [\#(entry)], "data.classes": ["public", "nope"]}"#,
            #"{"id": "D", "components": [\#(doubled)]}"#,
            #"{"id": "E", "data": {"classes": ["public", "nope"]}, "components": [\#(entry), 7]}"#,
        ]
        let inputs = readAll(.jsonl, lines.joined(separator: "\n"))
        #expect(inputs[0].problem?.message == "duplicate key `manufacturer`")
        #expect(inputs[3].problem?.message == "duplicate key `manufacturer`")
        let layout = RecordLayout.recordV1
        let components = try #require(layout.slot(of: "components"))
        let classes = try #require(layout.slot(of: "data.classes"))
        let samsung: [FieldValue] = [.text("SSD"), .text("Samsung Electronics"), .missing]
        let b = try #require(inputs[1].record)
        let c = try #require(inputs[2].record)
        #expect(b.values[components] == .objects([samsung, samsung]))
        #expect(c.values[components] == .objects([samsung]))
        #expect(b.values[classes] == c.values[classes])
        #expect(b.values[classes] == .list([.choice(0), .invalid(reason: "not a known value", written: "nope")]))
        #expect(
            inputs[4].record?.values[components]
                == .invalid(reason: "expected a list of objects `[{…}]`", written: #"[\#(entry), 7]"#))
    }
}
