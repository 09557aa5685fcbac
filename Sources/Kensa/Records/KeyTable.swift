/// Maps a JSON key, read inside an object at a known path, to what it names: a field, a deeper object, or both.
///
/// Each object path of a layout is a node: the record itself, `buyer`, `product`, and the root of each nested
/// layout (one entry of `components`). Every dotted run of path segments is a key of the node before it, so
/// `{"buyer": {"name": …}}` and `{"buyer.name": …}` both reach the slot of `buyer.name` without building the path.
/// Keys are hashed together with their node and compared as words (bytes past 16), so reading a key allocates nothing.
///
/// A struct of pointers rather than a class, so the hot path looks keys up without reference counting; its
/// ``LayoutPlan`` owns the memory and frees it with ``deallocate()``.
struct KeyTable {
    struct Entry {
        var hash: UInt64
        /// The key's ``Words``: for keys of up to 16 bytes they are the whole key, so a match compares two words.
        var head: UInt64
        var tail: UInt64
        var node: Int32
        var keyOffset: Int32
        var keyCount: Int32
        /// Slot, in its layout, of the field the key ends at, or -1.
        var slot: Int32
        /// Node of the object the key opens, or -1.
        var child: Int32
        /// Index of the field across all layouts of the plan (for duplicate detection), or -1.
        var field: Int32
        /// The key has no quote, backslash or control byte, so JSON writes it as its own bytes in quotes and
        /// ``isWritten(_:at:available:)`` can recognise it without reading it as a string.
        var plain: Bool
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
            let words = bytes.withUnsafeBufferPointer { KeyTable.Words($0) }
            entries.append(
                Entry(
                    hash: words.hash(node: node), head: words.head, tail: words.tail, node: node,
                    keyOffset: Int32(keyBytes.count), keyCount: Int32(bytes.count), slot: -1, child: -1, field: -1,
                    plain: bytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }))
            paths.append(path)
            keyBytes += bytes
            entryIndex[name] = entries.count - 1
            return entries.count - 1
        }
    }

    private let entries: UnsafeMutablePointer<Entry>
    let entryCount: Int
    /// Object paths across all layouts: the `node` of every entry is below it.
    let nodeCount: Int
    private let keyBytes: UnsafeMutablePointer<UInt8>
    /// Open addressing: entry index + 1, or 0 for an empty bucket.
    private let buckets: UnsafeMutablePointer<Int32>
    private let mask: Int

    init(_ builder: Builder) {
        entryCount = builder.entries.count
        nodeCount = Int(builder.nodeCount)
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
        let words = Words(key)
        let hash = words.hash(node: node)
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(buckets[bucket])
            if stored == 0 { return -1 }
            let entry = entries[stored - 1]
            if entry.hash == hash, entry.node == node, Int(entry.keyCount) == key.count, entry.head == words.head,
                entry.tail == words.tail,
                key.count <= 16 || KeyTable.equal(keyBytes + Int(entry.keyOffset), key.baseAddress!, count: key.count)
            {
                return stored - 1
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// True when the bytes at `start` (a quote) are the key of entry `index` in quotes, the way JSON writes a plain
    /// key: what reading them as a string and finding it would give, in a few comparisons.
    @inline(__always)
    func isWritten(_ index: Int, at start: UnsafePointer<UInt8>, available: Int) -> Bool {
        let entry = entries[index]
        let count = Int(entry.keyCount)
        guard entry.plain, count + 2 <= available, start[count + 1] == 0x22 else { return false }
        let words = Words(UnsafeBufferPointer(start: start + 1, count: count))
        return words.head == entry.head && words.tail == entry.tail
            && (count <= 16 || KeyTable.equal(keyBytes + Int(entry.keyOffset), start + 1, count: count))
    }

    /// The entry at an index ``find(node:key:)`` returned.
    @inline(__always)
    func entry(_ index: Int) -> Entry { entries[index] }

    /// A key's length with its first and last eight bytes (first and last four below 8 bytes, all of them
    /// below 4): loaded in a few instructions, and for keys of up to 16 bytes, which are nearly all keys, they
    /// cover every byte, so equal words and length mean equal keys.
    struct Words {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var count: Int

        @inline(__always)
        init(_ key: UnsafeBufferPointer<UInt8>) {
            count = key.count
            guard let start = key.baseAddress else { return }
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

        /// A hash of the words, length and node; a collision only costs a probe.
        @inline(__always)
        func hash(node: Int32) -> UInt64 {
            var hash = (head ^ UInt64(UInt32(bitPattern: node)) << 32 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= (tail &+ hash >> 29) &* 0xBF58_476D_1CE4_E5B9
            return hash ^ hash >> 32
        }
    }

    /// A hash of the key's ``Words`` and node.
    @inline(__always)
    static func hash(node: Int32, key: UnsafeBufferPointer<UInt8>) -> UInt64 { Words(key).hash(node: node) }

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
