import KensaYAML

/// Reads a condition (`all`, `any`, `not`, `field`, `vendor`, `some`, `every`) into `ConditionSyntax`.
struct ConditionParser {
    static let fieldOperators = [
        "equals", "not_equals", "in", "not_in", "contains", "contains_any", "contains_all", "at_least", "at_most",
        "above", "below", "present",
    ]
    static let vendorOperators = ["in_group", "origin", "origin_in", "resolved"]
    static let forms = ["all", "any", "not", "field", "vendor", "some", "every"]

    let log: DiagnosticLog

    func parse(_ node: YAMLNode) -> ConditionSyntax {
        guard var reader = NodeReader(node, what: "a condition", log: log) else { return .invalid(node.span) }
        let forms = Self.forms.filter(reader.has)
        guard forms.count == 1, let form = forms.first else {
            let written = reader.entries.map { "`\($0.key.text)`" }.joined(separator: ", ")
            log.error(
                .malformedCondition,
                forms.isEmpty
                    ? "a condition needs one of `all`, `any`, `not`, `field`, `vendor`, `some`, `every`; found \(written.isEmpty ? "nothing" : written)"
                    : "a condition takes one form; found \(forms.map { "`\($0)`" }.joined(separator: " and "))",
                at: reader.span,
                help: forms.isEmpty
                    ? reader.entries.lazy.compactMap { Suggestion.didYouMean($0.key.text, among: Self.forms) }.first
                    : "split it into an `all` or `any` list")
            return .invalid(reader.span)
        }
        switch form {
        case "all", "any":
            reader.allowOnly([form])
            let parts = reader.items(form).map(parse)
            if parts.isEmpty {
                log.error(.malformedCondition, "`\(form)` needs at least one condition", at: reader.span)
            }
            return form == "all" ? .all(parts, reader.span) : .any(parts, reader.span)
        case "not":
            reader.allowOnly(["not"])
            return .not(reader.node("not").map(parse) ?? .invalid(reader.span), reader.span)
        case "some", "every":
            reader.allowOnly([form, "where"])
            let list = reader.text(form)
            let inner = reader.node("where", required: true).map(parse)
            guard let list, let inner else { return .invalid(reader.span) }
            return .quantified(every: form == "every", list: list, condition: inner, span: reader.span)
        default:
            return parseTest(reader, form: form)
        }
    }

    private func parseTest(_ reader: NodeReader, form: String) -> ConditionSyntax {
        var reader = reader
        let operators = form == "field" ? Self.fieldOperators : Self.vendorOperators
        let otherForm = form == "field" ? "vendor" : "field"
        let otherOperators = form == "field" ? Self.vendorOperators : Self.fieldOperators
        reader.allowOnly([form] + operators + otherOperators)
        guard let path = reader.text(form) else { return .invalid(reader.span) }
        if let crossed = reader.entries.first(where: { otherOperators.contains($0.key.text) }) {
            let tests = form == "field" ? "a vendor name, resolved by the vendor registry" : "a field's value"
            log.error(
                .operatorMismatch, "`\(crossed.key.text)` tests \(tests), not `\(form): \(path.value)`",
                at: crossed.key.span, help: "write `\(otherForm): \(path.value)`")
            return .invalid(reader.span)
        }
        let written = reader.entries.filter { operators.contains($0.key.text) }
        guard written.count == 1, let entry = written.first else {
            // A misspelt operator is the unknown key already reported; saying the test has none would repeat it.
            let misspelt = reader.entries.contains { $0.key.text != form && !operators.contains($0.key.text) }
            if written.isEmpty && misspelt { return .invalid(reader.span) }
            log.error(
                .malformedCondition,
                written.isEmpty
                    ? "`\(form): \(path.value)` needs an operator"
                    : "`\(form): \(path.value)` takes one operator; found \(written.map { "`\($0.key.text)`" }.joined(separator: " and "))",
                at: reader.span,
                help: written.isEmpty
                    ? "operators: \(operators.map { "`\($0)`" }.joined(separator: ", "))"
                    : "split it into an `all` list")
            return .invalid(reader.span)
        }
        guard let operand = ValueParser.value(entry.value, key: entry.key.text, log: log) else {
            return .invalid(reader.span)
        }
        let op = Located(entry.key.text, entry.key.span)
        return form == "field"
            ? .field(path: path, op: op, operand: operand, span: reader.span)
            : .vendor(path: path, op: op, operand: operand, span: reader.span)
    }
}
