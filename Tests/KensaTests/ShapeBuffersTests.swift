import Testing

@testable import Kensa

/// The plain runs the batch path records shapes into, and the line-shape cache they key.
@Suite struct ShapeBuffersTests {
    @Test func plainRunKeepsItsElementsAsItGrows() {
        var run = PlainRun<UInt32>(capacity: 2)
        defer { run.deallocate() }
        for word in 0..<1_000 { run.append(UInt32(word * 3)) }
        let more: [UInt32] = [7, 8, 9]
        more.withUnsafeBufferPointer { run.append(contentsOf: $0) }
        #expect(run.count == 1_003)
        #expect(run[0] == 0 && run[999] == 2_997 && run[1_002] == 9)
        #expect(Array(run.elements(998..<1_001)) == [2_994, 2_997, 7])
        run.removeAll()
        #expect(run.count == 0)
        run.append(5)
        #expect(Array(run.elements(0..<1)) == [5])
    }

    /// A line that quotes no name is found by its shape alone, whatever names the steps looked up; a line that
    /// quotes names is found only with the same quoted names, and names it does not quote do not matter.
    @Test func linesAreKeptByShapeAndQuotedNames() {
        let cache = LineShapeCache(capacity: 64)
        let events: [UInt32] = [0x0400_0000, 3, 0x0100_0001, 7, 0xFF00_0301, 0xFF00_0001]
        let otherEvents: [UInt32] = [0x0400_0000, 3, 0x0100_0001, 7, 0xFF00_0300, 0xFF00_0000]
        let names: [UInt32] = [10, 0, 1, 20, 0, 2]
        let otherFirstName: [UInt32] = [11, 0, 1, 20, 0, 2]
        let otherSecondName: [UInt32] = [10, 0, 1, 21, 0, 2]
        let plain = ReasonLine("rule `r` applies")
        let quoting = ReasonLine("rule `q` applies: the maker is 20")

        func line(_ subject: LineShapeCache.Subject, _ events: [UInt32], _ names: [UInt32]) -> ReasonLine? {
            events.withUnsafeBufferPointer { events in
                names.withUnsafeBufferPointer { names in
                    cache.line(subject, flags: 1, filled: 0, events: events, names: names)
                }
            }
        }
        func remember(_ reason: ReasonLine, _ subject: LineShapeCache.Subject, quoted: [Int]) {
            events.withUnsafeBufferPointer { events in
                names.withUnsafeBufferPointer { names in
                    cache.remember(
                        reason, subject: subject, flags: 1, filled: 0, events: events, names: names, quoted: quoted)
                }
            }
        }

        remember(plain, .rule(0), quoted: [])
        remember(quoting, .rule(1), quoted: [1])

        #expect(line(.rule(0), events, names) === plain)
        #expect(line(.rule(0), events, otherFirstName) === plain)
        #expect(line(.rule(0), otherEvents, names) == nil)
        #expect(line(.rule(1), events, names) === quoting)
        #expect(line(.rule(1), events, otherFirstName) === quoting)
        #expect(line(.rule(1), events, otherSecondName) == nil)
        #expect(line(.rule(1), events, Array(names.prefix(3))) == nil)
        #expect(line(.scope(0), events, names) == nil)
    }
}
