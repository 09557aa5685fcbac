import KensaYAML

/// Reads one YAML mapping of a policy file: checks its keys against the language and yields typed values,
/// logging a positioned diagnostic for anything of the wrong kind.
struct NodeReader {
    private(set) var entries: [YAMLEntry]
    let span: SourceSpan
    let log: DiagnosticLog
    /// What the mapping is, in the author's words ("a rule", "the `policy` section").
    let what: String

    /// Nil (with a diagnostic) when the node is not a mapping.
    init?(_ node: YAMLNode, what: String, log: DiagnosticLog) {
        guard case .mapping(let entries, let span) = node else {
            log.error(.wrongType, "\(what) must be a mapping of keys to values", at: node.span)
            return nil
        }
        self.entries = entries
        self.span = span
        self.log = log
        self.what = what
    }

    /// Reports every key not in `allowed`, with a did-you-mean help line.
    ///
    /// A misspelt key whose meant key is clear (the help names it) and not also written is then read as that key,
    /// so one typo is one error: `paramters:` does not also leave every `$parameter` of the set undefined.
    mutating func allowOnly(_ allowed: [String]) {
        for index in entries.indices where !allowed.contains(entries[index].key.text) {
            let key = entries[index].key
            let meant = Suggestion.closest(to: key.text, among: allowed)
            log.error(
                .unknownKey, "unknown key `\(key.text)` in \(what)", at: key.span,
                help: meant.map { "did you mean `\($0)`?" }
                    ?? "allowed keys: \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
            if let meant, !has(meant) { entries[index].key.text = meant }
        }
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key.text == key } }

    /// The value node of `key`, if present; logs a missing-key error when `required`.
    func node(_ key: String, required: Bool = false) -> YAMLNode? {
        if let entry = entries.first(where: { $0.key.text == key }) { return entry.value }
        if required { log.error(.missingKey, "\(what) has no `\(key)`", at: span) }
        return nil
    }

    /// A scalar's text; nil for null, absent (with an error when required) or not a scalar (with an error).
    func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = node(key, required: required) else { return nil }
        return Self.text(node, key: key, log: log)
    }

    /// A scalar's text from a node, or an error naming `key`.
    static func text(_ node: YAMLNode, key: String, log: DiagnosticLog) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            log.error(.wrongType, "`\(key)` must be a single value, not a \(node.kindName)", at: node.span)
            return nil
        }
        if scalar.isNull {
            log.error(.wrongType, "`\(key)` is empty", at: scalar.span)
            return nil
        }
        return Located(scalar.text, scalar.span)
    }

    /// An identifier: letters, digits, `-`, `_` and `.`.
    func id(_ key: String, required: Bool = true) -> Located<String>? {
        guard let text = text(key, required: required) else { return nil }
        let allowed = text.value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        if !allowed || text.value.isEmpty {
            log.error(
                .invalidID, "`\(text.value)` is not a valid id: use letters, digits, `-`, `_` and `.`", at: text.span)
        }
        return text
    }

    /// A date written `YYYY-MM-DD`.
    func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let text = text(key, required: required) else { return nil }
        return Self.day(text, log: log)
    }

    /// A date from text, or an invalid-date error.
    static func day(_ text: Located<String>, log: DiagnosticLog) -> Located<Day>? {
        guard let day = Day(iso: text.value) else {
            log.error(.invalidDate, "`\(text.value)` is \(Day.whyNotADay(text.value))", at: text.span)
            return nil
        }
        return Located(day, text.span)
    }

    /// `true` or `false`; `fallback` when absent.
    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let text = text(key) else { return fallback }
        switch text.value {
        case "true": return true
        case "false": return false
        default:
            log.error(.wrongType, "`\(key)` must be `true` or `false`, not `\(text.value)`", at: text.span)
            return fallback
        }
    }

    /// A list of scalars; a single scalar is read as a one-element list.
    func texts(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = node(key, required: required) else { return [] }
        switch node {
        case .scalar(let scalar):
            if scalar.isNull { return [] }
            if scalar.style == .plain && scalar.text.contains(",") {
                log.warning(
                    .wrongType, "`\(key)` is one value, `\(scalar.text)`, not a list", at: scalar.span,
                    help: "for several values write a list, `[\(scalar.text)]`; to keep one value, quote it")
            }
            return [Located(scalar.text, scalar.span)]
        case .sequence(let items, _):
            return items.compactMap { Self.text($0, key: key, log: log) }
        case .mapping:
            log.error(.wrongType, "`\(key)` must be a list of values, not a mapping", at: node.span)
            return []
        }
    }

    /// Each item of a list-valued key (a single mapping counts as a one-item list).
    func items(_ key: String, required: Bool = false) -> [YAMLNode] {
        guard let node = node(key, required: required) else { return [] }
        return Self.items(node, key: key, log: log)
    }

    static func items(_ node: YAMLNode, key: String, log: DiagnosticLog) -> [YAMLNode] {
        switch node {
        case .sequence(let items, _): return items
        case .scalar(let scalar) where scalar.isNull: return []
        default:
            log.error(.wrongType, "`\(key)` must be a list, not a \(node.kindName)", at: node.span)
            return []
        }
    }
}

extension YAMLNode {
    /// "mapping", "list" or "single value", for messages.
    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        }
    }
}
