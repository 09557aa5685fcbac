/// Maps a JSON key, read inside an object at a known path, to what it names: a field, a deeper object, or both.
///
/// Each object path of a layout is a node: the record itself, `buyer`, `product`, and the root of each nested
/// layout (one entry of `components`). Every dotted run of path segments is a key of the node before it, so
/// `{"buyer": {"name": …}}` and `{"buyer.name": …}` both reach the slot of `buyer.name` without building the path.
/// Keys are hashed together with their node and compared as bytes, so reading a key allocates nothing.
///
/// A struct of pointers rather than a class, so the hot path looks keys up without reference counting; its
/// ``LayoutPlan`` owns the memory and frees it with ``deallocate()``.
struct KeyTable {
    struct Entry {
        var hash: UInt64
        var node: Int32
        var keyOffset: Int32
        var keyCount: Int32
        /// Slot, in its layout, of the field the key ends at, or -1.
        var slot: Int32
        /// Node of the object the key opens, or -1.
        var child: Int32
        /// Index of the field across all layouts of the plan (for duplicate detection), or -1.
        var field: Int32
    }

    /// Collects keys while a ``LayoutPlan`` is compiled.
    struct Builder {
        fileprivate var entries: [Entry] = []
        fileprivate var keyBytes: [UInt8] = []
        /// Each entry's full dotted path, as messages name it.
        private(set) var paths: [String] = []
        private var nodes: [String: Int32] = [:]
        private var entryIndex: [String: Int] = [:]
        private(set) var nodeCount: Int32 = 0

        /// A fresh node for the root of a layout.
        mutating func addRoot() -> Int32 {
            nodeCount += 1
            return nodeCount - 1
        }

        /// Adds every dotted run of `path` as a key, under `root`, ending at the field `slot`.
        mutating func addField(root: Int32, path: String, slot: Int, field: Int) {
            let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            for first in segments.indices {
                let parent = node(root: root, prefix: segments[..<first])
                for last in first..<segments.count {
                    let key = segments[first...last].joined(separator: ".")
                    let index = entry(node: parent, key: key, path: segments[...last].joined(separator: "."))
                    if last == segments.count - 1 {
                        entries[index].slot = Int32(slot)
                        entries[index].field = Int32(field)
                    } else {
                        entries[index].child = node(root: root, prefix: segments[...last])
                    }
                }
            }
        }

        private mutating func node(root: Int32, prefix: ArraySlice<String>) -> Int32 {
            guard !prefix.isEmpty else { return root }
            let name = "\(root)|" + prefix.joined(separator: ".")
            if let node = nodes[name] { return node }
            nodeCount += 1
            nodes[name] = nodeCount - 1
            return nodeCount - 1
        }

        private mutating func entry(node: Int32, key: String, path: String) -> Int {
            let name = "\(node)|\(key)"
            if let index = entryIndex[name] { return index }
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBufferPointer { KeyTable.hash(node: node, key: $0) }
            entries.append(
                Entry(
                    hash: hash, node: node, keyOffset: Int32(keyBytes.count), keyCount: Int32(bytes.count),
                    slot: -1, child: -1, field: -1))
            paths.append(path)
            keyBytes += bytes
            entryIndex[name] = entries.count - 1
            return entries.count - 1
        }
    }

    private let entries: UnsafeMutablePointer<Entry>
    let entryCount: Int
    private let keyBytes: UnsafeMutablePointer<UInt8>
    /// Open addressing: entry index + 1, or 0 for an empty bucket.
    private let buckets: UnsafeMutablePointer<Int32>
    private let mask: Int

    init(_ builder: Builder) {
        entryCount = builder.entries.count
        entries = .allocate(capacity: max(entryCount, 1))
        entries.initialize(from: builder.entries, count: entryCount)
        keyBytes = .allocate(capacity: max(builder.keyBytes.count, 1))
        keyBytes.initialize(from: builder.keyBytes, count: builder.keyBytes.count)
        var capacity = 16
        while capacity < entryCount * 4 { capacity *= 2 }
        mask = capacity - 1
        buckets = .allocate(capacity: capacity)
        buckets.initialize(repeating: 0, count: capacity)
        for (index, entry) in builder.entries.enumerated() {
            var bucket = Int(truncatingIfNeeded: entry.hash) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(index + 1)
        }
    }

    /// Frees the table's memory; the table must not be used afterwards.
    func deallocate() {
        entries.deallocate()
        keyBytes.deallocate()
        buckets.deallocate()
    }

    /// The entry for `key` read inside an object at `node`, or -1 when the layout has no such key there.
    @inline(__always)
    func find(node: Int32, key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = KeyTable.hash(node: node, key: key)
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(buckets[bucket])
            if stored == 0 { return -1 }
            let entry = entries[stored - 1]
            if entry.hash == hash, entry.node == node, Int(entry.keyCount) == key.count,
                key.isEmpty || KeyTable.equal(keyBytes + Int(entry.keyOffset), key.baseAddress!, count: key.count)
            {
                return stored - 1
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// The entry at an index ``find(node:key:)`` returned.
    @inline(__always)
    func entry(_ index: Int) -> Entry { entries[index] }

    /// A hash of the key's length, first and last eight bytes, and node: keys are short, so this sees nearly all of
    /// them in a few instructions; bytes are compared anyway, so a collision only costs a probe.
    @inline(__always)
    static func hash(node: Int32, key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if let start = key.baseAddress {
            let raw = UnsafeRawPointer(start)
            if count >= 8 {
                head = raw.loadUnaligned(as: UInt64.self)
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                head = UInt64(raw.loadUnaligned(as: UInt32.self))
                tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else {
                for index in 0..<count { head = head << 8 | UInt64(start[index]) }
            }
        }
        var hash = (head ^ UInt64(UInt32(bitPattern: node)) << 32 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= (tail &+ hash >> 29) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ hash >> 32
    }

    /// True when `count` bytes at `a` and `b` are equal; an inline loop, as keys and choices are short.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            let left = UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
            if left != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) { return false }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }
}
