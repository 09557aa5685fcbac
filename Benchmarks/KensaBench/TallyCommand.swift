import Kensa

/// `kensa-bench tally --policy DIR FILE`: decides every record once, with the trace, and reports the share of each
/// outcome, of each rule in `decided_by`, and of each rule's result in the trace (`fired`, `unknown`): the check
/// that a generated file exercises every rule on a fair share.
enum TallyCommand {
    static func run(path: String, policyDirectory: String) throws {
        guard let format = RecordFormat.infer(fromPath: path) else {
            throw BenchError("cannot tell the format of `\(path)` from its extension (.jsonl, .json or .csv)")
        }
        let policy = try PolicySet.load(directory: policyDirectory)
        let decider = Decider(policy: policy)
        var reader = try format.makeReader(source: .path(path), layout: policy.recordLayout)
        var total = 0
        var malformed = 0
        var outcomes: [Outcome: Int] = [:]
        var decidedBy: [String: Int] = [:]
        var ruleResults: [String: [String: Int]] = [:]
        var ruleOrder: [String] = []
        while let input = reader.next() {
            guard case .record(let record) = input else {
                malformed += 1
                continue
            }
            total += 1
            let decision = decider.decide(record, asOf: nil, explain: true)
            outcomes[decision.outcome, default: 0] += 1
            for rule in decision.decidedBy { decidedBy[rule, default: 0] += 1 }
            for event in decision.trace ?? [] where event.kind == .rule {
                let id = event.id ?? "?"
                if ruleResults[id] == nil { ruleOrder.append(id) }
                ruleResults[id, default: [:]][event.result, default: 0] += 1
            }
        }
        func share(_ count: Int) -> String {
            let tenths = total > 0 ? (count * 1000 + total / 2) / total : 0
            return "\(count) (\(tenths / 10).\(tenths % 10)%)"
        }
        print("tally of \(total) records (\(malformed) malformed), policy `\(policy.info.id)`")
        print("outcome:")
        for outcome in Outcome.allCases.reversed() {
            print("  \(outcome.name.padding(28)) \(share(outcomes[outcome] ?? 0))")
        }
        print("rule: fired / unknown / fired or unknown / in decided_by")
        for id in ruleOrder {
            let results = ruleResults[id] ?? [:]
            let fired = results["fired"] ?? 0
            let unknown = results["unknown"] ?? 0
            print(
                "  \(id.padding(28)) \(share(fired)) / \(share(unknown)) / \(share(fired + unknown)) / "
                    + share(decidedBy[id] ?? 0))
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
