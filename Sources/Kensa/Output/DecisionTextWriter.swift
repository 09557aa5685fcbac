/// Writes the lines of ``DecisionText`` above a decision's trace straight from the decision's parts, byte for byte:
/// `decide --explain --format text` writes millions of decisions and skips building a ``Decision`` and its strings.
/// Every fixed part (the outcome, the policy line, rule ids) is made once, as bytes.
struct DecisionTextWriter {
    /// `: outcome` (painted as `DecisionText` paints it), a newline and the policy line up to its judgment date, by
    /// outcome raw value.
    private let outcomeAndPolicy: [[UInt8]]
    /// Each rule's id.
    private let ruleIDs: [[UInt8]]

    /// Days whose digits the byte sink writes as `Day.description` words them: every year a date can be made with.
    private static let fourDigitYears =
        Day(year: 1, month: 1, day: 1)!.ordinal...Day(year: 9_999, month: 12, day: 31)!.ordinal

    init(policy: CompiledPolicy, colour: Bool) {
        let text = DecisionText(colour: colour)
        let policyLine = DecisionText.policyLineStart(policy.info)
        outcomeAndPolicy = Outcome.allCases.sorted { $0.rawValue < $1.rawValue }.map {
            Array(": \(text.paint($0))\n\(policyLine)".utf8)
        }
        ruleIDs = policy.rules.map { Array($0.id.utf8) }
    }

    /// Appends the decision's lines down to `  trace:`, without its newline: the trace's lines follow, each after a
    /// newline (``TraceWriter``).
    func appendHeader(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, to sink: inout JSONByteSink
    ) {
        sink.append(plain: id)
        sink.append(outcomeAndPolicy[outcome.rawValue])
        if let judgedAt {
            sink.append("judged at ")
            if Self.fourDigitYears.contains(judgedAt.ordinal) {
                sink.append(day: judgedAt)
            } else {
                sink.append(plain: judgedAt.description)
            }
        } else {
            sink.append("judgment date unknown")
        }
        if !decidingRules.isEmpty {
            sink.append("\n  decided by: ")
            for (position, rule) in decidingRules.enumerated() {
                if position > 0 { sink.append(", ") }
                sink.append(ruleIDs[rule])
            }
        }
        if !exemptionsApplied.isEmpty {
            sink.append("\n  exemptions applied: ")
            for (position, exemption) in exemptionsApplied.enumerated() {
                if position > 0 { sink.append(", ") }
                sink.append(plain: exemption)
            }
        }
        for reason in reasons {
            sink.append("\n  - ")
            sink.append(plain: reason.text)
        }
        sink.append("\n  trace:")
    }
}
