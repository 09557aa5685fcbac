/// Decides whether an exemption a record claims is valid for it, and says why not when it is not.
struct ExemptionJudge {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let buyer: BuyerResolution
    let day: Day?

    /// Why a claimed exemption is not valid for a record, before it is worded.
    enum Refusal {
        case notApproved
        case otherBuyer
        case unknownDay
        case notYetInForce(Day)
        case ended(Day, on: Day)
        case conditionsFail
        case conditionsUnknown
    }

    /// Nil when the exemption is valid for this record (its rules still have to be restricting it); else the reason.
    func rejection<O: ConditionObserver>(of index: Int, evaluator: inout ConditionEvaluator<O>) -> String? {
        refusal(of: index, evaluator: &evaluator).map { wording($0, of: policy.exemptions[index]) }
    }

    /// Nil when the exemption is valid for this record; else why not. Builds no text, so callers that only need
    /// the verdict (lint tries it on many records) pay for the checks alone.
    func refusal<O: ConditionObserver>(of index: Int, evaluator: inout ConditionEvaluator<O>) -> Refusal? {
        let exemption = policy.exemptions[index]
        guard exemption.status == .approved else { return .notApproved }
        guard coversBuyer(exemption) else { return .otherBuyer }
        guard let day else { return .unknownDay }
        if day < exemption.validFrom { return .notYetInForce(day) }
        if let end = exemption.effectiveUntil, day > end { return .ended(end, on: day) }
        if let when = exemption.when {
            switch evaluator.evaluate(when, values) {
            case .yes: break
            case .no: return .conditionsFail
            case .unknown: return .conditionsUnknown
            }
        }
        return nil
    }

    private func coversBuyer(_ exemption: CompiledExemption) -> Bool {
        if let entity = buyer.entity, exemption.buyerEntities.contains(entity) { return true }
        guard case .text(let name) = values[policy.slots.buyerName] else { return false }
        return exemption.buyerNames.contains(NameKey(name))
    }

    private func wording(_ refusal: Refusal, of exemption: CompiledExemption) -> String {
        switch refusal {
        case .notApproved: return "not approved (status \(exemption.status.rawValue))"
        case .otherBuyer:
            var buyers: [String] = []
            for label in exemption.buyerLabels {
                let name = policy.entities.entity(named: label).map { policy.entities.entities[$0].name } ?? label
                if !buyers.contains(name) { buyers.append(name) }
            }
            let granted = buyers.joined(separator: ", ")
            guard case .text(let name) = values[policy.slots.buyerName] else {
                return "the record does not name its buyer, and the exemption covers only \(granted)"
            }
            let known = buyer.entity.map { policy.entities.entities[$0].name }.flatMap { $0 == name ? nil : $0 }
            return "granted to \(granted), not to \"\(name)\"" + (known.map { " (\($0))" } ?? "")
        case .unknownDay: return "the record's date is unknown, so whether it is in force cannot be judged"
        case .notYetInForce(let day): return "not yet in force on \(day): valid from \(exemption.validFrom)"
        case .ended(let end, let day):
            if let cap = exemption.cap, end == cap, exemption.statedUntil.map({ cap < $0 }) ?? true {
                let stated = exemption.statedUntil.map { " (its stated end, \($0), is beyond the cap)" } ?? ""
                return "capped at \(cap)\(stated); the judgment date is \(day)"
            }
            return "expired on \(end); the judgment date is \(day)"
        case .conditionsFail: return "its conditions do not hold for this record"
        case .conditionsUnknown:
            let fields = exemption.when.map(unusableFields) ?? []
            guard !fields.isEmpty else { return "its conditions cannot be settled: the record lacks data they need" }
            let named = fields.map { "`\($0)`" }.joined(separator: ", ")
            return "its conditions cannot be settled: the record does not give a usable \(named)"
        }
    }

    /// The fields a condition tests that the record leaves missing or gives unusable, in the order written: what
    /// a refused exemption's reason names when its conditions cannot be settled. Entries of a list are not
    /// looked into; a missing list is named.
    private func unusableFields(_ condition: Condition) -> [String] {
        var paths: [String] = []
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts, _), .any(let parts, _): parts.forEach(visit)
            case .not(let inner, _): visit(inner)
            case .field(let test, _): note(test.slot)
            case .vendor(let test, _): note(test.slot)
            case .quantified(_, let slot, _, _): note(slot)
            case .invalid: break
            }
        }
        func note(_ slot: Int) {
            switch values[slot] {
            case .missing, .invalid:
                let path = policy.layout.fields[slot].path
                if !paths.contains(path) { paths.append(path) }
            default: break
            }
        }
        visit(condition)
        return paths
    }
}
