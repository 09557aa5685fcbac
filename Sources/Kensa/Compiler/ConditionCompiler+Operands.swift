import KensaYAML

/// Checks of a test's operand that need no record field: vendor operators against the vendor registry, and
/// `$parameter` references. They run even where the field is unknown, so a misspelt field does not hide a misspelt
/// group or parameter in the same test.
extension ConditionCompiler {
    /// The vendor operator and how its expected value reads in a trace; nil after logging an error.
    func vendorOperator(
        _ op: Located<String>, value: ValueSyntax, at span: SourceSpan
    ) -> (op: VendorTest.Operator, expected: String)? {
        let values = OperandTyper.scalars(value)
        let typed: (op: VendorTest.Operator, expected: String)?
        switch op.value {
        case "in_group":
            var members = [Bool](repeating: false, count: vendors.declaredGroupCount)
            var names: [String] = []
            let known = vendors.groups[..<vendors.declaredGroupCount].map(\.name).filter { !$0.isEmpty }
            for value in values {
                guard let group = vendors.groupIndex(named: value.text) else {
                    log.error(
                        .unknownVendorGroup, "vendor group `\(value.text)` is not in the vendor registry",
                        at: value.span, help: Suggestion.didYouMean(value.text, among: known))
                    continue
                }
                members[group] = true
                names.append(value.text)
            }
            typed = (.inGroup(members), names.joined(separator: ", "))
        case "origin", "origin_in":
            for value in values where !OperandTyper.isCountryCode(value.text) {
                log.error(
                    .invalidValue, "`\(value.text)` is not a country code: write ISO 3166-1 alpha-2, such as `CN`",
                    at: value.span)
            }
            let origins = Set(values.map(\.text))
            typed = (
                .origin(vendors.groups.map { origins.contains($0.origin) }),
                values.map(\.text).joined(separator: ", ")
            )
        default:
            typed = OperandTyper.bool(value, key: op.value, log: log).map { (.resolved($0), String($0)) }
        }
        if case .list = value, op.value == "origin" || op.value == "resolved" {
            log.error(
                .wrongType, "`\(op.value)` takes a single value", at: span,
                help: op.value == "origin" ? "use `origin_in` for a list" : nil)
        }
        return typed
    }

    /// Checks the parameters and vendor operands of every test in a condition that cannot be compiled, because the
    /// list it ranges over is unknown or not a list of objects.
    func checkOperands(_ syntax: ConditionSyntax) {
        switch syntax {
        case .all(let parts, _), .any(let parts, _):
            parts.forEach(checkOperands)
        case .not(let inner, _), .quantified(_, _, let inner, _):
            checkOperands(inner)
        case .field(_, _, let operand, _):
            _ = parameters.resolve(operand, log: log)
        case .vendor(_, let op, let operand, _):
            guard let resolved = parameters.resolve(operand, log: log) else { return }
            _ = vendorOperator(op, value: resolved.value, at: operand.span)
        case .invalid:
            break
        }
    }
}
