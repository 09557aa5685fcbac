import Testing

@testable import Kensa

/// Parts of the `decide --explain` fast path that replace slower code with the same bytes: the unsigned date
/// digits of `JSONByteSink` and the vendor wording table keyed by serial and group.
@Suite struct ExplainFastPathPartsTests {
    /// Every day from before year 0 to after year 9999 gets the digits `JSONWriter` writes, including the days
    /// outside 0000 to 9999 that take the general path.
    @Test func dayDigitsMatchTheGeneralWriter() {
        let first = Day(year: 1, month: 1, day: 1)!.ordinal - 400
        let last = Day(year: 9999, month: 12, day: 31)!.ordinal + 400
        var fast = [UInt8](repeating: 0, count: 10)
        var general = [UInt8](repeating: 0, count: 10)
        var mismatches = 0
        for ordinal in first...last {
            let day = Day(ordinal: ordinal)
            fast.withUnsafeMutableBufferPointer { JSONByteSink.writeDigits(of: day, to: $0.baseAddress!) }
            general.withUnsafeMutableBufferPointer { JSONWriter.writeDigits(of: day, to: $0.baseAddress!) }
            if fast != general { mismatches += 1 }
        }
        #expect(mismatches == 0)
        for ordinal in [Int32.min, -1_000_000, 3_000_000, Int32.max] {
            let day = Day(ordinal: ordinal)
            fast.withUnsafeMutableBufferPointer { JSONByteSink.writeDigits(of: day, to: $0.baseAddress!) }
            general.withUnsafeMutableBufferPointer { JSONWriter.writeDigits(of: day, to: $0.baseAddress!) }
            #expect(fast == general, "ordinal \(ordinal)")
        }
    }

    /// A wording is made once per serial and group, each key gives back its own bytes (also when a serial comes
    /// with several groups), and a full table starts again and still gives the right bytes.
    @Test func vendorWordingsAreKeptBySerialAndGroup() {
        let cache = VendorWordingCache(capacity: 4)
        var made: [String] = []
        func wording(_ serial: UInt64, _ group: Int??) -> String {
            let sighting: VendorSighting? = group.map {
                VendorSighting(identity: VendorIdentity(group: 7, member: nil), group: $0)
            }
            let text = "vendor \(serial) group \(String(describing: group))"
            var bytes: [UInt8] = []
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { staging in
                var sink = JSONByteSink(staging: staging)
                cache.append(serial: serial, sighting: sighting, to: &sink) { sink in
                    made.append(text)
                    sink.append(Array(text.utf8))
                }
                sink.flush()
                bytes = sink.output
            }
            #expect(String(decoding: bytes, as: UTF8.self) == text)
            return text
        }
        for _ in 0..<3 {
            _ = wording(1, .none)
            _ = wording(1, .some(nil))
            _ = wording(1, .some(3))
            _ = wording(2, .some(3))
        }
        #expect(made.count == 4)
        // A fifth key empties the table; every key is made again once, with the right bytes.
        _ = wording(3, .some(0))
        _ = wording(1, .some(3))
        _ = wording(1, .some(3))
        #expect(made.count == 6)
    }
}
