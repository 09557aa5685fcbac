/// What some records can come to: the outcomes reached, and for each outcome a rule imposes, the rules that do.
struct MatrixReach {
    var outcomes = Set<Outcome>()
    /// Rule indices by outcome, for `review_required` and `prohibited`.
    var deciders: [Outcome: Set<Int>] = [:]

    mutating func add(_ outcome: Outcome, by rules: Set<Int> = []) {
        outcomes.insert(outcome)
        if outcome >= .reviewRequired { deciders[outcome, default: []].formUnion(rules) }
    }

    mutating func merge(_ other: MatrixReach) {
        for outcome in other.outcomes { add(outcome, by: other.deciders[outcome] ?? []) }
    }

    /// Calls `body` with every combination of indices below `counts`, the last varying fastest.
    static func product(_ counts: [Int], _ body: ([Int]) -> Void) {
        guard !counts.contains(0) else { return }
        var digits = Array(repeating: 0, count: counts.count)
        while true {
            body(digits)
            var position = counts.count - 1
            while position >= 0 {
                digits[position] += 1
                if digits[position] < counts[position] { break }
                digits[position] = 0
                position -= 1
            }
            if position < 0 { return }
        }
    }
}

/// What a group of rules sharing free fields can come to in a region: the most restrictive of their effects
/// (`permitted` when none restricts), with the rules at that level, and the rules that can require review at all.
struct GroupReach {
    var levels = MatrixReach()
    var reviewers = Set<Int>()
}
