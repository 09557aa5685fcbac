/// The bytes of trace segments (one scope's or one rule's events, as JSON or as text) by segment shape, with holes where the record's
/// own values go: the fast path of `decide --explain`.
///
/// A segment's events are fixed, byte for byte, by its shape (each step's subject, depth and result, which list
/// conditions met an empty or absent list, each rule's verdict, effect and whether a waiver or window sentence is
/// said) except for what the record holds: the values tests saw, the parts of list entries, and the waiver and window
/// sentences, which name exemptions and dates. A batch meets the same few thousand shapes over and over, so each is
/// rendered once (``TraceSegmentRenderer``) and afterwards written as a few copies with the holes filled.
///
/// Bounded: when it holds `capacity` segments or `byteLimit` bytes it starts again empty, so memory stays flat.
final class TraceSegmentCache {
    /// What fills a hole, per record.
    enum Hole: UInt8 {
        /// No hole: after a segment's last piece.
        case none
        /// The value a test saw, worded: `first` is the step's offset in the segment, `second` its condition.
        case actual
        /// The same for a test inside `some`/`every`, which read a list entry's value: `third` is the slot of the
        /// record's list (-1 when the list is itself inside an entry), `fourth` the entry.
        case entryActual
        /// `: part \"…\"` after "entry N" of a list entry: `first` is the list's condition, `second` the entry.
        case elementPart
        /// The sentence of a rule outside its window: `first` is the rule.
        case window
        /// The sentence of the exemption that waived a rule: `first` is the rule.
        case waiver
    }

    /// Static bytes of a rendered segment, then the hole that follows them. While a segment is rendered, its holes
    /// are noted as pieces whose `end` is where the hole is in the rendered bytes (``remember(_:holes:shaped:)``).
    struct Piece {
        var start: Int32
        var end: Int32
        var hole: Hole
        var first: Int32
        var second: Int32
        var third: Int32 = 0
        var fourth: Int32 = 0
    }

    /// Where a segment's pieces are.
    struct Segment {
        var first: Int32
        var count: Int32
    }

    // Unchecked exclusivity: a cache serves one decider, on one thread, and the checks cost as much as a lookup.
    @exclusivity(unchecked) private var segments: ByteTable<Segment>
    private let bytes = PlainBuffer<UInt8>(capacity: 1 << 16)
    private let pieces = PlainBuffer<Piece>()
    @exclusivity(unchecked) private var count = 0
    private let capacity: Int
    private let byteLimit: Int

    init(capacity: Int = 8_192, byteLimit: Int = 16 << 20) {
        self.capacity = capacity
        self.byteLimit = byteLimit
        segments = ByteTable(capacity: capacity)
    }

    /// The segment rendered for a segment of this shape (``RecordShape/record(complete:values:fragments:evaluation:)``),
    /// given as the bytes of its words.
    func segment(shaped shape: UnsafeRawBufferPointer) -> Segment? {
        segments.value(for: shape)
    }

    /// Keeps a segment rendered for `shape` (the bytes of its words): its bytes and the holes in them.
    func remember(_ rendered: [UInt8], holes: [Piece], shaped shape: UnsafeRawBufferPointer) -> Segment {
        if count >= capacity || bytes.count + rendered.count > byteLimit {
            segments = ByteTable(capacity: capacity)
            bytes.removeAll()
            pieces.removeAll()
            count = 0
        }
        let base = Int32(bytes.count)
        let segment = Segment(first: Int32(pieces.count), count: Int32(holes.count + 1))
        var start: Int32 = 0
        for var hole in holes {
            (hole.start, hole.end, start) = (base + start, base + hole.end, hole.end)
            pieces.append(hole)
        }
        pieces.append(Piece(start: base + start, end: base + Int32(rendered.count), hole: .none, first: 0, second: 0))
        bytes.append(contentsOf: rendered)
        segments.insert(segment, for: shape)
        count += 1
        return segment
    }

    /// Appends `segment`, asking `fill` to write each hole in turn.
    @inline(__always)
    func write(_ segment: Segment, to output: inout JSONByteSink, fill: (Piece, inout JSONByteSink) -> Void) {
        let (bytes, pieces) = (bytes.base, pieces.base)
        for index in Int(segment.first)..<Int(segment.first + segment.count) {
            let piece = pieces[index]
            output.append(bytes + Int(piece.start), count: Int(piece.end - piece.start))
            if piece.hole != .none { fill(piece, &output) }
        }
    }
}
