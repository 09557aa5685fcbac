/// Reads a JSON document: one record object, or a list of record objects, each record starting on its own line.
///
/// The whole input is read into memory first (at most `maxBytes`; JSON Lines streams larger inputs). A record
/// that is valid JSON but not a usable record yields `.malformed` and reading goes on with the next element;
/// broken JSON syntax yields `.malformed` with line and column, and ends the reading, since where the next
/// record starts can no longer be known.
package struct JSONDocumentReader: RecordReader {
    private enum State {
        case start
        case single
        case list
        case done
    }

    /// Largest input read: 1 GiB.
    package var maxBytes = 1 << 30
    private let source: ByteSource
    private var parser: JSONRecordParser
    private var state = State.start
    private var index = 0
    /// A problem found after the record just returned, reported by the next call.
    private var pending: RecordProblem?

    package init(source: ByteSource, layout: RecordLayout, keptText: Set<String>? = nil) {
        self.source = source
        parser = JSONRecordParser(plan: LayoutPlan(layout, keptText: keptText), endName: "input")
    }

    package init(source: RecordSource, layout: RecordLayout, keptText: Set<String>? = nil) throws(RecordProblem) {
        self.init(source: try ByteSource.opening(source), layout: layout, keptText: keptText)
    }

    package mutating func next() -> RecordInput? {
        if let problem = pending {
            pending = nil
            return .malformed(problem)
        }
        do throws(JSONSyntaxError) {
            switch state {
            case .start:
                if let problem = start() {
                    state = .done
                    return .malformed(problem)
                }
                return next()
            case .single:
                state = .done
                let input = try readElement()
                finish()
                return input
            case .list:
                let input = try readElement()
                do throws(JSONSyntaxError) {
                    parser.scanner.skipWhitespace()
                    if try !parser.scanner.skipComma(orClose: UInt8(ascii: "]")) {
                        state = .done
                        finish()
                    }
                } catch {
                    state = .done
                    pending = problem(error)
                }
                return input
            case .done:
                return nil
            }
        } catch {
            state = .done
            return .malformed(problem(error))
        }
    }

    /// A syntax error ends the reading, so its message says that nothing after it was decided.
    private func problem(_ error: JSONSyntaxError) -> RecordProblem {
        let scanner = parser.scanner
        return RecordProblem(
            line: scanner.line, column: scanner.column(of: error.offset), id: parser.seenID,
            message: error.message + "; reading stops here, so no record after this point is decided")
    }

    /// Reads the whole input and opens the document; a problem means there is nothing to read.
    private mutating func start() -> RecordProblem? {
        while !source.isAtEnd {
            source.refill()
            if source.count > maxBytes {
                let size = maxBytes >= 1 << 30 ? "\(maxBytes >> 30) GiB" : "\(maxBytes) bytes"
                return RecordProblem(
                    line: 1, message: "the input is larger than \(size); write it as JSON Lines to read it as a stream")
            }
        }
        if let failure = source.failure { return RecordProblem(line: 1, message: failure) }
        if let message = source.skipByteOrderMark() { return RecordProblem(line: 1, column: 1, message: message) }
        parser.scanner.reset(base: source.base, start: source.start, end: source.end, line: 1)
        parser.scanner.skipWhitespace()
        switch parser.scanner.peek {
        case _ where parser.scanner.isAtEnd:
            state = .done
        case UInt8(ascii: "{"):
            state = .single
        case UInt8(ascii: "["):
            parser.scanner.pos += 1
            parser.scanner.skipWhitespace()
            state = .list
            if parser.scanner.peek == UInt8(ascii: "]") {
                parser.scanner.pos += 1
                state = .done
                finish()
            }
        default:
            let scanner = parser.scanner
            return RecordProblem(
                line: scanner.line, column: scanner.column(of: scanner.pos),
                message: "the input must be a JSON object `{…}` or a list of objects `[{…}, …]`")
        }
        return nil
    }

    private mutating func readElement() throws(JSONSyntaxError) -> RecordInput {
        defer { index += 1 }
        return try parser.readRecord(line: parser.scanner.line, index: index)
    }

    /// Checks that nothing but whitespace follows the document.
    private mutating func finish() {
        parser.scanner.skipWhitespace()
        guard !parser.scanner.isAtEnd else { return }
        let scanner = parser.scanner
        pending = RecordProblem(
            line: scanner.line, column: scanner.column(of: scanner.pos),
            message: "unexpected text after the end of the records")
    }
}
