/// What the evaluator reads about each scope and rule, as plain values: reading a `CompiledRule` (a class) and
/// its `when` (a boxed enum) for every rule of every record cost a retain and a release each, more than the rule's
/// own bookkeeping. A class, so that reading it takes one reference rather than one per array.
final class EvaluationPlan: Sendable {
    struct Rule: Sendable {
        /// The number of the rule's `when` condition.
        var root: Int
        /// Where the numbers of its `unless` conditions start in `exceptionRoots`, and how many there are.
        var exceptions: Range<Int>
        /// Where its scopes' indices start in `ruleScopes`, and how many there are.
        var scopes: Range<Int>
        var outcome: Outcome
        var from: Day?
        var until: Day?
    }

    /// The number of each scope's condition, by scope index.
    let scopeRoots: [Int]
    let rules: [Rule]
    let exceptionRoots: [Int]
    let ruleScopes: [Int]

    init(scopes: [CompiledScope], rules: [CompiledRule]) {
        scopeRoots = scopes.map(\.when.info)
        var plans: [Rule] = []
        var exceptionRoots: [Int] = []
        var ruleScopes: [Int] = []
        for rule in rules {
            let exceptionStart = exceptionRoots.count
            exceptionRoots.append(contentsOf: rule.exceptions.map(\.when.info))
            let scopeStart = ruleScopes.count
            ruleScopes.append(contentsOf: rule.scopes)
            plans.append(
                Rule(
                    root: rule.when.info, exceptions: exceptionStart..<exceptionRoots.count,
                    scopes: scopeStart..<ruleScopes.count, outcome: rule.outcome, from: rule.from,
                    until: rule.until))
        }
        self.rules = plans
        self.exceptionRoots = exceptionRoots
        self.ruleScopes = ruleScopes
    }
}

extension EvaluationPlan.Rule {
    /// Whether the rule is in force on `day` (see ``CompiledRule/inForce(on:)``).
    func inForce(on day: Day?) -> Truth { CompiledRule.inForce(from: from, until: until, on: day) }
}
