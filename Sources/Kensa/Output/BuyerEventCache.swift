/// The buyer event of explained decisions as JSON, by what it says: a batch names the same few hundred buyers over
/// and over, and wording the event costs more than the rest of a condition-free trace line.
///
/// Only events that do not depend on the judgment date are kept: a buyer the registry settled, or whose class the
/// record gives; and only when the classes involved are known choices and the name is text or absent, so that the
/// key (the entity, where the class came from, the classes, the name's bytes) tells every such event apart.
final class BuyerEventCache {
    private let events = JSONSnippetCache()
    /// The key being built, kept between lookups so that building one allocates nothing; memory of its own, so
    /// that building it costs no uniqueness check per byte appended.
    private let key = PlainBuffer<UInt8>(capacity: 256)

    /// Appends the buyer event of `evaluation`, made with `write` the first time it is seen.
    func append(
        for evaluation: borrowing Evaluation, policy: CompiledPolicy, to output: inout JSONByteSink,
        write: (inout [UInt8]) -> Void
    ) {
        guard fillKey(evaluation, policy: policy) else {
            var event: [UInt8] = []
            write(&event)
            return output.append(event)
        }
        events.append(for: UnsafeRawBufferPointer(start: key.base, count: key.count), to: &output) {
            var made: [UInt8] = []
            write(&made)
            return made
        }
    }

    /// Sets `key` to what the buyer event says; false when the event cannot be kept.
    private func fillKey(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> Bool {
        let buyer = evaluation.buyer
        guard buyer.source != .unknown, let entityClass = Self.code(evaluation.values[policy.slots.entityClass]),
            let overridden = Self.code(buyer.overridden ?? .missing)
        else { return false }
        key.removeAll()
        key.append(buyer.source == .registry ? 1 : 2)
        withUnsafeBytes(of: Int64(buyer.entity ?? -1)) { key.append(contentsOf: $0.bindMemory(to: UInt8.self)) }
        key.append(entityClass)
        key.append(overridden)
        switch evaluation.values[policy.slots.buyerName] {
        case .missing:
            key.append(0)
        case .text(let name):
            key.append(1)
            if name.utf8.withContiguousStorageIfAvailable({ key.append(contentsOf: $0) }) == nil {
                key.append(contentsOf: Array(name.utf8))
            }
        default:
            return false
        }
        return true
    }

    /// A class as one byte: absent (0) or a known choice (its index plus one); nil for anything else.
    private static func code(_ value: FieldValue) -> UInt8? {
        switch value {
        case .missing: 0
        case .choice(let index) where index < 255: UInt8(index + 1)
        default: nil
        }
    }
}
