/// The trace events of each kind of step, built from the parts that vary from record to record.
///
/// `TraceBuilder` (the `[TraceEvent]` API) and `TraceFragments` (the JSON of `decide --explain`, rendered once
/// per policy) both build their events here, so the two forms of a trace cannot drift apart.
extension TraceEvent {
    /// A condition step. `text` is its sentence (`StepText.sentence`), `prefix` the element path of a test inside
    /// `some`/`every` (`components[0].`), `actual` the record's value as worded.
    static func condition(
        _ info: ConditionInfo, depth: Int, truth: Truth, text: String, prefix: String, actual: String?
    ) -> TraceEvent {
        var event = TraceEvent(kind: .condition, depth: depth, result: truth.description, text: text)
        if info.kind == .field || info.kind == .vendor {
            event.field = prefix + (info.path ?? "")
            event.op = info.op
            event.expected = info.expected
        }
        event.actual = actual
        event.location = info.location
        return event
    }

    /// One element of a list inside `some`/`every`; `text` is `entry 0: part "SSD"`.
    static func element(depth: Int, truth: Truth, text: String) -> TraceEvent {
        TraceEvent(kind: .element, depth: depth, result: truth.description, text: text)
    }

    /// A scope and whether it holds.
    static func scope(_ scope: CompiledScope, truth: Truth) -> TraceEvent {
        let result = ["does_not_hold", "unknown", "holds"][Int(truth.rawValue)]
        let verb = ["does not hold", "cannot be settled", "holds"][Int(truth.rawValue)]
        var event = TraceEvent(
            kind: .scope, depth: 0, result: result, text: "scope `\(scope.id)` (\(scope.title)) \(verb)")
        event.id = scope.id
        event.title = scope.title
        event.cites = citation(scope.clause, scope.cites)
        event.location = scope.span.description
        return event
    }

    /// Whether a rule's scopes hold; `text` is `ruleScopeSentence` or, outside the rule's window, why.
    static func ruleScope(depth: Int, truth: Truth, text: String) -> TraceEvent {
        TraceEvent(kind: .ruleScope, depth: depth, result: truth.description, text: text)
    }

    /// A rule's scope step when the rule is in force: "in scope (`ministries`)", "out of scope: … does not hold".
    static func ruleScopeSentence(_ rule: CompiledRule, truth: Truth, in policy: CompiledPolicy) -> String {
        let names = rule.scopes.map { "`\(policy.scopes[$0].id)`" }.joined(separator: " or ")
        return switch truth {
        case .yes where names.isEmpty: "in scope (the set has no scopes, so it governs every record)"
        case .yes: "in scope (\(names))"
        case .no: "out of scope: \(names.isEmpty ? "the set" : names) does not hold"
        case .unknown: "whether \(names) holds cannot be settled"
        }
    }

    /// Why a rule's scope step came out as it did when the rule is not surely in force at the judgment date
    /// ("not in force on 2019-03-01: in force from 2019-04-01"), or nil when its window is not the reason.
    static func ruleWindowSentence(_ rule: CompiledRule, inForce: Truth, day: Day?) -> String? {
        guard inForce != .yes, let window = rule.windowText else { return nil }
        let verb = inForce == .no ? "not in force" : "whether it is in force cannot be settled"
        return "\(verb) \(day.map { "on \($0)" } ?? "on an unknown date"): in force \(window)"
    }

    /// An `unless` exception of a rule and whether it is established.
    static func exception(_ exception: CompiledException, depth: Int, truth: Truth) -> TraceEvent {
        let verb = ["not established", "not established, its facts are unknown", "established"][
            Int(truth.rawValue)]
        var event = TraceEvent(
            kind: .exception, depth: depth, result: truth.description,
            text: "unless `\(exception.id)` (\(exception.title)): \(verb)")
        event.id = exception.id
        event.title = exception.title
        event.cites = citation(exception.clause, exception.cites)
        event.location = exception.span.description
        return event
    }

    /// A rule: `verdict` completes its sentence after "rule `id` (title) "; `effect` is its outcome after exemptions.
    static func rule(
        _ rule: CompiledRule, depth: Int, truth: Truth, verdict: String, effect: String?, in policy: CompiledPolicy
    ) -> TraceEvent {
        let result = ["not_fired", "unknown", "fired"][Int(truth.rawValue)]
        var event = TraceEvent(
            kind: .rule, depth: depth, result: result, text: "rule `\(rule.id)` (\(rule.title)) " + verdict)
        event.id = rule.id
        event.title = rule.title
        event.effect = effect
        event.version = rule.version ?? policy.info.version
        event.window = rule.windowText
        event.cites = citation(rule.clause, rule.cites)
        event.location = rule.span.description
        return event
    }

    /// "clause; source", or nil when nothing is cited.
    private static func citation(_ clause: String?, _ source: String?) -> String? {
        let parts = [clause, source].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
