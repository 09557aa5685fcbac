/// The text report of a test run: one line per case, the differences and the deciding trace under each failure,
/// a closing `N passed, N failed`, and the coverage gaps when asked for.
public struct TestReportText {
    /// Colour escapes, only for a terminal and never with `NO_COLOR`.
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// `PASS  file:line  name`, or `FAIL  …` followed by the differences and the trace that decided.
    public func render(_ result: CaseResult) -> String {
        let place = "\(result.testCase.span.file):\(result.testCase.span.start.line)"
        guard !result.passed else { return "\(paint("PASS", "32"))  \(place)  \(result.testCase.name)\n" }
        var lines = ["\(paint("FAIL", "1;31"))  \(place)  \(result.testCase.name)"]
        lines += Self.failureBody(result, colour: colour).split(separator: "\n").map { "    " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The differences, then the outcome with its reasons and the excerpt of the trace that decided it.
    public static func failureBody(_ result: CaseResult, colour: Bool = false) -> String {
        var lines = result.mismatches
        let decision = result.decision
        lines.append(
            "decision: \(decision.outcome.name)"
                + (decision.decidedBy.isEmpty ? "" : " by \(decision.decidedBy.joined(separator: ", "))")
                + (decision.judgedAt.map { ", judged at \($0)" } ?? ""))
        lines += decision.reasons.map { "  - \($0)" }
        lines.append("trace:")
        let renderer = DecisionText(colour: colour)
        lines += TraceExcerpt.events(of: decision, expected: result.testCase.expectation).map { renderer.render($0) }
        return lines.joined(separator: "\n")
    }

    /// `12 passed, 1 failed`.
    public func summary(_ run: TestRun) -> String { "\(run.passed) passed, \(run.failed) failed" }

    /// Coverage figures by kind, then every gap as `file:line:column: message`.
    public func coverage(_ coverage: Coverage) -> String {
        func line(_ name: String, _ counts: (covered: Int, total: Int)) -> String {
            "  \(name) \(counts.covered)/\(counts.total)"
        }
        var lines = ["coverage: \(Self.format(coverage.percent))%"]
        lines.append(line("rules (fired, not fired):", coverage.ruleCounts))
        lines.append(line("conditions (true, false):", coverage.conditionCounts))
        lines.append(line("exemptions (applied, rejected):", coverage.exemptionCounts))
        for exemption in coverage.exemptions where !exemption.rejections.isEmpty {
            let reasons = exemption.rejections.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("  exemption `\(exemption.id)` rejected for: \(reasons.joined(separator: ", "))")
        }
        let gaps = coverage.gaps
        if !gaps.isEmpty {
            lines.append("not exercised by any case:")
            lines += gaps.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A percentage with one decimal, without a trailing `.0` (`100`, `97.5`).
    public static func format(_ percent: Double) -> String {
        let tenths = Int((percent * 10).rounded(.down))
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    private func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
