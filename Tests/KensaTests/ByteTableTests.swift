import Testing

@testable import Kensa

/// The name cache of the resolver: same bytes, same entry; different bytes (even the same text normalised
/// differently), different entries; and a full table starts again rather than growing.
@Suite struct ByteTableTests {
    @Test func keepsTheFirstValueMadeForEachName() {
        let table = ByteTable<Int>(capacity: 8)
        var made = 0
        func lookUp(_ name: String) -> Int {
            table.value(for: name) {
                made += 1
                return made
            }
        }
        #expect(lookUp("NEC") == 1)
        #expect(lookUp("華為技術有限公司") == 2)
        #expect(lookUp("NEC") == 1)
        #expect(lookUp("華為技術有限公司") == 2)
        #expect(lookUp("") == 3)
        #expect(lookUp("") == 3)
        #expect(made == 3)
    }

    @Test func comparesBytesNotCanonicalText() {
        let table = ByteTable<String>(capacity: 8)
        let composed = "ソニ\u{30FC}グループ株式会社ガ"
        let decomposed = "ソニ\u{30FC}グループ株式会社\u{30AB}\u{3099}"
        #expect(composed == decomposed)
        #expect(table.value(for: composed) { "composed" } == "composed")
        #expect(table.value(for: decomposed) { "decomposed" } == "decomposed")
        #expect(table.value(for: composed) { "again" } == "composed")
    }

    @Test func startsAgainWhenFull() {
        let table = ByteTable<Int>(capacity: 4)
        for index in 0..<4 { _ = table.value(for: "vendor \(index) with a long enough name") { index } }
        #expect(table.value(for: "vendor 0 with a long enough name") { -1 } == 0)
        // The fifth name empties the table, so the first is made again.
        _ = table.value(for: "vendor 4 with a long enough name") { 4 }
        #expect(table.value(for: "vendor 0 with a long enough name") { -1 } == -1)
        #expect(table.value(for: "vendor 4 with a long enough name") { -1 } == 4)
    }
}
