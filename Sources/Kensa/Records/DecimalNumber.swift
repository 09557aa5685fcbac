/// Parses numbers written the way JSON writes them (`-12`, `0.5`, `4.8e7`), exactly.
///
/// Most record numbers are amounts with few digits: those take Clinger's fast path, exact because both the digits
/// and the power of ten are exact doubles and one division or multiplication rounds correctly. Anything longer
/// goes through the standard library's correctly rounded conversion.
enum DecimalNumber {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// The number starting at `start` and the offset just after it, or nil with the offset of the first byte
    /// that breaks the number's form.
    static func parse(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> (value: Double?, end: Int) {
        @inline(__always) func isDigit(_ index: Int) -> Bool { index < end && base[index] &- 0x30 < 10 }
        var index = start
        let negative = index < end && base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(index) else { return (nil, index) }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var exact = true
        @inline(__always) func take(_ digit: UInt8) {
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { digits += 1 }
            } else {
                exact = false
                exponent += 1
            }
        }
        if base[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) {
                take(base[index] &- 0x30)
                index += 1
            }
        }
        if index < end, base[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { return (nil, index) }
            while isDigit(index) {
                if digits < 19 {
                    take(base[index] &- 0x30)
                    exponent -= 1
                } else {
                    exact = false
                }
                index += 1
            }
        }
        if index < end, base[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") {
                exponentNegative = base[index] == UInt8(ascii: "-")
                index += 1
            }
            guard isDigit(index) else { return (nil, index) }
            var written = 0
            while isDigit(index) {
                written = min(written * 10 + Int(base[index] &- 0x30), 100_000)
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if exact, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return (negative ? -value : value, index)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        return (Double(text), index)
    }
}
