extension JSONByteSink {
    /// The middle of a decision, after its `decided_by` rules: `],"exemptions_applied":[…],"reasons":[…]`, with
    /// each reason's JSON made once. Shared by the plain and explained batch writers.
    mutating func appendExemptionsAndReasons(_ exemptions: [String], _ reasons: [ReasonLine]) {
        append("],\"exemptions_applied\":[")
        for (position, exemption) in exemptions.enumerated() {
            if position > 0 { append(UInt8(ascii: ",")) }
            append(UInt8(ascii: "\""))
            append(escaped: exemption)
            append(UInt8(ascii: "\""))
        }
        append("],\"reasons\":[")
        for (position, reason) in reasons.enumerated() {
            if position > 0 { append(UInt8(ascii: ",")) }
            append(reason.json)
        }
    }

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
