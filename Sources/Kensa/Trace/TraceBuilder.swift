/// Turns the recorded steps of an evaluation into the public trace: buyer, scopes, every rule with its conditions
/// and exceptions, and every claimed exemption.
struct TraceBuilder {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let evaluation: Evaluation
    let recorder: RecordedTrace
    let cache: ConditionTextCache

    private var text: StepText { StepText(policy: policy, recorder: recorder, filled: evaluation.filled) }

    func events() -> [TraceEvent] {
        var events = [buyerEvent()]
        for index in recorder.steps.indices {
            events.append(event(for: index))
        }
        events += evaluation.exemptions.map(exemptionEvent)
        return events
    }

    private func buyerEvent() -> TraceEvent {
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
                text: "buyer \(name) is \(registered.name), a \(className) (entity registry)\(override)")
        case (.record, let entity):
            let className = wording.value(
                values[policy.slots.entityClass], policy.layout.fields[policy.slots.entityClass])
            let known =
                entity.map { " (\(policy.entities.entities[$0].name) in the entity registry)" }
                ?? " (not in the entity registry)"
            event = TraceEvent(
                kind: .buyer, depth: 0, result: "record",
                text: "buyer \(name) is a \(className) as the record says\(known)")
        default:
            var why = "the entity registry does not know the name"
            if case .text(let written) = values[policy.slots.buyerName],
                let entity = policy.entities.entity(named: written)
            {
                let known = policy.entities.entities[entity]
                let window = [known.from.map { "from \($0)" }, known.until.map { "until \($0)" }].compactMap { $0 }
                why =
                    "the entity registry lists \(known.name) only \(window.joined(separator: " "))"
                    + (evaluation.day.map { ", not on \($0)" } ?? "")
            }
            event = TraceEvent(
                kind: .buyer, depth: 0, result: "unknown",
                text: "buyer \(name): the record gives no usable entity class and \(why)")
        }
        event.field = "buyer.entity_class"
        return event
    }

    private func event(for index: Int) -> TraceEvent {
        let step = recorder.steps[index]
        switch step.subject {
        case .condition(let info):
            let (sentence, actual) = cache.text(for: cacheKey(index, condition: info)) { text.condition(index) }
            let condition = policy.conditions[info]
            var event = TraceEvent(kind: .condition, depth: step.depth, result: step.truth.description, text: sentence)
            if condition.kind == .field || condition.kind == .vendor {
                event.field = text.prefix(of: index) + (condition.path ?? "")
                event.op = condition.op
                event.expected = condition.expected
            }
            event.actual = actual ?? emptyList(condition)
            event.location = condition.location
            return event
        case .element(let element):
            return TraceEvent(
                kind: .element, depth: step.depth, result: step.truth.description,
                text: "entry \(element)\(elementLabel(element, under: index))")
        case .scope(let scopeIndex):
            let scope = policy.scopes[scopeIndex]
            let result = ["does_not_hold", "unknown", "holds"][Int(step.truth.rawValue)]
            let verb = ["does not hold", "cannot be settled", "holds"][Int(step.truth.rawValue)]
            var event = TraceEvent(
                kind: .scope, depth: 0, result: result, text: "scope `\(scope.id)` (\(scope.title)) \(verb)")
            event.id = scope.id
            event.title = scope.title
            event.cites = scope.cites
            event.location = scope.span.description
            return event
        case .ruleScope(let ruleIndex):
            let rule = policy.rules[ruleIndex]
            let names = rule.scopes.map { "`\(policy.scopes[$0].id)`" }.joined(separator: " or ")
            let inForce = evaluation.rules[ruleIndex].inForce
            if inForce != .yes, let window = rule.windowText {
                let day = evaluation.day.map { "on \($0)" } ?? "on an unknown date"
                let verb = inForce == .no ? "not in force" : "whether it is in force cannot be settled"
                return TraceEvent(
                    kind: .ruleScope, depth: step.depth, result: step.truth.description,
                    text: "\(verb) \(day): in force \(window)")
            }
            let sentence =
                switch step.truth {
                case .yes where names.isEmpty: "in scope (the set has no scopes, so it governs every record)"
                case .yes: "in scope (\(names))"
                case .no: "out of scope: \(names.isEmpty ? "the set" : names) does not hold"
                case .unknown: "whether \(names) holds cannot be settled"
                }
            return TraceEvent(kind: .ruleScope, depth: step.depth, result: step.truth.description, text: sentence)
        case .rule(let ruleIndex):
            return ruleEvent(ruleIndex, depth: step.depth)
        case .exception(let ruleIndex, let exceptionIndex):
            let exception = policy.rules[ruleIndex].exceptions[exceptionIndex]
            let verb = ["not established", "not established, its facts are unknown", "established"][
                Int(step.truth.rawValue)]
            var event = TraceEvent(
                kind: .exception, depth: step.depth, result: step.truth.description,
                text: "unless `\(exception.id)` (\(exception.title)): \(verb)")
            event.id = exception.id
            event.title = exception.title
            event.cites = Self.citation(exception.clause, exception.cites)
            event.location = exception.span.description
            return event
        }
    }

    private func ruleEvent(_ index: Int, depth: Int) -> TraceEvent {
        let rule = policy.rules[index]
        let result = evaluation.rules[index]
        var sentence = "rule `\(rule.id)` (\(rule.title)) "
        let resultName: String
        switch result.truth {
        case .yes:
            resultName = "fired"
            sentence += "fired → \(rule.outcome.name)"
        case .unknown:
            resultName = "unknown"
            sentence += "cannot be settled → review_required"
        case .no:
            resultName = "not_fired"
            if let exception = result.exception {
                sentence += "did not fire: exception `\(rule.exceptions[exception].id)` applies"
            } else if result.inForce == .no {
                sentence += "did not fire: not in force"
            } else if result.scope == .no {
                sentence += "did not fire: out of scope"
            } else {
                sentence += "did not fire: its conditions do not hold"
            }
        }
        if let waiver = result.waiver {
            sentence += ", waived by exemption `\(policy.exemptions[waiver.exemption].id)` → \(waiver.outcome.name)"
        }
        var event = TraceEvent(kind: .rule, depth: depth, result: resultName, text: sentence)
        event.id = rule.id
        event.title = rule.title
        event.effect = result.effect?.name
        event.version = rule.version ?? policy.info.version
        event.window = rule.windowText
        event.cites = Self.citation(rule.clause, rule.cites)
        event.location = rule.span.description
        return event
    }

    private func exemptionEvent(_ verdict: ExemptionVerdict) -> TraceEvent {
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

    /// "clause; source", or nil when the rule cites nothing.
    private static func citation(_ clause: String?, _ source: String?) -> String? {
        let parts = [clause, source].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
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
        switch recorder.steps[index].observed {
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
