/// The compiled entity registry: resolves a buyer name to the body it names and that body's entity class.
public struct EntityRegistry: Sendable {
    /// One procuring body.
    public struct Entity: Sendable {
        public var name: String
        /// Index into record v1's entity classes.
        public var entityClass: Int
        public var from: Day?
        public var until: Day?
    }

    public internal(set) var entities: [Entity] = []
    var names: [NameKey: Int] = [:]

    /// Whether a body exists on `day` (always, when the day is unknown).
    func isActive(_ index: Int, on day: Day?) -> Bool {
        guard let day else { return true }
        let entity = entities[index]
        if let from = entity.from, day < from { return false }
        if let until = entity.until, day > until { return false }
        return true
    }

    /// The body a name in the policy (an exemption's `buyers`) stands for, whatever the date.
    func entity(named name: String) -> Int? { names[NameKey(name)] }
}
