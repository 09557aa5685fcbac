/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalars (characters as an editor shows them for most text), not bytes,
/// so a diagnostic on a line with Japanese text still points at the right character.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Where a node stands in its file. Spans never take part in the equality of the values they annotate.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (relative path when they gave one).
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// `file:line:column` of the start, the form every diagnostic uses.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}

/// How a scalar was written; a quoted `"1"` is a string even where a number is expected.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar with its text exactly as written (after YAML unescaping) and its span.
public struct YAMLScalar: Sendable {
    public var text: String
    public var style: ScalarStyle
    public var tag: String?
    public var span: SourceSpan

    public init(text: String, style: ScalarStyle, tag: String? = nil, span: SourceSpan) {
        self.text = text
        self.style = style
        self.tag = tag
        self.span = span
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty plain scalar: YAML's null.
    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// A plain `<<` (or one tagged `!!merge`): in key position, YAML 1.1's merge key, not a key named `<<`.
    var isMergeKey: Bool {
        text == "<<" && (style == .plain && tag == nil || tag == "tag:yaml.org,2002:merge")
    }
}

/// One `key: value` pair of a mapping, in file order. Keys are scalars: Kensa rejects complex keys.
public struct YAMLEntry: Sendable {
    public var key: YAMLScalar
    public var value: YAMLNode

    public init(key: YAMLScalar, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A YAML node with its source span; aliases are already expanded.
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping([YAMLEntry], SourceSpan)
    case sequence([YAMLNode], SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .scalar(let scalar): scalar.span
        case .mapping(_, let span), .sequence(_, let span): span
        }
    }
}
