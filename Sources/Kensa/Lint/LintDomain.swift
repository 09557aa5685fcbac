/// Candidate values for each record field: enough that every class of values the set can tell apart has one
/// representative. `LintClasses` then keeps one value per class.
struct LintDomain {
    let policy: CompiledPolicy
    let reads: LintReads
    /// Every date the set mentions, and the day before and after each: one day inside every interval between them.
    let days: [Day]

    init(policy: CompiledPolicy, reads: LintReads) {
        self.policy = policy
        self.reads = reads
        var cuts = Set<Day>()
        for conditions in reads.tests.values { for condition in conditions { Self.days(in: condition, into: &cuts) } }
        for rule in policy.rules { cuts.formUnion([rule.from, rule.until].compactMap { $0 }) }
        for exemption in policy.exemptions {
            cuts.formUnion([exemption.validFrom, exemption.statedUntil, exemption.cap].compactMap { $0 })
        }
        for member in policy.vendors.members { cuts.formUnion([member.from, member.until].compactMap { $0 }) }
        for entity in policy.entities.entities { cuts.formUnion([entity.from, entity.until].compactMap { $0 }) }
        days = Set(cuts.flatMap { [Day(ordinal: $0.ordinal - 1), $0, $0.next] }).sorted()
    }

    /// The name that stands for a company the vendor registry does not know.
    static let unresolvedName = "Unregistered Maker"

    /// Candidate values of a top-level field.
    func candidates(slot: Int) -> [FieldValue] {
        let spec = policy.layout.fields[slot]
        if case .objectList = spec.type { return [] }
        return candidates(spec, tests: reads.tests[slot] ?? [])
    }

    /// Candidate values of a field (top-level or of a list element), given the tests made on it.
    func candidates(_ spec: FieldSpec, tests: [Condition]) -> [FieldValue] {
        let missing: [FieldValue] = spec.defaultValue == nil ? [.missing] : []
        switch spec.type {
        case .choice(let names): return names.indices.map { .choice($0) } + missing
        case .bool: return [.bool(true), .bool(false)] + missing
        case .date: return days.map { .date($0) } + missing
        case .number: return numbers(tests).map { .number($0) } + missing
        case .text where spec.namesVendor: return vendorNames().map { .text($0) } + missing
        case .text: return (texts(tests).sorted() + ["other text"]).map { .text($0) } + missing
        case .list(.choice(let names)):
            let each = names.indices.map { FieldValue.list([.choice($0)]) }
            return [.list([])] + each + [.list(names.indices.map { .choice($0) })] + missing
        case .list:
            return [.list([])] + (texts(tests).sorted() + ["other text"]).map { .list([.text($0)]) } + missing
        case .objectList: return missing
        }
    }

    /// One name per declared vendor group, every dated member (its group changes with the date), an unknown name.
    private func vendorNames() -> [String] {
        let registry = policy.vendors
        let groups = (0..<registry.declaredGroupCount).map { registry.groups[$0].name }
        let dated = registry.members.filter { $0.from != nil || $0.until != nil }.map(\.name)
        return groups + dated + [Self.unresolvedName]
    }

    private func texts(_ tests: [Condition]) -> Set<String> {
        var result = Set<String>()
        for case .field(let test, _) in tests { if case .texts(let texts) = test.operand { result.formUnion(texts) } }
        return result
    }

    /// Every number tested, the midpoints between them, and one beyond each end.
    private func numbers(_ tests: [Condition]) -> [Double] {
        var cuts = Set<Double>()
        for case .field(let test, _) in tests {
            if case .numbers(let numbers) = test.operand { cuts.formUnion(numbers) }
        }
        let sorted = cuts.sorted()
        guard let first = sorted.first, let last = sorted.last else { return [0] }
        let midpoints = zip(sorted, sorted.dropFirst()).map { ($0 + $1) / 2 }
        return ([first - 1] + sorted + midpoints + [last + 1]).sorted()
    }

    private static func days(in condition: Condition, into cuts: inout Set<Day>) {
        switch condition {
        case .field(let test, _): if case .day(let day) = test.operand { cuts.insert(day) }
        case .all(let parts, _), .any(let parts, _): parts.forEach { days(in: $0, into: &cuts) }
        case .not(let inner, _), .quantified(_, _, let inner, _): days(in: inner, into: &cuts)
        case .vendor, .invalid: break
        }
    }
}
