@testable import KensaYAML

/// Parses `text` as the file `test.yaml`.
func parse(_ text: String, limits: YAMLLimits = .standard) -> YAMLFile {
    YAMLReader.parse(text, file: "test.yaml", limits: limits)
}

func at(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

extension YAMLNode {
    /// The value of the first entry with key text `key`, when this is a mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.first { $0.key.text == key }?.value
    }

    /// The item at `index`, when this is a sequence.
    subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items, _) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var scalar: YAMLScalar? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar
    }

    var entries: [YAMLEntry] {
        guard case .mapping(let entries, _) = self else { return [] }
        return entries
    }

    /// `start-end` of the span, e.g. `2:3-5:10`, for compact assertions.
    var range: String { "\(span.start)-\(span.end)" }
}
