/// Words what-if solutions, folding solutions that differ only in which vendor group a name stands for into one
/// line: "a maker outside groups Huawei, ZTE".
struct WhatIfWording {
    let policy: CompiledPolicy
    let values: [FieldValue]

    func suggestions(_ solutions: [[FieldChange]], outcome: Outcome) -> [WhatIfSuggestion] {
        var folded: [[FieldChange]: [[Int?]]] = [:]
        var order: [[FieldChange]] = []
        for solution in solutions {
            let key = solution.map {
                FieldChange(target: $0.target, value: $0.group == nil ? $0.value : .missing, group: nil)
            }
            if folded[key] == nil { order.append(key) }
            folded[key, default: []].append(solution.map(\.group))
        }
        var result: [WhatIfSuggestion] = []
        for key in order {
            let variants = folded[key] ?? []
            let groupSets = key.indices.map { position in Set(variants.compactMap { $0[position] }) }
            let product = groupSets.reduce(1) { $0 * max($1.count, 1) }
            if product == variants.count {
                let changes = key.indices.map { describe(key[$0], groups: groupSets[$0]) }
                result.append(WhatIfSuggestion(changes: changes, outcome: outcome))
            } else {
                for variant in variants {
                    let changes = key.indices.map { describe(key[$0], groups: variant[$0].map { [$0] } ?? []) }
                    result.append(WhatIfSuggestion(changes: changes, outcome: outcome))
                }
            }
        }
        return result.sorted {
            ($0.changes.count, $0.changes.joined(separator: "\n")) < (
                $1.changes.count, $1.changes.joined(separator: "\n")
            )
        }
    }

    private func describe(_ change: FieldChange, groups: Set<Int>) -> String {
        let wording = ConditionWording(policy: policy)
        switch change.target {
        case .removeElement(let list, let index):
            return "drop `\(policy.layout.fields[list].path)[\(index)]`\(part(list, index))"
        case .field(let slot) where slot == policy.slots.exemptions:
            if case .list(let claimed) = change.value, case .text(let id)? = claimed.last {
                return "claim exemption `\(id)`"
            }
            return "change the exemptions claimed"
        case .field(let slot):
            let spec = policy.layout.fields[slot]
            if change.value == .objects([]) { return "declare `\(spec.path)` empty ([])" }
            if !groups.isEmpty { return "`\(spec.path)` \(makers(groups))" }
            return "`\(spec.path)` \(wording.value(change.value, spec))"
        case .element(let list, let index, let slot):
            guard case .objectList(let layout) = policy.layout.fields[list].type else { return "" }
            let path = "`\(policy.layout.fields[list].path)[\(index)].\(layout.fields[slot].path)`\(part(list, index))"
            if !groups.isEmpty { return "\(path) \(makers(groups))" }
            return "\(path) \(wording.value(change.value, layout.fields[slot]))"
        }
    }

    /// "made by a maker of group Fujitsu" or, when most groups would do, "made by a maker outside groups Huawei, ZTE".
    private func makers(_ groups: Set<Int>) -> String {
        let declared = policy.vendors.declaredGroupCount
        let names = { (indices: [Int]) in indices.map { policy.vendors.groups[$0].name }.joined(separator: ", ") }
        if groups.count * 2 > declared {
            let excluded = (0..<declared).filter { !groups.contains($0) }
            return
                "made by a maker outside groups \(names(excluded)) (e.g. \(policy.vendors.groups[groups.min()!].name))"
        }
        return "made by a maker of group \(names(groups.sorted()).replacingOccurrences(of: ", ", with: " or "))"
    }

    private func part(_ list: Int, _ index: Int) -> String {
        guard case .objects(let elements) = values[list], elements.indices.contains(index),
            case .objectList(let layout) = policy.layout.fields[list].type, let partSlot = layout.slot(of: "part"),
            case .text(let part) = elements[index][partSlot]
        else { return "" }
        return " (part \"\(part)\")"
    }
}
