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

    /// The body a buyer name stands for on `day` (the window is ignored when the day is unknown).
    func resolve(_ name: String, on day: Day?) -> Int? {
        guard let index = names[NameKey(name)] else { return nil }
        let entity = entities[index]
        if let day {
            if let from = entity.from, day < from { return nil }
            if let until = entity.until, day > until { return nil }
        }
        return index
    }

    /// The body a name in the policy (an exemption's `buyers`) stands for, whatever the date.
    func entity(named name: String) -> Int? { names[NameKey(name)] }
}
