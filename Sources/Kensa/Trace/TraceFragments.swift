/// Everything static about the trace events of one compiled policy in one ``TraceFormat`` (JSON, or text lines),
/// rendered and escaped once: each scope, rule, `unless` exception and condition event for each result it can have,
/// with holes for what varies by record.
///
/// `decide --explain` writes millions of traces of the same policy; with these fragments it writes per event only
/// the holes (depth, element path, the record's value, a rule's verdict), straight into the output bytes. Strings
/// below are as the format writes them inside a string: escaped for JSON.
/// The templates are cut from events built by `TraceEvent+Steps`, as `TraceBuilder` builds them, so both paths
/// write the same bytes.
final class TraceFragments: Sendable {
    /// One template for each truth an event can have.
    struct ByTruth: Sendable {
        let no: TraceTemplate
        let unknown: TraceTemplate
        let yes: TraceTemplate

        init(_ make: (Truth) -> TraceTemplate) {
            (no, unknown, yes) = (make(.no), make(.unknown), make(.yes))
        }

        subscript(truth: Truth) -> TraceTemplate {
            switch truth {
            case .no: no
            case .unknown: unknown
            case .yes: yes
            }
        }
    }

    /// The fragments of one condition node (`ConditionInfo`).
    struct Condition: Sendable {
        /// The event, with holes for depth and, for a test, the element path and the record's value.
        let events: ByTruth
        /// For `some`/`every` over a list the record left empty or out: the event saying so.
        let noEntries: ByTruth
        let notGiven: ByTruth
        /// The slot of the top-level list whose emptiness a `some`/`every` event reports, or -1.
        let listSlot: Int
        /// The slot of the `part` text of that list's elements, which labels element events, or -1.
        let partSlot: Int
        /// The condition's path, escaped: a `some`/`every`'s list path prefixes the tests under it.
        let path: TraceTemplate
        /// The top-level slot a test reads when the layout may fill it from a default or another field, or -1.
        let standInSlot: Int
        /// "not given; `product.manufacturer` stands in: " (`StepText.standInLead`), escaped, said before the value
        /// when `standInSlot` was filled.
        let standIn: TraceTemplate
        /// For a test of a choice field (or a list of choices): the first of its choices' names in `choiceNames`.
        let firstChoice: Int
    }

    /// The fragments of one rule.
    struct Rule: Sendable {
        /// The rule event without and with an effect, with holes for depth, the verdict (and waiver) ending its
        /// sentence, and the effect.
        let events: ByTruth
        let eventsWithEffect: ByTruth
        /// The rule-scope event, when the rule is in force.
        let scopeEvents: ByTruth
        /// The first of the rule's sentence endings in `verdicts` (see `verdictIndex`).
        let firstVerdict: Int
        /// The first of the rule's exceptions in `exceptions`.
        let firstException: Int
        /// Whether the rule has an effective window, which its rule-scope event names when it is not in force.
        let hasWindow: Bool
    }

    let format: TraceFormat
    let store: TraceTemplateStore
    let conditions: [Condition]
    let rules: [Rule]
    let scopes: [ByTruth]
    /// The events of every rule's `unless` exceptions, rule after rule.
    let exceptions: [ByTruth]
    /// Every rule's sentence endings, escaped, rule after rule.
    let verdicts: [TraceTemplate]
    /// A rule-scope event with its whole sentence as a hole (a rule outside its window).
    let ruleScopeSentences: ByTruth
    /// An element event, with its sentence as a hole.
    let elements: ByTruth
    /// The names of the choices of the fields conditions test, escaped (see `Condition.firstChoice`).
    let choiceNames: [TraceTemplate]
    /// Vendor group names and origins, and member names, escaped, for wording vendor values.
    let groupNames: [TraceTemplate]
    let groupOrigins: [TraceTemplate]
    let memberNames: [TraceTemplate]
    /// Per member, `VendorRegistry.membershipWindow`: said of a member judged outside its window.
    let memberWindows: [TraceTemplate]

    /// The fragments of `policy`, or nil in the unlikely case that its texts hold the noncharacters that mark
    /// holes while templates are cut (U+10FFFE, U+10FFFF): the fragments are made with each, and kept only when
    /// both give the same bytes. Without fragments, `decide --explain` writes `Decision.trace` instead.
    static func make(for policy: CompiledPolicy, format: TraceFormat) -> TraceFragments? {
        let fragments = TraceFragments(policy: policy, format: format, marker: "\u{10FFFE}")
        let check = TraceFragments(policy: policy, format: format, marker: "\u{10FFFF}")
        return fragments.store == check.store ? fragments : nil
    }

    private init(policy: CompiledPolicy, format: TraceFormat, marker: Unicode.Scalar) {
        let depth = TraceTemplate.depthMarker
        self.format = format
        var builder = TraceTemplateBuilder(markerScalar: marker, format: format)
        let text = builder.marker(.text)
        var choiceNames: [TraceTemplate] = []
        conditions = policy.conditions.map {
            Self.condition($0, layout: policy.layout, builder: &builder, choiceNames: &choiceNames)
        }
        let effect = builder.marker(.effect)
        var verdicts: [TraceTemplate] = []
        var exceptions: [ByTruth] = []
        rules = policy.rules.map { rule in
            let firstVerdict = verdicts.count
            let firstException = exceptions.count
            verdicts += Self.verdicts(of: rule).map { builder.add(text: $0.sentence(for: rule)) }
            exceptions += rule.exceptions.map { exception in
                ByTruth { builder.add(.exception(exception, depth: depth, truth: $0)) }
            }
            return Rule(
                events: ByTruth {
                    builder.add(.rule(rule, depth: depth, truth: $0, verdict: text, effect: nil, in: policy))
                },
                eventsWithEffect: ByTruth {
                    builder.add(
                        .rule(
                            rule, depth: depth, truth: $0, verdict: text, effect: effect, in: policy))
                },
                scopeEvents: ByTruth {
                    builder.add(
                        .ruleScope(
                            depth: depth, truth: $0, text: TraceEvent.ruleScopeSentence(rule, truth: $0, in: policy)))
                },
                firstVerdict: firstVerdict, firstException: firstException, hasWindow: rule.windowText != nil)
        }
        self.verdicts = verdicts
        self.exceptions = exceptions
        scopes = policy.scopes.map { scope in ByTruth { builder.add(.scope(scope, truth: $0)) } }
        ruleScopeSentences = ByTruth { builder.add(.ruleScope(depth: depth, truth: $0, text: text)) }
        elements = ByTruth { builder.add(.element(depth: depth, truth: $0, text: text)) }
        self.choiceNames = choiceNames
        groupNames = policy.vendors.groups.map { builder.add(text: $0.name) }
        groupOrigins = policy.vendors.groups.map { builder.add(text: $0.origin) }
        memberNames = policy.vendors.members.map { builder.add(text: $0.name) }
        memberWindows = policy.vendors.members.indices.map {
            builder.add(text: policy.vendors.membershipWindow(of: $0))
        }
        store = TraceTemplateStore(builder)
    }

    /// Where `verdict`'s ending is among its rule's, from `Rule.firstVerdict`.
    static func verdictIndex(_ verdict: RuleVerdict) -> Int {
        switch verdict {
        case .fired: 0
        case .unsettled: 1
        case .notInForce: 2
        case .outOfScope: 3
        case .conditionsFalse: 4
        case .unsettledScope: 5
        case .exception(let index): 6 + index
        }
    }

    private static func verdicts(of rule: CompiledRule) -> [RuleVerdict] {
        [.fired, .unsettled, .notInForce, .outOfScope, .conditionsFalse, .unsettledScope]
            + rule.exceptions.indices.map { .exception($0) }
    }

    private static func condition(
        _ info: ConditionInfo, layout: RecordLayout, builder: inout TraceTemplateBuilder,
        choiceNames: inout [TraceTemplate]
    ) -> Condition {
        let depth = TraceTemplate.depthMarker
        let isTest = info.kind == .field || info.kind == .vendor
        let prefix = builder.marker(.prefix)
        let text = isTest ? StepText.sentence(info, prefix: prefix) : info.predicate
        func events(actual: String?) -> ByTruth {
            ByTruth {
                builder.add(.condition(info, depth: depth, truth: $0, text: text, prefix: prefix, actual: actual))
            }
        }
        let isList = info.kind == .some || info.kind == .every
        let listSlot = isList ? info.path.flatMap(layout.slot(of:)) : nil
        var partSlot: Int?
        if let listSlot, case .objectList(let elementLayout) = layout.fields[listSlot].type {
            partSlot = elementLayout.slot(of: "part")
        }
        let standInSlot = info.topLevelSlot.flatMap { $0 < 64 ? $0 : nil }
        let standIn = standInSlot.map { StepText.standInLead(layout.fields[$0]) }
        var firstChoice = -1
        switch info.spec?.type {
        case .choice(let names), .list(.choice(let names)):
            firstChoice = choiceNames.count
            choiceNames += names.map { builder.add(text: $0) }
        default: break
        }
        return Condition(
            events: events(actual: isTest ? builder.marker(.actual) : nil),
            noEntries: events(actual: "no entries"), notGiven: events(actual: "not given"),
            listSlot: listSlot ?? -1, partSlot: partSlot ?? -1, path: builder.add(text: info.path ?? ""),
            standInSlot: standInSlot ?? -1, standIn: builder.add(text: standIn ?? ""), firstChoice: firstChoice)
    }
}
