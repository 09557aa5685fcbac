import Testing

@testable import Kensa

@Suite struct DecisionHTMLTests {
    @Test func aPageShowsTheOutcomeReasonsAndEveryTraceStep() throws {
        let decision = try TraceGoldenTests.decide(set: "jp", id: "JP-JLIS-2021-0042")
        let page = DecisionHTML.page(decision)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<span class=\"outcome prohibited\">prohibited</span>"))
        #expect(page.contains("<code>jp-2-designated-vendors</code>"))
        let steps = page.components(separatedBy: "<li class=").count - 1
        #expect(steps == decision.trace?.count)
        #expect(!page.contains("<script"))
        #expect(DecisionHTML.page(decision) == page)
    }

    @Test func escapesWhatRecordsAndPoliciesWrite() {
        #expect(DecisionHTML.escape("<b>\"A&B\"</b>") == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;")
        #expect(DecisionHTML.inline("rule `x<y>` fired") == "rule <code>x&lt;y&gt;</code> fired")
    }
}
