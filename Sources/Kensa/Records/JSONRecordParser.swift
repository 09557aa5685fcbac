/// Reads JSON record objects into values by slot, as a ``LayoutPlan`` says: the engine of both JSON readers.
///
/// Keys are matched as bytes against the plan's key table, values typed as they are read, and fields the layout
/// does not name are skipped without building anything. Files write keys in a steady order, so the key that
/// followed the previous one last time is tried first, by comparing the bytes in place (see `followers`).
/// Per-field state lives in flat arrays stamped with an object number, so nothing is cleared between records;
/// values are written into ``PendingValues`` and moved out once per object.
struct JSONRecordParser {
    let plan: LayoutPlan
    /// The plan's key table and kinds, used without reference counting on the hot path; `plan` keeps them alive.
    private let keys: KeyTable
    private let kinds: UnsafeMutablePointer<FieldKind>
    var scanner: JSONScanner
    /// For each field (plan numbering), the object (record or list entry) whose reading last set it.
    private let fieldOwners: UnsafeMutablePointer<Int>
    /// For each key table entry, the object that last had the key.
    private let entryObjects: UnsafeMutablePointer<Int>
    /// For each key table entry, the entry whose key came next in the same object last time; then, for each node,
    /// the entry whose key came first in an object at that node; -1 when not known.
    private let followers: UnsafeMutablePointer<Int>
    /// Owns the memory of `fieldOwners`, `entryObjects` and `followers`.
    private let stamps: StampStorage
    /// Values of the record and list entry being read.
    private let pending: PendingValues
    private var objectCount = 0
    private var unknownKeys = UnknownKeySet()
    /// The record's `id`, once read, so problems found later in the record can name it.
    private(set) var seenID: String?

    init(plan: LayoutPlan, endName: StaticString) {
        self.plan = plan
        keys = plan.keys
        kinds = plan.kinds
        scanner = JSONScanner(endName: endName)
        stamps = StampStorage(count: plan.fieldCount + 2 * plan.keys.entryCount + plan.keys.nodeCount)
        fieldOwners = stamps.base
        entryObjects = stamps.base + plan.fieldCount
        followers = entryObjects + plan.keys.entryCount
        pending = PendingValues(count: plan.fieldCount)
    }

    /// Keeps the values of a decided record, for a later record's values to be moved into.
    func recycle(_ values: consuming [FieldValue]) { pending.recycle(values, count: plan.layouts[0].kinds.count) }

    /// Reads the record whose first byte is at the scanner's position, leaving the scanner just after it.
    ///
    /// Throws for broken syntax; returns `.malformed` for a record that is well formed JSON but not a usable
    /// record (not an object, a duplicate key, invalid UTF-8, no `id`).
    mutating func readRecord(line: Int, index: Int) throws(JSONSyntaxError) -> RecordInput {
        seenID = nil
        scanner.problem = nil
        unknownKeys.removeAll()
        guard scanner.peek == UInt8(ascii: "{") else {
            let column = scanner.column(of: scanner.pos)
            try scanner.skipValue(depth: 1)
            return .malformed(
                RecordProblem(line: line, column: column, message: "a record must be a JSON object `{…}`"))
        }
        let layout = plan.layouts[0]
        let pendingValues = pending.values(from: layout.fieldBase)
        objectCount += 1
        do {
            try readObject(node: layout.root, into: pendingValues, depth: 1, owner: objectCount)
        } catch {
            pending.reset()
            throw error
        }
        if var problem = scanner.problem {
            pending.reset()
            problem.id = seenID
            return .malformed(problem)
        }
        switch pendingValues[plan.idSlot] {
        case .text(let id) where !id.isEmpty:
            break
        case .invalid(_, let written):
            pending.reset()
            return .malformed(
                RecordProblem(line: line, message: "the record's `id` must be text in quotes, not \(written)"))
        default:
            pending.reset()
            return .malformed(RecordProblem(line: line, message: "record has no `id`"))
        }
        let filled = plan.finish(pendingValues, layout: 0)
        let values = pending.take(pendingValues, count: layout.kinds.count)
        return .record(Record(values: values, line: line, index: index, idSlot: plan.idSlot, filled: filled))
    }

    /// Reads the object at the scanner's position into `values`; `node` says which keys it may have.
    ///
    /// `owner` numbers the record or list entry the values belong to, so a field written twice (nested and flat,
    /// `{"buyer": {"name": …}, "buyer.name": …}`) is caught.
    private mutating func readObject(
        node: Int32, into values: UnsafeMutablePointer<FieldValue>, depth: Int, owner: Int
    ) throws(JSONSyntaxError) {
        try scanner.checkDepth(depth)
        objectCount += 1
        let object = objectCount
        scanner.pos += 1
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.pos += 1
            return
        }
        var learnAt = keys.entryCount + Int(node)
        while true {
            guard scanner.peek == 0x22 else { throw scanner.error("expected a key in double quotes") }
            let keyOffset = scanner.pos
            let expected = learnAt >= 0 ? followers[learnAt] : -1
            var key = StringSpan(start: keyOffset, count: 0, decoded: false)
            let entryIndex: Int
            if expected >= 0, keys.isWritten(expected, at: scanner.base + keyOffset, available: scanner.end - keyOffset)
            {
                entryIndex = expected
                scanner.pos += Int(keys.entry(expected).keyCount) + 2
            } else {
                key = try scanner.scanString()
                entryIndex = keys.find(node: node, key: scanner.bytes(of: key))
                if learnAt >= 0 { followers[learnAt] = entryIndex }
            }
            learnAt = entryIndex
            try scanner.skipColon()
            if entryIndex >= 0 {
                let entry = keys.entry(entryIndex)
                if entryObjects[entryIndex] == object { duplicate(plan.keyPaths[entryIndex], at: keyOffset) }
                entryObjects[entryIndex] = object
                if entry.child >= 0, scanner.peek == UInt8(ascii: "{") {
                    try readObject(node: entry.child, into: values, depth: depth + 1, owner: owner)
                } else if entry.slot >= 0 {
                    let field = Int(entry.field)
                    if fieldOwners[field] == owner { duplicate(plan.keyPaths[entryIndex], at: keyOffset) }
                    fieldOwners[field] = owner
                    let slot = Int(entry.slot)
                    let value: FieldValue
                    if case .scalar(let scalar) = kinds[field] {
                        if scanner.peek == 0x22 {
                            let span = try scanner.scanString()
                            // Text nobody reads is checked by the scan and needs no typing, nor a call to type it.
                            if case .unreadText = scalar {
                                value = .missing
                            } else {
                                value = scalar.value(ofString: scanner.bytes(of: span))
                            }
                        } else {
                            value = try readScalar(scalar, depth: depth + 1)
                        }
                    } else {
                        value = try readValue(kinds[field], field: field, depth: depth + 1)
                    }
                    if field == plan.idSlot, seenID == nil, case .text(let id) = value { seenID = id }
                    values.store(value, at: slot)
                } else {
                    // `null` leaves the object's fields unknown; any other value means the record is not shaped
                    // as record v1 says, and its fields cannot be read.
                    if entry.child >= 0, scanner.peek != UInt8(ascii: "n") {
                        scanner.note("`\(plan.keyPaths[entryIndex])` must be an object `{…}`", at: scanner.pos)
                    }
                    try scanner.skipValue(depth: depth + 1)
                }
            } else {
                if !unknownKeys.insert(scanner.bytes(of: key), object: object) {
                    duplicate(String(decoding: scanner.bytes(of: key), as: UTF8.self), at: keyOffset)
                }
                try scanner.skipValue(depth: depth + 1)
            }
            scanner.skipWhitespace()
            if try !scanner.skipComma(orClose: UInt8(ascii: "}")) { return }
        }
    }

    private mutating func duplicate(_ path: String, at offset: Int) {
        scanner.note("duplicate key `\(path)`", at: offset)
    }

    /// Reads the value at the scanner's position as the plan's `field`, of `kind`.
    ///
    /// `readObject` reads scalars itself, text in place and others through ``readScalar(_:depth:)``: this function
    /// is part of a recursion (lists of objects), so it is not inlined, and most values are scalars, most of them
    /// text.
    @inline(__always)
    private mutating func readValue(_ kind: FieldKind, field: Int, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        switch kind {
        case .scalar(let scalar):
            return try readScalar(scalar, depth: depth)
        case .list(let element):
            guard scanner.peek == UInt8(ascii: "[") else { return try notAList("expected a list `[…]`", depth: depth) }
            return try readList(element, field: field, depth: depth)
        case .objectList(let layout):
            guard scanner.peek == UInt8(ascii: "[") else {
                return try notAList("expected a list of objects `[{…}]`", depth: depth)
            }
            return try readObjects(layout: layout, depth: depth)
        }
    }

    /// A value where a list belongs: `null` is unknown, as an absent field is (record v1); anything else is invalid.
    private mutating func notAList(_ reason: String, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        guard scanner.peek == UInt8(ascii: "n") else { return try skipInvalid(reason, depth: depth) }
        let start = scanner.pos
        if try scanner.scanLiteral() == nil { return .missing }
        return invalid(reason, from: start)
    }

    @inline(__always)
    private mutating func readScalar(_ kind: ScalarKind, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        switch scanner.peek {
        case 0x22:
            let span = try scanner.scanString()
            return kind.value(ofString: scanner.bytes(of: span))
        case UInt8(ascii: "n"):
            let start = scanner.pos
            if try scanner.scanLiteral() == nil { return .missing }
            return invalid(kind.wrongJSONReason, from: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let start = scanner.pos
            let flag = try scanner.scanLiteral()
            if case .bool = kind, let flag { return .bool(flag) }
            return invalid(kind.wrongJSONReason, from: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = scanner.pos
            let number = try scanner.scanNumber()
            if case .number = kind { return .number(number) }
            return invalid(kind.wrongJSONReason, from: start)
        default:
            return try skipInvalid(kind.wrongJSONReason, depth: depth)
        }
    }

    /// Reads a list of scalars for the plan's `field`; a list written exactly as one read before is that list again.
    private mutating func readList(_ element: ScalarKind, field: Int, depth: Int) throws(JSONSyntaxError) -> FieldValue
    {
        let owner = field << 8 | depth
        let available = scanner.end - scanner.pos
        let start = scanner.pos
        if let (list, count) = plan.lists.value(
            at: scanner.base + start, available: available, close: UInt8(ascii: "]"), owner: owner)
        {
            scanner.pos += count
            return list
        }
        let line = scanner.line
        let clean = scanner.problem == nil
        let list = try readElements(element, depth: depth)
        if clean, scanner.problem == nil, scanner.line == line {
            plan.lists.remember(list, text: scanner.text(from: start), close: UInt8(ascii: "]"), owner: owner)
        }
        return list
    }

    private mutating func readElements(_ element: ScalarKind, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        try scanner.checkDepth(depth)
        scanner.pos += 1
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "]") {
            scanner.pos += 1
            return .list([])
        }
        var elements: [FieldValue] = []
        elements.reserveCapacity(4)
        while true {
            if scanner.peek == 0x22 {
                let span = try scanner.scanString()
                elements.append(element.value(ofString: scanner.bytes(of: span)))
            } else {
                elements.append(try skipInvalid(element.wrongJSONReason, depth: depth + 1))
            }
            scanner.skipWhitespace()
            if try !scanner.skipComma(orClose: UInt8(ascii: "]")) { return .list(elements) }
        }
    }

    private mutating func readObjects(layout index: Int, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        try scanner.checkDepth(depth)
        let start = scanner.pos
        let layout = plan.layouts[index]
        scanner.pos += 1
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "]") {
            scanner.pos += 1
            return .objects([])
        }
        var objects: [[FieldValue]] = []
        objects.reserveCapacity(4)
        var allObjects = true
        let pendingValues = pending.values(from: layout.fieldBase)
        let owner = index << 8 | depth
        while true {
            if scanner.peek == UInt8(ascii: "{") {
                if let (entry, count) = plan.entries.value(
                    at: scanner.base + scanner.pos, available: scanner.end - scanner.pos, close: UInt8(ascii: "}"),
                    owner: owner)
                {
                    scanner.pos += count
                    objects.append(entry)
                } else {
                    objects.append(try readEntry(layout: index, into: pendingValues, depth: depth + 1, sharedAs: owner))
                }
            } else {
                allObjects = false
                try scanner.skipValue(depth: depth + 1)
            }
            scanner.skipWhitespace()
            if try !scanner.skipComma(orClose: UInt8(ascii: "]")) { break }
        }
        return allObjects ? .objects(objects) : invalid("expected a list of objects `[{…}]`", from: start)
    }

    /// Reads one entry of a list of objects by the plan's layout `index`, and keeps it in the plan's shared entries,
    /// under `sharedAs`, for entries written the same way after it, when it was read without a problem.
    private mutating func readEntry(
        layout index: Int, into pendingValues: UnsafeMutablePointer<FieldValue>, depth: Int, sharedAs: Int
    ) throws(JSONSyntaxError) -> [FieldValue] {
        let start = scanner.pos
        let line = scanner.line
        let clean = scanner.problem == nil
        objectCount += 1
        try readObject(node: plan.layouts[index].root, into: pendingValues, depth: depth, owner: objectCount)
        plan.finish(pendingValues, layout: index)
        let entry = pending.take(pendingValues, count: plan.layouts[index].kinds.count)
        if clean, scanner.problem == nil, scanner.line == line {
            plan.entries.remember(entry, text: scanner.text(from: start), close: UInt8(ascii: "}"), owner: sharedAs)
        }
        return entry
    }

    /// Skips a value of the wrong kind and keeps it as written.
    private mutating func skipInvalid(_ reason: String, depth: Int) throws(JSONSyntaxError) -> FieldValue {
        let start = scanner.pos
        try scanner.skipValue(depth: depth)
        return invalid(reason, from: start)
    }

    /// `.invalid` with the JSON text from `start` to the scanner's position, shortened to one readable line.
    ///
    /// A string is kept without its quotes, as the typing of strings keeps it, so wordings that quote what was
    /// written quote it once.
    private func invalid(_ reason: String, from start: Int) -> FieldValue {
        let limit = 80
        var first = start
        var end = scanner.pos
        if scanner.base[start] == 0x22, end - start >= 2 {
            first += 1
            end -= 1
        }
        let count = end - first
        var written = String(
            decoding: UnsafeBufferPointer(start: scanner.base + first, count: min(count, limit)), as: UTF8.self)
        if count > limit { written += "…" }
        return .invalid(reason: reason, written: written)
    }
}

/// Memory for a parser's per-field and per-key stamps, freed with the last copy of the parser.
final class StampStorage {
    let base: UnsafeMutablePointer<Int>

    init(count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: -1, count: max(count, 1))
    }

    deinit { base.deallocate() }
}
