/// How a reader types a value that a record writes as text or as one JSON scalar.
enum ScalarKind {
    case text
    case number
    case bool
    case date
    case choice(ChoiceTable)
}

/// How a reader reads one field of a layout.
enum FieldKind {
    case scalar(ScalarKind)
    /// A list of scalars; lists of lists are read as lists of text.
    case list(ScalarKind)
    /// A list of objects, each read by the plan's layout at this index.
    case objectList(Int)
}

/// A ``RecordLayout`` compiled once for reading: field kinds by slot, keys by bytes, defaults and fallbacks by slot.
///
/// Layout 0 is the record's; each `objectList` field adds the layout of its entries. Fields are also numbered
/// across all layouts (`fieldBase + slot`) so a reader can keep one array of per-field state.
final class LayoutPlan {
    final class Layout {
        var kinds: [FieldKind] = []
        var paths: [String] = []
        /// Key table node of an object read by this layout.
        let root: Int32
        /// Number of the layout's slot 0 across all layouts.
        let fieldBase: Int
        /// Values the layout gives fields that a record leaves out.
        var defaults: [(slot: Int, value: FieldValue)] = []
        /// For each slot, the slot whose value stands in when this one is missing.
        var fallbacks: [Int?] = []
        /// The slots that have a fallback, so finishing a record visits only those.
        var slotsWithFallback: [Int] = []

        init(root: Int32, fieldBase: Int) {
            self.root = root
            self.fieldBase = fieldBase
        }
    }

    let layouts: [Layout]
    /// Kinds of all fields, by plan number (`fieldBase + slot`): one flat block the hot path indexes directly.
    let kinds: UnsafeMutablePointer<FieldKind>
    let keys: KeyTable
    /// Each key table entry's full dotted path, as messages name it.
    let keyPaths: [String]
    /// The tables that kinds refer to, freed with the plan.
    private let choiceTables: [ChoiceTable]
    /// Fields across all layouts.
    let fieldCount: Int
    /// Slot of the record's `id`.
    let idSlot: Int

    /// Compiles `layout`, which must have a text field `id` (every record layout derives from record v1).
    init(_ layout: RecordLayout) {
        var builder = KeyTable.Builder()
        var layouts: [Layout] = []
        var fieldCount = 0
        var choiceTables: [ChoiceTable] = []
        func scalar(_ type: FieldType) -> ScalarKind {
            switch type {
            case .number: return .number
            case .bool: return .bool
            case .date: return .date
            case .choice(let values):
                choiceTables.append(ChoiceTable(values))
                return .choice(choiceTables[choiceTables.count - 1])
            case .text, .list, .objectList: return .text
            }
        }
        func compile(_ layout: RecordLayout) -> Int {
            let index = layouts.count
            let root = builder.addRoot()
            let compiled = Layout(root: root, fieldBase: fieldCount)
            layouts.append(compiled)
            fieldCount += layout.fields.count
            for (slot, field) in layout.fields.enumerated() {
                builder.addField(root: root, path: field.path, slot: slot, field: compiled.fieldBase + slot)
                compiled.paths.append(field.path)
                switch field.type {
                case .objectList(let nested), .list(.objectList(let nested)):
                    compiled.kinds.append(.objectList(compile(nested)))
                case .list(let element):
                    compiled.kinds.append(.list(scalar(element)))
                default:
                    compiled.kinds.append(.scalar(scalar(field.type)))
                }
                if let value = field.defaultValue { compiled.defaults.append((slot, value)) }
                compiled.fallbacks.append(field.fallbackPath.flatMap { layout.slot(of: $0) })
                if compiled.fallbacks[slot] != nil { compiled.slotsWithFallback.append(slot) }
            }
            return index
        }
        _ = compile(layout)
        guard let idSlot = layout.slot(of: "id") else { preconditionFailure("a record layout needs a field `id`") }
        self.idSlot = idSlot
        self.layouts = layouts
        kinds = .allocate(capacity: max(fieldCount, 1))
        kinds.initialize(from: layouts.flatMap(\.kinds), count: fieldCount)
        self.choiceTables = choiceTables
        self.fieldCount = fieldCount
        keys = KeyTable(builder)
        keyPaths = builder.paths
    }

    deinit {
        kinds.deallocate()
        keys.deallocate()
        for table in choiceTables { table.deallocate() }
    }

    /// Gives missing fields their layout default, then the value of their fallback field (following chains).
    /// Returns the slots (below 64) it filled, so traces can say a value was not given but stood in for.
    @discardableResult
    func finish(_ values: inout [FieldValue], layout index: Int) -> UInt64 {
        let layout = layouts[index]
        var filled: UInt64 = 0
        for (slot, value) in layout.defaults where values[slot].isMissing {
            values[slot] = value
            if slot < 64 { filled |= 1 << UInt64(slot) }
        }
        for slot in layout.slotsWithFallback where values[slot].isMissing {
            var next = layout.fallbacks[slot]
            var hops = 0
            while let from = next, hops < layout.fallbacks.count {
                if !values[from].isMissing {
                    values[slot] = values[from]
                    if slot < 64 { filled |= 1 << UInt64(slot) }
                    break
                }
                next = layout.fallbacks[from]
                hops += 1
            }
        }
        return filled
    }
}

extension FieldValue {
    /// True for `.missing`: the record left the field out or wrote `null`.
    @inline(__always)
    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }
}
