import KensaYAML

/// Records written in test files: YAML nodes edited by dotted paths and written out as record v1 JSON, so a test
/// record is read by the same record reader, with the same field typing, as records in a file.
enum YAMLRecord {
    /// `node` with the value at a dotted path (`consultation.status`) replaced or added; nil when a part of the path
    /// on the way is not a mapping.
    static func setting(_ path: [String], to value: YAMLNode, in node: YAMLNode) -> YAMLNode? {
        guard let first = path.first else { return value }
        guard case .mapping(var entries, let span) = node else { return nil }
        if let index = entries.firstIndex(where: { $0.key.text == first }) {
            guard let changed = setting(Array(path.dropFirst()), to: value, in: entries[index].value) else {
                return nil
            }
            entries[index].value = changed
        } else {
            let empty = YAMLNode.mapping([], value.span)
            guard let changed = setting(Array(path.dropFirst()), to: value, in: empty) else { return nil }
            entries.append(YAMLEntry(key: YAMLScalar(text: first, style: .plain, span: value.span), value: changed))
        }
        return .mapping(entries, span)
    }

    /// `node` without the value at a dotted path; nil when the record has no value there.
    static func removing(_ path: [String], from node: YAMLNode) -> YAMLNode? {
        guard let first = path.first, case .mapping(var entries, let span) = node,
            let index = entries.firstIndex(where: { $0.key.text == first })
        else { return nil }
        if path.count == 1 {
            entries.remove(at: index)
        } else {
            guard let changed = removing(Array(path.dropFirst()), from: entries[index].value) else { return nil }
            entries[index].value = changed
        }
        return .mapping(entries, span)
    }

    /// The text of the top-level `id`, if the record gives one.
    static func id(of node: YAMLNode) -> String? {
        guard case .mapping(let entries, _) = node, let entry = entries.first(where: { $0.key.text == "id" }),
            case .scalar(let scalar) = entry.value, !scalar.isNull
        else { return nil }
        return scalar.text
    }

    /// The record as one line of JSON. Plain scalars that read as JSON numbers, `true`, `false` or null become
    /// those; everything else (dates included) is a string, as in a JSON record file.
    static func json(_ node: YAMLNode) -> String {
        var out = ""
        write(node, to: &out)
        return out
    }

    private static func write(_ node: YAMLNode, to out: inout String) {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.isNull { out += "null"; return }
                if scalar.text == "true" || scalar.text == "false" || isJSONNumber(scalar.text) {
                    out += scalar.text
                    return
                }
            }
            out += DecisionJSON.quoted(scalar.text)
        case .sequence(let items, _):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .mapping(let entries, _):
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "," }
                out += DecisionJSON.quoted(entry.key.text) + ":"
                write(entry.value, to: &out)
            }
            out += "}"
        }
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        func digits() -> Int {
            let count = rest.prefix { $0.isASCII && $0.isNumber }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.first == "0" { rest = rest.dropFirst() } else if digits() == 0 { return false }
        if rest.first == "." {
            rest = rest.dropFirst()
            if digits() == 0 { return false }
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            if digits() == 0 { return false }
        }
        return rest.isEmpty
    }
}
