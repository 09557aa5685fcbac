/// The three forms `kensa lint` writes: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning tools.
extension LintReport {
    /// Every finding as `file:line:column: warning[K5xx]: message` with its notes (the witness first as JSON),
    /// then a count.
    public var text: String {
        var lines = findings.map(\.diagnostic.description)
        let errors = findings.filter { $0.diagnostic.severity == .error }.count
        let warnings = findings.count - errors
        lines.append(
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") "
                + "(\(recordsDecided) records of the decision space decided)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"policy": {...}, "findings": [{code, severity, message, file, line, column, notes, help, witness}]}`.
    public func json(policy: PolicyInfo) -> String {
        let items = findings.map { finding in
            let diagnostic = finding.diagnostic
            var fields = [
                "\"code\": \(q(diagnostic.code.rawValue))", "\"severity\": \(q(diagnostic.severity.rawValue))",
                "\"message\": \(q(diagnostic.message))", "\"file\": \(q(diagnostic.span.file))",
                "\"line\": \(diagnostic.span.start.line)", "\"column\": \(diagnostic.span.start.column)",
            ]
            if let help = diagnostic.help { fields.append("\"help\": \(q(help))") }
            if let witness = finding.witness { fields.append("\"witness\": \(witness)") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return """
            {
              "policy": {"id": \(q(policy.id)), "version": \(q(policy.version)), "digest": \(q(policy.digest))},
              "records_decided": \(recordsDecided),
              "findings": [\(items.isEmpty ? "]" : "\n" + items.joined(separator: ",\n") + "\n  ]")
            }
            """
    }

    /// A SARIF 2.1.0 log with one run: every K5xx code as a rule of the `kensa` driver, every finding as a result.
    public var sarif: String {
        let codes = DiagnosticCode.allCases.filter { $0.rawValue.hasPrefix("K5") }
        let rules = codes.map { code in
            "{\"id\": \(q(code.rawValue)), \"name\": \(q(code.sarifName))}"
        }
        let results = findings.map { finding in
            let diagnostic = finding.diagnostic
            let text = ([diagnostic.message] + diagnostic.notes + (diagnostic.help.map { ["help: \($0)"] } ?? []))
                .joined(separator: "\n")
            let location =
                "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(q(diagnostic.span.file))}, "
                + "\"region\": {\"startLine\": \(diagnostic.span.start.line), \"startColumn\": \(diagnostic.span.start.column)}}}"
            return "{\"ruleId\": \(q(diagnostic.code.rawValue)), \"level\": \(q(diagnostic.severity.rawValue)), "
                + "\"message\": {\"text\": \(q(text))}, \"locations\": [\(location)]}"
        }
        return """
            {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{
              "tool": {"driver": {"name": "kensa", "rules": [
                \(rules.joined(separator: ",\n    "))
              ]}},
              "results": [\(results.isEmpty ? "" : "\n    " + results.joined(separator: ",\n    ") + "\n  ")]
            }]}
            """
    }

    private func q(_ text: String) -> String { DecisionJSON.quoted(text) }
}

extension DiagnosticCode {
    /// The finding's name in SARIF: `DeadRule`, `ShadowedRule`, …
    var sarifName: String {
        let name = String(describing: self)
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
