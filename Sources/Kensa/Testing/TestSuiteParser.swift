import KensaYAML

/// Reads one test file into cases, logging a positioned diagnostic for every problem (unknown keys, wrong types,
/// bad dates, unknown record ids, unknown rule names), never stopping at the first.
struct TestSuiteParser {
    let log: DiagnosticLog
    let policy: CompiledPolicy
    /// Reads the records file a test file names, relative to the test file's directory.
    let records: RecordsFileLoader

    static let fileKeys = ["kensa", "records", "cases", "variations"]
    static let expectationKeys = ["outcome", "decided_by", "exemptions_applied", "reasons"]
    static let caseKeys = ["name", "record", "as_of"] + expectationKeys
    static let variationKeys = ["name", "record", "as_of", "rows"]
    static let rowKeys = ["name", "set", "unset", "as_of"] + expectationKeys

    /// The cases of one parsed file; a case with a problem is left out (its problem is logged).
    func cases(of document: YAMLNode, file: String) -> [TestCase] {
        guard var top = NodeReader(document, what: "a test file", log: log) else { return [] }
        top.allowOnly(Self.fileKeys)
        if let version = top.text("kensa"), version.value != "1" {
            log.error(
                .unsupportedVersion, "this Kensa reads test files of version 1, not `\(version.value)`",
                at: version.span)
        }
        if !top.has("cases") && !top.has("variations") {
            log.error(.missingKey, "a test file has neither `cases` nor `variations`", at: top.span)
        }
        let source = top.text("records").map { records.load($0, relativeTo: file) }
        var result: [TestCase] = []
        for node in top.items("cases") {
            guard var reader = NodeReader(node, what: "a case", log: log) else { continue }
            reader.allowOnly(Self.caseKeys)
            let name = reader.text("name", required: true)
            let record = self.record(reader, source: source)
            let asOf = reader.day("as_of")
            guard let expectation = expectation(reader), let name, let record else { continue }
            result.append(
                TestCase(
                    name: name.value, span: name.span, recordJSON: YAMLRecord.json(record.node),
                    recordSpan: record.span,
                    asOf: asOf?.value, expectation: expectation))
        }
        for node in top.items("variations") {
            result += variation(node, source: source)
        }
        reportDuplicates(result)
        return result
    }

    private func variation(_ node: YAMLNode, source: RecordsFile?) -> [TestCase] {
        guard var reader = NodeReader(node, what: "a variation", log: log) else { return [] }
        reader.allowOnly(Self.variationKeys)
        let name = reader.text("name", required: true)
        let base = record(reader, source: source)
        let asOf = reader.day("as_of")
        var result: [TestCase] = []
        for rowNode in reader.items("rows", required: true) {
            guard var row = NodeReader(rowNode, what: "a row of a variation", log: log) else { continue }
            row.allowOnly(Self.rowKeys)
            let rowName = row.text("name", required: true)
            let rowAsOf = row.day("as_of")
            let changed = base.flatMap { overridden($0.node, by: row) }
            guard let expectation = expectation(row), let name, let rowName, let base, let changed else { continue }
            result.append(
                TestCase(
                    name: "\(name.value) / \(rowName.value)", span: rowName.span, recordJSON: YAMLRecord.json(changed),
                    recordSpan: base.span, asOf: rowAsOf?.value ?? asOf?.value, expectation: expectation))
        }
        return result
    }

    /// The record of a case: an inline mapping, or an id in the file's records file. A record without an `id`
    /// is given the id `test`.
    private func record(_ reader: NodeReader, source: RecordsFile?) -> (node: YAMLNode, span: SourceSpan)? {
        guard let node = reader.node("record", required: true) else { return nil }
        switch node {
        case .mapping(let entries, let span):
            if entries.contains(where: { $0.key.text == "id" }) { return (node, span) }
            let id = YAMLEntry(
                key: YAMLScalar(text: "id", style: .plain, span: span),
                value: .scalar(YAMLScalar(text: "test", style: .doubleQuoted, span: span)))
            return (.mapping([id] + entries, span), span)
        case .scalar(let scalar) where !scalar.isNull:
            guard let source else {
                log.error(
                    .unknownRecordID, "case names record `\(scalar.text)` but the test file names no `records` file",
                    at: scalar.span, help: "add `records: ../examples/records.jsonl`, or write the record inline")
                return nil
            }
            guard let found = source.records[scalar.text] else {
                if source.readable {
                    log.error(
                        .unknownRecordID, "no record with id `\(scalar.text)` in \(source.path)", at: scalar.span,
                        help: Suggestion.didYouMean(scalar.text, among: source.records.keys))
                }
                return nil
            }
            return (found, scalar.span)
        default:
            log.error(
                .wrongType, "`record` must be a record id or a mapping of record fields, not a \(node.kindName)",
                at: node.span)
            return nil
        }
    }

    /// The base record with a row's `set` and `unset` applied.
    private func overridden(_ base: YAMLNode, by row: NodeReader) -> YAMLNode? {
        var record = base
        var valid = true
        if let set = row.node("set"), let changes = NodeReader(set, what: "`set`", log: log) {
            for entry in changes.entries {
                if let changed = YAMLRecord.setting(path(entry.key.text), to: entry.value, in: record) {
                    record = changed
                } else {
                    valid = false
                    log.error(
                        .invalidOverride,
                        "cannot set `\(entry.key.text)`: a part of the path is not an object in the base record",
                        at: entry.key.span)
                }
            }
        }
        for path in row.texts("unset") {
            if let changed = YAMLRecord.removing(self.path(path.value), from: record) {
                record = changed
            } else {
                valid = false
                log.error(
                    .invalidOverride, "cannot unset `\(path.value)`: the base record has no value there", at: path.span)
            }
        }
        return valid ? record : nil
    }

    private func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private func expectation(_ reader: NodeReader) -> TestExpectation? {
        guard let written = reader.text("outcome", required: true) else { return nil }
        guard let outcome = Outcome(name: written.value) else {
            let names = Outcome.allCases.map(\.name)
            log.error(
                .unknownValue, "`\(written.value)` is not an outcome", at: written.span,
                help: Suggestion.didYouMean(written.value, among: names)
                    ?? "write one of \(names.joined(separator: ", "))")
            return nil
        }
        let rules = reader.has("decided_by") ? reader.texts("decided_by") : nil
        let exemptions = reader.has("exemptions_applied") ? reader.texts("exemptions_applied") : nil
        check(rules ?? [], among: policy.ruleIDs, noun: "rule")
        check(exemptions ?? [], among: policy.exemptionIDs, noun: "exemption")
        return TestExpectation(
            outcome: outcome, decidedBy: rules?.map(\.value), exemptionsApplied: exemptions?.map(\.value),
            reasons: reader.texts("reasons").map(\.value))
    }

    private func check(_ names: [Located<String>], among known: [String], noun: String) {
        for name in names where !known.contains(name.value) {
            log.error(
                .unknownExpectedName, "no \(noun) `\(name.value)` in policy set `\(policy.info.id)`", at: name.span,
                help: Suggestion.didYouMean(name.value, among: known))
        }
    }

    private func reportDuplicates(_ cases: [TestCase]) {
        var seen: [String: SourceSpan] = [:]
        for testCase in cases {
            if let first = seen[testCase.name] {
                log.error(
                    .duplicateCaseName, "two cases are named `\(testCase.name)`", at: testCase.span,
                    notes: ["first named at \(first)"])
            } else {
                seen[testCase.name] = testCase.span
            }
        }
    }
}
