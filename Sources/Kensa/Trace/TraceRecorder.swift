/// Records every evaluation step, in order, for explanations and for the reasons of a decision.
struct TraceRecorder: ConditionObserver {
    /// One recorded step; `depth` nests conditions under the scope or rule they belong to.
    struct Step {
        var subject: TraceSubject
        var depth: Int
        var truth: Truth = .unknown
        var observed: ObservedValue = .none
    }

    static var evaluatesEverything: Bool { true }

    let conditions: [ConditionInfo]
    var steps: [Step] = []

    init(conditions: [ConditionInfo]) { self.conditions = conditions }

    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int {
        steps.append(Step(subject: subject(), depth: depth))
        return steps.count - 1
    }

    mutating func end(_ token: Int, _ truth: Truth, observed: @autoclosure () -> ObservedValue) {
        steps[token].truth = truth
        steps[token].observed = observed()
    }

    /// Indices of the steps directly under `index`.
    func children(of index: Int) -> [Int] {
        let depth = steps[index].depth
        var result: [Int] = []
        var next = index + 1
        while next < steps.count, steps[next].depth > depth {
            if steps[next].depth == depth + 1 { result.append(next) }
            next += 1
        }
        return result
    }

    /// The tests (leaves) that made the step at `index` come out as it did: for a false `all`, its first false
    /// part; for a true `any`, its first true part; for an unknown result, every unknown part; through `not` with
    /// the truth turned. These are what a decision's reasons name.
    func culprits(of index: Int) -> [Int] {
        let step = steps[index]
        // An exception that is not established never explains its rule's result.
        let parts = children(of: index).filter { if case .exception = steps[$0].subject { false } else { true } }
        let kind: ConditionInfo.Kind? = if case .condition(let info) = step.subject { conditions[info].kind } else { nil }
        if parts.isEmpty { return kind == nil ? [] : [index] }
        let wanted = kind == .not ? step.truth.negated : step.truth
        let matching = parts.filter { steps[$0].truth == wanted }
        switch (kind, wanted) {
        case (.all, .no), (.any, .yes), (.some, .yes), (.every, .no):
            return matching.prefix(1).flatMap(culprits(of:))
        default:
            return matching.flatMap(culprits(of:))
        }
    }
}
