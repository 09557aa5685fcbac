/// A growable byte buffer written through one pointer: what an explained decision (about 13 KB of JSON, in a
/// few hundred pieces) is written into before it is appended to the output in one copy.
///
/// Appending to an `[UInt8]` checks uniqueness and capacity and goes through generic code on every call, which
/// costs more than copying the bytes of a short piece; here an append is a capacity test and a `memcpy`.
/// Non-copyable, so the memory has one owner that frees it.
struct JSONByteSink: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if capacity - count < length { grow(toHold: length) }
        (start + count).update(from: source, count: length)
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
        let (year, month, date) = day.components
        if capacity - count < 10 { grow(toHold: 10) }
        let out = start + count
        out[0] = UInt8(48 + (year / 1000) % 10)
        out[1] = UInt8(48 + (year / 100) % 10)
        out[2] = UInt8(48 + (year / 10) % 10)
        out[3] = UInt8(48 + year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(48 + (month / 10) % 10)
        out[6] = UInt8(48 + month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(48 + (date / 10) % 10)
        out[9] = UInt8(48 + date % 10)
        count += 10
    }

    /// Appends `text` escaped as the inside of a JSON string literal, without the quotes, as
    /// `JSONWriter.appendEscaped(_:to:)` does.
    mutating func append(escaped text: String) {
        var text = text
        text.withUTF8 { append(escaped: $0) }
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
        var text = String(value)
        text.withUTF8 { append($0) }
    }

    /// Makes room for `length` more bytes, at least doubling the capacity.
    private mutating func grow(toHold length: Int) {
        let newCapacity = max(2 * capacity, count + length)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
