/// Words libyaml's failures for policy authors: one line, lowercase start, no trailing period,
/// libyaml's own terms ("stream", "scalar") replaced by the ones an author sees.
extension LibYAMLFailure {
    /// The problem for the author; `previous` is the last event libyaml produced before it failed.
    func problem(in source: SourceText, file: String, after previous: ParseEvent? = nil) -> YAMLProblem {
        switch stage {
        case .reader(let byteOffset, let value):
            return encodingProblem(byteOffset: byteOffset, value: value, source: source, file: file)
        case .memory:
            return YAMLProblem(
                kind: .syntax, message: "ran out of memory while reading the file", file: file, position: position)
        case .scanner, .parser:
            if problem.contains("tab character") {
                // libyaml reads a tab-indented line as going on with the value before it, and names that value as
                // the context: the tab is the whole story.
                return YAMLProblem(
                    kind: .syntax, message: "a tab indents this line; indent with spaces, not tabs", file: file,
                    position: position)
            }
            var message = Self.reword(problem)
            if let context, let subject = Self.subject(of: context.text) {
                message +=
                    " in \(subject) that starts at line \(context.position.line), column \(context.position.column)"
            }
            if source.scalar(at: position) == "\t" {
                message += "; indent with spaces, not tabs"
            }
            if case .scalar(let scalar) = previous, let hint = Self.runOnQuoteHint(scalar) {
                message += hint
            } else if let hint = Self.alignmentHint(problem) {
                message += hint
            }
            return YAMLProblem(kind: .syntax, message: message, file: file, position: position)
        }
    }

    /// A quote left open is closed by the next quote character in the file, often many lines down, and libyaml
    /// fails only at what follows that: when the failure comes right after quoted text that spans lines, this
    /// says where that text began, usually where the closing quote is missing.
    private static func runOnQuoteHint(_ scalar: ScalarEvent) -> String? {
        guard scalar.style == .doubleQuoted || scalar.style == .singleQuoted, scalar.end.line > scalar.start.line
        else { return nil }
        return "; the quoted text that starts at line \(scalar.start.line), column \(scalar.start.column) runs on "
            + "to line \(scalar.end.line): is a closing quote missing?"
    }

    /// When libyaml expected another key or list item and found something else, a line is most often indented
    /// more or less than its neighbours.
    private static func alignmentHint(_ problem: String) -> String? {
        guard problem == "did not find expected key" || problem == "did not find expected '-' indicator" else {
            return nil
        }
        return "; is this line indented differently from the lines above it? Line up the keys of one mapping, and "
            + "the `-` of one list, at one column"
    }

    /// Bytes that are not UTF-8 text (often a file saved as Shift_JIS or Latin-1), or a control character.
    private func encodingProblem(byteOffset: Int, value: Int, source: SourceText, file: String) -> YAMLProblem {
        let isUTF8 = !problem.contains("UTF-16") && !problem.contains("surrogate")
        let offset =
            problem == "invalid trailing UTF-8 octet"
            ? source.startOfUTF8Sequence(interruptedAt: byteOffset) : byteOffset
        let message: String
        if problem == "control characters are not allowed" {
            message = "the control character U+\(Self.hex(value, digits: 4)) is not allowed in YAML text"
        } else if isUTF8, offset < source.bytes.count {
            let byte = Self.hex(Int(source.bytes[offset]), digits: 2)
            message =
                "the file is not valid UTF-8 text (byte 0x\(byte) does not begin a valid character); "
                + "save it with UTF-8 encoding"
        } else {
            let encoding = isUTF8 ? "UTF-8" : "UTF-16"
            message = "the file is not valid \(encoding) text (\(problem)); save it with UTF-8 encoding"
        }
        return YAMLProblem(
            kind: .invalidEncoding, message: message, file: file, position: source.position(ofByteOffset: offset))
    }

    private static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Puts quoted indicators in backticks and says "file" where libyaml says "stream".
    static func reword(_ problem: String) -> String {
        var result = ""
        var rest = Substring(problem)
        while let open = rest.firstIndex(of: "'") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "'") else { break }
            result += rest[..<open] + "`" + rest[afterOpen..<close] + "`"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return
            result
            .replacing("end of stream", with: "end of file")
            .replacing("<document start>", with: "`---`")
    }

    /// "while scanning a simple key" → "the key": what libyaml was reading, in the author's terms;
    /// nil for contexts that name no part of the file ("while scanning for the next token").
    static func subject(of context: String) -> String? {
        let thing = context.replacingPrefix("while scanning ").replacingPrefix("while parsing ")
        switch thing {
        case "a simple key": return "the key"
        case "a quoted scalar": return "the quoted text"
        case "a plain scalar": return "the text"
        case "a block scalar": return "the block text"
        case "a block mapping": return "the mapping"
        case "a block collection": return "the list"
        case "a flow mapping": return "the `{…}` mapping"
        case "a flow sequence": return "the `[…]` list"
        case "a node", "a flow node": return "the value"
        default:
            let words = thing.split(separator: " ")
            guard words.count > 1, words[0] == "a" || words[0] == "an" else { return nil }
            return (["the"] + words.dropFirst()).joined(separator: " ")
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
