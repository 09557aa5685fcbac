/// Finds exemptions that can never apply, and (given an as-of date) exemptions expired or about to expire.
///
/// An approved exemption can apply when some record of the space, naming one of its buyers and claiming it, has a
/// waived rule turned by it. The space is enumerated for each buyer named, with the buyer and the claim fixed; its
/// regions are worked out once for all buyers the registry places alike (`regions(naming:claiming:)`).
struct ExemptionAnalysis {
    let policy: CompiledPolicy
    let names: NameResolver
    let classes: LintClasses
    let deadRules: Set<Int>
    private(set) var recordsDecided = 0
    /// The regions of the space of records naming a buyer and claiming nothing, by how the registry places the
    /// buyer at each date tried (`placement(of:in:)`), kept for the next exemption granted to a buyer placed alike
    /// (`regions(naming:claiming:)`).
    private var regionsByPlacement: [[Int]: [[FieldValue]]] = [:]
    /// The space of records naming a buyer and claiming an exemption: which fields it enumerates, and how, does
    /// not depend on the buyer or the exemption, so one serves them all (its own regions are never enumerated).
    private let claimed: LintSpace

    init(policy: CompiledPolicy, names: NameResolver, classes: LintClasses, deadRules: Set<Int>) {
        self.policy = policy
        self.names = names
        self.classes = classes
        self.deadRules = deadRules
        claimed = LintSpace(
            policy: policy, names: names, classes: classes,
            fixed: [policy.slots.buyerName: .missing, policy.slots.exemptions: .missing])
    }

    mutating func findings(_ options: LintOptions) -> [LintReport.Finding] {
        var findings: [LintReport.Finding] = []
        for index in policy.exemptions.indices where policy.exemptions[index].status == .approved {
            if let reason = uselessness(of: index) {
                let exemption = policy.exemptions[index]
                findings.append(
                    RuleAnalysis.finding(
                        .uselessExemption, "exemption `\(exemption.id)` can never apply: \(reason)", at: exemption.span,
                        witness: nil, layout: policy.layout,
                        help: "correct its buyers, rules or dates, or remove it"))
            }
            if let asOf = options.asOf { findings += expiry(of: index, asOf: asOf, within: options.expiringWithin) }
        }
        return findings
    }

    /// Why the exemption can never turn a rule's result, or nil when some record shows it can.
    private mutating func uselessness(of index: Int) -> String? {
        let exemption = policy.exemptions[index]
        let waived = exemption.rules.sorted()
        if waived.allSatisfy(deadRules.contains) {
            return
                "it waives only rules that can never fire (\(exemption.ruleIDs.map { "`\($0)`" }.joined(separator: ", ")))"
        }
        var inScope = false
        var firesWhileValid = false
        var applies = false
        for buyer in exemption.buyerLabels {
            let space = claimed
            var probe = space.makeProbe()
            for base in regions(naming: buyer, claiming: exemption.id) {
                // A waived rule out of force or out of its scopes here has no result for the exemption to turn.
                probe.load(base)
                if probe.inScope == .yes { inScope = true }
                let active = waived.filter { probe.rule($0).scope != .no }
                let refusal = probe.refusal(of: index)
                for rule in active {
                    let own = space.ruleFields[rule]
                    // Where the rule's own fields leave the buyer and the date as they are, a refusal for either
                    // holds on every record tried: count them as the enumeration would, without trying them.
                    if probe.keepsPreparation(own), Self.settles(refusal, firesWhileValid: firesWhileValid) {
                        recordsDecided += own.reduce(1) { $0 * $1.values.count }
                        continue
                    }
                    probe.load(base)
                    LintSpace.product(own, base) { record in
                        recordsDecided += 1
                        probe.load(record, changing: own)
                        if probe.inScope == .yes { inScope = true }
                        if let day = probe.day, day >= exemption.validFrom,
                            exemption.effectiveUntil.map({ day <= $0 }) ?? true, probe.rule(rule).truth != .no
                        {
                            firesWhileValid = true
                        }
                        applies = probe.turns(index)
                        return !applies
                    }
                    if applies { return nil }
                }
            }
        }
        let buyers = exemption.buyerLabels.map { "`\($0)`" }.joined(separator: ", ")
        if !inScope { return "it covers no buyer in scope (\(buyers))" }
        let window = "from \(exemption.validFrom)" + (exemption.effectiveUntil.map { " until \($0)" } ?? "")
        if !firesWhileValid {
            return "the rules it waives never restrict its buyers' records while it is valid (\(window))"
        }
        return "its conditions never hold where the rules it waives restrict its buyers' records"
    }

    /// The regions of the space of records that name `buyer` and claim the exemption `claim`, in the order
    /// `LintSpace.forEachRegion` gives them.
    ///
    /// Unless a scope reads them, the buyer's name and the claim reach the scopes only through the buyer's class,
    /// which the registry sets by the name and the date: so the regions of buyers the registry places alike at
    /// every date tried are the same records but for the name and the claim, and are worked out once.
    private mutating func regions(naming buyer: String, claiming claim: String) -> [[FieldValue]] {
        let slots = policy.slots
        let scopeReads = classes.domain.reads.scopeSlots
        var found: [[FieldValue]] = []
        guard !scopeReads.contains(slots.exemptions), !scopeReads.contains(slots.buyerName) else {
            let fixed: [Int: FieldValue] = [slots.buyerName: .text(buyer), slots.exemptions: .list([.text(claim)])]
            LintSpace(policy: policy, names: names, classes: classes, fixed: fixed).forEachRegion { _, base in
                found.append(base)
                return true
            }
            return found
        }
        let placement = placement(of: buyer, in: claimed)
        if let known = regionsByPlacement[placement] {
            found = known
        } else {
            let unclaimed = LintSpace(
                policy: policy, names: names, classes: classes, fixed: [slots.buyerName: .text(buyer)])
            unclaimed.forEachRegion { _, base in
                found.append(base)
                return true
            }
            regionsByPlacement[placement] = found
        }
        for index in found.indices {
            found[index][slots.buyerName] = .text(buyer)
            found[index][slots.exemptions] = .list([.text(claim)])
        }
        return found
    }

    /// The class the registry gives the buyer at each date the space's regions take (-1 where it does not know the
    /// buyer then), as `BuyerResolver` settles it.
    private func placement(of buyer: String, in space: LintSpace) -> [Int] {
        let dates = (space.shared + space.scopeOnly).first { $0.slot == policy.slots.date }?.values ?? [.missing]
        return dates.map { value in
            let day: Day? = if case .date(let day) = value { day } else { nil }
            return names.entity(buyer, on: day).map { policy.entities.entities[$0].entityClass } ?? -1
        }
    }

    /// Whether a refusal of the exemption on a region's record, by buyer or date, shows all its records can tell
    /// nothing more: none can have the exemption apply, and none can show a waived rule firing while it is valid
    /// that is not already known.
    private static func settles(_ refusal: ExemptionJudge.Refusal?, firesWhileValid: Bool) -> Bool {
        switch refusal {
        case .unknownDay, .notYetInForce, .ended: true
        case .notApproved, .otherBuyer: firesWhileValid
        case .conditionsFail, .conditionsUnknown, nil: false
        }
    }

    private func expiry(of index: Int, asOf: Day, within days: Int) -> [LintReport.Finding] {
        let exemption = policy.exemptions[index]
        guard let end = exemption.effectiveUntil else { return [] }
        if end < asOf {
            return [
                RuleAnalysis.finding(
                    .expiredExemption, "exemption `\(exemption.id)` expired on \(end) (as of \(asOf))",
                    at: exemption.span,
                    witness: nil, layout: policy.layout, help: "remove it, or record its renewal with a new id")
            ]
        }
        if end.ordinal - asOf.ordinal <= days {
            return [
                RuleAnalysis.finding(
                    .expiringExemption,
                    "exemption `\(exemption.id)` expires on \(end), within \(days) days of \(asOf)", at: exemption.span,
                    witness: nil, layout: policy.layout, help: "renew it in time, or plan for the rules it waives")
            ]
        }
        return []
    }
}
