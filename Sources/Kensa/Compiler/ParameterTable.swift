import KensaYAML

/// The set's named values, looked up by `$name` while compiling.
///
/// A parameter whose value could not be read (or is another `$parameter`) is still defined: references to it resolve to nothing without a
/// further error, since the definition's own error explains them.
struct ParameterTable {
    private var values: [String: ParameterSyntax] = [:]

    init(_ parameters: [ParameterSyntax], log: DiagnosticLog) {
        for parameter in parameters {
            if let first = values[parameter.name.value] {
                log.error(
                    .duplicateID, "parameter `\(parameter.name.value)` is defined twice", at: parameter.name.span,
                    notes: ["first defined at \(first.name.span)"])
                continue
            }
            var parameter = parameter
            if case .parameter(let reference)? = parameter.value {
                log.error(
                    .wrongType,
                    "parameter `\(parameter.name.value)` refers to `$\(reference.value)`; write the value itself",
                    at: reference.span)
                parameter.value = nil
            }
            values[parameter.name.value] = parameter
            if let value = parameter.value { Self.checkDates(value, log: log) }
        }
    }

    var names: [String] { values.keys.sorted() }

    /// The value written, with a parameter replaced by its definition; nil for an undefined name (with an error)
    /// or for a parameter whose value could not be read.
    func resolve(_ value: ValueSyntax, log: DiagnosticLog) -> (value: ValueSyntax, parameter: String?)? {
        guard case .parameter(let name) = value else { return (value, nil) }
        guard let parameter = values[name.value] else {
            log.error(
                .undefinedParameter, "parameter `$\(name.value)` is not defined", at: name.span,
                help: Suggestion.closest(to: name.value, among: names).map { "did you mean `$\($0)`?" }
                    ?? "define it under `parameters:`")
            return nil
        }
        return parameter.value.map { ($0, name.value) }
    }

    /// A value written like a date (`2019-04-31`) must be a real one, even before anything uses it.
    private static func checkDates(_ value: ValueSyntax, log: DiagnosticLog) {
        for scalar in OperandTyper.scalars(value)
        where Day.isWrittenLikeADate(scalar.text) && Day(iso: scalar.text) == nil {
            log.error(.invalidDate, "`\(scalar.text)` is \(Day.whyNotADay(scalar.text))", at: scalar.span)
        }
    }
}
