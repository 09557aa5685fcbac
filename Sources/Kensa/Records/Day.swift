/// A calendar date (proleptic Gregorian, no time zone), as records and policies write it: `YYYY-MM-DD`.
///
/// Stored as a day count so comparisons on the hot path are integer comparisons.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// The date for a year, month and day, or nil when no such date exists (2021-02-29, 2021-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Days-from-civil (Howard Hinnant's algorithm), exact for every Gregorian date.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (times, other separators, impossible dates) is nil.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let day = Day(isoBytes: bytes[...]) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from raw bytes.
    public init?(isoBytes bytes: ArraySlice<UInt8>) {
        guard let day = bytes.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from bytes in place, so record readers need not copy a value to read a date.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let date = Day(year: year, month: month, day: day)
        else { return nil }
        self = date
    }

    /// Why `text` is not a date, for messages: "not a valid date: write it YYYY-MM-DD", or, when it is written that
    /// way, "not a valid date: no such day exists" (2021-02-30), so the writer looks at the day, not the format.
    public static func whyNotADay(_ text: some StringProtocol) -> String {
        isWrittenLikeADate(text) ? "not a valid date: no such day exists" : "not a valid date: write it YYYY-MM-DD"
    }

    /// Whether `text` has the shape `NNNN-NN-NN` (digits and dashes), whether or not it names a real day.
    static func isWrittenLikeADate(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 10
            && text.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
            }
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day after this one.
    public var next: Day { Day(ordinal: ordinal + 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
