/// The type of a record field, as the record format (or a policy set's `fields:` section) declares it.
package indirect enum FieldType: Sendable, Equatable {
    case text
    case number
    case bool
    case date
    /// One of a closed set of values; records hold the index.
    case choice([String])
    /// A list whose elements have the given type (`.text` or `.choice`).
    case list(FieldType)
    /// A list of objects whose fields the nested layout describes (record v1: `components`).
    case objectList(RecordLayout)
}

/// One field of a record layout: its dotted path and type.
package struct FieldSpec: Sendable, Equatable {
    /// Dotted path as records and policies write it: `buyer.entity_class`.
    package var path: String
    package var type: FieldType
    /// Names a vendor, so policies may test it against the vendor registry.
    package var namesVendor: Bool
    /// Value when the record leaves the field out (record v1: `action` is `new_contract`).
    package var defaultValue: FieldValue?
    /// Another field whose value stands in when this one is missing (record v1: `product.brand` → `product.manufacturer`).
    package var fallbackPath: String?
    /// One line for reference docs and diagnostics.
    package var summary: String

    package init(
        _ path: String, _ type: FieldType, namesVendor: Bool = false, defaultValue: FieldValue? = nil,
        fallbackPath: String? = nil, summary: String = ""
    ) {
        self.path = path
        self.type = type
        self.namesVendor = namesVendor
        self.defaultValue = defaultValue
        self.fallbackPath = fallbackPath
        self.summary = summary
    }
}

/// The fields a record may carry, each with a fixed slot, so evaluation indexes an array instead of hashing names.
package struct RecordLayout: Sendable, Equatable {
    package private(set) var fields: [FieldSpec]
    private var slots: [String: Int]

    package init(_ fields: [FieldSpec]) {
        self.fields = []
        self.slots = [:]
        for field in fields { append(field) }
    }

    /// Adds a field at the next slot; a path already present keeps its first definition.
    package mutating func append(_ field: FieldSpec) {
        guard slots[field.path] == nil else { return }
        slots[field.path] = fields.count
        fields.append(field)
    }

    /// The slot of a dotted path, or nil when the layout has no such field.
    package func slot(of path: String) -> Int? { slots[path] }

    package static func == (lhs: RecordLayout, rhs: RecordLayout) -> Bool { lhs.fields == rhs.fields }
}
