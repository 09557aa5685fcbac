/// A node finished by `NodeBuilder`, with what the limits need to know about it.
struct BuiltNode {
    var node: YAMLNode
    /// This node and all nodes inside it, keys included.
    var count: Int
    /// Levels of mappings and sequences it contains: 0 for a scalar, 1 for a flat list.
    var height: Int
    /// UTF-8 bytes of the scalar texts in it, keys included: what a copy of it adds to the document's text.
    var textBytes: Int
}

/// A mapping or sequence whose end event has not arrived yet.
///
/// A mapping alternates key and value; it keeps where each key text first appeared so a later duplicate is
/// found with one dictionary lookup, and it keeps the first value of a duplicated key.
struct OpenCollection {
    /// The state of the key whose value comes next in a mapping.
    private enum PendingKey {
        case none
        case accepted(YAMLScalar)
        /// A duplicate or complex key: its value is read (for its own problems) but not kept.
        case rejected
    }

    let isMapping: Bool
    let opening: CollectionStart
    private var items: [YAMLNode] = []
    private var entries: [YAMLEntry] = []
    private var firstPositions: [String: SourcePosition] = [:]
    private var pendingKey = PendingKey.none
    private var count = 1
    private var textBytes = 0
    private var childHeight = 0
    private var lastChildEnd: SourcePosition?

    /// Whether the next child is a key of this mapping.
    var awaitsKey: Bool {
        guard isMapping, case .none = pendingKey else { return false }
        return true
    }

    init(isMapping: Bool, opening: CollectionStart) {
        self.isMapping = isMapping
        self.opening = opening
    }

    /// Adds a child that appears in the text from `start` to `end`; returns the problem it makes, if any.
    mutating func add(
        _ child: BuiltNode, start: SourcePosition, end: SourcePosition
    ) -> (kind: YAMLProblem.Kind, message: String)? {
        count += child.count
        textBytes += child.textBytes
        childHeight = max(childHeight, child.height)
        lastChildEnd = end
        guard isMapping else {
            items.append(child.node)
            return nil
        }
        switch pendingKey {
        case .accepted(let key):
            entries.append(YAMLEntry(key: key, value: child.node))
            pendingKey = .none
        case .rejected:
            pendingKey = .none
        case .none:
            guard case .scalar(let key) = child.node else {
                pendingKey = .rejected
                return (.complexKey, "a key must be a single value, not a mapping or a list")
            }
            if let first = firstPositions[key.text] {
                pendingKey = .rejected
                return (
                    .duplicateKey,
                    "duplicate key `\(key.text)` (first defined at line \(first.line), column \(first.column))"
                )
            }
            firstPositions[key.text] = start
            pendingKey = .accepted(key)
        }
        return nil
    }

    /// The finished node. A block collection ends where its last child ends: libyaml's own end mark
    /// for it lies at whatever follows, often lines further down past comments.
    func finish(end: SourcePosition, file: String) -> BuiltNode {
        let spanEnd = opening.isFlow ? end : (lastChildEnd ?? end)
        let span = SourceSpan(file: file, start: opening.start, end: spanEnd)
        let node: YAMLNode = isMapping ? .mapping(entries, span) : .sequence(items, span)
        return BuiltNode(node: node, count: count, height: childHeight + 1, textBytes: textBytes)
    }
}
