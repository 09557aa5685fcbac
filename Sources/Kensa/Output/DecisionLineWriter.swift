/// Writes a decision as one line of JSON Lines straight from its parts, byte for byte what ``DecisionJSON`` writes
/// for the same decision: the batch path, which writes millions of lines, skips building a ``Decision`` and
/// writes every fixed part (the policy, rule ids, cached reason lines) from bytes made once, through a
/// ``JSONByteSink``.
struct DecisionLineWriter {
    /// `"outcome":"…","decided_by":[` for each outcome, by raw value.
    private let outcomeKeys: [[UInt8]]
    /// Each rule's id as a JSON string.
    private let ruleIDs: [[UInt8]]
    /// `],"policy":{…},"judged_at":`.
    private let policyAndJudgedAt: [UInt8]

    init(policy: CompiledPolicy) {
        outcomeKeys = Outcome.allCases.sorted { $0.rawValue < $1.rawValue }.map {
            Array("\",\"outcome\":\"\($0.name)\",\"decided_by\":[".utf8)
        }
        ruleIDs = policy.rules.map { Self.quoted($0.id) }
        var writer = JSONWriter()
        DecisionJSON.write(policy.info, to: &writer)
        policyAndJudgedAt = Array("],".utf8) + writer.bytes + Array(",\"judged_at\":".utf8)
    }

    /// Appends the decision, ending with a newline.
    func append(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, line: Int?, to bytes: inout [UInt8]
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2_048) { staging in
            var sink = JSONByteSink(staging: staging)
            swap(&sink.output, &bytes)
            sink.append("{\"id\":\"")
            sink.append(escaped: id)
            sink.append(outcomeKeys[outcome.rawValue])
            for (position, rule) in decidingRules.enumerated() {
                if position > 0 { sink.append(UInt8(ascii: ",")) }
                sink.append(ruleIDs[rule])
            }
            sink.appendExemptionsAndReasons(exemptionsApplied, reasons)
            sink.append(policyAndJudgedAt)
            sink.appendJudgedAt(judgedAt, line: line)
            sink.append("}\n")
            sink.flush()
            swap(&sink.output, &bytes)
        }
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.string(text)
        return writer.bytes
    }
}
