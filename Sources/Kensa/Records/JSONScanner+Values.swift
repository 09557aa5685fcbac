extension JSONScanner {
    /// Reads the number at `pos`.
    @inline(__always)
    mutating func scanNumber() throws(JSONSyntaxError) -> Double {
        let (value, after) = DecimalNumber.parse(base, from: pos, end: end)
        guard let value else { throw error("not a number as JSON writes numbers", at: after) }
        pos = after
        return value
    }

    /// Reads `true`, `false` or `null` at `pos`; nil stands for `null`.
    mutating func scanLiteral() throws(JSONSyntaxError) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard pos + word.utf8CodeUnitCount <= end else { return false }
            for index in 0..<word.utf8CodeUnitCount where base[pos + index] != word.utf8Start[index] { return false }
            return true
        }
        if matches("true") {
            pos += 4
            return true
        } else if matches("false") {
            pos += 5
            return false
        } else if matches("null") {
            pos += 4
            return nil
        }
        throw error("expected a value: text in quotes, a number, true, false, null, a list `[…]` or object `{…}`")
    }

    /// Checks `depth` against ``maxDepth`` before a list or object is opened.
    @inline(__always)
    func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > JSONScanner.maxDepth {
            throw error("lists and objects are nested more than \(JSONScanner.maxDepth) levels deep")
        }
    }

    /// Skips over the value at `pos` (a field the layout does not name), checking its form but keeping nothing.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        switch peek {
        case 0x22:
            _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        case UInt8(ascii: "{"):
            try checkDepth(depth)
            pos += 1
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                pos += 1
                return
            }
            while true {
                guard peek == 0x22 else { throw error("expected a key in double quotes") }
                _ = try scanString()
                try skipColon()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if try !skipComma(orClose: UInt8(ascii: "}")) { return }
            }
        case UInt8(ascii: "["):
            try checkDepth(depth)
            pos += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                pos += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if try !skipComma(orClose: UInt8(ascii: "]")) { return }
            }
        default:
            _ = try scanLiteral()
        }
    }

    /// After a key: skips `:` and the whitespace around it.
    ///
    /// `": "` straight after the key and before a value, as writers put it, is taken here; anything else in the
    /// out-of-line ``skipSpacedColon()``, so this stays small enough to inline into the key loop.
    @inline(__always)
    mutating func skipColon() throws(JSONSyntaxError) {
        if pos + 2 < end, base[pos] == UInt8(ascii: ":"), base[pos + 1] == 0x20, base[pos + 2] > 0x20 {
            pos += 2
            return
        }
        try skipSpacedColon()
    }

    /// ``skipColon()`` with any whitespace around the `:`.
    @inline(never)
    mutating func skipSpacedColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw error("expected `:` after a key") }
        pos += 1
        skipWhitespace()
    }

    /// After a value in a list or object: true after a `,` (more follows), false after `close` (the end).
    ///
    /// `", "`, as writers put it, is taken without the whitespace loop.
    @inline(__always)
    mutating func skipComma(orClose close: UInt8) throws(JSONSyntaxError) -> Bool {
        let byte = peek
        if byte == UInt8(ascii: ",") {
            pos += 1
            if pos < end, base[pos] == 0x20 { pos += 1 }
            if pos < end, base[pos] > 0x20 { return true }
            skipWhitespace()
            return true
        }
        if byte == close {
            pos += 1
            return false
        }
        throw error(
            close == UInt8(ascii: "}")
                ? "expected `,` or `}` after a value" : "expected `,` or `]` after a value in a list")
    }
}
