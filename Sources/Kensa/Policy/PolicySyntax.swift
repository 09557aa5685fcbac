import KensaYAML

/// The syntax tree of a policy set: every section of every file, with spans, before names are resolved.
///
/// Built by `PolicyParser` from YAML nodes; `PolicyCompiler` checks it against the record layout and lowers it.
/// A required key that is missing (or unreadable) is nil: its error is already logged, and the item is kept so that
/// the compiler still checks the rest of it and references to it still resolve.
public struct PolicySyntax: Sendable {
    public var metadata: [MetadataSyntax] = []
    /// Whether some file has a `policy` section, even one too broken to read.
    public var hasPolicySection = false
    public var parameters: [ParameterSyntax] = []
    public var fields: [FieldDeclSyntax] = []
    public var entities: [EntitySyntax] = []
    public var vendorGroups: [VendorGroupSyntax] = []
    public var scopes: [ScopeSyntax] = []
    public var rules: [RuleSyntax] = []
    public var exemptions: [ExemptionSyntax] = []

    public init() {}
}

/// The `policy` section.
public struct MetadataSyntax: Sendable {
    public var id: Located<String>?
    public var version: Located<String>?
    public var title: Located<String>?
    public var authority: Located<String>?
    public var description: Located<String>?
    public var sources: [SourceSyntax]
    public var span: SourceSpan
}

/// One entry of `policy.sources`: a public document rules cite.
public struct SourceSyntax: Sendable {
    public var id: Located<String>?
    public var title: Located<String>?
    public var date: Located<Day>?
    public var url: Located<String>?
}

/// A value as written: a scalar, a list of scalars, or a `$parameter` reference.
public enum ValueSyntax: Sendable {
    case scalar(YAMLScalar)
    case list([YAMLScalar], SourceSpan)
    case parameter(Located<String>)

    public var span: SourceSpan {
        switch self {
        case .scalar(let scalar): scalar.span
        case .list(_, let span): span
        case .parameter(let name): name.span
        }
    }
}

/// One entry of `parameters`.
public struct ParameterSyntax: Sendable {
    public var name: Located<String>
    /// Nil when a parameter written as a mapping has no readable `value`.
    public var value: ValueSyntax?
    public var description: String?
    public var cites: Located<String>?
}

/// One entry of `fields`: a record field the set adds.
public struct FieldDeclSyntax: Sendable {
    public var path: Located<String>
    public var type: Located<String>?
    public var values: [YAMLScalar]
    public var elementType: Located<String>?
    public var description: String?
}

/// A date window written as `from`/`until` (or `valid_from`/`valid_until`).
public struct WindowSyntax: Sendable {
    public var from: Located<Day>?
    public var until: Located<Day>?
}

/// One entry of the entity registry.
public struct EntitySyntax: Sendable {
    public var name: Located<String>?
    public var aliases: [Located<String>]
    public var entityClass: Located<String>?
    public var window: WindowSyntax
    public var span: SourceSpan
}

/// One vendor group of the vendor registry.
public struct VendorGroupSyntax: Sendable {
    public var group: Located<String>?
    public var origin: Located<String>?
    public var aliases: [Located<String>]
    public var members: [VendorMemberSyntax]
    public var span: SourceSpan
}

/// One member company of a vendor group, with the dates it belonged.
public struct VendorMemberSyntax: Sendable {
    public var name: Located<String>?
    public var aliases: [Located<String>]
    public var window: WindowSyntax
    public var note: String?
    public var span: SourceSpan
}

/// One entry of `scopes`, or an `unless` exception of a rule: the two are written alike.
public typealias ScopeSyntax = NamedConditionSyntax
public typealias ExceptionSyntax = NamedConditionSyntax

/// A named condition as written: a scope or an exception. A missing `when` is `.invalid`, like any condition too
/// broken to use.
public struct NamedConditionSyntax: Sendable {
    public var id: Located<String>?
    public var title: Located<String>?
    public var cites: Located<String>?
    public var clause: String?
    public var when: ConditionSyntax
    public var span: SourceSpan
}

/// One entry of `rules`.
public struct RuleSyntax: Sendable {
    public var id: Located<String>?
    public var title: Located<String>?
    public var scopes: [Located<String>]
    public var cites: Located<String>?
    public var clause: String?
    public var rationale: String?
    public var when: ConditionSyntax
    public var unless: [ExceptionSyntax]
    public var outcome: Located<String>?
    public var waivable: Bool
    /// The rule's own version label, when the set versions rules one by one.
    public var version: String?
    /// When the rule is in force (its own `from`/`until`, else its file's `effective` window).
    public var window: WindowSyntax
    /// Ids of rules this one replaces.
    public var supersedes: [Located<String>]
    public var span: SourceSpan
}

/// One entry of `exemptions`.
public struct ExemptionSyntax: Sendable {
    public var id: Located<String>?
    public var title: Located<String>?
    public var authority: Located<String>?
    public var approvedBy: String?
    public var approvedOn: Located<Day>?
    public var status: Located<String>?
    public var justification: String?
    public var cites: Located<String>?
    public var buyers: [Located<String>]
    public var rules: [Located<String>]
    public var window: WindowSyntax
    public var cappedAt: ValueSyntax?
    public var when: ConditionSyntax?
    public var outcome: Located<String>?
    public var span: SourceSpan
}

/// A condition as written.
public indirect enum ConditionSyntax: Sendable {
    case all([ConditionSyntax], SourceSpan)
    case any([ConditionSyntax], SourceSpan)
    case not(ConditionSyntax, SourceSpan)
    /// `field: PATH` and one operator with its operand.
    case field(path: Located<String>, op: Located<String>, operand: ValueSyntax, span: SourceSpan)
    /// `vendor: PATH` and one vendor operator with its operand.
    case vendor(path: Located<String>, op: Located<String>, operand: ValueSyntax, span: SourceSpan)
    /// `some: LIST` / `every: LIST` with `where:`.
    case quantified(every: Bool, list: Located<String>, condition: ConditionSyntax, span: SourceSpan)
    /// A condition too broken to use; its diagnostics are already reported.
    case invalid(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .all(_, let span), .any(_, let span), .not(_, let span), .invalid(let span): span
        case .field(_, _, _, let span), .vendor(_, _, _, let span), .quantified(_, _, _, let span): span
        }
    }
}
