/// What would change a record's outcome: for a record that is not `permitted`, the smallest sets of changes that
/// make it `permitted`; for a `permitted` record, the single changes that make it `prohibited`. Every suggestion
/// was verified by deciding the changed record.
public struct WhatIfAnswer: Sendable {
    public var id: String
    public var outcome: Outcome
    public var target: Outcome
    public var suggestions: [WhatIfSuggestion]
    /// How many changed records were decided.
    public var tried: Int
    /// False when the search stopped at its bound before trying every combination up to the size searched.
    public var complete: Bool
}

/// One set of changes and the outcome the changed record gets.
public struct WhatIfSuggestion: Sendable, Hashable {
    /// Each change in the reviewer's words.
    public var changes: [String]
    public var outcome: Outcome
}

extension WhatIfAnswer {
    /// The answer for a terminal.
    public var text: String {
        var lines = ["\(id): \(outcome.name)"]
        if suggestions.isEmpty {
            lines.append("  no change of up to three fields makes it \(target.name)")
        } else {
            lines.append(
                outcome == .permitted
                    ? "  single changes that would make it \(target.name):" : "  it would be \(target.name) with:")
            for (index, suggestion) in suggestions.enumerated() {
                lines.append("  \(index + 1). " + suggestion.changes.joined(separator: "; and "))
            }
        }
        lines.append("  (\(tried) changed records decided\(complete ? "" : ", search bounded"))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answer as one JSON object.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("id", id)
        writer.field("outcome", outcome.name)
        writer.field("target", target.name)
        writer.key("suggestions")
        writer.beginArray()
        for suggestion in suggestions {
            writer.beginObject()
            writer.field("changes", strings: suggestion.changes)
            writer.field("outcome", suggestion.outcome.name)
            writer.endObject()
        }
        writer.endArray()
        writer.key("tried")
        writer.int(tried)
        writer.key("complete")
        writer.bool(complete)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}
