/// A JSON syntax error at a byte offset, worded for the author; reading the record stops there.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// Where a string's bytes are: in place in the input, or decoded into the scanner's scratch buffer (escapes).
struct StringSpan {
    var start: Int
    var count: Int
    var decoded: Bool
}

/// The low-level JSON reader over bytes in place: whitespace, strings, numbers, literals, and skipping values.
///
/// It never allocates except to decode strings with escapes into a reused scratch buffer. Problems that break the
/// structure throw ``JSONSyntaxError``; problems that leave it intact (invalid UTF-8, a lone surrogate) are kept
/// in `problem`, first one only, and reading goes on so the caller can still find where the record ends.
struct JSONScanner {
    /// Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.
    static let maxDepth = 64

    private(set) var base: UnsafePointer<UInt8>
    private(set) var end: Int
    var pos: Int
    /// 1-based line of `pos`; newlines can only appear in whitespace, so only whitespace counts them.
    private(set) var line: Int
    /// Offset of the first byte of `line`.
    private(set) var lineStart: Int
    /// The first problem that left the structure intact, if any.
    var problem: RecordProblem?
    /// How messages name the end of what is scanned: "line" for JSON Lines, "input" for a document.
    let endName: StaticString
    /// Decoded bytes of the last string that had escapes; a class so its bytes stay put while the scanner moves.
    private let scratch = PlainBuffer<UInt8>(capacity: 256)

    init(endName: StaticString) {
        self.endName = endName
        base = UnsafePointer(bitPattern: 1)!
        end = 0
        pos = 0
        line = 1
        lineStart = 0
    }

    /// Starts scanning `base[start..<end]`, whose first byte is on `line`.
    mutating func reset(base: UnsafePointer<UInt8>, start: Int, end: Int, line: Int) {
        self.base = base
        self.end = end
        pos = start
        self.line = line
        lineStart = start
        problem = nil
    }

    /// The byte at `pos`, or 0 at the end.
    @inline(__always) var peek: UInt8 { pos < end ? base[pos] : 0 }

    @inline(__always) var isAtEnd: Bool { pos >= end }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let byte = base[pos]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                pos += 1
            } else if byte == 0x0A {
                pos += 1
                line += 1
                lineStart = pos
            } else {
                return
            }
        }
    }

    /// The bytes of a string read by ``scanString()``, valid until the next string is read.
    @inline(__always)
    func bytes(of span: StringSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (span.decoded ? UnsafePointer(scratch.base) : base) + span.start, count: span.count)
    }

    /// The bytes from `start` to `pos`: the text of what was just read.
    @inline(__always)
    func text(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: pos - start)
    }

    /// 1-based column of `offset` on the current line, counting Unicode scalars.
    func column(of offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < min(offset, end) {
            if base[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// A syntax error at `offset`, or "… before the end of the line" when the input ran out first.
    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = offset ?? pos
        if offset >= end { return JSONSyntaxError(offset: end, message: "\(message), but the \(endName) ended") }
        return JSONSyntaxError(offset: offset, message: message)
    }

    /// Keeps the first problem that leaves the structure intact.
    mutating func note(_ message: String, at offset: Int) {
        guard problem == nil else { return }
        problem = RecordProblem(line: line, column: column(of: offset), message: message)
    }

    /// The `id` a broken record seems to have: the text after the first `"id":` from `start`, for problems to name.
    func visibleID(from start: Int) -> String? {
        var index = start
        while index + 4 <= end {
            defer { index += 1 }
            guard base[index] == 0x22, base[index + 1] == UInt8(ascii: "i"), base[index + 2] == UInt8(ascii: "d"),
                base[index + 3] == 0x22
            else { continue }
            var cursor = index + 4
            func skipSpaces() { while cursor < end, base[cursor] == 0x20 || base[cursor] == 0x09 { cursor += 1 } }
            skipSpaces()
            guard cursor < end, base[cursor] == UInt8(ascii: ":") else { continue }
            cursor += 1
            skipSpaces()
            guard cursor < end, base[cursor] == 0x22 else { continue }
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < end, base[cursor] != 0x22, base[cursor] >= 0x20 { cursor += 1 }
            guard cursor < end, base[cursor] == 0x22, cursor > valueStart else { continue }
            return String(
                decoding: UnsafeBufferPointer(start: base + valueStart, count: cursor - valueStart), as: UTF8.self)
        }
        return nil
    }

    /// Reads the string whose opening quote is at `pos`, leaving `pos` after the closing quote.
    ///
    /// Eight bytes at a time: a word with no quote, backslash, control byte or non-ASCII byte is skipped whole, and
    /// otherwise `pos` jumps to the first flagged byte in memory order. A borrow can only flag bytes of higher
    /// significance than a truly flagged one, so no special byte is ever jumped over (on little-endian machines the
    /// jump lands exactly on it); the byte loop below sorts out what the byte is.
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> StringSpan {
        pos += 1
        let start = pos
        while true {
            while pos &+ 8 <= end {
                let word = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special =
                    (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word)
                    & highs
                if special != 0 {
                    pos &+= special.littleEndian.trailingZeroBitCount &>> 3
                    break
                }
                pos &+= 8
            }
            guard pos < end else { throw error("text in quotes is not closed", at: start - 1) }
            let byte = base[pos]
            if byte == 0x22 {
                pos += 1
                return StringSpan(start: start, count: pos - 1 - start, decoded: false)
            } else if byte == 0x5C {
                return try scanEscapedString(from: start)
            } else if byte < 0x20 {
                throw error("a line break or control character inside text must be written as an escape such as `\\n`")
            } else if byte >= 0x80 {
                pos += isCommonThreeByteSequence ? 3 : utf8SequenceLength()
            } else {
                pos += 1
            }
        }
    }

    /// True when `pos` starts a valid three-byte UTF-8 sequence without ``utf8SequenceLength()``'s special ranges
    /// (lead E1–EC or EE–EF, two continuation bytes): CJK text is mostly these, checked here without a call.
    @inline(__always)
    private var isCommonThreeByteSequence: Bool {
        let lead = base[pos]
        return lead >= 0xE1 && lead <= 0xEF && lead != 0xED && pos + 2 < end && base[pos + 1] & 0xC0 == 0x80
            && base[pos + 2] & 0xC0 == 0x80
    }

    /// Length of the UTF-8 sequence at `pos` (which starts with a byte ≥ 0x80); 1 and a noted problem if invalid.
    private mutating func utf8SequenceLength() -> Int {
        let lead = base[pos]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: length = 0
        }
        var valid = length > 0 && pos + length <= end
        if valid {
            valid = (low...high).contains(base[pos + 1])
            for index in 2..<max(length, 2) where !(0x80...0xBF).contains(base[pos + index]) { valid = false }
        }
        guard valid else {
            note("text is not valid UTF-8", at: pos)
            return 1
        }
        return length
    }

    /// Finishes a string that has escapes, decoding it into `scratch`.
    private mutating func scanEscapedString(from start: Int) throws(JSONSyntaxError) -> StringSpan {
        scratch.removeAll()
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: pos - start))
        while pos < end {
            let byte = base[pos]
            switch byte {
            case 0x22:
                pos += 1
                return StringSpan(start: 0, count: scratch.count, decoded: true)
            case 0x5C:
                try scanEscape()
            case 0..<0x20:
                throw error("a line break or control character inside text must be written as an escape such as `\\n`")
            case 0x80...:
                let length = utf8SequenceLength()
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + pos, count: length))
                pos += length
            default:
                scratch.append(byte)
                pos += 1
            }
        }
        throw error("text in quotes is not closed", at: start - 1)
    }

    /// Decodes the escape at `pos` (a backslash) into `scratch`.
    private mutating func scanEscape() throws(JSONSyntaxError) {
        let escapeStart = pos
        pos += 1
        guard pos < end else { throw error("text in quotes is not closed") }
        let letter = base[pos]
        pos += 1
        switch letter {
        case 0x22, 0x5C, 0x2F: scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexUnit()
            if (0xD800..<0xDC00).contains(scalar), peek == 0x5C, pos + 1 < end, base[pos + 1] == UInt8(ascii: "u") {
                let save = pos
                pos += 2
                let low = try hexUnit()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    pos = save
                }
            }
            if (0xD800..<0xE000).contains(scalar) {
                note(
                    "text has an unpaired surrogate escape `\\u\(String(scalar, radix: 16, uppercase: true))`",
                    at: escapeStart)
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            throw error("unknown escape `\\\(Character(Unicode.Scalar(letter)))` in text", at: escapeStart)
        }
    }

    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
        guard pos + 4 <= end else { throw error("`\\u` must be followed by four hex digits", at: pos - 2) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[pos]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("`\\u` must be followed by four hex digits")
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { scratch.append($0) }
    }
}
