/// How a reader types a value that a record writes as text or as one JSON scalar.
enum ScalarKind {
    /// Text built as a string of its own: the `id`, which differs in every record.
    case text
    /// Text that tends to repeat from record to record, such as names: strings are shared through the table.
    case sharedText(SharedTexts)
    /// Text the consumer never reads: checked (a string, valid UTF-8) but not kept, so no string is built.
    case unreadText
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
        let kinds: [FieldKind]
        let paths: [String]
        /// Key table node of an object read by this layout.
        let root: Int32
        /// Number of the layout's slot 0 across all layouts.
        let fieldBase: Int
        /// Values the layout gives fields that a record leaves out.
        let defaults: [(slot: Int, value: FieldValue)]
        /// For each slot, the slot whose value stands in when this one is missing.
        let fallbacks: [Int?]
        /// The slots that have a fallback, so finishing a record visits only those.
        let slotsWithFallback: [Int]

        init(
            kinds: [FieldKind], paths: [String], root: Int32, fieldBase: Int,
            defaults: [(slot: Int, value: FieldValue)], fallbacks: [Int?]
        ) {
            self.kinds = kinds
            self.paths = paths
            self.root = root
            self.fieldBase = fieldBase
            self.defaults = defaults
            self.fallbacks = fallbacks
            slotsWithFallback = fallbacks.indices.filter { fallbacks[$0] != nil }
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
    /// Strings of the text fields other than `id`, shared between records; freed with the plan.
    private let texts: SharedTexts
    /// Lists of scalars by their text and field, shared between records; freed with the plan.
    let lists = SharedValues<FieldValue>(slotCount: 1_024)
    /// Entries of lists of objects by their text and layout, shared between records; freed with the plan.
    let entries = SharedValues<[FieldValue]>(slotCount: 4_096)
    /// Fields across all layouts.
    let fieldCount: Int
    /// Slot of the record's `id`.
    let idSlot: Int

    /// Compiles `layout`, which must have a text field `id` (every record layout derives from record v1).
    ///
    /// With `keptText`, text fields whose path is not in it (entry fields as `list.field`) are checked but read
    /// as missing: a consumer that knows which fields it reads is spared building strings it would never look at.
    init(_ layout: RecordLayout, keptText: Set<String>? = nil) {
        var builder = KeyTable.Builder()
        var layouts: [Layout?] = []
        var fieldCount = 0
        var choiceTables: [ChoiceTable] = []
        let texts = SharedTexts()
        func scalar(_ type: FieldType, path: String) -> ScalarKind {
            switch type {
            case .text where path == "id": return .text
            case .text where keptText.map({ !$0.contains(path) }) ?? false: return .unreadText
            case .text: return .sharedText(texts)
            case .number: return .number
            case .bool: return .bool
            case .date: return .date
            case .choice(let values):
                choiceTables.append(ChoiceTable(values))
                return .choice(choiceTables[choiceTables.count - 1])
            case .list, .objectList: return .text
            }
        }
        func compile(_ layout: RecordLayout, prefix: String) -> Int {
            let index = layouts.count
            layouts.append(nil)
            let root = builder.addRoot()
            let fieldBase = fieldCount
            fieldCount += layout.fields.count
            var kinds: [FieldKind] = []
            var defaults: [(slot: Int, value: FieldValue)] = []
            for (slot, field) in layout.fields.enumerated() {
                builder.addField(root: root, path: field.path, slot: slot, field: fieldBase + slot)
                switch field.type {
                case .objectList(let nested), .list(.objectList(let nested)):
                    kinds.append(.objectList(compile(nested, prefix: prefix + field.path + ".")))
                case .list(let element):
                    kinds.append(.list(scalar(element, path: prefix + field.path)))
                default:
                    kinds.append(.scalar(scalar(field.type, path: prefix + field.path)))
                }
                if let value = field.defaultValue { defaults.append((slot, value)) }
            }
            layouts[index] = Layout(
                kinds: kinds, paths: layout.fields.map(\.path), root: root, fieldBase: fieldBase, defaults: defaults,
                fallbacks: layout.fields.map { $0.fallbackPath.flatMap(layout.slot(of:)) })
            return index
        }
        _ = compile(layout, prefix: "")
        guard let idSlot = layout.slot(of: "id") else { preconditionFailure("a record layout needs a field `id`") }
        self.idSlot = idSlot
        self.layouts = layouts.compactMap { $0 }
        kinds = .allocate(capacity: max(fieldCount, 1))
        kinds.initialize(from: self.layouts.flatMap(\.kinds), count: fieldCount)
        self.choiceTables = choiceTables
        self.texts = texts
        self.fieldCount = fieldCount
        keys = KeyTable(builder)
        keyPaths = builder.paths
    }

    deinit {
        kinds.deallocate()
        keys.deallocate()
        texts.deallocate()
        lists.deallocate()
        entries.deallocate()
        for table in choiceTables { table.deallocate() }
    }

    /// Values for a record or list entry of layout `index`, all missing.
    @inline(__always)
    func missingValues(layout index: Int) -> [FieldValue] {
        let count = layouts[index].kinds.count
        return [FieldValue](unsafeUninitializedCapacity: count) { buffer, initialized in
            for slot in 0..<count { (buffer.baseAddress! + slot).initialize(to: .missing) }
            initialized = count
        }
    }

    /// Gives missing fields their layout default, then the value of their fallback field (following chains).
    /// Returns the slots (below 64) it filled, so traces can say a value was not given but stood in for.
    @discardableResult
    func finish(_ values: inout [FieldValue], layout index: Int) -> UInt64 {
        values.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            return finish(start, layout: index)
        }
    }

    /// ``finish(_:layout:)`` on values in place, by slot: how the JSON reader finishes its pending values.
    @discardableResult
    func finish(_ values: UnsafeMutablePointer<FieldValue>, layout index: Int) -> UInt64 {
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
