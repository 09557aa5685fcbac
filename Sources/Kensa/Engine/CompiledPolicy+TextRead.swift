extension CompiledPolicy {
    /// The text fields a decision without a trace reads: the record's id, the buyer's name, the exemptions it
    /// claims, and every text field a scope, rule, exception or exemption condition tests (entry fields as
    /// `list.field`), with the fields they fall back on.
    ///
    /// A reader given this set builds no string for the other text fields (descriptions, models, references),
    /// which no such decision quotes. A trace quotes more (a component's `part`), so it reads the whole record.
    package var textFieldsDecisionsRead: Set<String> {
        var paths: Set<String> = [
            layout.fields[slots.id].path, layout.fields[slots.buyerName].path, layout.fields[slots.exemptions].path,
        ]
        var conditions = scopes.map(\.when) + rules.flatMap { [$0.when] + $0.exceptions.map(\.when) }
        conditions += exemptions.compactMap(\.when)
        for condition in conditions { collectTextPaths(condition, layout: layout, prefix: "", into: &paths) }
        return paths
    }

    private func collectTextPaths(
        _ condition: Condition, layout: RecordLayout, prefix: String, into paths: inout Set<String>
    ) {
        func add(_ slot: Int) {
            var next: Int? = slot
            var hops = 0
            while let slot = next, hops <= layout.fields.count {
                paths.insert(prefix + layout.fields[slot].path)
                next = layout.fields[slot].fallbackPath.flatMap(layout.slot(of:))
                hops += 1
            }
        }
        switch condition {
        case .all(let parts, _), .any(let parts, _):
            for part in parts { collectTextPaths(part, layout: layout, prefix: prefix, into: &paths) }
        case .not(let inner, _):
            collectTextPaths(inner, layout: layout, prefix: prefix, into: &paths)
        case .field(let test, _):
            add(test.slot)
        case .vendor(let test, _):
            add(test.slot)
        case .quantified(_, let slot, let inner, _):
            guard case .objectList(let elements) = layout.fields[slot].type else { return }
            collectTextPaths(inner, layout: elements, prefix: prefix + layout.fields[slot].path + ".", into: &paths)
        case .invalid:
            return
        }
    }
}
