import KensaYAML

/// Collects diagnostics while a policy set is parsed and compiled, so every problem is reported, not only the first.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String? = nil, notes: [String] = []
    ) {
        diagnostics.append(Diagnostic(code, message, at: span, notes: notes, help: help))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: span, severity: .warning, help: help))
    }

    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
