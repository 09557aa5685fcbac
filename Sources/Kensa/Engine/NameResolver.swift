/// Resolves vendor and buyer names through the registries, remembering each name it has seen: a batch names
/// the same few hundred companies and bodies over and over, and normalising a name costs far more than a lookup.
final class NameResolver {
    let vendorRegistry: VendorRegistry
    let entityRegistry: EntityRegistry
    private var vendors: [String: VendorIdentity?] = [:]
    private var entities: [String: Int?] = [:]
    private let capacity: Int

    init(vendors: VendorRegistry, entities: EntityRegistry, capacity: Int = 65_536) {
        self.vendorRegistry = vendors
        self.entityRegistry = entities
        self.capacity = capacity
    }

    /// The company a vendor name stands for, or nil when the registry does not know it.
    func vendor(_ name: String) -> VendorIdentity? {
        if let known = vendors[name] { return known }
        let identity = vendorRegistry.resolve(name)
        if vendors.count >= capacity { vendors.removeAll(keepingCapacity: true) }
        vendors[name] = identity
        return identity
    }

    /// The body a buyer name stands for on `day` (the window is ignored when the day is unknown).
    func entity(_ name: String, on day: Day?) -> Int? {
        let index: Int?
        if let known = entities[name] {
            index = known
        } else {
            index = entityRegistry.entity(named: name)
            if entities.count >= capacity { entities.removeAll(keepingCapacity: true) }
            entities[name] = index
        }
        guard let index else { return nil }
        return entityRegistry.isActive(index, on: day) ? index : nil
    }
}
