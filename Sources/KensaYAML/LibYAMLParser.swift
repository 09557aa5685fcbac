import CYAML

/// The owner of one `yaml_parser_t` and the bytes it reads: the only place that calls libyaml.
///
/// libyaml keeps a pointer to its input, so the parser copies the bytes into storage it frees in `deinit`,
/// after `yaml_parser_delete`. Each event is copied into a `ParseEvent` and released with `yaml_event_delete`
/// before `next()` returns, so no C memory escapes this type.
final class LibYAMLParser {
    /// What one call to `next()` produced.
    enum Step {
        case event(ParseEvent)
        case failure(LibYAMLFailure)
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// `yaml_parser_initialize` fails only when it cannot allocate its buffers.
    private let initialized: Bool

    init(bytes: [UInt8]) {
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        initialized = yaml_parser_initialize(parser) != 0
        if initialized {
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        }
    }

    deinit {
        if initialized {
            yaml_parser_delete(parser)
        }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the failure that ended parsing. After a failure, libyaml repeats it on every call.
    func next() -> Step {
        guard initialized else {
            return .failure(
                LibYAMLFailure(stage: .memory, problem: "out of memory", position: SourcePosition(line: 1, column: 1)))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            return .failure(currentFailure())
        }
        defer { yaml_event_delete(&event) }
        return .event(ParseEvent(event))
    }

    private func currentFailure() -> LibYAMLFailure {
        let state = parser.pointee
        let stage: LibYAMLFailure.Stage
        switch state.error {
        case YAML_READER_ERROR:
            stage = .reader(byteOffset: Int(state.problem_offset), value: Int(state.problem_value))
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_MEMORY_ERROR: stage = .memory
        default: stage = .parser
        }
        return LibYAMLFailure(
            stage: stage,
            problem: state.problem.map { String(cString: $0) } ?? "unknown problem",
            position: SourcePosition(state.problem_mark),
            context: state.context.map { (text: String(cString: $0), position: SourcePosition(state.context_mark)) }
        )
    }
}
