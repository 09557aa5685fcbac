/// A test run as one JSON document: every case with its expectation, decision and differences, the totals, and
/// the coverage with its gaps.
public enum TestReportJSON {
    public static func text(_ run: TestRun, policyID: String) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("policy", policyID)
        writer.key("passed"); writer.int(run.passed)
        writer.key("failed"); writer.int(run.failed)
        writer.key("cases")
        writer.beginArray()
        for suite in run.suites {
            for result in suite.cases { write(result, to: &writer) }
        }
        writer.endArray()
        writer.key("coverage")
        write(run.coverage, to: &writer)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func write(_ result: CaseResult, to writer: inout JSONWriter) {
        let expected = result.testCase.expectation
        writer.beginObject()
        writer.field("file", result.testCase.span.file)
        writer.key("line"); writer.int(result.testCase.span.start.line)
        writer.field("name", result.testCase.name)
        writer.field("status", result.passed ? "passed" : "failed")
        writer.key("expected")
        writer.beginObject()
        writer.field("outcome", expected.outcome.name)
        if let rules = expected.decidedBy { writer.field("decided_by", strings: rules) }
        if let exemptions = expected.exemptionsApplied { writer.field("exemptions_applied", strings: exemptions) }
        if !expected.reasons.isEmpty { writer.field("reasons", strings: expected.reasons) }
        writer.endObject()
        writer.key("actual")
        writer.beginObject()
        writer.field("outcome", result.decision.outcome.name)
        writer.field("decided_by", strings: result.decision.decidedBy)
        writer.field("exemptions_applied", strings: result.decision.exemptionsApplied)
        writer.field("reasons", strings: result.decision.reasons)
        writer.endObject()
        writer.field("mismatches", strings: result.mismatches)
        if !result.passed {
            writer.field(
                "trace",
                strings: TraceExcerpt.events(of: result.decision, expected: expected).map {
                    DecisionText(colour: false).render($0)
                })
        }
        writer.endObject()
    }

    private static func write(_ coverage: Coverage, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("percent")
        writer.number(TestReportText.format(coverage.percent))
        counts("rules", coverage.ruleCounts, to: &writer)
        counts("conditions", coverage.conditionCounts, to: &writer)
        counts("exemptions", coverage.exemptionCounts, to: &writer)
        writer.field("gaps", strings: coverage.gaps.map(\.description))
        writer.endObject()
    }

    private static func counts(_ key: StaticString, _ counts: (covered: Int, total: Int), to writer: inout JSONWriter) {
        writer.key(key)
        writer.beginObject()
        writer.key("covered"); writer.int(counts.covered)
        writer.key("total"); writer.int(counts.total)
        writer.endObject()
    }
}
