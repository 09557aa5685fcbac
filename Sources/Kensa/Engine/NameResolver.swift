/// Resolves vendor and buyer names through the registries, remembering each name it has seen: a batch names
/// the same few hundred companies and bodies over and over, and normalising a name costs far more than a lookup.
final class NameResolver {
    let vendorRegistry: VendorRegistry
    let entityRegistry: EntityRegistry
    /// Unchecked: a resolver serves one decider, on one thread, and the check costs as much as a lookup.
    @exclusivity(unchecked) private var vendors: ByteTable<VendorName>
    /// The serial number the next new vendor name gets; never reused, even after the table empties itself.
    @exclusivity(unchecked) private var nextSerial: UInt64 = 0
    @exclusivity(unchecked) private var entities: ByteTable<Int?>

    init(vendors: VendorRegistry, entities: EntityRegistry, capacity: Int = 65_536) {
        self.vendorRegistry = vendors
        self.entityRegistry = entities
        self.vendors = ByteTable(capacity: capacity)
        self.entities = ByteTable(capacity: capacity)
    }

    /// The company the vendor name with these UTF-8 bytes stands for, with the name's serial number.
    func vendor(utf8 name: UnsafeBufferPointer<UInt8>) -> VendorName {
        if let known = vendors.value(for: UnsafeRawBufferPointer(name)) { return known }
        return vendor(String(decoding: name, as: UTF8.self))
    }

    /// The company a vendor name stands for, with the name's serial number.
    func vendor(_ name: String) -> VendorName {
        vendors.value(for: name) {
            defer { nextSerial += 1 }
            return VendorName(serial: nextSerial, identity: vendorRegistry.resolve(name))
        }
    }

    /// The body the buyer name with these UTF-8 bytes stands for on `day`: `entity(_:on:)` without making a
    /// string of a name seen before.
    func entity(utf8 name: UnsafeBufferPointer<UInt8>, on day: Day?) -> Int? {
        guard let known = entities.value(for: UnsafeRawBufferPointer(name)) else {
            return entity(String(decoding: name, as: UTF8.self), on: day)
        }
        guard let index = known else { return nil }
        return entityRegistry.isActive(index, on: day) ? index : nil
    }

    /// The body a buyer name stands for on `day` (the window is ignored when the day is unknown).
    func entity(_ name: String, on day: Day?) -> Int? {
        guard let index = entities.value(for: name, make: { entityRegistry.entity(named: name) }) else { return nil }
        return entityRegistry.isActive(index, on: day) ? index : nil
    }
}

/// A vendor name as the resolver knows it.
struct VendorName {
    /// Stands for the name exactly as written: two names share a serial only when their bytes are equal, so a
    /// reason that quotes the name can be reused for a record whose name has the same serial (``ShapeObserver``).
    var serial: UInt64
    /// The company the name stands for, or nil when the registry does not know it.
    var identity: VendorIdentity?
}
