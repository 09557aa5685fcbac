import KensaYAML

/// Adds a set's `fields` declarations to record v1.
enum FieldDeclarations {
    static let types = ["text", "number", "bool", "date", "choice", "list"]

    static func layout(adding declarations: [FieldDeclSyntax], log: DiagnosticLog) -> RecordLayout {
        var layout = RecordLayout.recordV1
        for declaration in declarations {
            if layout.slot(of: declaration.path.value) != nil {
                log.error(
                    .duplicateID,
                    "field `\(declaration.path.value)` is already defined (record v1 has it, or another file)",
                    at: declaration.path.span)
                continue
            }
            guard let type = fieldType(declaration, log: log) else { continue }
            layout.append(FieldSpec(declaration.path.value, type, summary: declaration.description ?? ""))
        }
        return layout
    }

    private static func fieldType(_ declaration: FieldDeclSyntax, log: DiagnosticLog) -> FieldType? {
        let values = declaration.values.map(\.text)
        func scalarType(_ name: Located<String>) -> FieldType? {
            switch name.value {
            case "text": return .text
            case "number": return .number
            case "bool": return .bool
            case "date": return .date
            case "choice":
                if values.isEmpty {
                    log.error(
                        .missingKey, "field `\(declaration.path.value)` is a choice but lists no `values`",
                        at: name.span)
                    return nil
                }
                return .choice(values)
            default:
                log.error(
                    .unknownValue, "`\(name.value)` is not a field type", at: name.span,
                    help: Suggestion.didYouMean(name.value, among: types)
                        ?? "types: \(types.map { "`\($0)`" }.joined(separator: ", "))")
                return nil
            }
        }
        guard declaration.type.value == "list" else { return scalarType(declaration.type) }
        guard let element = declaration.elementType else {
            log.error(
                .missingKey, "field `\(declaration.path.value)` is a list but has no `element` type",
                at: declaration.type.span)
            return nil
        }
        guard let elementType = scalarType(element) else { return nil }
        return .list(elementType)
    }
}
