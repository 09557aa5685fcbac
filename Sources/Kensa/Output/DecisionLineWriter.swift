/// Writes a decision as compact JSON straight from its parts, byte for byte what ``DecisionJSON`` writes for the
/// same decision: the batch paths of `kensa decide` (with and without `--explain`), which write millions of
/// decisions, skip building a ``Decision`` and write every fixed part (the policy, rule ids, cached reason lines)
/// from bytes made once, through a ``JSONByteSink``.
struct DecisionLineWriter {
    /// `","outcome":"…","decided_by":[` for each outcome, by raw value (the id's closing quote first).
    private let outcomeKeys: [[UInt8]]
    /// Each rule's id as a JSON string.
    private let ruleIDs: [[UInt8]]
    /// `],"policy":{…},"judged_at":`.
    private let policyAndJudgedAt: [UInt8]
    private let judgedDays = DayTexts()

    init(policy: CompiledPolicy) {
        outcomeKeys = Outcome.allCases.sorted { $0.rawValue < $1.rawValue }.map {
            Array("\",\"outcome\":\"\($0.name)\",\"decided_by\":[".utf8)
        }
        ruleIDs = policy.rules.map { Self.quoted($0.id) }
        var writer = JSONWriter()
        DecisionJSON.write(policy.info, to: &writer)
        policyAndJudgedAt = Array("],".utf8) + writer.bytes + Array(",\"judged_at\":".utf8)
    }

    /// Appends the decision without a trace, ending with a newline: one line of JSON Lines.
    ///
    /// Staged in 1 KB, which most lines fit: a temporary allocation up to that size is always on the stack, while a
    /// larger one asks the runtime whether the stack has room and, on Linux, is allocated on the heap.
    func append(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, line: Int?, to bytes: inout [UInt8]
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1_024) { staging in
            var sink = JSONByteSink(staging: staging)
            swap(&sink.output, &bytes)
            appendMembers(
                id: id, outcome: outcome, decidingRules: decidingRules, exemptionsApplied: exemptionsApplied,
                reasons: reasons, judgedAt: judgedAt, line: line, to: &sink)
            sink.append("}\n")
            sink.flush()
            swap(&sink.output, &bytes)
        }
    }

    /// Appends the decision's opening brace and every member before `trace`, without closing it: what the plain
    /// and the explained decision share.
    func appendMembers(
        id: String, outcome: Outcome, decidingRules: [Int], exemptionsApplied: [String], reasons: [ReasonLine],
        judgedAt: Day?, line: Int?, to sink: inout JSONByteSink
    ) {
        sink.append("{\"id\":\"")
        sink.append(escaped: id)
        outcomeKeys[outcome.rawValue].withUnsafeBufferPointer { sink.append($0) }
        for (position, rule) in decidingRules.enumerated() {
            if position > 0 { sink.append(UInt8(ascii: ",")) }
            ruleIDs[rule].withUnsafeBufferPointer { sink.append($0) }
        }
        sink.append("],\"exemptions_applied\":[")
        for (position, exemption) in exemptionsApplied.enumerated() {
            if position > 0 { sink.append(UInt8(ascii: ",")) }
            sink.append(UInt8(ascii: "\""))
            sink.append(escaped: exemption)
            sink.append(UInt8(ascii: "\""))
        }
        sink.append("],\"reasons\":[")
        for position in reasons.indices {
            if position > 0 { sink.append(UInt8(ascii: ",")) }
            sink.append(reasons[position].json)
        }
        policyAndJudgedAt.withUnsafeBufferPointer { sink.append($0) }
        if let judgedAt {
            sink.append(UInt8(ascii: "\""))
            sink.append(judgedDays.text(of: judgedAt), count: 10)
            sink.append(UInt8(ascii: "\""))
        } else {
            sink.append("null")
        }
        if let line {
            sink.append(",\"line\":")
            sink.append(int: line)
        }
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.string(text)
        return writer.bytes
    }
}

/// The `YYYY-MM-DD` of days decisions were judged at, kept by day so that a day written before is copied rather than
/// worked out again: the records of a batch fall on a few thousand days at most.
///
/// A class, so the writer's `let` can keep it; it serves one decider, on one thread, like the decider's caches.
private final class DayTexts {
    private static let slotCount = 4_096
    /// The day each slot holds the text of; `Int32.min`, which is no day, for none.
    private let ordinals: UnsafeMutablePointer<Int32>
    /// Ten bytes per slot.
    private let texts: UnsafeMutablePointer<UInt8>

    init() {
        ordinals = .allocate(capacity: Self.slotCount)
        ordinals.initialize(repeating: .min, count: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount * 10)
    }

    deinit {
        ordinals.deallocate()
        texts.deallocate()
    }

    /// The ten bytes of `day`, valid until the next call.
    @inline(__always)
    func text(of day: Day) -> UnsafePointer<UInt8> {
        let slot = Int(UInt32(bitPattern: day.ordinal)) & (Self.slotCount - 1)
        let text = texts + slot * 10
        if ordinals[slot] != day.ordinal {
            JSONWriter.writeDigits(of: day, to: text)
            ordinals[slot] = day.ordinal
        }
        return UnsafePointer(text)
    }
}
