#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps a JSON key, read inside an object at a known path, to what it names: a field, a deeper object, or both.
///
/// Each object path of a layout is a node: the record itself, `buyer`, `product`, and the root of each nested
/// layout (one entry of `components`). Every dotted run of path segments is a key of the node before it, so
/// `{"buyer": {"name": …}}` and `{"buyer.name": …}` both reach the slot of `buyer.name` without building the path.
/// Keys are hashed together with their node and compared as bytes, so reading a key allocates nothing.
final class KeyTable {
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
        fileprivate var paths: [String] = []
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
    /// Each entry's full dotted path, as messages name it.
    let paths: [String]
    private let keyBytes: UnsafeMutablePointer<UInt8>
    /// Open addressing: entry index + 1, or 0 for an empty bucket.
    private let buckets: UnsafeMutablePointer<Int32>
    private let mask: Int

    init(_ builder: Builder) {
        entryCount = builder.entries.count
        entries = .allocate(capacity: max(entryCount, 1))
        entries.initialize(from: builder.entries, count: entryCount)
        paths = builder.paths
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

    deinit {
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
                key.isEmpty || memcmp(keyBytes + Int(entry.keyOffset), key.baseAddress!, key.count) == 0
            {
                return stored - 1
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// The entry at an index ``find(node:key:)`` returned.
    @inline(__always)
    func entry(_ index: Int) -> Entry { entries[index] }

    /// FNV-1a over the key's bytes, seeded with the node: keys are short, so a byte loop is cheap.
    @inline(__always)
    static func hash(node: Int32, key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: node))
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
