#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bounded table keyed by bytes: names (compared by their UTF-8 bytes) to what a registry made of them, and
/// recorded evaluation shapes to what was worded for them.
///
/// A batch looks up the same few hundred names and shapes millions of times. A `Dictionary` keyed by a string or
/// an array hashes it with SipHash, and retains the keys to compare them, which costs several times what the
/// lookup is worth; this table keeps the keys' bytes in one buffer, hashes eight bytes at a time and compares
/// with `memcmp`. When full it starts again empty, so memory stays flat whatever the input.
struct ByteTable<Value> {
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        var value: Value
    }

    /// Open addressing: each bucket holds an index into `entries` plus one, zero when empty.
    private var buckets: [Int32]
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private let capacity: Int

    /// `capacity` is the most names kept; the table empties itself when a new name would exceed it.
    init(capacity: Int) {
        self.capacity = capacity
        var size = 16
        while size < capacity * 2 { size *= 2 }
        buckets = Array(repeating: 0, count: size)
    }

    /// The value kept for `name`, or the one `make` returns, which is then kept.
    mutating func value(for name: String, make: () -> Value) -> Value {
        if let known = name.utf8.withContiguousStorageIfAvailable({ self.value(for: UnsafeRawBufferPointer($0)) }),
            let known
        {
            return known
        }
        let made = make()
        Array(name.utf8).withUnsafeBytes { insert(made, for: $0) }
        return made
    }

    /// The value kept for the bytes of `key`, if any.
    func value(for key: UnsafeRawBufferPointer) -> Value? {
        let hash = Self.hash(key)
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 {
            let entry = entries[Int(buckets[bucket]) - 1]
            if entry.hash == hash && entry.length == key.count && matches(key, at: entry.offset) { return entry.value }
            bucket = (bucket + 1) & mask
        }
        return nil
    }

    /// Keeps `value` for the bytes of `key`, which the table does not hold yet.
    mutating func insert(_ value: Value, for key: UnsafeRawBufferPointer) {
        if entries.count >= capacity { removeAll() }
        let hash = Self.hash(key)
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
        entries.append(Entry(hash: hash, offset: bytes.count, length: key.count, value: value))
        bytes.append(contentsOf: key)
        buckets[bucket] = Int32(entries.count)
    }

    private func matches(_ key: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard let base = key.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, base, key.count) == 0 }
    }

    private mutating func removeAll() {
        for index in buckets.indices { buckets[index] = 0 }
        entries.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// A 64-bit hash of the bytes, mixed a word at a time.
    private static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(hash ^ tail)
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 31
        return mixed &* 0x94D0_49BB_1331_11EB
    }
}
