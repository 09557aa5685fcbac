/// How much of a condition a recorder needs evaluated.
protocol TraceDepth {
    static var everything: Bool { get }
}

/// Every part of every condition, for a full explanation.
enum CompleteTrace: TraceDepth {
    static var everything: Bool { true }
}

/// Only the parts that settle each result, which is all a decision's reasons name.
enum SettlingTrace: TraceDepth {
    static var everything: Bool { false }
}

/// Records evaluation steps, in order, for explanations and for the reasons of a decision.
struct TraceRecorder<Depth: TraceDepth>: ConditionObserver {
    static var evaluatesEverything: Bool { Depth.everything }

    var trace: RecordedTrace

    init(policy: CompiledPolicy) {
        trace = RecordedTrace(conditions: policy.conditions, program: policy.program)
        trace.steps.reserveCapacity(Depth.everything ? 256 : 32)
    }

    /// A recorder that records into `steps`, emptied but keeping its capacity: a batch hands each record's steps
    /// buffer to the next, so recording allocates nothing once the buffer is large enough.
    init(policy: CompiledPolicy, reusing steps: consuming [RecordedTrace.Step]) {
        trace = RecordedTrace(conditions: policy.conditions, program: policy.program)
        trace.steps = consume steps
        trace.steps.removeAll(keepingCapacity: true)
    }

    mutating func begin(_ subject: @autoclosure () -> TraceSubject, depth: Int) -> Int {
        trace.steps.append(RecordedTrace.Step(subject: subject(), depth: depth))
        return trace.steps.count - 1
    }

    mutating func end(_ token: Int, _ truth: Truth) {
        trace.steps[token].truth = truth
    }

    mutating func endTest(_ token: Int, _ truth: Truth, saw observation: Observation, in values: [FieldValue]) {
        trace.steps[token].truth = truth
        trace.steps[token].observation = observation
        trace.steps[token].seen = observation.shapeCode(in: values)
    }
}

/// The steps a recorder kept: a flat list in evaluation order, nested by depth.
struct RecordedTrace {
    /// One recorded step; `depth` nests conditions under the scope or rule they belong to.
    struct Step {
        var subject: TraceSubject
        var depth: Int
        var truth: Truth = .unknown
        var observation: Observation = .none
        /// What the test saw, as shapes tell it apart (``Observation/shapeCode(in:)``).
        var seen: UInt8 = 0

        var isElement: Bool { if case .element = subject { true } else { false } }
    }

    let conditions: [ConditionInfo]
    /// The conditions as evaluated: where each `some`/`every` finds its list.
    let program: ConditionProgram
    var steps: [Step] = []
    /// The record's values as evaluated, which tests' observations point into; set when evaluation ends.
    var values: [FieldValue] = []

    init(conditions: [ConditionInfo], program: ConditionProgram) {
        self.conditions = conditions
        self.program = program
    }

    /// What the test at `index` saw, with the value.
    func observed(_ index: Int) -> ObservedValue {
        switch steps[index].observation {
        case .none: .none
        case .field(let slot): .field(value(Int(slot), readBy: index))
        case .vendor(let slot, let sighting, _): .vendor(value(Int(slot), readBy: index), sighting)
        }
    }

    /// The value in `slot` of the values the step at `index` read: the record's, or, inside `some`/`every`, those
    /// of the list entry above it.
    func value(_ slot: Int, readBy index: Int) -> FieldValue {
        var cursor = index
        repeat {
            let depth = steps[cursor].depth
            cursor -= 1
            while cursor >= 0, steps[cursor].depth >= depth { cursor -= 1 }
        } while cursor >= 0 && !steps[cursor].isElement
        guard cursor >= 0, case .element(let element) = steps[cursor].subject else { return values[slot] }
        var list = cursor - 1
        while list >= 0, steps[list].depth >= steps[cursor].depth { list -= 1 }
        guard list >= 0, case .condition(let info) = steps[list].subject,
            case .objects(let entries) = value(Int(program.nodes[info].slot), readBy: list),
            entries.indices.contains(element), entries[element].indices.contains(slot)
        else { return .missing }
        return entries[element][slot]
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
        var found: [Int] = []
        found.reserveCapacity(8)
        collectCulprits(of: index, into: &found)
        return found
    }

    private func collectCulprits(of index: Int, into found: inout [Int]) {
        let step = steps[index]
        let kind: ConditionInfo.Kind? =
            if case .condition(let info) = step.subject { conditions[info].kind } else { nil }
        let wanted = kind == .not ? step.truth.negated : step.truth
        // `kind` is unwrapped first: against an optional, `.some` would match Optional.some.
        let firstOnly: Bool =
            switch (kind ?? .invalid, wanted) {
            case (.all, .no), (.any, .yes), (ConditionInfo.Kind.some, .yes), (.every, .no): true
            default: false
            }
        var hasParts = false
        var next = index + 1
        while next < steps.count, steps[next].depth > step.depth {
            defer { next += 1 }
            guard steps[next].depth == step.depth + 1 else { continue }
            hasParts = true
            // An exception that is not established never explains its rule's result.
            if case .exception = steps[next].subject { continue }
            guard steps[next].truth == wanted else { continue }
            collectCulprits(of: next, into: &found)
            if firstOnly { return }
        }
        if !hasParts, kind != nil { found.append(index) }
    }
}
