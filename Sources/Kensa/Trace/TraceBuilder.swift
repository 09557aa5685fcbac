/// Turns the recorded steps of an evaluation into the public trace: buyer, scopes, every rule with its conditions
/// and exceptions, and every claimed exemption.
struct TraceBuilder {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let evaluation: Evaluation
    let recorder: RecordedTrace
    let cache: ConditionTextCache
    /// The decider's cached name lookups, so naming an unknown buyer does not normalise its name again.
    let names: NameResolver

    private var text: StepText { StepText(policy: policy, recorder: recorder, filled: evaluation.filled) }

    func events() -> [TraceEvent] {
        var events = [buyerEvent()]
        for index in recorder.steps.indices {
            events.append(event(for: index))
        }
        events += evaluation.exemptions.map(exemptionEvent)
        return events
    }

    func buyerEvent() -> TraceEvent {
        let buyer = evaluation.buyer
        let wording = ConditionWording(policy: policy)
        let name = wording.value(values[policy.slots.buyerName], FieldSpec("buyer.name", .text))
        var event: TraceEvent
        switch (buyer.source, buyer.entity) {
        case (.registry, let entity?):
            let registered = policy.entities.entities[entity]
            let className = RecordLayout.entityClasses[registered.entityClass]
            let override =
                buyer.overridden.map {
                    "; the record said \(wording.value($0, policy.layout.fields[policy.slots.entityClass])), and the registry wins"
                } ?? ""
            event = TraceEvent(
                kind: .buyer, depth: 0, result: "registry",
                text:
                    "buyer \(name) is \(registered.name), \(Self.article(className)) \(className) (entity registry)\(override)"
            )
        case (.record, let entity):
            let className = wording.value(
                values[policy.slots.entityClass], policy.layout.fields[policy.slots.entityClass])
            let known =
                entity.map { " (\(policy.entities.entities[$0].name) in the entity registry)" }
                ?? " (\(outsideRegistry(sayingTheDay: false) ?? "not in the entity registry"))"
            event = TraceEvent(
                kind: .buyer, depth: 0, result: "record",
                text: "buyer \(name) is \(Self.article(className)) \(className) as the record says\(known)")
        default:
            let why = outsideRegistry(sayingTheDay: true) ?? "the entity registry does not know the name"
            event = TraceEvent(
                kind: .buyer, depth: 0, result: "unknown",
                text: "buyer \(name): the record gives no usable entity class and \(why)")
        }
        event.field = "buyer.entity_class"
        return event
    }

    /// "an" before a class that starts with a vowel sound (`an independent_administrative_agency`, `an
    /// other_public_body`), else "a" (`a us_federal_agency`, read "a U.S. federal agency").
    static func article(_ word: String) -> String {
        word.first.map { "aeio".contains($0) } == true ? "an" : "a"
    }

    /// "the entity registry lists Digital Agency only from 2021-09-01, not on 2021-05-01": for a buyer the
    /// registry knows outside the judgment date; nil when it does not know the name at all. Without the day when
    /// the record gives the class, so that the event stays the same for every date (`BuyerEventCache`).
    private func outsideRegistry(sayingTheDay: Bool) -> String? {
        guard case .text(let written) = values[policy.slots.buyerName], let entity = names.entity(written, on: nil)
        else { return nil }
        let known = policy.entities.entities[entity]
        let window = [known.from.map { "from \($0)" }, known.until.map { "until \($0)" }].compactMap { $0 }
        return "the entity registry lists \(known.name) only \(window.joined(separator: " "))"
            + (sayingTheDay ? evaluation.day.map { ", not on \($0)" } ?? "" : "")
    }

    private func event(for index: Int) -> TraceEvent {
        let step = recorder.steps[index]
        switch step.subject {
        case .condition(let info):
            let (sentence, actual) = cache.text(for: cacheKey(index, condition: info)) { text.condition(index) }
            let condition = policy.conditions[info]
            return .condition(
                condition, depth: step.depth, truth: step.truth, text: sentence, prefix: text.prefix(of: index),
                actual: actual ?? emptyList(condition))
        case .element(let element):
            return .element(
                depth: step.depth, truth: step.truth, text: "entry \(element)\(elementLabel(element, under: index))")
        case .scope(let scopeIndex):
            return .scope(policy.scopes[scopeIndex], truth: step.truth)
        case .ruleScope(let ruleIndex):
            let rule = policy.rules[ruleIndex]
            let sentence =
                TraceEvent.ruleWindowSentence(rule, inForce: evaluation.rules[ruleIndex].inForce, day: evaluation.day)
                ?? TraceEvent.ruleScopeSentence(rule, truth: step.truth, in: policy)
            return .ruleScope(depth: step.depth, truth: step.truth, text: sentence)
        case .rule(let ruleIndex):
            let result = evaluation.rules[ruleIndex]
            let rule = policy.rules[ruleIndex]
            return .rule(
                rule, depth: step.depth, truth: result.truth,
                verdict: RuleVerdict(result).sentence(for: rule) + RuleVerdict.waiverSentence(result, in: policy),
                effect: result.effect?.name, in: policy)
        case .exception(let ruleIndex, let exceptionIndex):
            return .exception(
                policy.rules[ruleIndex].exceptions[exceptionIndex], depth: step.depth, truth: step.truth)
        }
    }

    func exemptionEvent(_ verdict: ExemptionVerdict) -> TraceEvent {
        let applied = !verdict.turnedRules.isEmpty
        var sentence = "exemption `\(verdict.claimedID)`"
        if let index = verdict.exemption {
            let exemption = policy.exemptions[index]
            sentence += " (\(exemption.title); granted by \(exemption.authority))"
        }
        if applied {
            let rules = verdict.turnedRules.map { "`\(policy.rules[$0].id)`" }.joined(separator: ", ")
            sentence += " applied: waives \(rules)"
        } else {
            sentence += " not applied: \(verdict.rejection ?? "")"
        }
        var event = TraceEvent(kind: .exemption, depth: 0, result: applied ? "applied" : "not_applied", text: sentence)
        event.id = verdict.claimedID
        if let index = verdict.exemption {
            let exemption = policy.exemptions[index]
            event.title = exemption.title
            event.effect = applied ? exemption.outcome.name : nil
            event.cites = exemption.cites
            event.location = exemption.span.description
        }
        return event
    }

    /// ": part "LTE module"" for an element whose layout has a text field `part`, else "".
    private func elementLabel(_ element: Int, under index: Int) -> String {
        guard let list = text.parent(of: index), case .condition(let info) = recorder.steps[list].subject,
            let path = policy.conditions[info].path, let slot = policy.layout.slot(of: path),
            case .objects(let elements) = values[slot], elements.indices.contains(element),
            case .objectList(let elementLayout) = policy.layout.fields[slot].type,
            let partSlot = elementLayout.slot(of: "part"), case .text(let part) = elements[element][partSlot]
        else { return "" }
        return ": part \"\(part)\""
    }

    private func cacheKey(_ index: Int, condition: Int) -> ConditionTextCache.Key {
        var key = ConditionTextCache.Key(condition: condition, element: text.elementIndex(of: index))
        key.stoodIn = !text.standIn(index).isEmpty
        switch recorder.observed(index) {
        case .field(let value): key.value = value
        case .vendor(let value, let sighting):
            key.value = value
            key.vendor = sighting?.identity
            key.group = sighting?.group
        case .none: break
        }
        return key
    }

    /// "no entries" or "not given" for a `some`/`every` over an empty or missing top-level list, which has no
    /// element steps to show.
    private func emptyList(_ condition: ConditionInfo) -> String? {
        guard condition.kind == .some || condition.kind == .every, let path = condition.path,
            let slot = policy.layout.slot(of: path)
        else { return nil }
        switch values[slot] {
        case .objects(let elements) where elements.isEmpty: return "no entries"
        case .missing: return "not given"
        default: return nil
        }
    }
}
