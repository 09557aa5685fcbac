/// The JSON of one trace event with holes where per-record values go: where its parts are in a
/// `TraceJSONTemplateStore`. A plain value, so picking a template per event costs no reference counting.
///
/// A template is made by writing a `TraceEvent` whose varying strings carry markers (and whose depth is
/// `depthMarker`) with the same writer as every other event, then cutting the bytes at the markers. The static
/// parts (keys, titles, locations, operators, expected values) are thus rendered and escaped once per policy,
/// exactly as the `[TraceEvent]` path renders them; per record only the holes are written.
struct TraceJSONTemplate: Sendable {
    /// What a hole holds.
    enum Hole: UInt8, Sendable {
        /// No hole: after a template's last piece.
        case none
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
    }

    /// The depth a template's event is written with; the digits are cut out as the `depth` hole.
    static let depthMarker = -7_170_717

    /// Index of the first piece in the store; the template's pieces follow it, the last one before `Hole.none`.
    let first: Int32
}

/// One piece of a template: static bytes, then the hole that follows them.
struct TraceJSONPiece: Equatable {
    var start: Int32
    var end: Int32
    var hole: TraceJSONTemplate.Hole
}

/// Collects templates and plain byte strings while a policy's fragments are made.
struct TraceJSONTemplateBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [TraceJSONPiece] = []
    /// The noncharacter that marks holes in event strings. A policy text could hold it too, so fragments are made
    /// with two different ones and kept only when both cut the same templates (`TraceJSONFragments.make`).
    let markerScalar: Unicode.Scalar

    init(markerScalar: Unicode.Scalar) { self.markerScalar = markerScalar }

    /// What stands in an event's string for `hole` while its template is written: the marker and a letter.
    func marker(_ hole: TraceJSONTemplate.Hole) -> String {
        String(markerScalar) + String(UnicodeScalar(UInt8(ascii: "A") + hole.rawValue))
    }

    /// Adds the template cut from `event`'s JSON at its markers.
    mutating func add(_ event: TraceEvent) -> TraceJSONTemplate {
        var writer = JSONWriter()
        DecisionJSON.write(event, to: &writer)
        return add(cutting: writer.bytes)
    }

    /// Adds `text`, escaped, as a template without holes.
    mutating func add(escaped text: String) -> TraceJSONTemplate {
        var escaped: [UInt8] = []
        JSONWriter.appendEscaped(text, to: &escaped)
        return add(cutting: escaped)
    }

    /// Adds JSON bytes that hold no markers (a rule id as a string, the policy object) as a template without holes.
    mutating func add(json: [UInt8]) -> TraceJSONTemplate {
        add(cutting: json)
    }

    private mutating func add(cutting json: [UInt8]) -> TraceJSONTemplate {
        let template = TraceJSONTemplate(first: Int32(pieces.count))
        let depthKey = Array("\"depth\":\(TraceJSONTemplate.depthMarker)".utf8)
        let depthKeyStart = Array("\"depth\":".utf8)
        let marker = Array(String(markerScalar).utf8)
        var start = bytes.count
        var index = 0
        func cut(_ hole: TraceJSONTemplate.Hole) {
            pieces.append(TraceJSONPiece(start: Int32(start), end: Int32(bytes.count), hole: hole))
            start = bytes.count
        }
        while index < json.count {
            if json[index] == depthKey[0], json[index...].starts(with: depthKey) {
                bytes += depthKeyStart
                cut(.depth)
                index += depthKey.count
            } else if json[index] == marker[0], json[index...].starts(with: marker), index + marker.count < json.count,
                let hole = TraceJSONTemplate.Hole(rawValue: json[index + marker.count] &- UInt8(ascii: "A"))
            {
                cut(hole)
                index += marker.count + 1
            } else {
                bytes.append(json[index])
                index += 1
            }
        }
        cut(.none)
        return template
    }
}

/// The bytes and pieces of every template of one policy, in memory of their own that lives as long as the store:
/// templates are read per event, millions of times, without reference counting.
final class TraceJSONTemplateStore: @unchecked Sendable, Equatable {
    // Unchecked: the buffers are written once, in `init`, and only read afterwards.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let pieces: UnsafeMutableBufferPointer<TraceJSONPiece>

    init(_ builder: TraceJSONTemplateBuilder) {
        bytes = .allocate(capacity: max(1, builder.bytes.count))
        _ = bytes.initialize(from: builder.bytes)
        pieces = .allocate(capacity: max(1, builder.pieces.count))
        _ = pieces.initialize(from: builder.pieces)
    }

    static func == (lhs: TraceJSONTemplateStore, rhs: TraceJSONTemplateStore) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes) && lhs.pieces.elementsEqual(rhs.pieces)
    }

    deinit {
        bytes.deallocate()
        pieces.deallocate()
    }

    /// Appends `template`, asking `fill` to write each hole in turn.
    @inline(__always)
    func write(
        _ template: TraceJSONTemplate, to output: inout JSONByteSink,
        fill: (TraceJSONTemplate.Hole, inout JSONByteSink) -> Void
    ) {
        var index = Int(template.first)
        while true {
            let piece = pieces[index]
            output.append(bytes.baseAddress! + Int(piece.start), count: Int(piece.end - piece.start))
            guard piece.hole != .none else { return }
            fill(piece.hole, &output)
            index += 1
        }
    }

    /// Appends a template without holes (a byte string added with `add(escaped:)` or `add(json:)`).
    @inline(__always)
    func write(_ template: TraceJSONTemplate, to output: inout JSONByteSink) {
        write(template, to: &output) { _, _ in }
    }
}
