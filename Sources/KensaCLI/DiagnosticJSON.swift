import Kensa

/// `kensa check --format json`: diagnostics as one JSON document.
enum DiagnosticJSON {
    static func text(_ diagnostics: [Diagnostic], policy: PolicyInfo?) -> String {
        var lines = ["{"]
        lines.append("  \"ok\": \(policy != nil),")
        if let policy {
            lines.append(
                "  \"policy\": {\"id\": \(quote(policy.id)), \"version\": \(quote(policy.version)), \"digest\": \(quote(policy.digest))},"
            )
        }
        let items = diagnostics.map { diagnostic in
            var fields = [
                "\"code\": \(quote(diagnostic.code.rawValue))", "\"severity\": \(quote(diagnostic.severity.rawValue))",
                "\"message\": \(quote(diagnostic.message))", "\"file\": \(quote(diagnostic.span.file))",
                "\"line\": \(diagnostic.span.start.line)", "\"column\": \(diagnostic.span.start.column)",
            ]
            if !diagnostic.notes.isEmpty {
                fields.append("\"notes\": [\(diagnostic.notes.map(quote).joined(separator: ", "))]")
            }
            if let help = diagnostic.help { fields.append("\"help\": \(quote(help))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        lines.append("  \"diagnostics\": [" + (items.isEmpty ? "]" : "\n" + items.joined(separator: ",\n") + "\n  ]"))
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private static func quote(_ text: String) -> String { DecisionJSON.quoted(text) }
}
