import Testing

@testable import Kensa

@Suite struct DayTests {
    @Test func roundTripsThroughText() {
        for text in ["1970-01-01", "2019-04-01", "2020-02-29", "2000-12-31", "1999-03-01", "2400-02-29"] {
            #expect(Day(iso: text)?.description == text)
        }
    }

    @Test func rejectsImpossibleAndMalformedDates() {
        for text in ["2021-02-29", "2021-13-01", "2021-00-10", "2021-1-01", "2021/01/01", "2021-01-01T00:00", ""] {
            #expect(Day(iso: text) == nil, "\(text) should not parse")
        }
    }

    @Test func ordersByCalendar() throws {
        let earlier = try #require(Day(iso: "2019-12-31"))
        let later = try #require(Day(iso: "2020-01-01"))
        #expect(earlier < later)
        #expect(earlier.next == later)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
    }
}
