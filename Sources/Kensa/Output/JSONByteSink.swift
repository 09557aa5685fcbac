/// Appends the many small pieces of an explained decision (about 13 KB of JSON in a few hundred pieces) to an output
/// buffer through a small staging area, which is copied to the output whenever it fills.
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
        JSONWriter.writeDigits(of: day, to: staging + count)
        count += 10
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
