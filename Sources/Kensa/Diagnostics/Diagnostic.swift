import KensaYAML

/// How serious a diagnostic is: errors stop a policy set from compiling, warnings do not.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// One problem found in a policy file: a stable code, a message in the author's words, where it is, and a hint.
///
/// Diagnostics are data so that every problem of a set can be collected, sorted and shown at once.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var span: SourceSpan
    /// Further facts, each one line ("first defined at rules.yaml:12:5").
    public var notes: [String]
    /// A suggested fix ("did you mean `buyer.entity_class`?").
    public var help: String?

    public init(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, severity: Severity = .error,
        notes: [String] = [], help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
    }

    /// `path:line:column: error[K201]: message`, then `  note:` and `  help:` lines.
    public var description: String {
        var text = "\(span): \(severity.rawValue)[\(code.rawValue)]: \(message)"
        for note in notes { text += "\n  note: \(note)" }
        if let help { text += "\n  help: \(help)" }
        return text
    }

    /// Sorts by file, line, column, then code, so output is stable whatever order checks ran in.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.span.file, lhs.span.start.line, lhs.span.start.column, lhs.code.rawValue, lhs.message)
            < (rhs.span.file, rhs.span.start.line, rhs.span.start.column, rhs.code.rawValue, rhs.message)
    }
}

/// The diagnostics of a policy set that failed to compile, sorted; thrown by `PolicySet.load`.
public struct PolicyErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
