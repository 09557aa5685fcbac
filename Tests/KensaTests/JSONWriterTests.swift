import Foundation
import Testing

@testable import Kensa

@Suite struct JSONWriterTests {
    @Test func escapesWhatJSONRequiresAndNothingElse() throws {
        let samples = [
            "plain text longer than one word of eight bytes",
            "quote \" at 6, backslash \\ later, tab\tand newline\n",
            "\u{01}starts with a control character, ends with one\u{1F}",
            "日本語の名前 華為技術 \"引用\" ＺＴＥ",
            "12345678\"12345678\\12345678\u{7F}",
        ]
        for sample in samples {
            var writer = JSONWriter()
            writer.string(sample)
            let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed)
            #expect(decoded as? String == sample)
            let text = String(decoding: writer.bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    @Test func writesDatesAsISOStrings() throws {
        var writer = JSONWriter()
        writer.day(try #require(Day(iso: "0987-03-09")))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"0987-03-09\"")
    }

    @Test(arguments: [0, 7, 10, 99, 100, 1_234_567, -1, -450, Int.max, Int.min])
    func writesIntegersAsDecimalDigits(value: Int) {
        var writer = JSONWriter()
        writer.int(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }
}
