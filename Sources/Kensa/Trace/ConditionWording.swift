/// Words conditions and record values the way a reviewer reads them aloud.
struct ConditionWording {
    let policy: CompiledPolicy

    /// What a condition says, after its field path: " is one of [central_ministry]", with " ($param)" when a
    /// parameter supplied the value (or its denial, " is none of [central_ministry]", when `negated`); for `all`,
    /// `any`, `not`, `some` and `every`, the whole phrase. Worded once, at compile time, since the field's type
    /// is known then.
    static func predicate(_ info: ConditionDraft, isDate: Bool, negated: Bool = false) -> String {
        let expected = info.expected ?? ""
        let groups = expected.replacingOccurrences(of: ", ", with: " or ")
        var text: String
        switch (info.kind, info.op ?? "", negated) {
        case (.all, _, false): return "all of these hold:"
        case (.all, _, true): return "not all of these hold:"
        case (.any, _, false): return "any of these holds:"
        case (.any, _, true): return "none of these holds:"
        case (.not, _, false): return "this does not hold:"
        case (.not, _, true): return "this holds:"
        case (.some, _, false): return "some entry of `\(info.path ?? "")` satisfies:"
        case (.some, _, true): return "no entry of `\(info.path ?? "")` satisfies:"
        case (.every, _, false): return "every entry of `\(info.path ?? "")` satisfies:"
        case (.every, _, true): return "not every entry of `\(info.path ?? "")` satisfies:"
        case (.invalid, _, _): return "invalid condition"
        case (_, "equals", let no): text = no ? " is not \(expected)" : " is \(expected)"
        case (_, "not_equals", let no): text = no ? " is \(expected)" : " is not \(expected)"
        case (_, "in", let no): text = no ? " is none of \(expected)" : " is one of \(expected)"
        case (_, "not_in", let no): text = no ? " is one of \(expected)" : " is none of \(expected)"
        case (_, "contains", let no): text = no ? " does not contain \(expected)" : " contains \(expected)"
        case (_, "contains_any", let no): text = no ? " contains none of \(expected)" : " contains any of \(expected)"
        case (_, "contains_all", let no): text = no ? " lacks some of \(expected)" : " contains all of \(expected)"
        case (_, "at_least", let no):
            text = " is \(isDate ? (no ? "before" : "on or after") : (no ? "below" : "at least")) \(expected)"
        case (_, "at_most", let no):
            text = " is \(isDate ? (no ? "after" : "on or before") : (no ? "above" : "at most")) \(expected)"
        case (_, "above", let no):
            text = " is \(isDate ? (no ? "on or before" : "after") : (no ? "at most" : "above")) \(expected)"
        case (_, "below", let no):
            text = " is \(isDate ? (no ? "on or after" : "before") : (no ? "at least" : "below")) \(expected)"
        case (_, "present", let no): text = (expected == "true") != no ? " is given" : " is not given"
        case (_, "in_group", let no):
            text = no ? " does not belong to vendor group \(groups)" : " belongs to vendor group \(groups)"
        case (_, "origin", let no), (_, "origin_in", let no):
            text = no ? " is not of origin \(groups)" : " is of origin \(groups)"
        case (_, "resolved", let no):
            text = (expected == "true") != no ? " is in the vendor registry" : " is not in the vendor registry"
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
        case .objects(let elements):
            return elements.isEmpty ? "no entries" : elements.count == 1 ? "1 entry" : "\(elements.count) entries"
        case .invalid(let reason, let written): return "\"\(written)\" (\(reason))"
        }
    }

    /// A vendor name with what the registry made of it at the judgment date.
    func vendor(_ value: FieldValue, _ sighting: VendorSighting?) -> String {
        guard case .text(let name) = value else { return self.value(value, FieldSpec("", .text)) }
        guard let sighting else { return "\"\(name)\", which the vendor registry does not know" }
        let registry = policy.vendors
        let company =
            sighting.identity.member.map { registry.members[$0].name } ?? registry.groups[sighting.identity.group].name
        let origin = registry.groups[sighting.identity.group].origin
        guard let group = sighting.group else {
            return "\"\(name)\" (\(company), origin \(origin); its group depends on the date, which is unknown)"
        }
        let groupName = registry.groups[group].name
        let former =
            if group != sighting.identity.group, let member = sighting.identity.member {
                ", " + registry.membershipWindow(of: member)
            } else { "" }
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
