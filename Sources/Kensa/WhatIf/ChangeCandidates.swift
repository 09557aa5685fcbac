/// The changes worth trying on a record: every value of every field the set's scopes and rules read, over the
/// fields' finite domains (choices, true/false, one representative name per vendor group, adding or dropping a
/// data class, claiming an exemption, dropping or re-sourcing a component).
///
/// Dates, numbers and free text are left alone: moving a procurement's date or price is not a remedy.
struct ChangeCandidates {
    let policy: CompiledPolicy

    func changes(for values: [FieldValue]) -> [FieldChange] {
        var topLevel = Set<Int>()
        var elementSlots: [Int: Set<Int>] = [:]
        func collect(_ condition: Condition, list: Int?) {
            switch condition {
            case .all(let parts, _), .any(let parts, _): parts.forEach { collect($0, list: list) }
            case .not(let inner, _): collect(inner, list: list)
            case .quantified(_, let slot, let inner, _):
                topLevel.insert(slot)
                collect(inner, list: slot)
            case .field(let test, _): record(test.slot, list: list)
            case .vendor(let test, _): record(test.slot, list: list)
            case .invalid: break
            }
        }
        func record(_ slot: Int, list: Int?) {
            if let list { elementSlots[list, default: []].insert(slot) } else { topLevel.insert(slot) }
        }
        policy.scopes.forEach { collect($0.when, list: nil) }
        policy.rules.forEach { collect($0.when, list: nil) }

        var result: [FieldChange] = []
        for slot in topLevel.sorted() {
            let spec = policy.layout.fields[slot]
            if case .objectList(let elementLayout) = spec.type {
                result += listChanges(slot, elementLayout, elementSlots[slot] ?? [], values[slot])
            } else {
                result += valueChanges(spec, current: values[slot]).map {
                    FieldChange(target: .field(slot: slot), value: $0.0, group: $0.1)
                }
            }
        }
        if case .list(let claimed) = values[policy.slots.exemptions] {
            result += exemptionClaims(already: claimed)
        } else {
            result += exemptionClaims(already: [])
        }
        return result
    }

    private func listChanges(
        _ slot: Int, _ layout: RecordLayout, _ read: Set<Int>, _ current: FieldValue
    ) -> [FieldChange] {
        var result: [FieldChange] = []
        if current != .objects([]) { result.append(FieldChange(target: .field(slot: slot), value: .objects([]))) }
        guard case .objects(let elements) = current else { return result }
        for index in elements.indices {
            result.append(FieldChange(target: .removeElement(list: slot, index: index), value: .missing))
            for elementSlot in read.sorted() {
                result += valueChanges(layout.fields[elementSlot], current: elements[index][elementSlot]).map {
                    FieldChange(target: .element(list: slot, index: index, slot: elementSlot), value: $0.0, group: $0.1)
                }
            }
        }
        return result
    }

    /// Values of a field's domain other than the current one, with the vendor group each stands for.
    private func valueChanges(_ spec: FieldSpec, current: FieldValue) -> [(FieldValue, Int?)] {
        switch spec.type {
        case .choice(let names):
            return names.indices.map { FieldValue.choice($0) }.filter { $0 != current }.map { ($0, nil) }
        case .bool:
            return [FieldValue.bool(true), .bool(false)].filter { $0 != current }.map { ($0, nil) }
        case .text where spec.namesVendor:
            let registry = policy.vendors
            return (0..<registry.declaredGroupCount).map { (FieldValue.text(registry.groups[$0].name), $0) }
                .filter { $0.0 != current }
        case .list(.choice(let names)):
            guard case .list(let present) = current else {
                return [(.list([]), nil)] + names.indices.map { (.list([.choice($0)]), nil) }
            }
            var result: [(FieldValue, Int?)] = present.isEmpty ? [] : [(.list([]), nil)]
            for index in names.indices {
                let value = FieldValue.choice(index)
                result.append(
                    (.list(present.contains(value) ? present.filter { $0 != value } : present + [value]), nil))
            }
            return result
        default:
            return []
        }
    }

    private func exemptionClaims(already: [FieldValue]) -> [FieldChange] {
        policy.exemptions.map(\.id).filter { !already.contains(.text($0)) }.map {
            FieldChange(target: .field(slot: policy.slots.exemptions), value: .list(already + [.text($0)]))
        }
    }
}
