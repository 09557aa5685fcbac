/// The buyer event of explained decisions as JSON, by what it says: a batch names the same few hundred buyers over
/// and over, and wording the event costs more than the rest of a condition-free trace line.
///
/// Only events that do not depend on the judgment date are kept: a buyer the registry settled, or whose class the
/// record gives.
final class BuyerEventCache {
    private struct Key: Hashable {
        var name: UTF8Key?
        var unnamed: FieldValue?
        var entity: Int?
        var fromRegistry: Bool
        var entityClass: FieldValue
        var overridden: FieldValue?
    }

    private var entries: [Key: [UInt8]] = [:]
    private let capacity = 4_096

    /// Appends the buyer event `builder`'s evaluation gives, made with `write` the first time it is seen.
    func append(for builder: TraceBuilder, to bytes: inout JSONByteSink, write: (inout [UInt8]) -> Void) {
        let buyer = builder.evaluation.buyer
        guard buyer.source != .unknown else {
            var event: [UInt8] = []
            write(&event)
            return bytes.append(event)
        }
        let slots = builder.policy.slots
        let name = builder.values[slots.buyerName]
        var key = Key(
            entity: buyer.entity, fromRegistry: buyer.source == .registry,
            entityClass: builder.values[slots.entityClass], overridden: buyer.overridden)
        if case .text(let text) = name { key.name = UTF8Key(text) } else { key.unnamed = name }
        if let known = entries[key] { return bytes.append(known) }
        var event: [UInt8] = []
        write(&event)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = event
        bytes.append(event)
    }
}
