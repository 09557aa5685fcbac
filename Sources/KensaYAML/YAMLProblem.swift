/// Something wrong in a YAML file, with where it is.
///
/// Problems are data, not thrown errors, so a reader can report every duplicate key in a file at once.
public struct YAMLProblem: Sendable, Hashable, CustomStringConvertible {
    /// Stable kinds; the policy compiler maps each to a documented diagnostic code.
    public enum Kind: String, Sendable, Hashable {
        case syntax
        case duplicateKey
        case complexKey
        /// A YAML merge key `<<`, which Kensa does not expand.
        case mergeKey
        case tooDeep
        case tooLarge
        case tooManyAliasNodes
        case tooMuchAliasText
        case unreadable
        case invalidEncoding
    }

    public var kind: Kind
    public var message: String
    public var position: SourcePosition
    public var file: String

    public init(kind: Kind, message: String, file: String, position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.file = file
        self.position = position
    }

    public var description: String { "\(file):\(position): \(message)" }
}

/// Bounds that keep a hostile or broken file from exhausting memory or the stack.
public struct YAMLLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// Most nodes that alias expansion may produce in one document (guards against "billion laughs").
    public var maxAliasExpandedNodes: Int
    /// Most bytes of scalar text (keys and values) that alias expansion may add in one file.
    ///
    /// Counting nodes alone lets a few aliases of one long text repeat megabytes that later stages then read
    /// once per copy; with this bound they never see more alias-made text than the largest file accepted.
    public var maxAliasExpandedBytes: Int

    public init(
        maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxAliasExpandedNodes: Int = 10_000,
        maxAliasExpandedBytes: Int = 16 << 20
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpandedNodes = maxAliasExpandedNodes
        self.maxAliasExpandedBytes = maxAliasExpandedBytes
    }

    public static let standard = YAMLLimits()
}

/// The documents of one YAML file and every problem found while reading it.
///
/// When a fatal problem (syntax error, limit exceeded) stops the reader, `documents` holds what was complete before it.
public struct YAMLFile: Sendable {
    public var documents: [YAMLNode]
    public var problems: [YAMLProblem]

    public init(documents: [YAMLNode], problems: [YAMLProblem]) {
        self.documents = documents
        self.problems = problems
    }
}
