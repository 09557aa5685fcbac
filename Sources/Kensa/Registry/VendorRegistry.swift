/// The compiled vendor registry: resolves a vendor name to a company, its group at a date, and its origin.
public struct VendorRegistry: Sendable {
    /// A vendor group (or a former member standing alone after it left its group).
    public struct Group: Sendable {
        public var name: String
        public var origin: String
    }

    /// A member company whose membership may be limited to a window.
    public struct Member: Sendable {
        public var name: String
        public var group: Int
        public var from: Day?
        public var until: Day?
        /// The group the company forms alone outside its window.
        public var standaloneGroup: Int
    }

    /// What a known name stands for.
    enum Entry: Sendable {
        case group(Int)
        case member(Int)
    }

    public internal(set) var groups: [Group] = []
    /// How many groups the registry declares; groups after these are former members standing alone.
    public internal(set) var declaredGroupCount = 0
    public internal(set) var members: [Member] = []
    var names: [NameKey: Entry] = [:]

    /// The index of a declared group by its name as written in the registry. A group written without `group:`
    /// has an empty name, which no reference matches.
    public func groupIndex(named name: String) -> Int? {
        guard !name.isEmpty else { return nil }
        return groups[..<declaredGroupCount].firstIndex { $0.name == name }
    }

    /// Resolves a name as records write it; nil when the registry does not know it.
    func resolve(_ name: String) -> VendorIdentity? {
        switch names[NameKey(name)] {
        case .group(let group): VendorIdentity(group: group, member: nil)
        case .member(let member): VendorIdentity(group: members[member].group, member: member)
        case nil: nil
        }
    }

    /// The group a resolved company belongs to on `day`; nil when that depends on a date that is unknown.
    func group(of identity: VendorIdentity, on day: Day?) -> Int? {
        guard let index = identity.member else { return identity.group }
        let member = members[index]
        if member.from == nil, member.until == nil { return member.group }
        guard let day else { return nil }
        let inside = (member.from.map { day >= $0 } ?? true) && (member.until.map { day <= $0 } ?? true)
        return inside ? member.group : member.standaloneGroup
    }

    /// "a member of group Huawei only until 2020-11-17": what a trace says of a member judged outside its window,
    /// so the reader sees when it belonged to the group the rule names.
    func membershipWindow(of member: Int) -> String {
        let member = members[member]
        let from = member.from.map { " from \($0)" } ?? ""
        let until = member.until.map { " until \($0)" } ?? ""
        return "a member of group \(groups[member.group].name) only\(from)\(until)"
    }

    /// The origin country of a resolved company (the same inside and outside its group).
    func origin(of identity: VendorIdentity) -> String { groups[identity.group].origin }
}

/// A name the vendor registry resolved: its declared group and, when the name is a member's, which member.
struct VendorIdentity: Sendable, Hashable {
    var group: Int
    var member: Int?
}
