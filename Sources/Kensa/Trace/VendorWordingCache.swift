/// Vendor values as the JSON trace words them (`\"Huawei Technologies\" (Huawei Technologies, group Huawei, origin
/// CN)`), by the name's serial (``VendorName``) and its group at the judgment date: a batch quotes the same few
/// hundred companies in every trace, and wording one costs several lookups and copies.
///
/// Bounded: when it holds `capacity` wordings it starts again empty, so memory stays flat.
final class VendorWordingCache {
    private struct Wording {
        var start: Int32
        var count: Int32
    }

    // Unchecked exclusivity: a cache serves one decider, on one thread, and the checks cost as much as a lookup.
    @exclusivity(unchecked) private var wordings: ByteTable<Wording>
    private let bytes = PlainBuffer<UInt8>()
    @exclusivity(unchecked) private var count = 0
    private let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
        wordings = ByteTable(capacity: capacity)
    }

    /// Appends the wording of the name with `serial` as the registry sighted it, made by `make` the first time.
    func append(
        serial: UInt64, sighting: VendorSighting?, to output: inout JSONByteSink,
        make: (inout JSONByteSink) -> Void
    ) {
        let group: UInt64 = sighting.map { $0.group.map { UInt64($0) + 2 } ?? 1 } ?? 0
        let key = (serial, group)
        let known = withUnsafeBytes(of: key) { wordings.value(for: $0) }
        let wording: Wording
        if let known {
            wording = known
        } else {
            let made = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { staging in
                var sink = JSONByteSink(staging: staging)
                make(&sink)
                sink.flush()
                return sink.output
            }
            if count >= capacity {
                wordings = ByteTable(capacity: capacity)
                bytes.removeAll()
                count = 0
            }
            wording = Wording(start: Int32(bytes.count), count: Int32(made.count))
            bytes.append(contentsOf: made)
            withUnsafeBytes(of: key) { wordings.insert(wording, for: $0) }
            count += 1
        }
        output.append(bytes.base + Int(wording.start), count: Int(wording.count))
    }
}
