/// One change to a record a what-if answer proposes: a field (or a field of a list element) set to a value.
struct FieldChange: Hashable {
    /// Where: a top-level slot, or a field of one element of a list of objects.
    enum Target: Hashable {
        case field(slot: Int)
        case element(list: Int, index: Int, slot: Int)
        case removeElement(list: Int, index: Int)
    }

    var target: Target
    var value: FieldValue
    /// The vendor group the value stands for, when the change names a vendor.
    var group: Int?

    /// Two changes conflict when they touch the same place (or one removes the element the other edits).
    func conflicts(with other: FieldChange) -> Bool {
        switch (target, other.target) {
        case let (.field(a), .field(b)): a == b
        case let (.element(l1, i1, s1), .element(l2, i2, s2)): l1 == l2 && i1 == i2 && s1 == s2
        case let (.removeElement(l1, i1), .removeElement(l2, i2)): l1 == l2 && i1 == i2
        case let (.removeElement(l1, i1), .element(l2, i2, _)), let (.element(l2, i2, _), .removeElement(l1, i1)):
            l1 == l2 && i1 == i2
        case let (.field(slot), .element(list, _, _)), let (.field(slot), .removeElement(list, _)),
            let (.element(list, _, _), .field(slot)), let (.removeElement(list, _), .field(slot)):
            slot == list
        }
    }

    /// The record with this change made.
    func apply(to values: inout [FieldValue]) {
        switch target {
        case .field(let slot):
            values[slot] = value
        case .element(let list, let index, let slot):
            guard case .objects(var elements) = values[list], elements.indices.contains(index) else { return }
            elements[index][slot] = value
            values[list] = .objects(elements)
        case .removeElement(let list, let index):
            guard case .objects(var elements) = values[list], elements.indices.contains(index) else { return }
            elements.remove(at: index)
            values[list] = .objects(elements)
        }
    }
}
