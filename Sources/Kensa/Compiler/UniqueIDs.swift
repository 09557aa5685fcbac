import KensaYAML

/// Rejects an id written twice among items of one kind (rules, scopes, vendor groups …), pointing at the first.
enum UniqueIDs {
    /// Logs each id after its first, as "`what` `id` is defined twice" and, when the items belong to one owner
    /// (the exceptions of a rule), " in `owner`".
    static func check(_ ids: [Located<String>], what: String, in owner: String? = nil, log: DiagnosticLog) {
        var seen: [String: SourceSpan] = [:]
        for id in ids {
            if let first = seen[id.value] {
                log.error(
                    .duplicateID, "\(what) `\(id.value)` is defined twice" + (owner.map { " in \($0)" } ?? ""),
                    at: id.span, notes: ["first defined at \(first)"])
            } else {
                seen[id.value] = id.span
            }
        }
    }
}
