/// Settles `buyer.entity_class`: the entity registry supplies it when the record leaves it out, and wins when
/// the two disagree.
enum BuyerResolver {
    static func resolve(
        _ values: inout [FieldValue], policy: CompiledPolicy, names: NameResolver, day: Day?
    ) -> BuyerResolution {
        let slots = policy.slots
        let written = values[slots.entityClass]
        guard case .text(let name) = values[slots.buyerName],
            let entity = names.entity(name, on: day)
        else {
            if case .choice = written { return BuyerResolution(entity: nil, source: .record) }
            return BuyerResolution(entity: nil, source: .unknown)
        }
        let registered = FieldValue.choice(policy.entities.entities[entity].entityClass)
        values[slots.entityClass] = registered
        switch written {
        case .missing: return BuyerResolution(entity: entity, source: .registry)
        case registered: return BuyerResolution(entity: entity, source: .record)
        default: return BuyerResolution(entity: entity, source: .registry, overridden: written)
        }
    }
}
