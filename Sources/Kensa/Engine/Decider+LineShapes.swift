extension Decider {
    /// The reasons of a record that quotes only its shape, when `cache` has every line worded before for the
    /// same line shapes of `shape` (see ``LineShapeCache``); nil otherwise.
    func knownLines(
        _ evaluation: borrowing Evaluation, shape: some StepShapes, cache: LineShapeCache
    ) -> [ReasonLine]? {
        var reasons: [ReasonLine] = []
        return knownLines(evaluation, shape: shape, cache: cache, into: &reasons) ? reasons : nil
    }

    /// Replaces `reasons` with the known lines, reusing its storage; false when some line is not known.
    func knownLines(
        _ evaluation: borrowing Evaluation, shape: some StepShapes, cache: LineShapeCache,
        into reasons: inout [ReasonLine]
    ) -> Bool {
        reasons.removeAll(keepingCapacity: true)
        let filled = evaluation.filled
        let scopes = evaluation.scopes
        return DecisionWriter.forEachLineSubject(evaluation, policy: policy) { subject, flags in
            let line = withLineSteps(subject, of: shape, scopes: scopes) { events, names in
                cache.line(subject, flags: flags, filled: filled, events: events, names: names)
            }
            guard let line else { return false }
            reasons.append(line)
            return true
        }
    }

    /// Remembers in `cache` each scope and rule line of a record without unusable values, worded by a
    /// ``DecisionWriter`` that noted the names each line quotes; `reasons` may hold framing lines around them
    /// (``DecisionWriter/hasFramingLines(_:policy:)``).
    func rememberLines(
        _ reasons: [ReasonLine], of evaluation: Evaluation, quoted: [ReasonLineKey.Line: [Int]], shape: some StepShapes,
        cache: LineShapeCache
    ) {
        let lines = reasons.dropFirst(DecisionWriter.framingLinesBefore(evaluation, policy: policy))
        for ((subject, flags), line) in zip(DecisionWriter.lineSubjects(evaluation, policy: policy), lines) {
            let quotes: [Int] =
                switch subject {
                case .scope(let index): quoted[.scope(index)] ?? []
                case .rule(let index): quoted[.rule(index)] ?? []
                case .inScope, .exception: []
                }
            withLineSteps(subject, of: shape, scopes: evaluation.scopes) { events, names in
                cache.remember(
                    line, subject: subject, flags: flags, filled: evaluation.filled, events: events, names: names,
                    quoted: quotes)
            }
        }
    }

    /// Calls `body` with what a line's shape is made of beside its subject and flags: its scope's or rule's steps
    /// in `shape` and the names they looked up; for the in-scope line, the scopes' truths.
    private func withLineSteps<Result>(
        _ subject: LineShapeCache.Subject, of shape: some StepShapes, scopes: [Truth],
        _ body: (_ events: UnsafeBufferPointer<UInt32>, _ names: UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        switch subject {
        case .scope(let index):
            shape.withStep(index, body)
        case .rule(let index):
            shape.withStep(policy.scopes.count + index, body)
        case .inScope:
            scopes.map { UInt32($0.rawValue) }.withUnsafeBufferPointer {
                body($0, UnsafeBufferPointer(start: nil, count: 0))
            }
        case .exception:
            body(UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}
