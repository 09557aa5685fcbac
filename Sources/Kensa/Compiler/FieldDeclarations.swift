import KensaYAML

/// Adds a set's `fields` declarations to record v1.
enum FieldDeclarations {
    static let types = ["text", "number", "bool", "date", "choice", "list"]

    /// Record v1 with every well-declared field added, and the paths declared without a usable type (each with its
    /// error logged), which conditions may name without being told the field is unknown.
    static func layout(
        adding declarations: [FieldDeclSyntax], log: DiagnosticLog
    ) -> (layout: RecordLayout, unusable: Set<String>) {
        var layout = RecordLayout.recordV1
        var unusable = Set<String>()
        for declaration in declarations {
            if layout.slot(of: declaration.path.value) != nil {
                log.error(
                    .duplicateID,
                    "field `\(declaration.path.value)` is already defined (record v1 has it, or another file)",
                    at: declaration.path.span)
                continue
            }
            guard let type = fieldType(declaration, log: log) else {
                unusable.insert(declaration.path.value)
                continue
            }
            layout.append(FieldSpec(declaration.path.value, type, summary: declaration.description ?? ""))
        }
        return (layout, unusable.filter { layout.slot(of: $0) == nil })
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
        guard let written = declaration.type else { return nil }
        guard written.value == "list" else { return scalarType(written) }
        guard let element = declaration.elementType else {
            log.error(
                .missingKey, "field `\(declaration.path.value)` is a list but has no `element` type",
                at: written.span)
            return nil
        }
        guard let elementType = scalarType(element) else { return nil }
        return .list(elementType)
    }
}
