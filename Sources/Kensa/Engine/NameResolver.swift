/// Resolves vendor and buyer names through the registries, remembering each name it has seen: a batch names
/// the same few hundred companies and bodies over and over, and normalising a name costs far more than a lookup.
final class NameResolver {
    let vendorRegistry: VendorRegistry
    let entityRegistry: EntityRegistry
    private var vendors: NameTable<VendorIdentity?>
    private var entities: NameTable<Int?>

    init(vendors: VendorRegistry, entities: EntityRegistry, capacity: Int = 65_536) {
        self.vendorRegistry = vendors
        self.entityRegistry = entities
        self.vendors = NameTable(capacity: capacity)
        self.entities = NameTable(capacity: capacity)
    }

    /// The company a vendor name stands for, or nil when the registry does not know it.
    func vendor(_ name: String) -> VendorIdentity? {
        vendors.value(for: name) { vendorRegistry.resolve(name) }
    }

    /// The body a buyer name stands for on `day` (the window is ignored when the day is unknown).
    func entity(_ name: String, on day: Day?) -> Int? {
        guard let index = entities.value(for: name, make: { entityRegistry.entity(named: name) }) else { return nil }
        return entityRegistry.isActive(index, on: day) ? index : nil
    }
}
