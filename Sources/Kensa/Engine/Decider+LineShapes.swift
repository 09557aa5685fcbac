extension Decider {
    /// The reasons of a record that quotes only its shape, when `cache` has every line worded before for the
    /// same line shapes of `shape` (see ``LineShapeCache``); nil otherwise.
    func knownLines(
        _ evaluation: borrowing Evaluation, shape: borrowing RecordShape, cache: LineShapeCache
    ) -> [ReasonLine]? {
        var reasons: [ReasonLine] = []
        return knownLines(evaluation, shape: shape, cache: cache, into: &reasons) ? reasons : nil
    }

    /// Replaces `reasons` with the known lines, reusing its storage; false when some line is not known.
    func knownLines(
        _ evaluation: borrowing Evaluation, shape: borrowing RecordShape, cache: LineShapeCache,
        into reasons: inout [ReasonLine]
    ) -> Bool {
        reasons.removeAll(keepingCapacity: true)
        let filled = evaluation.filled
        let scopes = evaluation.scopes
        // The step ranges are read through pointers: a closure capturing the shape would copy it.
        return withUnsafePointer(to: shape) { shape in
            DecisionWriter.forEachLineSubject(evaluation, policy: policy) { subject, flags in
                let (events, names) = lineSteps(subject, of: shape.pointee, scopes: scopes)
                guard let line = cache.line(subject, flags: flags, filled: filled, events: events, names: names)
                else { return false }
                reasons.append(line)
                return true
            }
        }
    }

    /// Remembers in `cache` each scope and rule line of a record without unusable values, worded by a
    /// ``DecisionWriter`` that noted the names each line quotes; `reasons` may hold framing lines around them
    /// (``DecisionWriter/hasFramingLines(_:)``).
    func rememberLines(
        _ reasons: [ReasonLine], of evaluation: Evaluation, quoted: [ReasonLineKey.Line: [Int]], shape: RecordShape,
        cache: LineShapeCache
    ) {
        let lines = reasons.dropFirst(DecisionWriter.framingLinesBefore(evaluation))
        for ((subject, flags), line) in zip(DecisionWriter.lineSubjects(evaluation, policy: policy), lines) {
            let (events, names) = lineSteps(subject, of: shape, scopes: evaluation.scopes)
            let quotes: [Int] =
                switch subject {
                case .scope(let index): quoted[.scope(index)] ?? []
                case .rule(let index): quoted[.rule(index)] ?? []
                case .inScope, .exception: []
                }
            cache.remember(
                line, subject: subject, flags: flags, filled: evaluation.filled, events: events, names: names,
                quoted: quotes)
        }
    }

    /// What a line's shape is made of beside its subject and flags: its scope's or rule's steps in `shape` and the
    /// names they looked up; for the in-scope line, the scopes' truths.
    private func lineSteps(
        _ subject: LineShapeCache.Subject, of shape: borrowing RecordShape, scopes: [Truth]
    ) -> (events: ArraySlice<UInt32>, names: ArraySlice<UInt32>) {
        switch subject {
        case .scope(let index):
            (shape.events(ofStep: index), shape.names(ofStep: index))
        case .rule(let index):
            (shape.events(ofStep: policy.scopes.count + index), shape.names(ofStep: policy.scopes.count + index))
        case .inScope: (ArraySlice(scopes.map { UInt32($0.rawValue) }), [])
        case .exception: ([], [])
        }
    }
}
