/// Words conditions and record values the way a reviewer reads them aloud.
struct ConditionWording {
    let policy: CompiledPolicy

    /// What a condition says, after its field path: " is one of [central_ministry]", with " ($param)" when a
    /// parameter supplied the value; for `all`, `any`, `not`, `some` and `every`, the whole phrase. Worded once,
    /// at compile time, since the field's type is known then.
    static func predicate(_ info: ConditionInfo, isDate: Bool) -> String {
        let expected = info.expected ?? ""
        var text: String
        switch (info.kind, info.op ?? "") {
        case (.all, _): return "all of these hold:"
        case (.any, _): return "any of these holds:"
        case (.not, _): return "this does not hold:"
        case (.some, _): return "some entry of `\(info.path ?? "")` satisfies:"
        case (.every, _): return "every entry of `\(info.path ?? "")` satisfies:"
        case (.invalid, _): return "invalid condition"
        case (_, "equals"): text = " is \(expected)"
        case (_, "not_equals"): text = " is not \(expected)"
        case (_, "in"): text = " is one of \(expected)"
        case (_, "not_in"): text = " is none of \(expected)"
        case (_, "contains"): text = " contains \(expected)"
        case (_, "contains_any"): text = " contains any of \(expected)"
        case (_, "contains_all"): text = " contains all of \(expected)"
        case (_, "at_least"): text = " is \(isDate ? "on or after" : "at least") \(expected)"
        case (_, "at_most"): text = " is \(isDate ? "on or before" : "at most") \(expected)"
        case (_, "above"): text = " is \(isDate ? "after" : "above") \(expected)"
        case (_, "below"): text = " is \(isDate ? "before" : "below") \(expected)"
        case (_, "present"): text = expected == "true" ? " is given" : " is not given"
        case (_, "in_group"): text = " belongs to vendor group \(expected.replacingOccurrences(of: ", ", with: " or "))"
        case (_, "origin"), (_, "origin_in"): text = " is of origin \(expected.replacingOccurrences(of: ", ", with: " or "))"
        case (_, "resolved"): text = expected == "true" ? " is in the vendor registry" : " is not in the vendor registry"
        default: text = " \(info.op ?? "") \(expected)"
        }
        if let parameter = info.parameter { text += " ($\(parameter))" }
        return text
    }

    /// What the record holds, as a reviewer would say it: `central_ministry`, `"NEC Platforms"`, `not given`.
    func value(_ value: FieldValue, _ spec: FieldSpec) -> String {
        switch value {
        case .missing: return "not given"
        case .text(let text): return "\"\(text)\""
        case .number(let number): return NumberText.format(number)
        case .bool(let flag): return String(flag)
        case .date(let day): return day.description
        case .choice(let index):
            if case .choice(let names) = spec.type { return names[index] }
            return String(index)
        case .list(let elements):
            let element: FieldSpec = if case .list(let type) = spec.type { FieldSpec(spec.path, type) } else { spec }
            return "[" + elements.map { self.value($0, element) }.joined(separator: ", ") + "]"
        case .objects(let elements): return elements.count == 1 ? "1 entry" : "\(elements.count) entries"
        case .invalid(let reason, let written): return "\"\(written)\" (\(reason))"
        }
    }

    /// A vendor name with what the registry made of it at the judgment date.
    func vendor(_ value: FieldValue, _ sighting: VendorSighting?) -> String {
        guard case .text(let name) = value else { return self.value(value, FieldSpec("", .text)) }
        guard let sighting else { return "\"\(name)\", which the vendor registry does not know" }
        let registry = policy.vendors
        let company = sighting.identity.member.map { registry.members[$0].name } ?? registry.groups[sighting.identity.group].name
        let origin = registry.groups[sighting.identity.group].origin
        guard let group = sighting.group else {
            return "\"\(name)\" (\(company), origin \(origin); its group depends on the date, which is unknown)"
        }
        let groupName = registry.groups[group].name
        let former = group != sighting.identity.group ? ", no longer in group \(registry.groups[sighting.identity.group].name)" : ""
        return "\"\(name)\" (\(company), group \(groupName)\(former), origin \(origin))"
    }
}

/// Numbers as written in records: integers without a fraction.
enum NumberText {
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
