/// A decision as one self-contained HTML page for reviewers: outcome, reasons, then the trace with every scope,
/// rule and condition indented under what it explains. No scripts, no external files; the same decision always
/// gives the same bytes.
public enum DecisionHTML {
    public static func page(_ decision: Decision) -> String {
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(escape(decision.id)): \(decision.outcome.name)</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
            h1{font-size:1.3em}.outcome{padding:.1em .5em;border-radius:.3em;color:#fff}
            .prohibited{background:#b00020}.review_required{background:#a86400}.permitted{background:#1b6e20}
            .not_applicable{background:#555}ul.trace{list-style:none;padding-left:0}
            ul.trace li{margin:.15em 0;white-space:pre-wrap}.yes{color:#1b6e20}.no{color:#777}.unknown{color:#a86400}
            .where{color:#888;font-size:.85em}code{background:#f3f3f3;padding:0 .2em}
            </style></head><body>

            """
        html +=
            "<h1>\(escape(decision.id)) <span class=\"outcome \(decision.outcome.name)\">\(decision.outcome.name)</span></h1>\n"
        let judged = decision.judgedAt.map { "judged at \($0)" } ?? "judgment date unknown"
        html +=
            "<p>Policy <code>\(escape(decision.policy.id))</code> \(escape(decision.policy.version)), "
            + "<code>\(escape(decision.policy.digest))</code>, \(judged).</p>\n"
        if !decision.decidedBy.isEmpty {
            html +=
                "<p>Decided by: " + decision.decidedBy.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
                + "</p>\n"
        }
        if !decision.exemptionsApplied.isEmpty {
            html +=
                "<p>Exemptions applied: "
                + decision.exemptionsApplied.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        html += "<h2>Reasons</h2>\n<ul>\n" + decision.reasons.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        if let trace = decision.trace {
            html += "<h2>Trace</h2>\n<ul class=\"trace\">\n"
            for event in trace { html += line(event) }
            html += "</ul>\n"
        }
        return html + "</body></html>\n"
    }

    private static func line(_ event: TraceEvent) -> String {
        let (mark, kind): (String, String) =
            switch event.result {
            case "true", "holds", "fired", "applied": ("✓", "yes")
            case "false", "does_not_hold", "not_fired", "not_applied": ("✗", "no")
            case "unknown": ("?", "unknown")
            default: ("•", "")
            }
        var text =
            "<li class=\"\(kind)\" style=\"margin-left:\(Double(event.depth) * 1.5)em\">\(mark) \(inline(event.text))"
        if let actual = event.actual { text += " — record: \(escape(actual))" }
        if let window = event.window { text += " (in force \(escape(window)))" }
        if let location = event.location { text += " <span class=\"where\">\(escape(location))</span>" }
        return text + "</li>\n"
    }

    /// Escapes text and turns `backticked` names into code.
    static func inline(_ text: String) -> String {
        let parts = escape(text).split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return escape(text) }
        return parts.enumerated().map {
            $0.offset % 2 == 1 && $0.offset < parts.count - 1 ? "<code>\($0.element)</code>" : String($0.element)
        }
        .joined()
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
