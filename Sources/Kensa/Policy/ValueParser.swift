import KensaYAML

/// Reads an operand or parameter value: a scalar, a list of scalars, or a `$name` reference.
enum ValueParser {
    static func value(_ node: YAMLNode, key: String, log: DiagnosticLog) -> ValueSyntax? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, scalar.text.hasPrefix("$") {
                return .parameter(Located(String(scalar.text.dropFirst()), scalar.span))
            }
            return .scalar(scalar)
        case .sequence(let items, let span):
            var scalars: [YAMLScalar] = []
            for item in items {
                guard case .scalar(let scalar) = item else {
                    log.error(.wrongType, "`\(key)` must be a list of single values", at: item.span)
                    return nil
                }
                scalars.append(scalar)
            }
            return .list(scalars, span)
        case .mapping:
            log.error(.wrongType, "`\(key)` must be a value or a list of values, not a mapping", at: node.span)
            return nil
        }
    }
}
