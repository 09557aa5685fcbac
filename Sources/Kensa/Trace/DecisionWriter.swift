/// Words an evaluation as a decision: which rules decided, which exemptions applied, and the reasons.
///
/// A class, so the closures that word reasons share it instead of copying the evaluation.
final class DecisionWriter {
    let policy: CompiledPolicy
    let values: [FieldValue]
    let evaluation: Evaluation
    let recorder: RecordedTrace
    private let text: StepText

    /// `notingQuotedNames`: whether to note, for the batch path's cache, which names each line quotes.
    init(
        policy: CompiledPolicy, values: [FieldValue], evaluation: Evaluation, recorder: RecordedTrace,
        notingQuotedNames: Bool = false
    ) {
        self.notesQuotedNames = notingQuotedNames
        self.policy = policy
        self.values = values
        self.evaluation = evaluation
        self.recorder = recorder
        self.text = StepText(policy: policy, recorder: recorder, filled: evaluation.filled)
    }

    /// Ids of the rules whose result (after exemptions) is the outcome, when the outcome is a restriction.
    func decidedBy() -> [String] {
        decidingRules().map { policy.rules[$0].id }
    }

    /// Indices of the rules whose result (after exemptions) is the outcome, when the outcome is a restriction.
    func decidingRules() -> [Int] { Self.decidingRules(evaluation) }

    /// Indices of the rules whose result (after exemptions) is the outcome, when the outcome is a restriction.
    static func decidingRules(_ evaluation: Evaluation) -> [Int] {
        var rules: [Int] = []
        decidingRules(evaluation, into: &rules)
        return rules
    }

    /// Replaces `rules` with the deciding rules' indices, reusing its storage.
    static func decidingRules(_ evaluation: borrowing Evaluation, into rules: inout [Int]) {
        rules.removeAll(keepingCapacity: true)
        guard evaluation.outcome >= .reviewRequired, evaluation.inScope != .no else { return }
        for (index, rule) in evaluation.rules.enumerated() where rule.effect == evaluation.outcome {
            rules.append(index)
        }
    }

    /// Scopes whose conditions the reasons quote: all of them when the record is out of scope, the unsettled
    /// ones when it is unsettled.
    static func scopesToExplain(_ evaluation: Evaluation) -> [Int] {
        switch evaluation.inScope {
        case .no: Array(evaluation.scopes.indices)
        case .unknown: evaluation.scopes.indices.filter { evaluation.scopes[$0] == .unknown }
        case .yes: []
        }
    }

    /// Rules whose conditions the reasons quote: those that restrict the record.
    static func rulesToExplain(_ evaluation: Evaluation) -> [Int] {
        guard evaluation.inScope != .no else { return [] }
        return evaluation.rules.indices.filter { (evaluation.rules[$0].effect ?? .permitted) >= .reviewRequired }
    }

    /// Every reason; scope and rule lines come from `cache` when an earlier record failed the same way.
    func reasons(cache: ReasonCache) -> [ReasonLine] {
        var reasons = invalidValues().map(ReasonLine.init)
        if let note = Self.buyerNote(evaluation, policy: policy) { reasons.append(ReasonLine(note)) }
        reasons += Self.lineSubjects(evaluation, policy: policy).map { line(about: $0, cache: cache) }
        reasons += Self.exemptionReasons(evaluation, policy: policy).map(ReasonLine.init)
        return reasons
    }

    /// Whether the record's own data adds lines around its scope and rule lines: a note on the buyer (its class the
    /// registry replaced, or a name the registry does not know), before them, and the claimed exemptions'
    /// verdicts, after.
    static func hasFramingLines(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> Bool {
        !evaluation.exemptions.isEmpty || framingLinesBefore(evaluation, policy: policy) > 0
    }

    /// Puts the framing lines (see ``hasFramingLines(_:policy:)``) around `lines`, the scope, rule and exception lines of
    /// a record without unusable values: the reasons `reasons(cache:)` gives.
    static func frame(_ lines: inout [ReasonLine], of evaluation: borrowing Evaluation, policy: CompiledPolicy) {
        if let note = buyerNote(evaluation, policy: policy) { lines.insert(ReasonLine(note), at: 0) }
        for reason in exemptionReasons(evaluation, policy: policy) { lines.append(ReasonLine(reason)) }
    }

    /// How many framing lines come before the scope and rule lines in the reasons of a record without unusable
    /// values.
    static func framingLinesBefore(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> Int {
        let buyer = evaluation.buyer
        if buyer.entity != nil && buyer.overridden != nil { return 1 }
        return unknownBuyerName(evaluation, policy: policy) != nil ? 1 : 0
    }

    /// The buyer's name when it is what leaves the class unknown: the record names a buyer the entity registry does
    /// not know at the judgment date, gives no usable class of its own, and the scopes need the class.
    private static func unknownBuyerName(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> String? {
        guard evaluation.buyer.source == .unknown, evaluation.inScope != .no,
            case .text(let name) = evaluation.values[policy.slots.buyerName]
        else { return nil }
        return name
    }

    /// The lines about scopes, rules and `unless` exceptions, in the order reasons give them: what each is about,
    /// with its flags. The batch path keys its ``LineShapeCache`` by them.
    static func lineSubjects(_ evaluation: Evaluation, policy: CompiledPolicy) -> [(LineShapeCache.Subject, Int32)] {
        var subjects: [(LineShapeCache.Subject, Int32)] = []
        forEachLineSubject(evaluation, policy: policy) {
            subjects.append(($0, $1))
            return true
        }
        return subjects
    }

    /// Calls `body` with each subject of `lineSubjects` in turn, until it returns false; returns whether every
    /// call returned true.
    @discardableResult
    static func forEachLineSubject(
        _ evaluation: Evaluation, policy: CompiledPolicy, _ body: (LineShapeCache.Subject, Int32) -> Bool
    ) -> Bool {
        let rules = evaluation.rules
        if !policy.scopes.isEmpty {
            if evaluation.inScope == .yes {
                let restricted = rules.contains { ($0.effect ?? .permitted) >= .reviewRequired }
                let waived = evaluation.exemptions.contains { !$0.turnedRules.isEmpty }
                if !restricted, !body(.inScope, Int32(evaluation.outcome.rawValue) | (waived ? 16 : 0)) { return false }
            } else {
                for index in evaluation.scopes.indices
                where evaluation.inScope == .no || evaluation.scopes[index] == .unknown {
                    guard body(.scope(index), Int32(evaluation.inScope.rawValue)) else { return false }
                }
            }
        }
        guard evaluation.inScope != .no else { return true }
        // Rules that restrict, the most restrictive first, each outcome in the rules' order.
        for effect in [Outcome.prohibited, .reviewRequired] {
            for (index, result) in rules.enumerated() where result.effect == effect {
                let flags = Int32(result.truth.rawValue) | Int32(effect.rawValue) << 2 | (wouldApply(result) ? 32 : 0)
                guard body(.rule(index), flags) else { return false }
            }
        }
        for (index, result) in rules.enumerated() {
            guard let exception = result.exception, result.scope != .no, result.when != .no else { continue }
            guard body(.exception(rule: index, exception: exception), 0) else { return false }
        }
        return true
    }

    /// A rule unsettled only because its scope is: its line says what it would impose if the record were in scope.
    private static func wouldApply(_ result: RuleEvaluation) -> Bool {
        RuleVerdict.isUnsettledByScopeAlone(result)
    }

    /// The vendor names each scope and rule line quotes, by their order among the names its scope or rule looked
    /// up, once `reasons(cache:)` has worded them (when the writer was made `notingQuotedNames`): what a
    /// ``LineShapeCache`` entry keeps.
    private(set) var quotedNames: [ReasonLineKey.Line: [Int]] = [:]
    private let notesQuotedNames: Bool

    /// The line about one subject of `lineSubjects`.
    private func line(about subject: (LineShapeCache.Subject, Int32), cache: ReasonCache) -> ReasonLine {
        switch subject.0 {
        case .scope(let index): scopeLine(index, flags: subject.1, cache: cache)
        case .rule(let index): ruleLine(index, flags: subject.1, cache: cache)
        case .inScope: ReasonLine(inScopeLine())
        case .exception(let rule, let exception): ReasonLine(exceptionLine(rule: rule, exception: exception))
        }
    }

    private func invalidValues() -> [String] {
        guard evaluation.hasInvalidValues else { return [] }
        var notes: [String] = []
        func scan(_ values: [FieldValue], _ layout: RecordLayout, prefix: String) {
            for (slot, value) in values.enumerated() {
                switch value {
                case .invalid(let reason, let written):
                    notes.append(
                        "`\(prefix + layout.fields[slot].path)` is \"\(written)\": \(reason), so it counts as unknown")
                case .list(let elements):
                    for case .invalid(let reason, let written) in elements {
                        notes.append(
                            "`\(prefix + layout.fields[slot].path)` holds \"\(written)\": \(reason), so it counts as unknown"
                        )
                    }
                case .objects(let elements):
                    guard case .objectList(let inner) = layout.fields[slot].type else { continue }
                    for (index, element) in elements.enumerated() {
                        scan(element, inner, prefix: "\(prefix + layout.fields[slot].path)[\(index)].")
                    }
                default:
                    continue
                }
            }
        }
        scan(values, policy.layout, prefix: "")
        return notes
    }

    private static func buyerNote(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> String? {
        let buyer = evaluation.buyer
        if let name = unknownBuyerName(evaluation, policy: policy) {
            let day = evaluation.day.map { " on \($0)" } ?? ""
            return "the entity registry does not know the buyer \"\(name)\"\(day), and the record gives no usable "
                + "`buyer.entity_class`"
        }
        guard let entity = buyer.entity, let overridden = buyer.overridden else { return nil }
        let registered = policy.entities.entities[entity]
        let spec = policy.layout.fields[policy.slots.entityClass]
        let className = RecordLayout.entityClasses[registered.entityClass]
        return "the entity registry lists `\(registered.name)` as \(className); the record's `buyer.entity_class` "
            + "\(ConditionWording(policy: policy).value(overridden, spec)) is overridden"
    }

    private func inScopeLine() -> String {
        let held = policy.scopes.indices.filter { evaluation.scopes[$0] == .yes }.map { "`\(policy.scopes[$0].id)`" }
        let waived = evaluation.exemptions.contains { !$0.turnedRules.isEmpty }
        let line =
            "in scope \(held.joined(separator: ", ")); no rule restricts this record"
            + (waived ? " after the exemptions applied" : "")
        return evaluation.outcome == .permitted
            ? line : line + ", but it cannot be approved while a value it gives cannot be used"
    }

    private func scopeLine(_ index: Int, flags: Int32, cache: ReasonCache) -> ReasonLine {
        let top = text.step { if case .scope(index) = $0 { true } else { false } }
        let culprits = top.map(recorder.culprits(of:)) ?? []
        noteQuotedNames(.scope(index), from: top, culprits: culprits)
        return cache.line(for: ReasonLineKey(line: .scope(index), flags: flags, culprits: culprits, in: text)) {
            let scope = policy.scopes[index]
            let why = text.words(culprits)
            return evaluation.inScope == .no
                ? "out of scope `\(scope.id)` (\(scope.title)): \(why)"
                : "whether scope `\(scope.id)` (\(scope.title)) applies cannot be settled: \(why)"
        }
    }

    /// Rules that would have applied but for an established `unless` exception: the exception is the reason a
    /// covered purchase was not restricted.
    private func exceptionLine(rule index: Int, exception: Int) -> String {
        let rule = policy.rules[index]
        let excepted = rule.exceptions[exception]
        return "rule `\(rule.id)` (\(rule.title)) does not apply: exception `\(excepted.id)` (\(excepted.title)) holds"
    }

    private func ruleLine(_ index: Int, flags: Int32, cache: ReasonCache) -> ReasonLine {
        let result = evaluation.rules[index]
        let top = text.step { if case .rule(index) = $0 { true } else { false } }
        let wouldApply = Self.wouldApply(result)
        let settling = wouldApply ? top.flatMap(text.whenStep(ofRule:)) : top
        let culprits = settling.map(recorder.culprits(of:)) ?? []
        noteQuotedNames(.rule(index), from: top, culprits: culprits)
        return cache.line(for: ReasonLineKey(line: .rule(index), flags: flags, culprits: culprits, in: text)) {
            let rule = policy.rules[index]
            let why =
                wouldApply
                ? "if the record were in scope it would fire → \(rule.outcome.name) (\(text.words(culprits))), "
                    + "and whether it is in scope cannot be settled"
                : text.words(culprits)
            let verb = result.truth == .unknown ? "cannot be settled" : "applies"
            return "rule `\(rule.id)` (\(rule.title)) \(verb) → \(result.effect!.name): \(why)"
        }
    }

    /// Notes which of the names looked up under `top` the culprits quote, by order.
    private func noteQuotedNames(_ line: ReasonLineKey.Line, from top: Int?, culprits: [Int]) {
        guard notesQuotedNames, let top else { return }
        func looksUpName(_ step: Int) -> Bool {
            if case .vendor(.text, _) = recorder.observed(step) { true } else { false }
        }
        quotedNames[line] = culprits.filter(looksUpName).map { culprit in (top..<culprit).count(where: looksUpName) }
    }

    private static func exemptionReasons(_ evaluation: borrowing Evaluation, policy: CompiledPolicy) -> [String] {
        evaluation.exemptions.map { verdict in
            if let rejection = verdict.rejection {
                return "exemption `\(verdict.claimedID)` not applied: \(rejection)"
            }
            let exemption = policy.exemptions[verdict.exemption!]
            let rules = verdict.turnedRules.map { "`\(policy.rules[$0].id)`" }.joined(separator: ", ")
            return "exemption `\(exemption.id)` (\(exemption.authority)) applied: turns the result of \(rules) into "
                + exemption.outcome.name
        }
    }
}
