import KensaYAML

/// Turns the YAML documents of policy files into one `PolicySyntax`, checking keys and value kinds.
///
/// Names are not resolved here (that is the compiler's job), so a file can be parsed alone. Every required key of an
/// item is read before anything is decided, so each missing one is reported, and an item that lacks some is still
/// kept (with nil there) for the compiler to check.
struct PolicyParser {
    let log: DiagnosticLog
    var syntax = PolicySyntax()
    /// The `effective` window of the file being read, which its rules and exemptions inherit.
    private var fileWindow = WindowSyntax(from: nil, until: nil)

    init(log: DiagnosticLog) { self.log = log }

    /// Whether a document defines anything: a key besides `kensa` with a value. Anything that is not a mapping
    /// counts, since `add(document:)` reports it.
    static func definesSomething(_ document: YAMLNode) -> Bool {
        switch document {
        case .scalar(let scalar): !scalar.isNull
        case .sequence: true
        case .mapping(let entries, _):
            entries.contains { entry in
                if entry.key.text == "kensa" { return false }
                if case .scalar(let scalar) = entry.value, scalar.isNull { return false }
                return true
            }
        }
    }

    /// Adds one document (the whole content of a policy file) to the syntax tree.
    mutating func add(document: YAMLNode) {
        if case .scalar(let scalar) = document, scalar.isNull { return }
        guard var file = NodeReader(document, what: "a policy file", log: log) else { return }
        file.allowOnly(PolicyKeys.sections)
        if let version = file.text("kensa"), version.value != "1" {
            log.error(
                .unsupportedVersion, "this engine reads policy language version 1, not `\(version.value)`",
                at: version.span, help: "write `kensa: 1`")
        }
        if let node = file.node("policy") {
            syntax.hasPolicySection = true
            parseMetadata(node)
        }
        if let node = file.node("parameters") { parseParameters(node) }
        if let node = file.node("fields") { parseFields(node) }
        for node in file.items("entities") { parseEntity(node) }
        for node in file.items("vendors") { parseVendorGroup(node) }
        for node in file.items("scopes") { parseScope(node) }
        fileWindow = WindowSyntax(from: nil, until: nil)
        if let node = file.node("effective"), var window = NodeReader(node, what: "the `effective` section", log: log) {
            window.allowOnly(PolicyKeys.window)
            fileWindow = WindowSyntax(from: window.day("from"), until: window.day("until"))
            WindowCheck.check(fileWindow, what: "the file's `effective` window", log: log)
        }
        for node in file.items("rules") { parseRule(node) }
        for node in file.items("exemptions") { parseExemption(node) }
    }

    private mutating func parseMetadata(_ node: YAMLNode) {
        guard var reader = NodeReader(node, what: "the `policy` section", log: log) else { return }
        reader.allowOnly(PolicyKeys.metadata)
        syntax.metadata.append(
            MetadataSyntax(
                id: reader.id("id"), version: reader.text("version", required: true),
                title: reader.text("title", required: true), authority: reader.text("authority"),
                description: reader.text("description"), sources: reader.items("sources").compactMap(parseSource),
                span: reader.span))
    }

    private func parseSource(_ node: YAMLNode) -> SourceSyntax? {
        guard var reader = NodeReader(node, what: "a source", log: log) else { return nil }
        reader.allowOnly(PolicyKeys.source)
        return SourceSyntax(
            id: reader.id("id"), title: reader.text("title", required: true), date: reader.day("date"),
            url: reader.text("url"))
    }

    private mutating func parseParameters(_ node: YAMLNode) {
        guard let reader = NodeReader(node, what: "the `parameters` section", log: log) else { return }
        for entry in reader.entries {
            let name = Located(entry.key.text, entry.key.span)
            if case .mapping = entry.value {
                guard var parameter = NodeReader(entry.value, what: "parameter `\(name.value)`", log: log) else {
                    continue
                }
                parameter.allowOnly(PolicyKeys.parameter)
                let value = parameter.node("value", required: true).flatMap {
                    ValueParser.value($0, key: "value", log: log)
                }
                syntax.parameters.append(
                    ParameterSyntax(
                        name: name, value: value, description: parameter.text("description")?.value,
                        cites: parameter.text("cites")))
            } else if let value = ValueParser.value(entry.value, key: name.value, log: log) {
                syntax.parameters.append(ParameterSyntax(name: name, value: value, description: nil, cites: nil))
            }
        }
    }

    private mutating func parseFields(_ node: YAMLNode) {
        guard let reader = NodeReader(node, what: "the `fields` section", log: log) else { return }
        for entry in reader.entries {
            guard var field = NodeReader(entry.value, what: "field `\(entry.key.text)`", log: log) else { continue }
            field.allowOnly(PolicyKeys.field)
            let values: [YAMLScalar] = field.items("values").compactMap {
                if case .scalar(let scalar) = $0 { return scalar }
                log.error(.wrongType, "`values` must be a list of single values", at: $0.span)
                return nil
            }
            syntax.fields.append(
                FieldDeclSyntax(
                    path: Located(entry.key.text, entry.key.span), type: field.text("type", required: true),
                    values: values,
                    elementType: field.text("element"), description: field.text("description")?.value))
        }
    }

    private mutating func parseEntity(_ node: YAMLNode) {
        guard var reader = NodeReader(node, what: "an entity", log: log) else { return }
        reader.allowOnly(PolicyKeys.entity)
        syntax.entities.append(
            EntitySyntax(
                name: reader.text("name", required: true), aliases: reader.texts("aliases"),
                entityClass: reader.text("class", required: true),
                window: WindowSyntax(from: reader.day("from"), until: reader.day("until")), span: reader.span))
    }

    private mutating func parseVendorGroup(_ node: YAMLNode) {
        guard var reader = NodeReader(node, what: "a vendor group", log: log) else { return }
        reader.allowOnly(PolicyKeys.vendorGroup)
        syntax.vendorGroups.append(
            VendorGroupSyntax(
                group: reader.text("group", required: true), origin: reader.text("origin", required: true),
                aliases: reader.texts("aliases"), members: reader.items("members").compactMap(parseVendorMember),
                span: reader.span))
    }

    private func parseVendorMember(_ node: YAMLNode) -> VendorMemberSyntax? {
        guard var reader = NodeReader(node, what: "a vendor group member", log: log) else { return nil }
        reader.allowOnly(PolicyKeys.vendorMember)
        return VendorMemberSyntax(
            name: reader.text("name", required: true), aliases: reader.texts("aliases"),
            window: WindowSyntax(from: reader.day("from"), until: reader.day("until")),
            note: reader.text("note")?.value, span: reader.span)
    }

    private mutating func parseScope(_ node: YAMLNode) {
        if let scope = parseNamedCondition(node, what: "a scope", keys: PolicyKeys.scope) {
            syntax.scopes.append(scope)
        }
    }

    private mutating func parseRule(_ node: YAMLNode) {
        guard var reader = NodeReader(node, what: "a rule", log: log) else { return }
        reader.allowOnly(PolicyKeys.rule)
        let window = WindowSyntax(
            from: reader.day("from") ?? fileWindow.from, until: reader.day("until") ?? fileWindow.until)
        syntax.rules.append(
            RuleSyntax(
                id: reader.id("id"), title: reader.text("title", required: true), scopes: reader.texts("scope"),
                cites: reader.text("cites"), clause: reader.text("clause")?.value,
                rationale: reader.text("rationale")?.value, when: condition(reader),
                unless: reader.items("unless").compactMap(parseException),
                outcome: reader.text("outcome", required: true), waivable: reader.bool("waivable", default: true),
                version: reader.text("version")?.value, window: window, supersedes: reader.texts("supersedes"),
                span: reader.span))
    }

    private func parseException(_ node: YAMLNode) -> ExceptionSyntax? {
        parseNamedCondition(node, what: "an `unless` exception", keys: PolicyKeys.exception)
    }

    /// A scope or an exception, which are written alike but for the keys they allow.
    private func parseNamedCondition(_ node: YAMLNode, what: String, keys: [String]) -> NamedConditionSyntax? {
        guard var reader = NodeReader(node, what: what, log: log) else { return nil }
        reader.allowOnly(keys)
        return NamedConditionSyntax(
            id: reader.id("id"), title: reader.text("title", required: true), cites: reader.text("cites"),
            clause: reader.text("clause")?.value, when: condition(reader), span: reader.span)
    }

    private mutating func parseExemption(_ node: YAMLNode) {
        guard var reader = NodeReader(node, what: "an exemption", log: log) else { return }
        reader.allowOnly(PolicyKeys.exemption)
        let when = reader.node("when").map { ConditionParser(log: log).parse($0) }
        let cap = reader.node("capped_at").flatMap { ValueParser.value($0, key: "capped_at", log: log) }
        let window = WindowSyntax(
            from: Self.later(reader.day("valid_from", required: true), fileWindow.from),
            until: Self.earlier(reader.day("valid_until"), fileWindow.until))
        let buyers = reader.texts("buyers", required: true)
        let rules = reader.texts("rules", required: true)
        syntax.exemptions.append(
            ExemptionSyntax(
                id: reader.id("id"), title: reader.text("title", required: true),
                authority: reader.text("authority", required: true), approvedBy: reader.text("approved_by")?.value,
                approvedOn: reader.day("approved_on"), status: reader.text("status"),
                justification: reader.text("justification")?.value, cites: reader.text("cites"), buyers: buyers,
                rules: rules, window: window, cappedAt: cap, when: when, outcome: reader.text("outcome"),
                span: reader.span))
    }

    /// The required `when` of a scope, rule or exception; `.invalid` (after a missing-key error) when absent.
    private func condition(_ reader: NodeReader) -> ConditionSyntax {
        reader.node("when", required: true).map { ConditionParser(log: log).parse($0) } ?? .invalid(reader.span)
    }

    /// The later of two optional dates: an exemption in a file with an `effective` window starts no earlier.
    private static func later(_ own: Located<Day>?, _ file: Located<Day>?) -> Located<Day>? {
        guard let own, let file else { return own ?? file }
        return own.value >= file.value ? own : file
    }

    /// The earlier of two optional dates: an exemption ends no later than its file's window.
    private static func earlier(_ own: Located<Day>?, _ file: Located<Day>?) -> Located<Day>? {
        guard let own, let file else { return own ?? file }
        return own.value <= file.value ? own : file
    }
}
