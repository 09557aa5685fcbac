import KensaYAML

/// A policy set ready to evaluate: checked, with names resolved and values interned.
///
/// Build one with `PolicySet.load(directory:)`. It is immutable and shared by reference, so deciders on several
/// threads can use one policy without copying it.
public final class CompiledPolicy: Sendable {
    public let info: PolicyInfo
    let layout: RecordLayout
    let conditions: [ConditionInfo]
    /// Every condition laid out for the evaluator, by condition number.
    let program: ConditionProgram
    /// Each scope's and rule's plain data for the evaluator.
    let plan: EvaluationPlan
    let scopes: [CompiledScope]
    let rules: [CompiledRule]
    let exemptions: [CompiledExemption]
    let exemptionsByID: [String: Int]
    public let vendors: VendorRegistry
    public let entities: EntityRegistry
    /// Record slots the engine reads directly.
    let slots: WellKnownSlots

    init(
        info: PolicyInfo, layout: RecordLayout, conditions: [ConditionInfo], scopes: [CompiledScope],
        rules: [CompiledRule], exemptions: [CompiledExemption], exemptionsByID: [String: Int],
        vendors: VendorRegistry, entities: EntityRegistry, slots: WellKnownSlots
    ) {
        self.info = info
        self.layout = layout
        self.conditions = conditions
        let whens = scopes.map(\.when) + rules.flatMap { [$0.when] + $0.exceptions.map(\.when) }
        program = ConditionProgram(count: conditions.count, roots: whens + exemptions.compactMap(\.when))
        plan = EvaluationPlan(scopes: scopes, rules: rules)
        self.scopes = scopes
        self.rules = rules
        self.exemptions = exemptions
        self.exemptionsByID = exemptionsByID
        self.vendors = vendors
        self.entities = entities
        self.slots = slots
    }
}

/// Identity of a policy set as every decision reports it.
public struct PolicyInfo: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: String
    public var authority: String?
    /// `sha256:` and the hex SHA-256 digest of the set's files (names and contents, in name order).
    public var digest: String
    public var sources: [PolicySource]
}

/// A public document that rules cite.
public struct PolicySource: Sendable, Hashable {
    public var id: String
    public var title: String
    public var date: Day?
    public var url: String?
}

/// Slots of the record v1 fields the engine itself uses.
struct WellKnownSlots: Sendable {
    var id: Int
    var date: Int
    var buyerName: Int
    var entityClass: Int
    var exemptions: Int
}

/// A scope, or an `unless` exception of a rule: a named condition with the clause of the guideline it encodes.
typealias CompiledScope = CompiledNamedCondition
typealias CompiledException = CompiledNamedCondition

/// A compiled scope or exception.
final class CompiledNamedCondition: Sendable {
    let id: String
    let title: String
    let cites: String?
    let clause: String?
    let when: Condition
    let span: SourceSpan

    init(id: String, title: String, cites: String?, clause: String?, when: Condition, span: SourceSpan) {
        self.id = id
        self.title = title
        self.cites = cites
        self.clause = clause
        self.when = when
        self.span = span
    }
}

/// A compiled exemption.
struct CompiledExemption: Sendable {
    enum Status: String, Sendable { case approved, pending, revoked }

    var id: String
    var title: String
    var authority: String
    var approvedBy: String?
    var approvedOn: Day?
    var status: Status
    var justification: String?
    var cites: String?
    /// Entity indices of the buyers covered, and the written names (for buyers not in the registry).
    var buyerEntities: Set<Int>
    var buyerNames: Set<NameKey>
    var buyerLabels: [String]
    var rules: Set<Int>
    var ruleIDs: [String]
    var validFrom: Day
    var statedUntil: Day?
    var cap: Day?
    var when: Condition?
    var outcome: Outcome
    var span: SourceSpan

    /// The last day in force: the earlier of the stated end and the cap.
    var effectiveUntil: Day? {
        switch (statedUntil, cap) {
        case let (until?, cap?): min(until, cap)
        case let (until, cap): until ?? cap
        }
    }
}

extension CompiledPolicy {
    /// The record layout this set reads: record v1 plus the set's own `fields`.
    package var recordLayout: RecordLayout { layout }

    /// "2 scopes, 5 rules, 2 exemptions, 23 vendor groups, 45 entities", for `kensa check`.
    public var summary: String {
        func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
        }
        return [
            count(scopes.count, "scope"), count(rules.count, "rule"), count(exemptions.count, "exemption"),
            count(vendors.declaredGroupCount, "vendor group"), count(entities.entities.count, "entity", "entities"),
        ].joined(separator: ", ")
    }
}
