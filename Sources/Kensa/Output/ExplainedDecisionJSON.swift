/// Writes an explained decision as one compact JSON object straight from its parts, byte for byte what
/// `DecisionJSON` writes for the same `Decision` with its trace: the fast path of `decide --explain`.
///
/// Every fixed part (the outcome keys, rule ids, the policy object) comes from the policy's `TraceJSONFragments`
/// and each reason from its `ReasonLine`, escaped once, so per decision only the id and the claimed exemptions
/// are escaped, and no `Decision` is built.
struct ExplainedDecisionJSON {
    let fragments: TraceJSONFragments

    /// Appends the decision; `trace` writes the events of its `trace` array, comma-separated.
    func append(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, line: Int?, newline: Bool, to bytes: inout JSONByteSink,
        trace: (inout JSONByteSink) -> Void
    ) {
        let store = fragments.store
        bytes.append("{\"id\":\"")
        bytes.append(escaped: id)
        bytes.append(UInt8(ascii: "\""))
        store.write(fragments.outcomes[outcome.rawValue], to: &bytes)
        for (position, rule) in decidingRules.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            store.write(fragments.ruleIDs[rule], to: &bytes)
        }
        bytes.appendExemptionsAndReasons(exemptionsApplied, reasons)
        store.write(fragments.policyAndJudgedAt, to: &bytes)
        bytes.appendJudgedAt(judgedAt, line: line)
        bytes.append(",\"trace\":[")
        trace(&bytes)
        bytes.append("]}")
        if newline { bytes.append(0x0A) }
    }
}
