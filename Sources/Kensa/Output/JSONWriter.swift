/// Appends compact JSON to a byte buffer, with keys in the order written, so output is byte-identical run to run.
struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    /// Writes `"key":`; the next value written is its value. Keys are literals that need no escaping.
    mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    mutating func string(_ value: String) { separate(); appendString(value) }
    mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }
    mutating func int(_ value: Int) {
        separate()
        Self.appendDigits(of: value, to: &bytes)
    }

    /// Appends an integer's decimal digits, with a minus sign when negative.
    static func appendDigits(of value: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
            let count = writeDigits(of: value, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The most bytes `writeDigits` writes (`-9223372036854775808`).
    static let maxDigits = 20

    /// Writes an integer's decimal digits, with a minus sign when negative, at `out` (room for `maxDigits`
    /// bytes); returns how many it wrote.
    static func writeDigits(of value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            written = 1
        }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            out[written] = UInt8(48 + magnitude / divisor)
            written += 1
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
        return written
    }

    /// A number already written as JSON number text (`97.5`).
    mutating func number(_ text: String) { separate(); bytes.append(contentsOf: text.utf8) }

    /// A date as the string `"YYYY-MM-DD"`, written digit by digit (every decision carries one).
    mutating func day(_ day: Day) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Self.appendDigits(of: day, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `YYYY-MM-DD`, without quotes.
    static func appendDigits(of day: Day, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            writeDigits(of: day, to: buffer.baseAddress!)
            bytes.append(contentsOf: buffer)
        }
    }

    /// Writes `YYYY-MM-DD` (ten bytes) at `out`.
    static func writeDigits(of day: Day, to out: UnsafeMutablePointer<UInt8>) {
        let (year, month, date) = day.components
        out[0] = UInt8(48 + year / 1000 % 10)
        out[1] = UInt8(48 + year / 100 % 10)
        out[2] = UInt8(48 + year / 10 % 10)
        out[3] = UInt8(48 + year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(48 + month / 10 % 10)
        out[6] = UInt8(48 + month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(48 + date / 10 % 10)
        out[9] = UInt8(48 + date % 10)
    }

    /// `"key": "value"`, skipped when the value is nil.
    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// `"key": ["a", "b"]`.
    mutating func field(_ key: StaticString, strings: [String]) {
        self.key(key)
        beginArray()
        for value in strings { string(value) }
        endArray()
    }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` escaped as the inside of a JSON string literal, without the quotes: what the trace's fast
    /// path writes into the holes of its pre-rendered events.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends UTF-8 text escaped as the inside of a JSON string literal, without the quotes.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count, !mayNeedEscape(utf8, at: index) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte, to: &bytes)
                runStart = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Whether any of the 8 bytes at `offset` is a control character, `"` or `\\` (tested a word at a time,
    /// since reasons are long and almost never need escaping).
    @inline(__always)
    static func mayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let word = UnsafeRawPointer(utf8.baseAddress! + offset).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Appends the escape sequence of one byte that JSON strings cannot hold as it is.
    static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
        case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
    }
}
