/// The text form of a decision, for a reviewer at a terminal: outcome and reasons, then, with a trace, every
/// scope, rule and condition indented under what it explains.
public struct DecisionText {
    /// Colour escapes, only for a terminal and never with `NO_COLOR`.
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ decision: Decision) -> String {
        var lines: [String] = []
        lines.append("\(decision.id): \(paint(decision.outcome))")
        let judged = decision.judgedAt.map { "judged at \($0)" } ?? "judgment date unknown"
        lines.append(Self.policyLineStart(decision.policy) + judged)
        if !decision.decidedBy.isEmpty { lines.append("  decided by: \(decision.decidedBy.joined(separator: ", "))") }
        if !decision.exemptionsApplied.isEmpty {
            lines.append("  exemptions applied: \(decision.exemptionsApplied.joined(separator: ", "))")
        }
        for reason in decision.reasons { lines.append("  - \(reason)") }
        if let trace = decision.trace {
            lines.append("  trace:")
            for event in trace { lines.append(render(event)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One trace event as an indented line with its mark (✓ ✗ ?), as `render(_:)` shows it under `trace:`.
    package func render(_ event: TraceEvent) -> String {
        render(event, indent: String(repeating: "  ", count: event.depth + 2))
    }

    /// One trace event as `render(_:)` shows it, indented by `indent`: the fast path of `decide --explain` cuts its
    /// templates from lines whose indent is a marker (`TraceFormat`).
    func render(_ event: TraceEvent, indent: String) -> String {
        var line = indent + mark(event) + " " + event.text
        if let actual = event.actual { line += " — record: \(actual)" }
        if let window = event.window { line += " (in force \(window))" }
        if let location = event.location, event.kind != .condition { line += "  (\(location))" }
        if let cites = event.cites, !cites.isEmpty { line += "\n\(indent)    cites: \(cites)" }
        return line
    }

    private func mark(_ event: TraceEvent) -> String {
        switch event.result {
        case "true", "holds", "fired", "applied": paint("✓", code: "32")
        case "false", "does_not_hold", "not_fired", "not_applied": paint("✗", code: "2")
        case "unknown": paint("?", code: "33")
        default: "•"
        }
    }

    /// `  policy jp-it-procurement 2020.1 (sha256:83d33d5f5945…), `: the second line, before the judgment date.
    static func policyLineStart(_ policy: PolicyInfo) -> String {
        "  policy \(policy.id) \(policy.version) (\(policy.digest.prefix(19))…), "
    }

    /// The outcome's name, coloured when `colour` is on.
    func paint(_ outcome: Outcome) -> String {
        switch outcome {
        case .prohibited: paint(outcome.name, code: "1;31")
        case .reviewRequired: paint(outcome.name, code: "1;33")
        case .permitted: paint(outcome.name, code: "1;32")
        case .notApplicable: paint(outcome.name, code: "1")
        }
    }

    private func paint(_ text: String, code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
