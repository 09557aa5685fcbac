import Testing

@testable import Kensa

@Suite struct RecordsCSVTests {
    static let text =
        "id,buyer.name,category,security_purpose,value.amount,data.classes,exemptions,components,"
        + "components.0.part,components.0.manufacturer,components.1.manufacturer,extra\r\n"
        + "A-1,\"Ministry of \"\"Things\"\"\",software,TRUE,48000000,my_number; personal,W-1,,LTE module,ZTE,\"Huawei,\nJapan\",x\r\n"
        + "A-2,\"Two\nline\nbuyer\",non_it,false,1.5,[],[],[],,,,\r\n"
        + "A-3,,gadgets,maybe,lots, ; , ,,,,,\r\n"

    @Test func readsQuotedCellsListsAndComponents() throws {
        let inputs = readAll(.csv, Self.text)
        #expect(inputs.count == 3)
        let first = try #require(inputs[0].record)
        #expect(first.line == 2 && first.index == 0)
        #expect(first["buyer.name"] == .text("Ministry of \"Things\""))
        #expect(first["category"] == choice("category", "software"))
        #expect(first["security_purpose"] == .bool(true))
        #expect(first["value.amount"] == .number(48_000_000))
        #expect(
            first["data.classes"] == .list([choice("data.classes", "my_number"), choice("data.classes", "personal")]))
        #expect(first["exemptions"] == .list([.text("W-1")]))
        #expect(
            first["components"]
                == .objects([
                    [.text("LTE module"), .text("ZTE"), .missing], [.missing, .text("Huawei,\nJapan"), .missing],
                ]))
        #expect(first["action"] == choice("action", "new_contract"))
    }

    @Test func readsEmptyListsAndCountsLinesInsideQuotes() throws {
        let inputs = readAll(.csv, Self.text)
        let second = try #require(inputs[1].record)
        #expect(second.line == 4)
        #expect(second["buyer.name"] == .text("Two\nline\nbuyer"))
        #expect(second["security_purpose"] == .bool(false))
        #expect(second["value.amount"] == .number(1.5))
        #expect(second["data.classes"] == .list([]))
        #expect(second["exemptions"] == .list([]))
        #expect(second["components"] == .objects([]))
        let third = try #require(inputs[2].record)
        #expect(third.line == 7)
        #expect(third["buyer.name"] == .missing)
        // Only `[]` declares a list empty: a cell with no value in it, like an empty one, leaves it unknown.
        #expect(third["data.classes"] == .missing)
        #expect(third["exemptions"] == .missing)
        #expect(third["components"] == .missing)
        #expect(third["category"] == .invalid(reason: "not a known value", written: "gadgets"))
        #expect(third["security_purpose"] == .invalid(reason: "expected true or false", written: "maybe"))
        #expect(third["value.amount"] == .invalid(reason: "expected a number", written: "lots"))
    }

    @Test func readsTheEmptyListWithSpacesAroundIt() throws {
        let inputs = readAll(.csv, "id,data.classes,exemptions,components\nA, [] ,\t[],[] \n")
        let record = try #require(inputs.first?.record)
        #expect(record["data.classes"] == .list([]))
        #expect(record["exemptions"] == .list([]))
        #expect(record["components"] == .objects([]))
    }

    @Test func readsAcrossChunkBoundaries() {
        let expected = readAll(.csv, Self.text)
        for chunkSize in [1, 2, 5, 13, 64] {
            #expect(readAll(.csv, Self.text, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func reportsRowsWithTheWrongNumberOfCellsAndReadsOn() {
        let inputs = readAll(.csv, "id,category\nA,software\nB,software,extra\n\nC,non_it\n")
        #expect(inputs.count == 3)
        #expect(
            inputs[1].problem == RecordProblem(line: 3, id: "B", message: "CSV row has 3 cells but the header has 2"))
        #expect(inputs[2].record?.id == "C")
        #expect(inputs[2].record?.line == 5)
        #expect(inputs[2].record?.index == 2)
    }

    @Test func reportsAQuoteLeftOpen() {
        let inputs = readAll(.csv, "id,buyer.name\nA,X\nB,\"Unclosed\nstill going")
        #expect(inputs.count == 2)
        #expect(
            inputs[1].problem
                == RecordProblem(
                    line: 3, id: "B",
                    message:
                        "a quoted cell is not closed before the end of the input, so no row from here on is decided"))
    }

    @Test func reportsTextAfterAClosingQuoteAndReadsOn() {
        let inputs = readAll(.csv, "id,buyer.name\nA,\"X\"y\nB,Z\n")
        #expect(inputs[0].problem?.message == "expected `,` or the end of the row after a closing quote")
        #expect(inputs[0].problem?.line == 2)
        #expect(inputs[0].problem?.id == "A")
        #expect(inputs[1].record?.id == "B")
    }

    @Test func namesNoRecordWhenARowBreaksBeforeItsID() {
        let inputs = readAll(.csv, "buyer.name,id\n\"X\"y,A\nZ,B\n")
        #expect(inputs[0].problem?.line == 2)
        #expect(inputs[0].problem?.id == nil)
        #expect(inputs[1].record?.id == "B")
    }

    @Test func rejectsAHeaderNamingAColumnTwice() {
        let inputs = readAll(.csv, "id,buyer.name, buyer.name\nA,X,Y\n")
        #expect(
            inputs == [.malformed(RecordProblem(line: 1, message: "the header names the column `buyer.name` twice"))])
    }

    @Test func requiresAnID() {
        let inputs = readAll(.csv, "id,category\n,software\n")
        #expect(inputs == [.malformed(RecordProblem(line: 2, message: "record has no `id`"))])
    }

    @Test func keepsOnlyBracketsInTheComponentsColumn() {
        let inputs = readAll(.csv, "id,components\nA,LTE module\n")
        guard case .invalid(_, let written)? = inputs.first?.record?["components"] else {
            Issue.record("expected an invalid components value")
            return
        }
        #expect(written == "LTE module")
    }

    @Test func readsDatesAndChoices() {
        let inputs = readAll(.csv, "id,date,consultation.status\nA,2021-06-01,pending\nB,2021/06/01,Pending\n")
        #expect(inputs[0].record?["date"] == .date(Day(iso: "2021-06-01")!))
        #expect(inputs[0].record?["consultation.status"] == choice("consultation.status", "pending"))
        #expect(
            inputs[1].record?["date"]
                == .invalid(reason: "not a valid date: write it YYYY-MM-DD", written: "2021/06/01"))
        #expect(inputs[1].record?["consultation.status"] == .invalid(reason: "not a known value", written: "Pending"))
    }

    @Test func rejectsCellsThatAreNotUTF8() {
        let bytes = Array("id,buyer.name\nA,".utf8) + [0xFF, 0xFE] + Array("\nB,ok\n".utf8)
        let inputs = readAll(.csv, bytes)
        #expect(
            inputs.first?.problem
                == RecordProblem(line: 2, id: "A", message: "the cell of `buyer.name` is not valid UTF-8"))
        #expect(inputs.last?.record?.id == "B")
    }
}
