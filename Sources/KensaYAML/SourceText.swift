/// Positions in the raw bytes of a file, for the libyaml reports that come without a usable mark.
///
/// Lines break where libyaml breaks them (LF, CR, CRLF, NEL, U+2028, U+2029) and columns count Unicode
/// scalars, so positions computed here agree with the marks libyaml gives everywhere else.
struct SourceText {
    let bytes: [UInt8]

    /// The position of the character that starts at byte `offset` (clamped to the end of the text).
    func position(ofByteOffset offset: Int) -> SourcePosition {
        forEachScalar(in: bytes[..<min(max(offset, 0), bytes.count)]) { _, _ in true }
    }

    /// Where the UTF-8 sequence interrupted by the bad byte at `offset` begins: libyaml points an "invalid
    /// trailing octet" at that byte, while the author needs the character it was meant to complete.
    func startOfUTF8Sequence(interruptedAt offset: Int) -> Int {
        var start = min(offset, bytes.count)
        while start > 0, offset - start < 2, bytes[start - 1] & 0xC0 == 0x80 {
            start -= 1
        }
        return start > 0 && bytes[start - 1] >= 0xC0 ? start - 1 : offset
    }

    /// The character at `position`, or nil when no character stands there.
    func scalar(at position: SourcePosition) -> Unicode.Scalar? {
        var found: Unicode.Scalar?
        forEachScalar(in: bytes[...]) { scalar, start in
            if start == position { found = scalar }
            return start < position
        }
        return found
    }

    /// Calls `body` with each scalar and its position while it returns true; returns the position reached.
    @discardableResult
    private func forEachScalar(
        in slice: ArraySlice<UInt8>, _ body: (Unicode.Scalar, SourcePosition) -> Bool
    ) -> SourcePosition {
        var iterator = slice.makeIterator()
        var codec = UTF8()
        var current = SourcePosition(line: 1, column: 1)
        var previousWasCR = false
        while true {
            let scalar: Unicode.Scalar
            switch codec.decode(&iterator) {
            case .scalarValue(let value): scalar = value
            case .error: scalar = "\u{FFFD}"
            case .emptyInput: return current
            }
            if previousWasCR && scalar == "\n" {
                previousWasCR = false
                continue
            }
            guard body(scalar, current) else { return current }
            previousWasCR = scalar == "\r"
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: current = SourcePosition(line: current.line + 1, column: 1)
            default: current.column += 1
            }
        }
    }
}
