/// Reads CSV records (RFC 4180), streamed: the header row names fields by dotted path, each later row is a record.
///
/// How values are written in cells:
/// - An empty cell is missing (unknown). Text is as written; numbers as JSON writes them (`48000000`, `0.5`);
///   booleans `true` or `false` in any case; dates `YYYY-MM-DD`; choices exactly as the record format spells them.
/// - Lists (`data.classes`, `exemptions`) are `;`-separated in one cell, spaces around each value ignored:
///   `my_number;personal`. The cell `[]` is the empty list (declared none); a cell with no value (empty, only
///   spaces or `;`) is unknown.
/// - Lists of objects (`components`) take one column per entry and field: `components.0.part`,
///   `components.0.manufacturer`, `components.1.manufacturer`, … Entries are ordered by number; an entry whose cells
///   are all empty is left out. A `components` column holding `[]` declares there are none; empty, it says nothing.
///
/// Columns the layout does not name are ignored, so records may carry extra fields; a header naming a column twice
/// ends the reading with a problem at the header's line. A row with the wrong number of cells, or a broken quote,
/// yields `.malformed` with its line, and reading goes on with the next row.
package struct CSVReader: RecordReader {
    var rows: CSVRowScanner
    let plan: LayoutPlan
    let scratch = PlainBuffer<UInt8>(capacity: 256)
    private(set) var columns: [CSVColumn] = []
    private(set) var columnNames: [String] = []
    /// Column holding `id`, for naming records in problems.
    private(set) var idColumn: Int?
    private var started = false
    private var finished = false
    private var line = 1
    private(set) var index = 0

    package init(source: ByteSource, layout: RecordLayout, keptText: Set<String>? = nil) {
        rows = CSVRowScanner(source: source)
        plan = LayoutPlan(layout, keptText: keptText)
    }

    package init(source: RecordSource, layout: RecordLayout, keptText: Set<String>? = nil) throws(RecordProblem) {
        self.init(source: try ByteSource.opening(source), layout: layout, keptText: keptText)
    }

    package mutating func next() -> RecordInput? {
        if !started {
            started = true
            if let problem = readHeader() {
                finished = true
                return .malformed(problem)
            }
        }
        while !finished, let row = rows.next() {
            let rowLine = line
            switch row {
            case .broken(let message, let lines):
                line += lines
                defer { index += 1 }
                return .malformed(RecordProblem(line: rowLine, id: rowID(), message: message))
            case .cells(let lines):
                line += lines
                if rows.isBlank { continue }
                defer { index += 1 }
                return record(line: rowLine)
            }
        }
        if !finished, let failure = rows.source.failure {
            finished = true
            return .malformed(RecordProblem(line: line, message: failure))
        }
        finished = true
        return nil
    }

    /// Reads the header row into `columns`; a problem means no record can be read.
    private mutating func readHeader() -> RecordProblem? {
        if let message = rows.source.skipByteOrderMark() { return RecordProblem(line: 1, column: 1, message: message) }
        var headerLine = line
        while true {
            guard let row = rows.next() else {
                finished = true
                return nil
            }
            guard case .cells(let lines) = row else {
                return RecordProblem(line: line, message: "the header row is broken: a quote is not closed")
            }
            headerLine = line
            line += lines
            if !rows.isBlank { break }
        }
        var seen: Set<String> = []
        for (position, cell) in rows.cells.enumerated() {
            let name = String(decoding: rows.bytes(of: cell, scratch: scratch), as: UTF8.self)
                .trimmingSpaces
            guard seen.insert(name).inserted else {
                return RecordProblem(line: headerLine, message: "the header names the column `\(name)` twice")
            }
            let column = CSVColumn(name: name, plan: plan)
            if case .scalar(plan.idSlot, _) = column { idColumn = position }
            columns.append(column)
            columnNames.append(name)
        }
        return nil
    }
}

extension String {
    /// The string without spaces and tabs at either end.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
