/// What one CSV column holds, resolved once from its header name against the layout.
enum CSVColumn {
    /// A column the layout does not name.
    case ignored
    case scalar(Int, ScalarKind)
    /// A list written `;`-separated in one cell.
    case list(Int, ScalarKind)
    /// The column named like a list-of-objects field (`components`), whose `[]` declares the list empty.
    case declaresObjects(Int)
    /// One field of one entry of a list of objects: `components.2.manufacturer`.
    case objectField(slot: Int, layout: Int, entry: Int, field: Int, ScalarKind)

    init(name: String, plan: LayoutPlan) {
        let record = plan.layouts[0]
        if let slot = record.paths.firstIndex(of: name) {
            switch plan.kinds[slot] {
            case .scalar(let kind): self = .scalar(slot, kind)
            case .list(let kind): self = .list(slot, kind)
            case .objectList: self = .declaresObjects(slot)
            }
            return
        }
        for slot in record.paths.indices {
            guard case .objectList(let nested) = plan.kinds[slot], name.hasPrefix(record.paths[slot] + ".") else {
                continue
            }
            let rest = name.dropFirst(record.paths[slot].count + 1)
            guard let dot = rest.firstIndex(of: "."), let entry = Int(rest[..<dot]), entry >= 0,
                rest[..<dot].allSatisfy(\.isASCII),
                let field = plan.layouts[nested].paths.firstIndex(of: String(rest[rest.index(after: dot)...])),
                case .scalar(let kind) = plan.kinds[plan.layouts[nested].fieldBase + field]
            else { continue }
            self = .objectField(slot: slot, layout: nested, entry: entry, field: field, kind)
            return
        }
        self = .ignored
    }
}
