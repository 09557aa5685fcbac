/// Searches the changes that would give a record another outcome, smallest first, deciding each changed record.
struct WhatIfSearch {
    let policy: CompiledPolicy
    let names: NameResolver
    let asOf: Day?
    /// Most changed records decided for one answer.
    var budget = 60_000

    func answer(for values: [FieldValue]) -> WhatIfAnswer {
        let base = outcome(values)
        let target: Outcome = base == .permitted ? .prohibited : .permitted
        let candidates = ChangeCandidates(policy: policy).changes(for: values)
        var tried = 0
        var complete = true
        var solutions: [[Int]] = []
        func test(_ combination: [Int]) {
            tried += 1
            var changed = values
            for index in combination { candidates[index].apply(to: &changed) }
            if outcome(changed) == target { solutions.append(combination) }
        }
        candidates.indices.forEach { test([$0]) }
        if base != .permitted {
            let restricting = restrictingRules(values)
            let helpful = candidates.indices.filter { index in
                var changed = values
                candidates[index].apply(to: &changed)
                return restrictingRules(changed).isStrictSubset(of: restricting)
            }
            for size in 2...3 where solutions.isEmpty || size == 2 {
                let pool = size == 2 ? Array(candidates.indices) : helpful
                for combination in Self.combinations(of: pool, size: size) {
                    guard tried < budget else {
                        complete = false
                        break
                    }
                    let conflicting = combination.indices.contains { a in
                        combination.indices.contains { b in
                            a < b && candidates[combination[a]].conflicts(with: candidates[combination[b]])
                        }
                    }
                    let covered = solutions.contains { Set($0).isSubset(of: combination) }
                    if !conflicting && !covered { test(combination) }
                }
            }
        }
        let wording = WhatIfWording(policy: policy, values: values)
        return WhatIfAnswer(
            id: values[policy.slots.id].textValue ?? "", outcome: base, target: target,
            suggestions: wording.suggestions(solutions.map { $0.map { candidates[$0] } }, outcome: target),
            tried: tried, complete: complete)
    }

    private func outcome(_ values: [FieldValue]) -> Outcome {
        var silent = SilentObserver()
        return RecordEvaluator(policy: policy, names: names).evaluate(values, asOf: asOf, observer: &silent).outcome
    }

    /// The rules that restrict the record (their result, after exemptions, is review or prohibition).
    private func restrictingRules(_ values: [FieldValue]) -> Set<Int> {
        var silent = SilentObserver()
        let evaluation = RecordEvaluator(policy: policy, names: names).evaluate(values, asOf: asOf, observer: &silent)
        return Set(evaluation.rules.indices.filter { (evaluation.rules[$0].effect ?? .permitted) >= .reviewRequired })
    }

    /// Every ascending combination of `size` elements of `pool`.
    static func combinations(of pool: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard pool.count >= size else { return [] }
        var result: [[Int]] = []
        for (offset, first) in pool.enumerated() {
            for rest in combinations(of: Array(pool[(offset + 1)...]), size: size - 1) { result.append([first] + rest) }
        }
        return result
    }
}

extension FieldValue {
    /// The text of a `.text` value.
    var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
