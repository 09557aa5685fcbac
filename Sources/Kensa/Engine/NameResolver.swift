/// Resolves vendor and buyer names through the registries, remembering each name it has seen: a batch names
/// the same few hundred companies and bodies over and over, and normalising a name costs far more than a lookup.
final class NameResolver {
    let vendorRegistry: VendorRegistry
    let entityRegistry: EntityRegistry
    private var vendors: [UTF8Key: VendorIdentity?] = [:]
    private var entities: [UTF8Key: Int?] = [:]
    private let capacity: Int

    init(vendors: VendorRegistry, entities: EntityRegistry, capacity: Int = 65_536) {
        self.vendorRegistry = vendors
        self.entityRegistry = entities
        self.capacity = capacity
    }

    /// The company a vendor name stands for, or nil when the registry does not know it.
    func vendor(_ name: String) -> VendorIdentity? {
        let key = UTF8Key(name)
        if let known = vendors[key] { return known }
        let identity = vendorRegistry.resolve(name)
        if vendors.count >= capacity { vendors.removeAll(keepingCapacity: true) }
        vendors[key] = identity
        return identity
    }

    /// The body a buyer name stands for on `day` (the window is ignored when the day is unknown).
    func entity(_ name: String, on day: Day?) -> Int? {
        let index: Int?
        let key = UTF8Key(name)
        if let known = entities[key] {
            index = known
        } else {
            index = entityRegistry.entity(named: name)
            if entities.count >= capacity { entities.removeAll(keepingCapacity: true) }
            entities[key] = index
        }
        guard let index else { return nil }
        return entityRegistry.isActive(index, on: day) ? index : nil
    }
}
