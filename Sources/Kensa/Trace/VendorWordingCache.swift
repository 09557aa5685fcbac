/// Vendor values as the JSON trace words them (`\"Huawei Technologies\" (Huawei Technologies, group Huawei, origin
/// CN)`), by the name's serial (``VendorName``) and its group at the judgment date: a batch quotes the same few
/// hundred companies in every trace, and wording one costs several lookups and copies.
///
/// The key is two words, so the table is keyed by them directly (open addressing, one multiply to hash) rather than
/// by bytes: a lookup costs a few comparisons, where hashing and comparing key bytes cost several times that.
/// Bounded: when it holds `capacity` wordings it starts again empty, so memory stays flat.
final class VendorWordingCache {
    private struct Entry {
        var serial: UInt64
        var group: UInt64
        var start: Int32
        var count: Int32
    }

    /// Open addressing: each bucket holds an index into `entries` plus one, zero when empty.
    private let buckets: UnsafeMutableBufferPointer<Int32>
    private let entries: UnsafeMutablePointer<Entry>
    private let bytes = PlainBuffer<UInt8>()
    // Unchecked exclusivity: a cache serves one decider, on one thread, and the checks cost as much as a lookup.
    @exclusivity(unchecked) private var count = 0
    private let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
        var size = 16
        while size < capacity * 2 { size *= 2 }
        buckets = .allocate(capacity: size)
        buckets.initialize(repeating: 0)
        entries = .allocate(capacity: capacity)
    }

    deinit {
        buckets.deallocate()
        entries.deallocate()
    }

    /// Appends the wording of the name with `serial` as the registry sighted it, made by `make` the first time.
    func append(
        serial: UInt64, sighting: VendorSighting?, to output: inout JSONByteSink,
        make: (inout JSONByteSink) -> Void
    ) {
        guard !appendKnown(serial: serial, sighting: sighting, to: &output) else { return }
        let made = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { staging in
            var sink = JSONByteSink(staging: staging)
            make(&sink)
            sink.flush()
            return sink.output
        }
        remember(made, serial: serial, sighting: sighting)
        output.append(made)
    }

    /// Appends the wording kept for the name with `serial` as the registry sighted it; false when none is kept.
    /// The lookup takes no closure, so that a hit costs no reference counting of what making a wording needs.
    func appendKnown(serial: UInt64, sighting: VendorSighting?, to output: inout JSONByteSink) -> Bool {
        let group = Self.group(sighting)
        var bucket = bucket(serial: serial, group: group)
        while buckets[bucket] != 0 {
            let entry = entries[Int(buckets[bucket] - 1)]
            if entry.serial == serial, entry.group == group {
                output.append(bytes.base + Int(entry.start), count: Int(entry.count))
                return true
            }
            bucket = (bucket + 1) & (buckets.count - 1)
        }
        return false
    }

    /// Keeps `wording` for the name with `serial` as the registry sighted it, which the cache does not hold yet.
    func remember(_ wording: [UInt8], serial: UInt64, sighting: VendorSighting?) {
        let group = Self.group(sighting)
        if count >= capacity {
            buckets.update(repeating: 0)
            bytes.removeAll()
            count = 0
        }
        var bucket = bucket(serial: serial, group: group)
        while buckets[bucket] != 0 { bucket = (bucket + 1) & (buckets.count - 1) }
        (entries + count).initialize(
            to: Entry(serial: serial, group: group, start: Int32(bytes.count), count: Int32(wording.count)))
        bytes.append(contentsOf: wording)
        count += 1
        buckets[bucket] = Int32(count)
    }

    /// The group word of the key: no sighting (0), a group that depends on an unknown date (1), or the group
    /// plus two.
    private static func group(_ sighting: VendorSighting?) -> UInt64 {
        sighting.map { $0.group.map { UInt64($0) + 2 } ?? 1 } ?? 0
    }

    /// The first bucket to probe for a key.
    private func bucket(serial: UInt64, group: UInt64) -> Int {
        var hash = (serial ^ group &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash) & (buckets.count - 1)
    }
}
