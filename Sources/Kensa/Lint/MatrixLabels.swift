/// Names a class of values the way a reviewer reads it: choice values and vendor groups by name, dates and
/// numbers as the intervals they stand for (`2019-04-01 … 2020-06-30`), `missing` for a field left out.
struct MatrixLabels {
    let space: MatrixSpace

    /// Past this many names a short label gives the first few and a count.
    static let shortLimit = 4

    func value(of members: [FieldValue], slot: Int) -> DecisionMatrix.Value {
        let names: [String]
        switch space.policy.layout.fields[slot].type {
        case .date: names = dateIntervals(members)
        case .number: names = numberIntervals(members, all: space.lint.classes(slot: slot).flatMap { $0 })
        default: names = members.map { label($0, slot: slot) }
        }
        return DecisionMatrix.Value(members: names)
    }

    private func label(_ value: FieldValue, slot: Int) -> String {
        let spec = space.policy.layout.fields[slot]
        if case .objects(let elements) = value, case .objectList(let layout) = spec.type {
            let classes = space.lint.elementClasses(list: slot)
            let described = elements.map { element in
                let fields = classes.keys.sorted().map { elementSlot in
                    let members = classes[elementSlot]?.first { $0.contains(element[elementSlot]) } ?? []
                    let names = members.map { scalar($0, layout.fields[elementSlot]) }
                    return "\(layout.fields[elementSlot].path): \(DecisionMatrix.Value.short(names))"
                }
                return "{" + fields.joined(separator: "; ") + "}"
            }
            return "[" + described.joined(separator: ", ") + "]"
        }
        return scalar(value, spec)
    }

    private func scalar(_ value: FieldValue, _ spec: FieldSpec) -> String {
        switch (value, spec.type) {
        case (.missing, _): return "missing"
        case (.choice(let index), .choice(let names)): return names[index]
        case (.bool(let flag), _): return String(flag)
        case (.date(let day), _): return day.description
        case (.number(let number), _): return Self.number(number)
        case (.text(let text), _) where spec.namesVendor && text == LintDomain.unresolvedName:
            return "unregistered name"
        case (.text(let text), _): return text
        case (.list(let elements), .list(let element)):
            let inner = FieldSpec(spec.path, element)
            return "[" + elements.map { scalar($0, inner) }.joined(separator: ", ") + "]"
        default: return "value"
        }
    }

    /// The days a class stands for: each day tried covers the days up to the next one tried.
    private func dateIntervals(_ members: [FieldValue]) -> [String] {
        let days = space.lint.domain.days
        var runs: [(from: Day?, until: Day?)] = []
        var first: Int?
        for index in days.indices where members.contains(.date(days[index])) {
            if first == nil { first = index }
            let last = index + 1 == days.count
            guard last || !members.contains(.date(days[index + 1])), let start = first else { continue }
            runs.append((start == 0 ? nil : days[start], last ? nil : Day(ordinal: days[index + 1].ordinal - 1)))
            first = nil
        }
        let names = runs.map { run in
            switch (run.from, run.until) {
            case (nil, nil): "any date"
            case (nil, let until?): "… \(until)"
            case (let from?, nil): "\(from) …"
            case (let from?, let until?): from == until ? "\(from)" : "\(from) … \(until)"
            }
        }
        return names + (members.contains(.missing) ? ["missing"] : [])
    }

    /// The numbers a class stands for: tested numbers stand for themselves, the values tried between and beyond
    /// them for the open intervals they lie in.
    private func numberIntervals(_ members: [FieldValue], all: [FieldValue]) -> [String] {
        let tried = all.compactMap { if case .number(let number) = $0 { number } else { nil } }.sorted()
        var names: [String] = []
        for (index, number) in tried.enumerated() where members.contains(.number(number)) {
            if tried.count == 1 {
                names.append("any number")
            } else if index == 0 {
                names.append("below \(Self.number(tried[1]))")
            } else if index == tried.count - 1 {
                names.append("above \(Self.number(tried[index - 1]))")
            } else if index % 2 == 1 {
                names.append(Self.number(number))
            } else {
                names.append("between \(Self.number(tried[index - 1])) and \(Self.number(tried[index + 1]))")
            }
        }
        return names + (members.contains(.missing) ? ["missing"] : [])
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
