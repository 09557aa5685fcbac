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
/// with `memcmp`. Its buffers are its own memory rather than arrays, so a lookup takes no reference to them.
/// When full it starts again empty, so memory stays flat whatever the input.
final class ByteTable<Value> {
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        var value: Value
    }

    /// Open addressing: each bucket holds an index into `entries` plus one, zero when empty.
    private let buckets: UnsafeMutableBufferPointer<Int32>
    private let entries: UnsafeMutablePointer<Entry>
    private var count = 0
    private var bytes: UnsafeMutableBufferPointer<UInt8>
    private var byteCount = 0
    private let capacity: Int

    /// `capacity` is the most keys kept; the table empties itself when a new key would exceed it.
    init(capacity: Int) {
        self.capacity = capacity
        var size = 16
        while size < capacity * 2 { size *= 2 }
        buckets = .allocate(capacity: size)
        buckets.initialize(repeating: 0)
        entries = .allocate(capacity: capacity)
        bytes = .allocate(capacity: 4_096)
    }

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
        buckets.deallocate()
        bytes.deallocate()
    }

    /// The value kept for `name`, or the one `make` returns, which is then kept.
    func value(for name: String, make: () -> Value) -> Value {
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
            let entry = entries + Int(buckets[bucket] - 1)
            if entry.pointee.hash == hash && entry.pointee.length == key.count
                && matches(key, at: entry.pointee.offset)
            {
                return entry.pointee.value
            }
            bucket = (bucket + 1) & mask
        }
        return nil
    }

    /// Keeps `value` for the bytes of `key`, which the table does not hold yet.
    func insert(_ value: Value, for key: UnsafeRawBufferPointer) {
        if count >= capacity { removeAll() }
        let hash = Self.hash(key)
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
        reserveBytes(key.count)
        if let base = key.baseAddress { memcpy(bytes.baseAddress! + byteCount, base, key.count) }
        (entries + count).initialize(to: Entry(hash: hash, offset: byteCount, length: key.count, value: value))
        byteCount += key.count
        count += 1
        buckets[bucket] = Int32(count)
    }

    private func matches(_ key: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard let base = key.baseAddress else { return true }
        return memcmp(bytes.baseAddress! + offset, base, key.count) == 0
    }

    /// Makes room for `more` key bytes, doubling the buffer as needed.
    private func reserveBytes(_ more: Int) {
        guard byteCount + more > bytes.count else { return }
        var size = bytes.count * 2
        while size < byteCount + more { size *= 2 }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        grown.baseAddress!.update(from: bytes.baseAddress!, count: byteCount)
        bytes.deallocate()
        bytes = grown
    }

    private func removeAll() {
        buckets.update(repeating: 0)
        entries.deinitialize(count: count)
        count = 0
        byteCount = 0
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
