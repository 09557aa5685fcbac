import Testing

@testable import Kensa

@Suite struct RecordsJSONTypingTests {
    static let example = """
        {"id": "JLIS-2021-0042", "date": "2021-06-01", "buyer": {"name": "Japan Agency for Local Authority \
        Information Systems"}, "category": "telecom_equipment", "product": {"description": "Mobile routers for \
        branch offices", "brand": "NEC", "manufacturer": "NEC Platforms", "model": "MR-5"}, "components": \
        [{"part": "LTE module", "manufacturer": "Huawei Technologies Co., Ltd."}], "supplier": {"name": "NEC \
        Corporation"}, "data": {"classes": ["my_number", "personal"]}, "system_role": "business_system", \
        "consultation": {"body": "NISC", "status": "pending"}, "value": {"amount": 48000000, "currency": "JPY"}, \
        "security_purpose": false, "product.routes_user_data": true, "exemptions": ["W-1", "W-2"]}
        """

    @Test func typesEveryKindOfField() throws {
        let record = try #require(readRecord(Self.example))
        #expect(record.id == "JLIS-2021-0042")
        #expect(record.line == 1 && record.index == 0)
        #expect(record["date"] == .date(Day(iso: "2021-06-01")!))
        #expect(record["buyer.name"] == .text("Japan Agency for Local Authority Information Systems"))
        #expect(record["category"] == choice("category", "telecom_equipment"))
        #expect(record["product.model"] == .text("MR-5"))
        #expect(record["security_purpose"] == .bool(false))
        #expect(record["product.routes_user_data"] == .bool(true))
        #expect(record["value.amount"] == .number(48_000_000))
        #expect(
            record["data.classes"] == .list([choice("data.classes", "my_number"), choice("data.classes", "personal")]))
        #expect(record["exemptions"] == .list([.text("W-1"), .text("W-2")]))
        #expect(
            record["components"] == .objects([[.text("LTE module"), .text("Huawei Technologies Co., Ltd."), .missing]]))
        #expect(record["consultation.status"] == choice("consultation.status", "pending"))
        #expect(record["buyer.entity_class"] == .missing)
        #expect(record["product.user_data_visibility"] == .missing)
    }

    @Test func appliesDefaultsAndFallbacks() throws {
        let bare = try #require(readRecord(#"{"id": "A", "product": {"manufacturer": "NEC Platforms"}}"#))
        #expect(bare["action"] == choice("action", "new_contract"))
        #expect(bare["product.brand"] == .text("NEC Platforms"))
        let nulls = try #require(readRecord(#"{"id": "A", "action": null, "product": {"brand": null}}"#))
        #expect(nulls["action"] == choice("action", "new_contract"))
        #expect(nulls["product.brand"] == .missing)
        let written = try #require(
            readRecord(#"{"id": "A", "action": "renewal", "product": {"brand": "NEC", "manufacturer": "M"}}"#))
        #expect(written["action"] == choice("action", "renewal"))
        #expect(written["product.brand"] == .text("NEC"))
    }

    /// Record v1: a field written `null` is unknown, as an absent one is; lists are no exception.
    @Test func readsNullListsAsUnknown() throws {
        let record = try #require(
            readRecord(#"{"id": "A", "components": null, "data": {"classes": null}, "exemptions": null}"#))
        #expect(record["components"] == .missing)
        #expect(record["data.classes"] == .missing)
        #expect(record["exemptions"] == .missing)
        let notNull = try #require(readRecord(#"{"id": "A", "components": true, "exemptions": 0}"#))
        #expect(notNull["components"] == .invalid(reason: "expected a list of objects `[{…}]`", written: "true"))
        #expect(notNull["exemptions"] == .invalid(reason: "expected a list `[…]`", written: "0"))
    }

    /// A value where record v1 has an object (`buyer`, `product`) makes the record malformed rather than
    /// silently unknown; `null` there leaves the object's fields unknown.
    @Test func rejectsAValueWhereAnObjectBelongs() throws {
        #expect(readProblem(#"{"id": "A", "buyer": "MOD"}"#)?.message == "`buyer` must be an object `{…}`")
        #expect(readProblem(#"{"id": "A", "product": ["x"]}"#)?.message == "`product` must be an object `{…}`")
        let nulls = try #require(readRecord(#"{"id": "A", "buyer": null, "data": null}"#))
        #expect(nulls["buyer.name"] == .missing)
        #expect(nulls["data.classes"] == .missing)
    }

    @Test func keepsValuesOfTheWrongTypeAsInvalid() throws {
        let record = try #require(
            readRecord(
                #"{"id": "A", "category": "gadgets", "date": "2021-13-45", "security_purpose": "yes", "#
                    + #""value": {"amount": "48000000"}, "buyer": {"name": 42}, "data": {"classes": ["personal", "bogus", 3]}, "#
                    + #""components": "none", "exemptions": "W-1", "product.routes_user_data": [true]}"#))
        #expect(record["category"] == .invalid(reason: "not a known value", written: "gadgets"))
        #expect(record["date"] == .invalid(reason: "not a valid date: no such day exists", written: "2021-13-45"))
        #expect(record["security_purpose"] == .invalid(reason: "expected true or false", written: "yes"))
        #expect(
            record["value.amount"] == .invalid(reason: "expected a number, not text in quotes", written: "48000000"))
        #expect(record["buyer.name"] == .invalid(reason: "expected text in quotes", written: "42"))
        #expect(
            record["data.classes"]
                == .list([
                    choice("data.classes", "personal"), .invalid(reason: "not a known value", written: "bogus"),
                    .invalid(reason: "expected text in quotes", written: "3"),
                ]))
        #expect(record["components"] == .invalid(reason: "expected a list of objects `[{…}]`", written: "none"))
        #expect(record["exemptions"] == .invalid(reason: "expected a list `[…]`", written: "W-1"))
        #expect(record["product.routes_user_data"] == .invalid(reason: "expected true or false", written: "[true]"))
        let mixed = try #require(readRecord(#"{"id": "A", "components": [{"part": "x"}, 7]}"#))
        #expect(
            mixed["components"]
                == .invalid(reason: "expected a list of objects `[{…}]`", written: #"[{"part": "x"}, 7]"#))
    }

    @Test func readsEmptyListsAsDeclarations() throws {
        let record = try #require(readRecord(#"{"id": "A", "components": [], "data": {"classes": []}}"#))
        #expect(record["components"] == .objects([]))
        #expect(record["data.classes"] == .list([]))
        #expect(record["exemptions"] == .missing)
    }

    @Test func appliesDefaultsInsideListEntries() throws {
        let record = try #require(readRecord(#"{"id": "A", "components": [{"manufacturer": "ZTE"}, {"part": "p"}]}"#))
        #expect(
            record["components"] == .objects([[.missing, .text("ZTE"), .missing], [.text("p"), .missing, .missing]]))
    }

    @Test func decodesEscapesAndUnicode() throws {
        let record = try #require(
            readRecord(
                #"{"id": "A", "product": {"description": "say \"hi\" \\ \/ \n\t\u00e9 \u65e5\u672c \ud83d\ude00", "#
                    + #""manufacturer": "華為技術", "brand": "ファーウェイ・ジャパン"}}"#))
        #expect(record["product.description"] == .text("say \"hi\" \\ / \n\té 日本 😀"))
        #expect(record["product.manufacturer"] == .text("華為技術"))
        #expect(record["product.brand"] == .text("ファーウェイ・ジャパン"))
        let escapedKey = try #require(readRecord(#"{"\u0069d": "A", "buyer": {"n\u0061me": "X"}}"#))
        #expect(escapedKey["buyer.name"] == .text("X"))
    }

    @Test func rejectsBrokenText() throws {
        let surrogate = try #require(readProblem(#"{"id": "A", "buyer": {"name": "\ud83d x"}}"#))
        #expect(surrogate.message == "text has an unpaired surrogate escape `\\uD83D`")
        #expect(surrogate.id == "A")
        #expect(surrogate.column == 32)
        var bytes = Array(#"{"id": "A", "buyer": {"name": "X"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}}"#.utf8)
        let inputs = readAll(.jsonl, bytes)
        #expect(inputs.first?.problem?.message == "text is not valid UTF-8")
        #expect(readProblem(#"{"id": "A\q"}"#)?.message == "unknown escape `\\q` in text")
        #expect(readProblem("{\"id\": \"A\tB\"}")?.message.hasPrefix("a line break or control character") == true)
    }

    @Test func readsNestedAndFlatKeysAlike() throws {
        let nested = try #require(readRecord(#"{"id": "A", "buyer": {"name": "X", "country": "JP"}}"#))
        let flat = try #require(readRecord(#"{"id": "A", "buyer.name": "X", "buyer.country": "JP"}"#))
        let mixed = try #require(readRecord(#"{"id": "A", "buyer.name": "X", "buyer": {"country": "JP"}}"#))
        #expect(nested.values == flat.values)
        #expect(nested.values == mixed.values)
        #expect(nested["buyer.country"] == .text("JP"))
    }

    @Test func rejectsDuplicateKeys() {
        #expect(readProblem(#"{"id": "A", "id": "B"}"#)?.message == "duplicate key `id`")
        #expect(
            readProblem(#"{"id": "A", "buyer": {"name": "X"}, "buyer.name": "Y"}"#)?.message
                == "duplicate key `buyer.name`")
        #expect(readProblem(#"{"id": "A", "buyer": {}, "buyer": {}}"#)?.message == "duplicate key `buyer`")
        #expect(readProblem(#"{"id": "A", "extra": 1, "extra": 2}"#)?.message == "duplicate key `extra`")
        #expect(
            readProblem(#"{"id": "A", "components": [{"part": "a", "part": "b"}]}"#)?.message == "duplicate key `part`")
        #expect(readProblem(#"{"id": "A", "extra": 1, "buyer": {"extra": 2}}"#) == nil)
        #expect(readRecord(#"{"id": "A", "components": [{"part": "a"}, {"part": "b"}]}"#) != nil)
        #expect(readProblem(#"{"id": "A", "id": "B"}"#)?.id == "A")
    }

    @Test func skipsFieldsTheLayoutDoesNotName() throws {
        let record = try #require(
            readRecord(
                #"{"extra": {"a": [1, 2.5e3, {"b": null}], "c": "\u00e9"}, "id": "A", "buyer": {"name": "X", "#
                    + #""note": [true, false]}, "tags": []}"#))
        #expect(record.id == "A")
        #expect(record["buyer.name"] == .text("X"))
    }

    @Test func requiresAnID() {
        #expect(readProblem(#"{"buyer": {"name": "X"}}"#)?.message == "record has no `id`")
        #expect(readProblem(#"{"id": ""}"#)?.message == "record has no `id`")
        #expect(readProblem(#"{"id": null}"#)?.message == "record has no `id`")
        #expect(readProblem(#"{"id": 42}"#)?.message == "the record's `id` must be text in quotes, not 42")
        #expect(readProblem(#"["A"]"#)?.message == "a record must be a JSON object `{…}`")
    }

    @Test func parsesNumbersExactly() throws {
        for text in [
            "0", "-5", "0.1", "1e3", "1.5E-2", "123456.789", "9007199254740993", "1234567890123456789012345",
            "2.2250738585072014e-308", "-0.000001", "1E+2",
        ] {
            let record = try #require(readRecord(#"{"id": "A", "value": {"amount": \#(text)}}"#), "\(text)")
            #expect(record["value.amount"] == .number(Double(text)!), "\(text)")
        }
        for text in ["01", "1.", "-", ".5", "1e", "+1", "0x10"] {
            #expect(readProblem(#"{"id": "A", "value": {"amount": \#(text)}}"#) != nil, "\(text)")
        }
    }

    @Test func rejectsDeepNestingWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let problem = try #require(readProblem(#"{"id": "A", "extra": \#(deep)}"#))
        #expect(problem.message == "lists and objects are nested more than 64 levels deep")
        #expect(problem.id == "A")
        let shallow = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(readRecord(#"{"id": "A", "extra": \#(shallow)}"#) != nil)
    }

    @Test func reportsSyntaxErrorsWithColumns() throws {
        let problem = try #require(readProblem(#"{"id": "A-1" "buyer": {}}"#))
        #expect(problem.message == "expected `,` or `}` after a value")
        #expect(problem.line == 1 && problem.column == 14)
        #expect(problem.id == "A-1")
        #expect(
            readProblem(#"{"id": "A", "buyer": {"name": "X"}"#)?.message
                == "expected `,` or `}` after a value, but the line ended")
        #expect(readProblem(#"{"id" "A"}"#)?.message == "expected `:` after a key")
        #expect(readProblem(#"{id: "A"}"#)?.message == "expected a key in double quotes")
        #expect(readProblem(#"{"id": "A"} x"#)?.message == "unexpected text after the record's closing `}`")
        #expect(readProblem(#"{"id": "A", "x": tru}"#)?.message.hasPrefix("expected a value") == true)
    }
}
