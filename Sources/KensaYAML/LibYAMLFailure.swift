/// The error state libyaml reported when it stopped, before it is worded for the author.
struct LibYAMLFailure {
    /// The stage of libyaml that failed.
    enum Stage {
        /// Decoding the bytes (invalid UTF-8, control characters). libyaml gives a byte offset, not a mark,
        /// and the offending byte or code point as `value`.
        case reader(byteOffset: Int, value: Int)
        case scanner
        case parser
        case memory
    }

    var stage: Stage
    /// libyaml's description, e.g. "could not find expected ':'".
    var problem: String
    /// Where the problem is; meaningless for `.reader`, whose position comes from the byte offset.
    var position: SourcePosition
    /// What libyaml was doing, e.g. "while scanning a simple key", and where that began.
    var context: (text: String, position: SourcePosition)?
}
