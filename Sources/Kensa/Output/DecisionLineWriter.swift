/// Writes a decision as one line of JSON Lines straight from its parts, byte for byte what ``DecisionJSON`` writes
/// for the same decision: the batch path, which writes millions of lines, skips building a ``Decision`` and
/// writes every fixed part (the policy, rule ids, cached reason lines) from bytes made once.
struct DecisionLineWriter {
    /// `"outcome":"…","decided_by":` for each outcome, by raw value.
    private let outcomeKeys: [[UInt8]]
    /// Each rule's id as a JSON string.
    private let ruleIDs: [[UInt8]]
    /// `,"policy":{…},"judged_at":`.
    private let policyAndJudgedAt: [UInt8]
    /// The fixed parts between the others, as bytes: appending a string's UTF-8 view costs several times more.
    private let openID = Array("{\"id\":".utf8)
    private let exemptionsKey = Array("],\"exemptions_applied\":[".utf8)
    private let reasonsKey = Array("],\"reasons\":[".utf8)
    private let lineKey = Array(",\"line\":".utf8)
    private let closing = Array("}\n".utf8)

    init(policy: CompiledPolicy) {
        outcomeKeys = Outcome.allCases.sorted { $0.rawValue < $1.rawValue }.map {
            Array(",\"outcome\":\"\($0.name)\",\"decided_by\":".utf8)
        }
        ruleIDs = policy.rules.map { Self.quoted($0.id) }
        var writer = JSONWriter()
        DecisionJSON.write(policy.info, to: &writer)
        policyAndJudgedAt = Array(",".utf8) + writer.bytes + Array(",\"judged_at\":".utf8)
    }

    /// Appends the decision, ending with a newline.
    func append(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, line: Int?, to bytes: inout [UInt8]
    ) {
        var writer = JSONWriter()
        swap(&writer.bytes, &bytes)
        defer { swap(&writer.bytes, &bytes) }
        writer.bytes.append(contentsOf: openID)
        writer.string(id)
        writer.bytes.append(contentsOf: outcomeKeys[outcome.rawValue])
        writer.bytes.append(UInt8(ascii: "["))
        for (position, rule) in decidingRules.enumerated() {
            if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: ruleIDs[rule])
        }
        writer.bytes.append(contentsOf: exemptionsKey)
        for (position, exemption) in exemptionsApplied.enumerated() {
            if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.string(exemption)
        }
        writer.bytes.append(contentsOf: reasonsKey)
        for (position, reason) in reasons.enumerated() {
            if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: reason.json)
        }
        writer.bytes.append(UInt8(ascii: "]"))
        writer.bytes.append(contentsOf: policyAndJudgedAt)
        if let judgedAt { writer.day(judgedAt) } else { writer.null() }
        if let line {
            writer.bytes.append(contentsOf: lineKey)
            writer.int(line)
        }
        writer.bytes.append(contentsOf: closing)
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.string(text)
        return writer.bytes
    }
}
