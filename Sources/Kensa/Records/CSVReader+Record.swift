extension CSVReader {
    /// The `id` cell of the row just split (or of the cells a broken row had before it broke), for naming the record
    /// in a problem; nil when the row has no such cell or it is empty.
    func rowID() -> String? {
        guard let idColumn, idColumn < rows.cells.count else { return nil }
        let text = String(decoding: rows.bytes(of: rows.cells[idColumn], scratch: scratch), as: UTF8.self)
        return text.isEmpty ? nil : text
    }

    /// Types the cells of the row just split into a record, by the header's columns.
    mutating func record(line: Int) -> RecordInput {
        let cells = rows.cells
        let id = rowID()
        guard cells.count == columns.count else {
            return .malformed(
                RecordProblem(
                    line: line, id: id, message: "CSV row has \(cells.count) cells but the header has \(columns.count)")
            )
        }
        var values = plan.missingValues(layout: 0)
        var entries: [Int: [Int: [FieldValue]]] = [:]
        var declaredEmpty: [Int: FieldValue] = [:]
        for (position, column) in columns.enumerated() {
            if case .ignored = column { continue }
            let bytes = rows.bytes(of: cells[position], scratch: scratch)
            guard bytes.isValidUTF8 else {
                let name = columnNames[position]
                return .malformed(
                    RecordProblem(line: line, id: id, message: "the cell of `\(name)` is not valid UTF-8"))
            }
            switch column {
            case .ignored:
                break
            case .scalar(let slot, let kind):
                values[slot] = kind.value(ofCell: bytes)
            case .list(let slot, let kind):
                values[slot] = CSVReader.list(bytes, of: kind)
            case .declaresObjects(let slot):
                if CSVReader.isEmptyListMarker(bytes) {
                    declaredEmpty[slot] = .objects([])
                } else if !bytes.isEmpty {
                    let example = "`\(columnNames[position]).0.…`"
                    declaredEmpty[slot] = .invalid(
                        reason: "write entries in columns such as \(example); this column takes only `[]`",
                        written: String(decoding: bytes, as: UTF8.self))
                }
            case .objectField(let slot, let layout, let entry, let field, let kind):
                // A filled cell makes its entry exist even when the field is one decisions do not read (and so
                // is kept as missing): dropping the entry would hide its other fields' absence.
                guard !bytes.isEmpty else { continue }
                let count = plan.layouts[layout].kinds.count
                entries[slot, default: [:]][entry, default: Array(repeating: .missing, count: count)][field] =
                    kind.value(ofCell: bytes)
            }
        }
        for (slot, value) in declaredEmpty { values[slot] = value }
        for (slot, byEntry) in entries {
            guard case .objectList(let layout) = plan.kinds[slot] else { continue }
            values[slot] = .objects(
                byEntry.sorted { $0.key < $1.key }.map { _, entry in
                    var entry = entry
                    plan.finish(&entry, layout: layout)
                    return entry
                })
        }
        guard case .text(let text) = values[plan.idSlot], !text.isEmpty else {
            return .malformed(RecordProblem(line: line, message: "record has no `id`"))
        }
        let filled = plan.finish(&values, layout: 0)
        return .record(Record(values: values, line: line, index: index, idSlot: plan.idSlot, filled: filled))
    }

    /// Whether a cell is `[]`, the empty list, with any spaces or tabs around it.
    static func isEmptyListMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) })
        else { return false }
        return last == first + 1 && bytes[first] == UInt8(ascii: "[") && bytes[last] == UInt8(ascii: "]")
    }

    /// A `;`-separated list cell: `[]` is the empty list; a cell with no value in it (empty, spaces, `;`) is
    /// missing, since only `[]` declares that there are none; spaces around values are ignored.
    static func list(_ bytes: UnsafeBufferPointer<UInt8>, of kind: ScalarKind) -> FieldValue {
        if bytes.isEmpty { return .missing }
        if isEmptyListMarker(bytes) { return .list([]) }
        var elements: [FieldValue] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
            var first = start
            var last = end
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
            if last > first {
                elements.append(kind.value(ofCell: UnsafeBufferPointer(rebasing: bytes[first..<last])))
            }
            start = end + 1
        }
        return elements.isEmpty ? .missing : .list(elements)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes are well-formed UTF-8; plain ASCII is checked without decoding.
    var isValidUTF8: Bool {
        if allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: self, as: UTF8.self) != nil
    }
}
