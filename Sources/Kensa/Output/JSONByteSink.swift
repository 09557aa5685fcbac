/// Appends the many small pieces of an explained decision (about 13 KB of JSON in a few hundred pieces, or its text
/// lines) to an output buffer through a small staging area, which is copied to the output whenever it fills.
///
/// Appending to an `[UInt8]` checks uniqueness and capacity and goes through generic code on every call, which
/// costs more than copying the bytes of a short piece; here an append is a capacity test and a `memcpy` into memory
/// that stays in the first-level cache, and the output is appended to once per few kilobytes.
/// Non-copyable: a copy would share the staging area.
struct JSONByteSink: ~Copyable {
    /// Where the bytes go; holds all of them after `flush()`.
    var output: [UInt8] = []
    private let staging: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0

    /// A sink staging bytes in `staging`, which must outlive it (`withUnsafeTemporaryAllocation`, say).
    init(staging: UnsafeMutableBufferPointer<UInt8>) {
        precondition(staging.count >= JSONWriter.maxDigits, "a staging area holds at least one integer")
        self.staging = staging.baseAddress!
        capacity = staging.count
    }

    /// How many bytes were appended: those in `output` and those staged.
    var writtenCount: Int { output.count + count }

    /// Appends what is staged to `output`.
    mutating func flush() {
        output.append(contentsOf: UnsafeBufferPointer(start: staging, count: count))
        count = 0
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { flush() }
        staging[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if capacity - count < length {
            flush()
            if length > capacity { return output.append(contentsOf: UnsafeBufferPointer(start: source, count: length)) }
        }
        (staging + count).update(from: source, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        append(base, count: source.count)
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends an integer's decimal digits (one digit without making a String).
    @inline(__always)
    mutating func append(int value: Int) {
        if value < 10, value >= 0 { return append(UInt8(48 + value)) }
        appendDigits(of: value)
    }

    /// Appends `YYYY-MM-DD`, without quotes, as `JSONWriter.appendDigits(of:to:)`.
    mutating func append(day: Day) {
        if capacity - count < 10 { flush() }
        Self.writeDigits(of: day, to: staging + count)
        count += 10
    }

    /// Writes the 10 bytes of `JSONWriter.writeDigits(of:to:)` for `day` at `out`, in unsigned 32-bit arithmetic
    /// for the years 0 to 9999 (every date a record or policy can give), which costs a third of the general one.
    static func writeDigits(of day: Day, to out: UnsafeMutablePointer<UInt8>) {
        // Days-from-civil inverted (Howard Hinnant's algorithm), as `Day.components`, from 0000-03-01.
        let shifted = Int(day.ordinal) + 719_468
        guard shifted >= 0 else { return JSONWriter.writeDigits(of: day, to: out) }
        let days = UInt32(truncatingIfNeeded: shifted)
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let date = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard year <= 9999 else { return JSONWriter.writeDigits(of: day, to: out) }
        let century = year / 100
        let yearInCentury = year - century * 100
        out[0] = UInt8(truncatingIfNeeded: 48 + century / 10)
        out[1] = UInt8(truncatingIfNeeded: 48 + century % 10)
        out[2] = UInt8(truncatingIfNeeded: 48 + yearInCentury / 10)
        out[3] = UInt8(truncatingIfNeeded: 48 + yearInCentury % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(truncatingIfNeeded: 48 + month / 10)
        out[6] = UInt8(truncatingIfNeeded: 48 + month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(truncatingIfNeeded: 48 + date / 10)
        out[9] = UInt8(truncatingIfNeeded: 48 + date % 10)
    }

    /// Appends `text`'s UTF-8 bytes as they are: the text form of a trace.
    mutating func append(plain text: String) {
        // Native strings are read in place; only another kind of string is copied to be made contiguous.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var copy = text
            copy.withUTF8 { append($0) }
        }
    }

    /// Appends `text` escaped as the inside of a JSON string literal, without the quotes, as
    /// `JSONWriter.appendEscaped(_:to:)` does.
    mutating func append(escaped text: String) {
        // Native strings are read in place; only another kind of string is copied to be made contiguous.
        if text.utf8.withContiguousStorageIfAvailable({ append(escaped: $0) }) == nil {
            var copy = text
            copy.withUTF8 { append(escaped: $0) }
        }
    }

    /// Appends UTF-8 text escaped as the inside of a JSON string literal: runs that need no escape in one copy.
    mutating func append(escaped utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count, !JSONWriter.mayNeedEscape(utf8, at: index) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                var escape: [UInt8] = []
                JSONWriter.appendEscape(byte, to: &escape)
                append(escape)
                runStart = index + 1
            }
            index += 1
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private mutating func appendDigits(of value: Int) {
        if capacity - count < JSONWriter.maxDigits { flush() }
        count += JSONWriter.writeDigits(of: value, to: staging + count)
    }
}
