/// Reason lines by the shape of the steps they explain, for records whose vendor names make whole-record shapes
/// too many to remember (see ``ShapeObserver``).
///
/// A scope's or rule's line is fixed by that scope's or rule's own steps and results, its flags, the fields the
/// layout filled, and the vendor names among its culprits. Each line shape keeps which of its names the line
/// quotes (by their order among the names its steps looked up), and its lines are kept by the shape and those
/// names alone, so that names no reason quotes do not multiply entries; a shape whose line quotes no name keeps
/// its line itself, found with one lookup instead of two. Bounded so memory stays flat.
final class LineShapeCache {
    /// What a line is about.
    enum Subject {
        case scope(Int)
        case rule(Int)
        /// The line that says the record is in scope and no rule restricts it.
        case inScope
        /// The line that says a rule's `unless` exception holds.
        case exception(rule: Int, exception: Int)
    }

    /// A line shape: its number, the names its line quotes as bits by their order among the names looked up
    /// (plain bits rather than an array, which each lookup would retain and release), and its line when it quotes
    /// none.
    private struct Shape {
        var id: UInt64
        var quoted: UInt64
        var line: ReasonLine?
    }

    // Unchecked exclusivity: a cache serves one decider, on one thread, and the checks cost as much as a lookup.
    @exclusivity(unchecked) private var shapes: ByteTable<Shape>
    @exclusivity(unchecked) private var lines: ByteTable<ReasonLine>
    /// Numbers shapes; never reused, so lines of a forgotten shape are never mistaken for another's.
    @exclusivity(unchecked) private var nextID: UInt64 = 0
    /// The key being built, `keyCount` words at `key`, kept between lookups so that building one allocates nothing
    /// and is written in place, without an array's uniqueness and capacity checks on every word.
    @exclusivity(unchecked) private var key: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var keyCapacity = 64
    @exclusivity(unchecked) private var keyCount = 0

    init(capacity: Int = 16_384) {
        shapes = ByteTable(capacity: capacity)
        lines = ByteTable(capacity: capacity)
        key = .allocate(capacity: keyCapacity)
    }

    deinit { key.deallocate() }

    /// The key built last, as the tables take it.
    private var keyBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: key, count: keyCount * MemoryLayout<UInt32>.stride)
    }

    /// The line worded for an earlier record with the same line shape and the same quoted names.
    func line(
        _ subject: Subject, flags: Int32, filled: UInt64, events: UnsafeBufferPointer<UInt32>,
        names: UnsafeBufferPointer<UInt32>
    ) -> ReasonLine? {
        fillShapeKey(subject, flags: flags, filled: filled, events: events)
        guard let shape = shapes.value(for: keyBytes) else { return nil }
        if shape.quoted == 0 { return shape.line }
        guard fillLineKey(shape, names: names) else { return nil }
        return lines.value(for: keyBytes)
    }

    /// Remembers a line; `quoted` gives the names it quotes by their order among `names`.
    func remember(
        _ line: ReasonLine, subject: Subject, flags: Int32, filled: UInt64, events: UnsafeBufferPointer<UInt32>,
        names: UnsafeBufferPointer<UInt32>, quoted: [Int]
    ) {
        // Quotes past the 64th name of a step are not kept: such a line is worded afresh each time.
        guard quoted.allSatisfy({ $0 < 64 }) else { return }
        fillShapeKey(subject, flags: flags, filled: filled, events: events)
        let shape: Shape
        if let known = shapes.value(for: keyBytes) {
            shape = known
        } else {
            let bits = quoted.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            shape = Shape(id: nextID, quoted: bits, line: bits == 0 ? line : nil)
            nextID += 1
            shapes.insert(shape, for: keyBytes)
        }
        guard shape.quoted != 0, fillLineKey(shape, names: names), lines.value(for: keyBytes) == nil else { return }
        lines.insert(line, for: keyBytes)
    }

    private func fillShapeKey(_ subject: Subject, flags: Int32, filled: UInt64, events: UnsafeBufferPointer<UInt32>) {
        let head: UInt32 =
            switch subject {
            case .scope(let index): 1 << 28 | UInt32(truncatingIfNeeded: index)
            case .rule(let index): 2 << 28 | UInt32(truncatingIfNeeded: index)
            case .inScope: 3 << 28
            case .exception(let rule, let exception):
                4 << 28 | UInt32(truncatingIfNeeded: rule) << 12 | UInt32(truncatingIfNeeded: exception)
            }
        startKey(reserving: 4 + events.count)
        appendToKey(head)
        appendToKey(UInt32(bitPattern: flags))
        appendToKey(UInt32(truncatingIfNeeded: filled))
        appendToKey(UInt32(truncatingIfNeeded: filled >> 32))
        appendToKey(events)
    }

    /// Fills the key of a line of `shape`: its number and the words of each name it quotes. False when the
    /// names are fewer than the shape quotes.
    private func fillLineKey(_ shape: Shape, names: UnsafeBufferPointer<UInt32>) -> Bool {
        startKey(reserving: 2 + shape.quoted.nonzeroBitCount * RecordShape.wordsPerName)
        appendToKey(UInt32(truncatingIfNeeded: shape.id))
        appendToKey(UInt32(truncatingIfNeeded: shape.id >> 32))
        var bits = shape.quoted
        while bits != 0 {
            let ordinal = bits.trailingZeroBitCount
            bits &= bits - 1
            let start = ordinal * RecordShape.wordsPerName
            guard start + RecordShape.wordsPerName <= names.count else { return false }
            appendToKey(UnsafeBufferPointer(rebasing: names[start..<start + RecordShape.wordsPerName]))
        }
        return true
    }

    /// Empties the key, with room for `count` words.
    private func startKey(reserving count: Int) {
        keyCount = 0
        guard count > keyCapacity else { return }
        key.deallocate()
        while keyCapacity < count { keyCapacity *= 2 }
        key = .allocate(capacity: keyCapacity)
    }

    /// Appends a word to the key; `startKey(reserving:)` made room for it.
    @inline(__always)
    private func appendToKey(_ word: UInt32) {
        key[keyCount] = word
        keyCount += 1
    }

    /// Appends words to the key; `startKey(reserving:)` made room for them.
    private func appendToKey(_ words: UnsafeBufferPointer<UInt32>) {
        guard let start = words.baseAddress else { return }
        (key + keyCount).update(from: start, count: words.count)
        keyCount += words.count
    }
}
