extension Decider {
    /// Decides every record of a JSON, JSON Lines or CSV text, in input order; a record that cannot be read comes
    /// back as its problem, and every other record is still decided.
    ///
    /// ```swift
    /// let decider = Decider(policy: try PolicySet.load(directory: "policies/jp"))
    /// for result in decider.decide(records: Array(text.utf8), format: .jsonl) {
    ///     switch result {
    ///     case .success(let decision): print(decision.id, decision.outcome)
    ///     case .failure(let problem): print("skipped:", problem)
    ///     }
    /// }
    /// ```
    public func decide(
        records bytes: [UInt8], format: RecordFormat, asOf: Day? = nil, explain: Bool = false
    ) -> [Result<Decision, RecordProblem>] {
        var results: [Result<Decision, RecordProblem>] = []
        do {
            try decide(source: .bytes(bytes), format: format, asOf: asOf, explain: explain) { results.append($0) }
        } catch let problem as RecordProblem {
            results.append(.failure(problem))
        } catch {
            preconditionFailure("appending a result does not throw")
        }
        return results
    }

    /// Decides every record of a file as it streams past, handing each decision (or problem) to `body` in input
    /// order, so memory stays flat however long the file. Throws when the file cannot be opened, or what `body`
    /// throws.
    public func decide(
        contentsOf path: String, format: RecordFormat, asOf: Day? = nil, explain: Bool = false,
        _ body: (Result<Decision, RecordProblem>) throws -> Void
    ) throws {
        try decide(source: .path(path), format: format, asOf: asOf, explain: explain, body)
    }

    private func decide(
        source: RecordSource, format: RecordFormat, asOf: Day?, explain: Bool,
        _ body: (Result<Decision, RecordProblem>) throws -> Void
    ) throws {
        var reader = try format.makeReader(
            source: source, layout: policy.layout, keptText: explain ? nil : policy.textFieldsDecisionsRead)
        while let input = reader.next() {
            switch consume input {
            case .record(let record): try body(.success(decide(record, asOf: asOf, explain: explain)))
            case .malformed(let problem): try body(.failure(problem))
            }
        }
    }
}

extension Decider {
    /// What would change the outcome of one record (see `WhatIfAnswer`).
    package func whatIf(_ record: Record, asOf: Day?) -> WhatIfAnswer {
        WhatIfSearch(policy: policy, names: names, asOf: asOf).answer(for: record.values)
    }
}
