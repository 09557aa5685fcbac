/// Everything static about the JSON trace events of one compiled policy, rendered and escaped once: each scope,
/// rule, `unless` exception and condition event for each result it can have, with holes for what varies by record.
///
/// `decide --explain` writes millions of traces of the same policy; with these fragments it writes per event only
/// the holes (depth, element path, the record's value, a rule's verdict), straight into the output bytes.
/// The templates are cut from events built by `TraceEvent+Steps`, as `TraceBuilder` builds them, so both paths
/// write the same bytes.
final class TraceJSONFragments: Sendable {
    /// The fragments of one condition node (`ConditionInfo`).
    struct Condition: Sendable {
        /// By truth: the event, with holes for depth and, for a test, the element path and the record's value.
        let events: [TraceJSONTemplate]
        /// For `some`/`every` over a list the record left empty or out: the event saying so, by truth.
        let noEntries: [TraceJSONTemplate]
        let notGiven: [TraceJSONTemplate]
        /// The slot of the top-level list whose emptiness a `some`/`every` event reports.
        let listSlot: Int?
        /// The slot of the `part` text of that list's elements, which labels element events.
        let partSlot: Int?
        /// The condition's path, escaped: a `some`/`every`'s list path prefixes the tests under it.
        let path: [UInt8]
        /// What the record's value is worded as: the field's type, for tests.
        let type: FieldType
        /// The top-level slot a test reads, when the layout may fill it from a default or another field.
        let standInSlot: Int?
        /// " (not given; `product.manufacturer` stands in)", escaped, said when `standInSlot` was filled.
        let standIn: [UInt8]
    }

    /// The fragments of one rule.
    struct Rule: Sendable {
        /// By truth, then without and with an effect: the rule event, with holes for depth, the verdict (and
        /// waiver) ending its sentence, and the effect.
        let events: [[TraceJSONTemplate]]
        /// The sentence endings, escaped, by `verdictIndex`.
        let verdicts: [[UInt8]]
        /// The rule-scope event by truth, when the rule is in force.
        let scopeEvents: [TraceJSONTemplate]
        /// The `unless` exception events: by exception, then by truth.
        let exceptions: [[TraceJSONTemplate]]
    }

    let conditions: [Condition]
    let rules: [Rule]
    /// By scope, then by truth.
    let scopes: [[TraceJSONTemplate]]
    /// By truth: a rule-scope event with its whole sentence as a hole (a rule outside its window).
    let ruleScopeSentences: [TraceJSONTemplate]
    /// By truth: an element event, with its sentence as a hole.
    let elements: [TraceJSONTemplate]
    /// Vendor group names and origins, and member names, escaped, for wording vendor values.
    let groupNames: [[UInt8]]
    let groupOrigins: [[UInt8]]
    let memberNames: [[UInt8]]

    init(policy: CompiledPolicy) {
        let depth = TraceJSONTemplate.depthMarker
        let text = TraceJSONTemplate.Hole.text.marker
        let truths: [Truth] = [.no, .unknown, .yes]
        conditions = policy.conditions.map { Self.condition($0, layout: policy.layout) }
        rules = policy.rules.map { rule in
            Rule(
                events: truths.map { truth in
                    [nil, TraceJSONTemplate.Hole.effect.marker].map {
                        TraceJSONTemplate(
                            .rule(rule, depth: depth, truth: truth, verdict: text, effect: $0, in: policy))
                    }
                },
                verdicts: Self.verdicts(of: rule).map { Self.escaped($0.sentence(for: rule)) },
                scopeEvents: truths.map {
                    TraceJSONTemplate(
                        .ruleScope(
                            depth: depth, truth: $0, text: TraceEvent.ruleScopeSentence(rule, truth: $0, in: policy)))
                },
                exceptions: rule.exceptions.map { exception in
                    truths.map { TraceJSONTemplate(.exception(exception, depth: depth, truth: $0)) }
                })
        }
        scopes = policy.scopes.map { scope in
            truths.map { TraceJSONTemplate(.scope(scope, truth: $0)) }
        }
        ruleScopeSentences = truths.map { TraceJSONTemplate(.ruleScope(depth: depth, truth: $0, text: text)) }
        elements = truths.map { TraceJSONTemplate(.element(depth: depth, truth: $0, text: text)) }
        groupNames = policy.vendors.groups.map { Self.escaped($0.name) }
        groupOrigins = policy.vendors.groups.map { Self.escaped($0.origin) }
        memberNames = policy.vendors.members.map { Self.escaped($0.name) }
    }

    /// Where `verdict`'s ending is in `Rule.verdicts`.
    static func verdictIndex(_ verdict: RuleVerdict) -> Int {
        switch verdict {
        case .fired: 0
        case .unsettled: 1
        case .notInForce: 2
        case .outOfScope: 3
        case .conditionsFalse: 4
        case .exception(let index): 5 + index
        }
    }

    private static func verdicts(of rule: CompiledRule) -> [RuleVerdict] {
        [.fired, .unsettled, .notInForce, .outOfScope, .conditionsFalse]
            + rule.exceptions.indices.map { .exception($0) }
    }

    private static func condition(_ info: ConditionInfo, layout: RecordLayout) -> Condition {
        let depth = TraceJSONTemplate.depthMarker
        let isTest = info.kind == .field || info.kind == .vendor
        let prefix = TraceJSONTemplate.Hole.prefix.marker
        let text = isTest ? StepText.sentence(info, prefix: prefix) : info.predicate
        func events(actual: String?) -> [TraceJSONTemplate] {
            [Truth.no, .unknown, .yes].map {
                TraceJSONTemplate(
                    .condition(info, depth: depth, truth: $0, text: text, prefix: prefix, actual: actual))
            }
        }
        let isList = info.kind == .some || info.kind == .every
        let listSlot = isList ? info.path.flatMap(layout.slot(of:)) : nil
        var partSlot: Int?
        if let listSlot, case .objectList(let elementLayout) = layout.fields[listSlot].type {
            partSlot = elementLayout.slot(of: "part")
        }
        var standIn: [UInt8] = []
        if let slot = info.topLevelSlot, slot < 64 {
            standIn = escaped(
                layout.fields[slot].fallbackPath.map { " (not given; `\($0)` stands in)" }
                    ?? " (not given; the default)")
        }
        return Condition(
            events: events(actual: isTest ? TraceJSONTemplate.Hole.actual.marker : nil),
            noEntries: isList ? events(actual: "no entries") : [], notGiven: isList ? events(actual: "not given") : [],
            listSlot: listSlot, partSlot: partSlot, path: escaped(info.path ?? ""), type: info.spec?.type ?? .text,
            standInSlot: info.topLevelSlot.flatMap { $0 < 64 ? $0 : nil }, standIn: standIn)
    }

    /// `text` escaped for the inside of a JSON string.
    static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.appendEscaped(text, to: &bytes)
        return bytes
    }
}
