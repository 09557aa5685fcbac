/// Compares two compiled policy sets entry by entry: scopes, rules and exemptions matched by id.
enum PolicyComparison {
    static func changes(from old: CompiledPolicy, to new: CompiledPolicy) -> [PolicyChange] {
        var changes: [PolicyChange] = []
        changes += compare(
            .scope, old: old.scopes.map { ($0.id, $0.span.description, fingerprint(scope: $0, in: old)) },
            new: new.scopes.map { ($0.id, $0.span.description, fingerprint(scope: $0, in: new)) })
        changes += compare(
            .rule, old: old.rules.map { ($0.id, $0.span.description, fingerprint(rule: $0, in: old)) },
            new: new.rules.map { ($0.id, $0.span.description, fingerprint(rule: $0, in: new)) })
        changes += compare(
            .exemption, old: old.exemptions.map { ($0.id, $0.span.description, fingerprint(exemption: $0)) },
            new: new.exemptions.map { ($0.id, $0.span.description, fingerprint(exemption: $0)) })
        return changes
    }

    private static func compare(
        _ subject: PolicyChange.Subject, old: [(String, String, [String: String])],
        new: [(String, String, [String: String])]
    ) -> [PolicyChange] {
        let oldByID = Dictionary(old.map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { first, _ in first })
        var changes: [PolicyChange] = []
        for (id, location, _) in old where newByID[id] == nil {
            changes.append(PolicyChange(subject: subject, id: id, kind: .removed, aspects: [], oldLocation: location))
        }
        for (id, location, aspects) in new {
            guard let (oldLocation, oldAspects) = oldByID[id] else {
                changes.append(PolicyChange(subject: subject, id: id, kind: .added, aspects: [], newLocation: location))
                continue
            }
            let differing = Set(aspects.keys).union(oldAspects.keys).filter { aspects[$0] != oldAspects[$0] }.sorted()
            if !differing.isEmpty {
                changes.append(
                    PolicyChange(
                        subject: subject, id: id, kind: .changed, aspects: differing, oldLocation: oldLocation,
                        newLocation: location))
            }
        }
        return changes
    }

    private static func fingerprint(scope: CompiledScope, in policy: CompiledPolicy) -> [String: String] {
        ["condition": ConditionText.canonical(scope.when, policy)]
    }

    private static func fingerprint(rule: CompiledRule, in policy: CompiledPolicy) -> [String: String] {
        [
            "condition": ConditionText.canonical(rule.when, policy),
            "outcome": rule.outcome.name,
            "window": rule.windowText ?? "always",
            "scopes": rule.scopes.map { policy.scopes[$0].id }.sorted().joined(separator: ","),
            "exceptions": rule.exceptions.map { "\($0.id)=\(ConditionText.canonical($0.when, policy))" }
                .joined(separator: ";"),
            "waivable": String(rule.waivable),
        ]
    }

    private static func fingerprint(exemption: CompiledExemption) -> [String: String] {
        [
            "validity": "\(exemption.validFrom)..\(exemption.effectiveUntil.map(\.description) ?? "open")",
            "status": exemption.status.rawValue,
            "buyers": exemption.buyerLabels.sorted().joined(separator: ","),
            "rules": exemption.ruleIDs.sorted().joined(separator: ","),
            "outcome": exemption.outcome.name,
        ]
    }
}

/// A condition written out in one canonical line, parameters resolved, for comparing versions.
enum ConditionText {
    static func canonical(_ condition: Condition, _ policy: CompiledPolicy) -> String {
        let info = policy.conditions[condition.info]
        switch condition {
        case .all(let parts, _): return "all(" + parts.map { canonical($0, policy) }.joined(separator: ", ") + ")"
        case .any(let parts, _): return "any(" + parts.map { canonical($0, policy) }.joined(separator: ", ") + ")"
        case .not(let inner, _): return "not(" + canonical(inner, policy) + ")"
        case .quantified(let every, _, let inner, _):
            return "\(every ? "every" : "some")(\(info.path ?? ""), \(canonical(inner, policy)))"
        case .field, .vendor, .invalid:
            return "\(info.path ?? "") \(info.op ?? "") \(info.expected ?? "")"
        }
    }
}
