/// The keys a record's objects carry that the layout does not name, so a key written twice in one object is caught
/// even when Kensa ignores it.
///
/// Keys are kept per object (by the reader's object number) and cleared per record; records rarely carry such
/// keys, so the set usually stays empty and costs nothing.
struct UnknownKeySet {
    private struct Key {
        var object: Int
        var hash: UInt64
        var offset: Int
        var count: Int
    }

    private var keys: [Key] = []
    private var bytes: [UInt8] = []
    /// Open addressing: index into `keys` + 1, or 0 for an empty bucket.
    private var buckets: [Int32] = []

    /// Forgets the keys of the previous record.
    mutating func removeAll() {
        guard !keys.isEmpty else { return }
        keys.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        for index in buckets.indices { buckets[index] = 0 }
    }

    /// Adds `key` as read in `object`; false when that object already had it.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, object: Int) -> Bool {
        if (keys.count + 1) * 2 > buckets.count { grow() }
        let hash = KeyTable.hash(node: Int32(truncatingIfNeeded: object), key: key)
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 {
            let stored = keys[Int(buckets[bucket]) - 1]
            if stored.hash == hash, stored.object == object, stored.count == key.count,
                bytes[stored.offset..<(stored.offset + stored.count)].elementsEqual(key)
            {
                return false
            }
            bucket = (bucket + 1) & mask
        }
        keys.append(Key(object: object, hash: hash, offset: bytes.count, count: key.count))
        bytes.append(contentsOf: key)
        buckets[bucket] = Int32(keys.count)
        return true
    }

    private mutating func grow() {
        buckets = Array(repeating: 0, count: max(buckets.count * 2, 16))
        let mask = buckets.count - 1
        for (index, key) in keys.enumerated() {
            var bucket = Int(truncatingIfNeeded: key.hash) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(index + 1)
        }
    }
}
