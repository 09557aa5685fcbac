/// Decides whether an exemption a record claims is valid for it, and says why not when it is not.
struct ExemptionJudge {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let buyer: BuyerResolution
    let day: Day?

    /// Nil when the exemption is valid for this record (its rules still have to be restricting it); else the reason.
    func rejection<O: ConditionObserver>(of index: Int, evaluator: inout ConditionEvaluator<O>) -> String? {
        let exemption = policy.exemptions[index]
        guard exemption.status == .approved else { return "not approved (status \(exemption.status.rawValue))" }
        if let reason = buyerRejection(exemption) { return reason }
        guard let day else { return "the record's date is unknown, so whether it is in force cannot be judged" }
        if day < exemption.validFrom { return "not yet in force on \(day): valid from \(exemption.validFrom)" }
        if let end = exemption.effectiveUntil, day > end {
            if let cap = exemption.cap, end == cap, exemption.statedUntil.map({ cap < $0 }) ?? true {
                let stated = exemption.statedUntil.map { " (its stated end, \($0), is beyond the cap)" } ?? ""
                return "capped at \(cap)\(stated); the judgment date is \(day)"
            }
            return "expired on \(end); the judgment date is \(day)"
        }
        if let when = exemption.when {
            switch evaluator.evaluate(when, values) {
            case .yes: break
            case .no: return "its conditions do not hold for this record"
            case .unknown: return "its conditions cannot be settled: the record lacks data they need"
            }
        }
        return nil
    }

    private func buyerRejection(_ exemption: CompiledExemption) -> String? {
        if let entity = buyer.entity, exemption.buyerEntities.contains(entity) { return nil }
        guard case .text(let name) = values[policy.slots.buyerName] else {
            return
                "the record does not name its buyer, and the exemption covers only \(exemption.buyerLabels.joined(separator: ", "))"
        }
        if exemption.buyerNames.contains(NameKey(name)) { return nil }
        return "granted to \(exemption.buyerLabels.joined(separator: ", ")), not to \"\(name)\""
    }
}
