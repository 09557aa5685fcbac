extension ScalarKind {
    /// Types a JSON string (already checked as UTF-8) for a field of this kind.
    ///
    /// JSON has its own numbers and booleans, so a string in a number or bool field is invalid, not converted.
    @inline(__always)
    func value(ofString bytes: UnsafeBufferPointer<UInt8>) -> FieldValue {
        switch self {
        case .text:
            return .text(String(decoding: bytes, as: UTF8.self))
        case .sharedText(let texts):
            return .text(texts.text(bytes))
        case .unreadText:
            return .missing
        case .choice(let table):
            if let index = table.index(of: bytes) { return .choice(index) }
            return .invalid(reason: "not a known value", written: String(decoding: bytes, as: UTF8.self))
        case .date:
            if let day = Day(isoBytes: bytes) { return .date(day) }
            let written = String(decoding: bytes, as: UTF8.self)
            return .invalid(reason: Day.whyNotADay(written), written: written)
        case .number:
            return .invalid(
                reason: "expected a number, not text in quotes", written: String(decoding: bytes, as: UTF8.self))
        case .bool:
            return .invalid(reason: "expected true or false", written: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Types a CSV cell (already checked as UTF-8) for a field of this kind; an empty cell is missing.
    ///
    /// CSV has only text, so numbers are read as JSON writes them and booleans as `true`/`false` in any case
    /// (spreadsheets write `TRUE`).
    func value(ofCell bytes: UnsafeBufferPointer<UInt8>) -> FieldValue {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return .missing }
        switch self {
        case .number:
            let (value, end) = DecimalNumber.parse(start, from: 0, end: bytes.count)
            if let value, end == bytes.count { return .number(value) }
            return .invalid(reason: "expected a number", written: String(decoding: bytes, as: UTF8.self))
        case .bool:
            let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
            if lowered == "true" || lowered == "false" { return .bool(lowered == "true") }
            return .invalid(reason: "expected true or false", written: String(decoding: bytes, as: UTF8.self))
        case .text, .sharedText, .unreadText, .choice, .date:
            return value(ofString: bytes)
        }
    }

    /// Why a JSON value of the wrong kind (not a string, not `null`) does not fit a field of this kind.
    var wrongJSONReason: String {
        switch self {
        case .number: "expected a number"
        case .bool: "expected true or false"
        case .date: "expected a date in quotes, YYYY-MM-DD"
        case .text, .sharedText, .unreadText, .choice: "expected text in quotes"
        }
    }
}
