import Kensa

/// Prints policy diagnostics as `path:line:column: error[CODE]: message`, with notes and help lines.
struct DiagnosticPrinter {
    enum Destination { case standardOutput, standardError }

    var colour: Bool

    func print(_ diagnostics: [Diagnostic], to destination: Destination) {
        var text = ""
        for diagnostic in diagnostics {
            var line = diagnostic.description
            if colour {
                let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]"
                let code = diagnostic.severity == .error ? "1;31" : "1;33"
                line = line.replacingOccurrences(of: label, with: "\u{1B}[\(code)m\(label)\u{1B}[0m")
            }
            text += line + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        switch destination {
        case .standardOutput: Swift.print(text, terminator: "")
        case .standardError: Terminal.error(String(text.dropLast()))
        }
    }
}
