/// Settles `buyer.entity_class`: the entity registry supplies it when the record leaves it out, and wins when
/// the two disagree.
enum BuyerResolver {
    static func resolve(
        _ values: inout [FieldValue], policy: CompiledPolicy, names: NameResolver, day: Day?
    ) -> BuyerResolution {
        let slots = policy.slots
        // The name is read in place and the written class only when the registry knows the buyer: copying either
        // out of the array retained and released it for every record.
        guard let entity = values[slots.buyerName].withTextUTF8({ names.entity(utf8: $0, on: day) }) ?? nil else {
            if case .choice = values[slots.entityClass] { return BuyerResolution(entity: nil, source: .record) }
            return BuyerResolution(entity: nil, source: .unknown)
        }
        let registered = policy.entities.entities[entity].entityClass
        switch values[slots.entityClass] {
        case .missing:
            values[slots.entityClass] = .choice(registered)
            return BuyerResolution(entity: entity, source: .registry)
        case .choice(registered):
            return BuyerResolution(entity: entity, source: .record)
        default:
            let written = values[slots.entityClass]
            values[slots.entityClass] = .choice(registered)
            return BuyerResolution(entity: entity, source: .registry, overridden: written)
        }
    }
}
