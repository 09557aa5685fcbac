/// One libyaml parse event, copied into Swift values so no C memory outlives `LibYAMLParser`.
///
/// Positions are already 1-based; see `SourcePosition` for what a column counts.
enum ParseEvent {
    case streamStart
    case streamEnd
    case documentStart
    case documentEnd
    case alias(anchor: String, start: SourcePosition, end: SourcePosition)
    case scalar(ScalarEvent)
    case sequenceStart(CollectionStart)
    case sequenceEnd(end: SourcePosition)
    case mappingStart(CollectionStart)
    case mappingEnd(end: SourcePosition)
}

/// A scalar as libyaml reports it.
struct ScalarEvent {
    var text: String
    var style: ScalarStyle
    var tag: String?
    var anchor: String?
    var start: SourcePosition
    var end: SourcePosition
}

/// The opening of a mapping or sequence; its end arrives as a separate event.
struct CollectionStart {
    var anchor: String?
    /// Written with brackets or braces (`[a, b]`, `{a: 1}`) rather than in block style.
    var isFlow: Bool
    var start: SourcePosition
}
