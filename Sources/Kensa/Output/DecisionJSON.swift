/// The JSON form of a decision (`schemas/decision.schema.json`), one object, keys in a fixed order.
///
/// The format is `kensa.decision/v1`, named by the `$id` of `schemas/decision.schema.json`.
public enum DecisionJSON {
    /// Appends the decision as one compact JSON object. When the decision carries no trace, `events` may write
    /// one: the events of the `trace` array, comma-separated (the fast path of `decide --explain`).
    static func write(
        _ decision: Decision, to writer: inout JSONWriter, trace events: ((inout [UInt8]) -> Void)? = nil
    ) {
        writer.beginObject()
        writer.field("id", decision.id)
        writer.field("outcome", decision.outcome.name)
        writer.field("decided_by", strings: decision.decidedBy)
        writer.field("exemptions_applied", strings: decision.exemptionsApplied)
        writer.field("reasons", strings: decision.reasons)
        write(decision.policy, to: &writer)
        writer.key("judged_at")
        if let day = decision.judgedAt { writer.day(day) } else { writer.null() }
        if let line = decision.line {
            writer.key("line")
            writer.int(line)
        }
        if let trace = decision.trace {
            writer.key("trace")
            writer.beginArray()
            for event in trace { write(event, to: &writer) }
            writer.endArray()
        } else if let events {
            writer.key("trace")
            writer.beginArray()
            events(&writer.bytes)
            writer.endArray()
        }
        writer.endObject()
    }

    /// `"policy":{"id":…,"version":…,"digest":…}`: the same for every decision of one set.
    static func write(_ policy: PolicyInfo, to writer: inout JSONWriter) {
        writer.key("policy")
        writer.beginObject()
        writer.field("id", policy.id)
        writer.field("version", policy.version)
        writer.field("digest", policy.digest)
        writer.endObject()
    }

    /// The decision as a JSON text.
    public static func text(_ decision: Decision) -> String {
        var writer = JSONWriter()
        write(decision, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func write(_ event: TraceEvent, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("kind", event.kind.rawValue)
        writer.key("depth")
        writer.int(event.depth)
        writer.field("result", event.result)
        writer.field("id", event.id)
        writer.field("title", event.title)
        writer.field("text", event.text)
        writer.field("field", event.field)
        writer.field("op", event.op)
        writer.field("expected", event.expected)
        writer.field("actual", event.actual)
        writer.field("effect", event.effect)
        writer.field("version", event.version)
        writer.field("window", event.window)
        writer.field("cites", event.cites)
        writer.field("location", event.location)
        writer.endObject()
    }
}

extension DecisionJSON {
    /// The decision as compact JSON bytes, optionally ending with a newline (JSON Lines).
    public static func bytes(_ decision: Decision, newline: Bool) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512)
        write(decision, to: &writer)
        if newline { writer.bytes.append(0x0A) }
        return writer.bytes
    }

    /// Appends the decision as compact JSON to `bytes` (with a newline for JSON Lines), without an intermediate
    /// buffer: the batch path writes millions of decisions into one output buffer.
    public static func append(_ decision: Decision, newline: Bool, to bytes: inout [UInt8]) {
        append(decision, newline: newline, to: &bytes, trace: nil)
    }

    /// `append`, with the trace's events written by `events` (see `write(_:to:trace:)`).
    static func append(
        _ decision: Decision, newline: Bool, to bytes: inout [UInt8], trace events: ((inout [UInt8]) -> Void)?
    ) {
        var writer = JSONWriter()
        swap(&writer.bytes, &bytes)
        write(decision, to: &writer, trace: events)
        if newline { writer.bytes.append(0x0A) }
        swap(&writer.bytes, &bytes)
    }

    /// A JSON string literal for `text`.
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
