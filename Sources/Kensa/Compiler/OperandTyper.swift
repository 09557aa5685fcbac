import KensaYAML

/// Checks a field operator against the field's type and turns its written value into a typed operand.
struct OperandTyper {
    let field: FieldSpec
    let log: DiagnosticLog

    private enum Shape { case single, many, flag }

    /// The operator, the typed operand, and how the expected value reads in a trace; nil after logging an error.
    func compile(
        op: Located<String>, value: ValueSyntax, at span: SourceSpan
    )
        -> (FieldTest.Operator, Operand, String)?
    {
        let (fieldOp, shape, valueType): (FieldTest.Operator, Shape, FieldType?)
        switch op.value {
        case "equals": (fieldOp, shape, valueType) = (.equals, .single, scalarType)
        case "not_equals": (fieldOp, shape, valueType) = (.notEquals, .single, scalarType)
        case "in": (fieldOp, shape, valueType) = (.isIn, .many, scalarType)
        case "not_in": (fieldOp, shape, valueType) = (.notIn, .many, scalarType)
        case "contains": (fieldOp, shape, valueType) = (.contains, .single, elementType)
        case "contains_any": (fieldOp, shape, valueType) = (.containsAny, .many, elementType)
        case "contains_all": (fieldOp, shape, valueType) = (.containsAll, .many, elementType)
        case "at_least": (fieldOp, shape, valueType) = (.atLeast, .single, orderedType)
        case "at_most": (fieldOp, shape, valueType) = (.atMost, .single, orderedType)
        case "above": (fieldOp, shape, valueType) = (.above, .single, orderedType)
        case "below": (fieldOp, shape, valueType) = (.below, .single, orderedType)
        default:
            guard let flag = Self.bool(value, key: "present", log: log) else { return nil }
            return (.present(flag), .none, String(flag))
        }
        guard let valueType else {
            log.error(
                .operatorMismatch,
                "`\(op.value)` does not apply to `\(field.path)`, which is \(Self.describe(field.type))",
                at: op.span, help: Self.operatorHelp(for: field.type))
            return nil
        }
        let scalars = Self.scalars(value)
        if shape == .single, case .list = value {
            log.error(
                .wrongType, "`\(op.value)` takes a single value, not a list", at: span,
                help: op.value == "equals" ? "use `in` for a list" : nil)
            return nil
        }
        guard let operand = typed(scalars, as: valueType) else { return nil }
        let expected =
            shape == .single ? scalars.first?.text ?? "" : "[" + scalars.map(\.text).joined(separator: ", ") + "]"
        return (fieldOp, operand, expected)
    }

    private var scalarType: FieldType? {
        switch field.type {
        case .list, .objectList: nil
        default: field.type
        }
    }

    private var elementType: FieldType? {
        if case .list(let element) = field.type { return element }
        return nil
    }

    private var orderedType: FieldType? {
        switch field.type {
        case .number, .date: field.type
        default: nil
        }
    }

    /// Types every written value for `type`; logs each value that does not fit.
    private func typed(_ scalars: [YAMLScalar], as type: FieldType) -> Operand? {
        var failed = false
        func fail(_ code: DiagnosticCode, _ message: String, _ scalar: YAMLScalar, help: String? = nil) {
            log.error(code, message, at: scalar.span, help: help)
            failed = true
        }
        let operand: Operand
        switch type {
        case .choice(let values):
            var members = [Bool](repeating: false, count: values.count)
            for scalar in scalars {
                if let index = values.firstIndex(of: scalar.text) {
                    members[index] = true
                } else {
                    fail(
                        .invalidValue, "`\(scalar.text)` is not a value of `\(field.path)`", scalar,
                        help: Suggestion.didYouMean(scalar.text, among: values)
                            ?? "values: \(values.map { "`\($0)`" }.joined(separator: ", "))")
                }
            }
            operand = .choices(members, count: Set(scalars.map(\.text)).count)
        case .date:
            var days: [Day] = []
            for scalar in scalars {
                if let day = Day(iso: scalar.text) {
                    days.append(day)
                } else {
                    fail(.invalidDate, "`\(scalar.text)` is \(Day.whyNotADay(scalar.text))", scalar)
                }
            }
            operand = days.first.map(Operand.day) ?? .none
            if scalars.count > 1 {
                fail(.wrongType, "compare `\(field.path)` with one date at a time", scalars[1])
            }
        case .number:
            var numbers: [Double] = []
            for scalar in scalars {
                if scalar.style == .plain, let number = Double(scalar.text) {
                    numbers.append(number)
                } else {
                    fail(.invalidValue, "`\(scalar.text)` is not a number", scalar)
                }
            }
            operand = .numbers(numbers)
        case .bool:
            var flags: [Bool] = []
            for scalar in scalars {
                switch scalar.text {
                case "true" where scalar.style == .plain: flags.append(true)
                case "false" where scalar.style == .plain: flags.append(false)
                default: fail(.invalidValue, "`\(scalar.text)` is not `true` or `false`", scalar)
                }
            }
            guard flags.count <= 1 else {
                fail(.wrongType, "`\(field.path)` is true or false: compare it with one of them", scalars[1])
                return nil
            }
            operand = flags.first.map(Operand.bool) ?? .none
        case .text:
            operand = .texts(Set(scalars.map(\.text)))
        case .list, .objectList:
            return nil
        }
        return failed ? nil : operand
    }

    /// The scalars of a value (one for a scalar, each item of a list).
    static func scalars(_ value: ValueSyntax) -> [YAMLScalar] {
        switch value {
        case .scalar(let scalar): [scalar]
        case .list(let items, _): items
        case .parameter: []
        }
    }

    /// `true` or `false` written plainly.
    static func bool(_ value: ValueSyntax, key: String, log: DiagnosticLog) -> Bool? {
        if case .scalar(let scalar) = value, scalar.style == .plain {
            if scalar.text == "true" { return true }
            if scalar.text == "false" { return false }
        }
        log.error(.wrongType, "`\(key)` must be `true` or `false`", at: value.span)
        return nil
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.count == 2 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// The field type in the author's words.
    static func describe(_ type: FieldType) -> String {
        switch type {
        case .text: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .date: "a date"
        case .choice: "one of a set of values"
        case .list: "a list"
        case .objectList: "a list of objects"
        }
    }

    private static func operatorHelp(for type: FieldType) -> String {
        switch type {
        case .list: "for a list use `contains`, `contains_any`, `contains_all` or `present`"
        case .objectList: "for a list of objects use `some` or `every` with `where`"
        case .number, .date: "use `equals`, `in`, `at_least`, `at_most`, `above`, `below` or `present`"
        default: "use `equals`, `not_equals`, `in`, `not_in` or `present`"
        }
    }
}
