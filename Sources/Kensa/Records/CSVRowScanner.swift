#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits CSV rows (RFC 4180) out of a ``ByteSource``: quoted cells, doubled quotes, line breaks inside quotes,
/// LF or CRLF row ends. Cells are byte ranges into the source buffer, valid until the next row is read.
struct CSVRowScanner {
    /// One cell: its bytes, and whether they hold doubled quotes still to be undone.
    struct Cell {
        var start: Int
        var end: Int
        var hasDoubledQuotes: Bool
    }

    enum Row {
        /// A row whose cells are in `cells`; `lines` is how many lines it spans.
        case cells(lines: Int)
        /// A row that cannot be split; the scanner has skipped to the next line. `cells` holds the cells read
        /// before the row broke, until the next call.
        case broken(message: String, lines: Int)
    }

    /// Longest row read; a longer one ends the reading, since it means a quote was left open.
    var maxRowBytes = 64 << 20
    let source: ByteSource
    private(set) var cells: [Cell] = []

    init(source: ByteSource) { self.source = source }

    /// True when the row just split is blank: one unquoted cell of nothing but spaces or tabs.
    var isBlank: Bool {
        guard cells.count == 1, !cells[0].hasDoubledQuotes else { return false }
        let cell = cells[0]
        if cell.start > 0, source.base[cell.start - 1] == 0x22 { return false }
        return (cell.start..<cell.end).allSatisfy { source.base[$0] == 0x20 || source.base[$0] == 0x09 }
    }

    /// Splits the next row; nil at the end of the input.
    mutating func next() -> Row? {
        while true {
            if let row = split() { return row }
            if source.isAtEnd { return source.count > 0 ? split(atEnd: true) : nil }
            if source.count > maxRowBytes {
                let lines = countLines(source.start, source.end)
                source.start = source.end
                return .broken(
                    message: "row is longer than \(maxRowBytes >> 20) MiB; is a quote left open?", lines: lines)
            }
            source.refill()
        }
    }

    /// The row at `source.start`, or nil when its end is not in the buffer yet.
    private mutating func split(atEnd: Bool = false) -> Row? {
        let base = source.base
        let end = source.end
        var index = source.start
        var lines = 1
        cells.removeAll(keepingCapacity: true)
        while true {
            if index < end, base[index] == 0x22 {
                let start = index + 1
                var doubled = false
                index = start
                while true {
                    guard index < end, let quote = memchr(base + index, 0x22, end - index) else {
                        guard atEnd else { return nil }
                        source.start = end
                        return .broken(
                            message: "a quoted cell is not closed before the end of the input, so no row from here on "
                                + "is decided",
                            lines: lines)
                    }
                    let at = quote.assumingMemoryBound(to: UInt8.self) - base
                    lines += countLines(index, at)
                    if at + 1 < end, base[at + 1] == 0x22 {
                        doubled = true
                        index = at + 2
                    } else if at + 1 == end, !atEnd {
                        return nil
                    } else {
                        cells.append(Cell(start: start, end: at, hasDoubledQuotes: doubled))
                        index = at + 1
                        break
                    }
                }
                if index < end, base[index] == 0x0D, index + 1 < end, base[index + 1] == 0x0A { index += 1 }
                guard index >= end || base[index] == UInt8(ascii: ",") || base[index] == 0x0A else {
                    return skipBrokenRow(from: index, lines: lines, atEnd: atEnd)
                }
            } else {
                let start = index
                while index < end, base[index] != UInt8(ascii: ","), base[index] != 0x0A { index += 1 }
                if index == end, !atEnd { return nil }
                var cellEnd = index
                if cellEnd > start, base[cellEnd - 1] == 0x0D, index == end || base[index] == 0x0A { cellEnd -= 1 }
                cells.append(Cell(start: start, end: cellEnd, hasDoubledQuotes: false))
            }
            if index < end, base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if index == end, !atEnd { return nil }
            source.start = min(index + 1, end)
            return .cells(lines: lines)
        }
    }

    /// After text that follows a closing quote: skips to the end of the line and reports the row as broken.
    private mutating func skipBrokenRow(from index: Int, lines: Int, atEnd: Bool) -> Row? {
        let end = source.end
        guard let newline = memchr(source.base + index, 0x0A, end - index) else {
            guard atEnd else { return nil }
            source.start = end
            return .broken(message: "expected `,` or the end of the row after a closing quote", lines: lines)
        }
        source.start = newline.assumingMemoryBound(to: UInt8.self) - source.base + 1
        return .broken(message: "expected `,` or the end of the row after a closing quote", lines: lines)
    }

    private func countLines(_ from: Int, _ to: Int) -> Int {
        var lines = 0
        for index in from..<to where source.base[index] == 0x0A { lines += 1 }
        return lines
    }

    /// The bytes of a cell, with doubled quotes undone into `scratch` when it has any.
    func bytes(of cell: Cell, scratch: PlainBuffer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let bytes = UnsafeBufferPointer(start: source.base + cell.start, count: cell.end - cell.start)
        guard cell.hasDoubledQuotes else { return bytes }
        scratch.removeAll()
        var index = 0
        while index < bytes.count {
            scratch.append(bytes[index])
            index += bytes[index] == 0x22 ? 2 : 1
        }
        return UnsafeBufferPointer(start: scratch.base, count: scratch.count)
    }
}
