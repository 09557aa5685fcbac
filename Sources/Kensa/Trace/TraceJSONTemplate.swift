/// The JSON of one trace event with holes where per-record values go.
///
/// A template is made by writing a `TraceEvent` whose varying strings carry `Hole.marker`s (and whose depth is
/// `TraceJSONTemplate.depthMarker`) with the same writer as every other event, then cutting the bytes at the markers.
/// The static parts (keys, titles, locations, operators, expected values) are thus rendered and escaped once per
/// policy, exactly as the `[TraceEvent]` path renders them; per record only the holes are written.
struct TraceJSONTemplate: Sendable {
    /// What a hole holds.
    enum Hole: UInt8, Sendable {
        /// The event's depth, a number.
        case depth
        /// The element path of a test inside `some`/`every` (`components[0].`), escaped.
        case prefix
        /// The record's value as worded, escaped.
        case actual
        /// The varying end of the event's sentence, escaped.
        case text
        /// A rule's effect (an outcome name).
        case effect

        /// What stands in a string for the hole while the template is written: a noncharacter that no policy
        /// text holds, and a letter naming the hole.
        var marker: String { "\u{10FFFE}" + String(UnicodeScalar(UInt8(ascii: "A") + rawValue)) }
    }

    /// The depth a template's event is written with; the digits are cut out as the `depth` hole.
    static let depthMarker = -7_170_717

    /// The static bytes: one more than the holes, each hole going between two.
    let pieces: [[UInt8]]
    let holes: [Hole]

    /// Cuts the JSON of `event` at its markers.
    init(_ event: TraceEvent) {
        var writer = JSONWriter()
        DecisionJSON.write(event, to: &writer)
        let bytes = writer.bytes
        let depthKey = Array("\"depth\":\(Self.depthMarker)".utf8)
        let marker = Array("\u{10FFFE}".utf8)
        var pieces: [[UInt8]] = []
        var holes: [Hole] = []
        var piece: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: depthKey) {
                piece += Array("\"depth\":".utf8)
                pieces.append(piece)
                holes.append(.depth)
                piece = []
                index += depthKey.count
            } else if bytes[index...].starts(with: marker), index + marker.count < bytes.count,
                let hole = Hole(rawValue: bytes[index + marker.count] &- UInt8(ascii: "A"))
            {
                pieces.append(piece)
                holes.append(hole)
                piece = []
                index += marker.count + 1
            } else {
                piece.append(bytes[index])
                index += 1
            }
        }
        pieces.append(piece)
        self.pieces = pieces
        self.holes = holes
    }

    /// Appends the event, asking `fill` to write each hole in turn.
    @inline(__always)
    func write(to bytes: inout [UInt8], fill: (Hole, inout [UInt8]) -> Void) {
        for index in holes.indices {
            bytes.append(contentsOf: pieces[index])
            fill(holes[index], &bytes)
        }
        bytes.append(contentsOf: pieces[holes.count])
    }
}
