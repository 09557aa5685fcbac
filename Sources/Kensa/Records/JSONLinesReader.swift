#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads JSON Lines: one record object per line, streamed in chunks so memory stays flat for any input size.
///
/// Blank lines are skipped. A line that is not a usable record yields `.malformed` with its line number (and the
/// record's `id` when one can be seen) and reading goes on with the next line.
///
/// ```swift
/// var reader = try JSONLinesReader(source: .path("records.jsonl"), layout: .recordV1)
/// while let input = reader.next() { … }
/// ```
package struct JSONLinesReader: RecordReader {
    /// Longest line read; a longer one is reported as malformed and skipped, so one bad line cannot exhaust memory.
    package var maxLineBytes = 64 << 20
    private let source: ByteSource
    private var parser: JSONRecordParser
    /// Where to look for the next newline, so a line spanning chunks is searched only once.
    private var searchFrom = 0
    private var lineNumber = 0
    private var index = 0
    /// The current line is longer than `maxLineBytes` and its bytes are being dropped.
    private var droppingLongLine = false
    private var reportedFailure = false
    /// The byte order mark has been looked for (before the first line).
    private var checkedEncoding = false
    /// The input is not UTF-8 and has been reported once; nothing more is read.
    private var unreadable = false

    package init(source: ByteSource, layout: RecordLayout, keptText: Set<String>? = nil) {
        self.source = source
        parser = JSONRecordParser(plan: LayoutPlan(layout, keptText: keptText), endName: "line")
    }

    package init(source: RecordSource, layout: RecordLayout, keptText: Set<String>? = nil) throws(RecordProblem) {
        self.init(source: try ByteSource.opening(source), layout: layout, keptText: keptText)
    }

    package mutating func recycle(_ values: consuming [FieldValue]) { parser.recycle(values) }

    package mutating func next() -> RecordInput? {
        if !checkedEncoding {
            checkedEncoding = true
            if let message = source.skipByteOrderMark() {
                source.start = source.end
                unreadable = true
                return .malformed(RecordProblem(line: 1, column: 1, message: message))
            }
            searchFrom = source.start
        }
        if unreadable { return nil }
        while let (start, end, complete) = nextLine().map({ ($0.start, $0.end, $0.complete) }) {
            lineNumber += 1
            guard complete else {
                defer { index += 1 }
                let megabytes = maxLineBytes >> 20
                let size = megabytes > 0 ? "\(megabytes) MiB" : "\(maxLineBytes) bytes"
                return .malformed(RecordProblem(line: lineNumber, message: "line is longer than \(size)"))
            }
            parser.scanner.reset(base: source.base, start: start, end: end, line: lineNumber)
            parser.scanner.skipWhitespace()
            if parser.scanner.isAtEnd { continue }
            defer { index += 1 }
            return readLine(start: start)
        }
        if let failure = source.failure, !reportedFailure {
            reportedFailure = true
            return .malformed(RecordProblem(line: lineNumber + 1, message: failure))
        }
        return nil
    }

    private mutating func readLine(start: Int) -> RecordInput {
        do throws(JSONSyntaxError) {
            let input = try parser.readRecord(line: lineNumber, index: index)
            parser.scanner.skipWhitespace()
            guard parser.scanner.isAtEnd else {
                throw parser.scanner.error("unexpected text after the record's closing `}`")
            }
            return input
        } catch {
            let scanner = parser.scanner
            return .malformed(
                RecordProblem(
                    line: lineNumber, column: scanner.column(of: error.offset),
                    id: parser.seenID ?? scanner.visibleID(from: start), message: error.message))
        }
    }

    /// The next line's bytes in the source buffer (valid until the next call), and whether it is whole.
    private mutating func nextLine() -> (start: Int, end: Int, complete: Bool)? {
        while true {
            let pending = source.end - searchFrom
            if pending > 0, let newline = memchr(source.base + searchFrom, 0x0A, pending) {
                let end = newline.assumingMemoryBound(to: UInt8.self) - source.base
                let start = source.start
                source.start = end + 1
                searchFrom = end + 1
                defer { droppingLongLine = false }
                return (start, end, !droppingLongLine)
            }
            searchFrom = source.end
            if source.isAtEnd {
                guard source.start < source.end || droppingLongLine else { return nil }
                let start = source.start
                source.start = source.end
                defer { droppingLongLine = false }
                return (start, source.end, !droppingLongLine)
            }
            if source.count > maxLineBytes {
                droppingLongLine = true
                source.start = source.end
            }
            let shift = source.start
            source.refill()
            searchFrom -= shift
        }
    }
}
