/// Resolves vendor names through the registry, remembering each name it has seen, since a batch names the
/// same few hundred companies over and over and normalising a name costs far more than a lookup.
final class VendorResolver {
    let registry: VendorRegistry
    private var cache: [String: VendorIdentity?] = [:]
    private let capacity: Int

    init(registry: VendorRegistry, capacity: Int = 65_536) {
        self.registry = registry
        self.capacity = capacity
    }

    func resolve(_ name: String) -> VendorIdentity? {
        if let known = cache[name] { return known }
        let identity = registry.resolve(name)
        if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
        cache[name] = identity
        return identity
    }
}
