/// A witness record as one line of record v1 JSON: dotted paths become nested objects, keys sorted, fields the
/// record leaves out omitted.
enum WitnessJSON {
    static func text(_ values: [FieldValue], layout: RecordLayout) -> String {
        var root = Node()
        root.children["id"] = Node(leaf: DecisionJSON.quoted("lint-witness"))
        for (slot, spec) in layout.fields.enumerated() {
            guard let json = json(values[slot], spec.type) else { continue }
            root.insert(spec.path.split(separator: ".").map(String.init), json)
        }
        return root.text
    }

    private static func json(_ value: FieldValue, _ type: FieldType) -> String? {
        switch (value, type) {
        case (.missing, _): return nil
        case (.text(let text), _): return DecisionJSON.quoted(text)
        case (.number(let number), _): return number == number.rounded() ? String(Int(number)) : String(number)
        case (.bool(let flag), _): return String(flag)
        case (.date(let day), _): return DecisionJSON.quoted(day.description)
        case (.choice(let index), .choice(let names)): return DecisionJSON.quoted(names[index])
        case (.list(let elements), .list(let element)):
            return "[" + elements.compactMap { json($0, element) }.joined(separator: ",") + "]"
        case (.objects(let elements), .objectList(let layout)):
            return "[" + elements.map { objectText($0, layout: layout) }.joined(separator: ",") + "]"
        default: return nil
        }
    }

    private static func objectText(_ values: [FieldValue], layout: RecordLayout) -> String {
        var node = Node()
        for (slot, spec) in layout.fields.enumerated() {
            if let json = json(values[slot], spec.type) {
                node.insert(spec.path.split(separator: ".").map(String.init), json)
            }
        }
        return node.text
    }

    private struct Node {
        var leaf: String?
        var children: [String: Node] = [:]

        mutating func insert(_ path: [String], _ json: String) {
            guard let first = path.first else { return leaf = json }
            children[first, default: Node()].insert(Array(path.dropFirst()), json)
        }

        var text: String {
            if let leaf { return leaf }
            let fields = children.keys.sorted().map { "\(DecisionJSON.quoted($0)):\(children[$0]!.text)" }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }
}
