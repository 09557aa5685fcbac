/// One trace event, as JSON or as a text line (``TraceFormat``), with holes where per-record values go: where its
/// parts are in a `TraceTemplateStore`. A plain value, so picking a template per event costs no reference counting.
///
/// A template is made by writing a `TraceEvent` whose varying strings carry markers (and whose depth is
/// `depthMarker`) with the same writer as every other event, then cutting the bytes at the markers. The static
/// parts (keys, titles, locations, operators, expected values) are thus rendered and escaped once per policy,
/// exactly as the `[TraceEvent]` path renders them; per record only the holes are written.
struct TraceTemplate: Sendable {
    /// What a hole holds.
    enum Hole: UInt8, Sendable {
        /// No hole: after a template's last piece.
        case none
        /// The event's depth: a number in JSON, the line's indent in text.
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

    /// The depth a template's event is written with; in JSON the digits are cut out as the `depth` hole, in text
    /// the indent is a marker.
    static let depthMarker = -7_170_717

    /// Index of the first piece in the store; the template's pieces follow it, the last one before `Hole.none`.
    let first: Int32
}

/// One piece of a template: static bytes, then the hole that follows them.
struct TraceTemplatePiece: Equatable {
    var start: Int32
    var end: Int32
    var hole: TraceTemplate.Hole
}

/// Collects templates and plain byte strings while a policy's fragments are made.
struct TraceTemplateBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [TraceTemplatePiece] = []
    /// The noncharacter that marks holes in event strings. A policy text could hold it too, so fragments are made
    /// with two different ones and kept only when both cut the same templates (`TraceFragments.make`).
    let markerScalar: Unicode.Scalar
    let format: TraceFormat

    init(markerScalar: Unicode.Scalar, format: TraceFormat) {
        self.markerScalar = markerScalar
        self.format = format
    }

    /// What stands in an event's string for `hole` while its template is written: the marker and a letter.
    func marker(_ hole: TraceTemplate.Hole) -> String {
        String(markerScalar) + String(UnicodeScalar(UInt8(ascii: "A") + hole.rawValue))
    }

    /// Adds the template cut from `event`, in the builder's format, at its markers.
    mutating func add(_ event: TraceEvent) -> TraceTemplate {
        let indent = event.depth == TraceTemplate.depthMarker ? marker(.depth) : nil
        return add(cutting: format.bytes(of: event, indent: indent))
    }

    /// Adds `text` as the inside of a string in the builder's format (escaped for JSON), as a template without holes.
    mutating func add(text: String) -> TraceTemplate {
        add(cutting: format.bytes(of: text))
    }

    /// Adds JSON bytes that hold no markers (a rule id as a string, the policy object) as a template without holes.
    mutating func add(json: [UInt8]) -> TraceTemplate {
        add(cutting: json)
    }

    private mutating func add(cutting json: [UInt8]) -> TraceTemplate {
        let template = TraceTemplate(first: Int32(pieces.count))
        let depthKey = Array("\"depth\":\(TraceTemplate.depthMarker)".utf8)
        let depthKeyStart = Array("\"depth\":".utf8)
        let marker = Array(String(markerScalar).utf8)
        var start = bytes.count
        var index = 0
        func cut(_ hole: TraceTemplate.Hole) {
            pieces.append(TraceTemplatePiece(start: Int32(start), end: Int32(bytes.count), hole: hole))
            start = bytes.count
        }
        while index < json.count {
            if json[index] == depthKey[0], json[index...].starts(with: depthKey) {
                bytes += depthKeyStart
                cut(.depth)
                index += depthKey.count
            } else if json[index] == marker[0], json[index...].starts(with: marker), index + marker.count < json.count,
                let hole = TraceTemplate.Hole(rawValue: json[index + marker.count] &- UInt8(ascii: "A"))
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
final class TraceTemplateStore: @unchecked Sendable, Equatable {
    // Unchecked: the buffers are written once, in `init`, and only read afterwards.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let pieces: UnsafeMutableBufferPointer<TraceTemplatePiece>

    init(_ builder: TraceTemplateBuilder) {
        bytes = .allocate(capacity: max(1, builder.bytes.count))
        _ = bytes.initialize(from: builder.bytes)
        pieces = .allocate(capacity: max(1, builder.pieces.count))
        _ = pieces.initialize(from: builder.pieces)
    }

    static func == (lhs: TraceTemplateStore, rhs: TraceTemplateStore) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes) && lhs.pieces.elementsEqual(rhs.pieces)
    }

    deinit {
        bytes.deallocate()
        pieces.deallocate()
    }

    /// Appends `template`, asking `fill` to write each hole in turn.
    @inline(__always)
    func write(
        _ template: TraceTemplate, to output: inout JSONByteSink,
        fill: (TraceTemplate.Hole, inout JSONByteSink) -> Void
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

    /// Appends a template without holes (a byte string added with `add(text:)` or `add(json:)`).
    @inline(__always)
    func write(_ template: TraceTemplate, to output: inout JSONByteSink) {
        write(template, to: &output) { _, _ in }
    }
}
