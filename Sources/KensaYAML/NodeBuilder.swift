/// Turns libyaml's parse events into `YAMLNode`s, checking keys and limits as they arrive.
///
/// Problems that leave the tree usable (duplicate or complex keys) are recorded and building goes on, so one
/// read reports all of them. Limits, unknown aliases and merge keys stop it: the document being built is dropped
/// and the documents completed before it are kept. A merge key stops it because the mapping would lack every key
/// the merge was meant to supply, and each of those would be reported again as missing.
struct NodeBuilder {
    /// Whether the caller should feed more events.
    enum Progress {
        case goOn
        case stop
    }

    private(set) var documents: [YAMLNode] = []
    private(set) var problems: [YAMLProblem] = []
    private let file: String
    private let limits: YAMLLimits
    private var open: [OpenCollection] = []
    /// Anchors of the current document; YAML scopes them to one document.
    private var anchors: [String: BuiltNode] = [:]
    private var aliasExpandedNodes = 0
    /// Text added by aliases in the whole file: unlike the node count it is not reset per document, so splitting
    /// a file into many documents does not multiply it.
    private var aliasExpandedBytes = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func consume(_ event: ParseEvent) -> Progress {
        switch event {
        case .streamStart, .documentEnd:
            return .goOn
        case .streamEnd:
            return .stop
        case .documentStart:
            anchors = [:]
            aliasExpandedNodes = 0
            return .goOn
        case .scalar(let scalar):
            let span = SourceSpan(file: file, start: scalar.start, end: scalar.end)
            let node = YAMLNode.scalar(YAMLScalar(text: scalar.text, style: scalar.style, tag: scalar.tag, span: span))
            let built = BuiltNode(node: node, count: 1, height: 0, textBytes: scalar.text.utf8.count)
            return complete(built, anchor: scalar.anchor, start: scalar.start, end: scalar.end)
        case .alias(let name, let start, let end):
            return expand(alias: name, start: start, end: end)
        case .sequenceStart(let opening):
            return begin(OpenCollection(isMapping: false, opening: opening))
        case .mappingStart(let opening):
            return begin(OpenCollection(isMapping: true, opening: opening))
        case .sequenceEnd(let end), .mappingEnd(let end):
            let collection = open.removeLast()
            let built = collection.finish(end: end, file: file)
            return complete(
                built, anchor: collection.opening.anchor, start: collection.opening.start, end: built.node.span.end)
        }
    }

    /// Records a problem that ended reading before the stream did (a libyaml failure).
    mutating func fail(with problem: YAMLProblem) {
        problems.append(problem)
    }

    private mutating func begin(_ collection: OpenCollection) -> Progress {
        guard open.count < limits.maxDepth else {
            return stop(
                .tooDeep, "mappings and lists are nested more than \(limits.maxDepth) levels deep",
                at: collection.opening.start)
        }
        open.append(collection)
        return .goOn
    }

    private mutating func expand(alias name: String, start: SourcePosition, end: SourcePosition) -> Progress {
        if let own = open.last(where: { $0.opening.anchor == name })?.opening {
            return stop(
                .syntax,
                "alias `*\(name)` refers to the value it stands in (anchored `&\(name)` at line \(own.start.line), "
                    + "column \(own.start.column)): a value cannot contain itself",
                at: start)
        }
        guard let target = anchors[name] else {
            return stop(
                .syntax, "unknown alias `*\(name)`: no anchor `&\(name)` comes before it in this document", at: start)
        }
        aliasExpandedNodes += target.count
        guard aliasExpandedNodes <= limits.maxAliasExpandedNodes else {
            return stop(
                .tooManyAliasNodes,
                "aliases in this document expand to more than \(limits.maxAliasExpandedNodes) values, the most Kensa accepts",
                at: start)
        }
        aliasExpandedBytes += target.textBytes
        guard aliasExpandedBytes <= limits.maxAliasExpandedBytes else {
            return stop(
                .tooMuchAliasText,
                "aliases in this file repeat more than \(Self.amount(limits.maxAliasExpandedBytes)) of text, "
                    + "the most Kensa accepts; each `*\(name)` repeats \(Self.amount(target.textBytes))",
                at: start)
        }
        guard open.count + target.height <= limits.maxDepth else {
            return stop(
                .tooDeep, "alias `*\(name)` nests mappings and lists more than \(limits.maxDepth) levels deep",
                at: start)
        }
        return complete(target, anchor: nil, start: start, end: end)
    }

    /// Registers a finished node's anchor and hands the node to its parent, or to the document list.
    private mutating func complete(
        _ built: BuiltNode, anchor: String?, start: SourcePosition, end: SourcePosition
    )
        -> Progress
    {
        if let anchor {
            anchors[anchor] = built
        }
        if open.last?.awaitsKey == true, case .scalar(let key) = built.node, key.isMergeKey {
            return stop(.mergeKey, "merge keys `<<` are not supported: write the keys out", at: start)
        }
        guard !open.isEmpty else {
            documents.append(built.node)
            return .goOn
        }
        if let (kind, message) = open[open.count - 1].add(built, start: start, end: end) {
            problems.append(YAMLProblem(kind: kind, message: message, file: file, position: start))
        }
        return .goOn
    }

    /// `16 MiB` for whole mebibytes, else a count of bytes.
    private static func amount(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    private mutating func stop(_ kind: YAMLProblem.Kind, _ message: String, at position: SourcePosition) -> Progress {
        problems.append(YAMLProblem(kind: kind, message: message, file: file, position: position))
        return .stop
    }
}
