extension JSONByteSink {
    /// The end of a decision's fixed part, after `"judged_at":`: the date as a JSON string (or `null`), then the
    /// `line` member when the record has one. Shared by the plain and explained batch writers.
    mutating func appendJudgedAt(_ day: Day?, line: Int?) {
        if let day {
            append(UInt8(ascii: "\""))
            append(day: day)
            append(UInt8(ascii: "\""))
        } else {
            append("null")
        }
        if let line {
            append(",\"line\":")
            append(int: line)
        }
    }
}
