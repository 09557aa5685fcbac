import CYAML

extension SourcePosition {
    /// Converts libyaml's 0-based mark; its column counts decoded characters, that is Unicode scalars.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension ParseEvent {
    /// Copies everything Kensa needs out of a libyaml event; the caller still owns and deletes `event`.
    init(_ event: yaml_event_t) {
        let start = SourcePosition(event.start_mark)
        let end = SourcePosition(event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: self = .streamStart
        case YAML_DOCUMENT_START_EVENT: self = .documentStart
        case YAML_DOCUMENT_END_EVENT: self = .documentEnd
        case YAML_ALIAS_EVENT:
            self = .alias(anchor: Self.string(event.data.alias.anchor) ?? "", start: start, end: end)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            self = .scalar(
                ScalarEvent(
                    text: Self.string(scalar.value, length: scalar.length),
                    style: ScalarStyle(scalar.style),
                    tag: Self.string(scalar.tag),
                    anchor: Self.string(scalar.anchor),
                    start: start,
                    end: end
                ))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            self = .sequenceStart(
                CollectionStart(
                    anchor: Self.string(sequence.anchor), isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE,
                    start: start))
        case YAML_SEQUENCE_END_EVENT: self = .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            self = .mappingStart(
                CollectionStart(
                    anchor: Self.string(mapping.anchor), isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE, start: start)
            )
        case YAML_MAPPING_END_EVENT: self = .mappingEnd(end: end)
        default: self = .streamEnd  // YAML_STREAM_END_EVENT, or YAML_NO_EVENT after the stream ended
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Scalar values carry an explicit length because an escaped `"\0"` may appear inside them.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}

extension ScalarStyle {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
