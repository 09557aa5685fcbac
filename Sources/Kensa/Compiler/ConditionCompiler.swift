import KensaYAML

/// Compiles conditions: resolves field paths to slots, checks operators against field types,
/// types and interns operands, and records what traces need in `infos`.
final class ConditionCompiler {
    let layout: RecordLayout
    let parameters: ParameterTable
    let vendors: VendorRegistry
    let log: DiagnosticLog
    private(set) var infos: [ConditionInfo] = []

    init(layout: RecordLayout, parameters: ParameterTable, vendors: VendorRegistry, log: DiagnosticLog) {
        self.layout = layout
        self.parameters = parameters
        self.vendors = vendors
        self.log = log
    }

    func compile(_ syntax: ConditionSyntax) -> Condition {
        compile(syntax, in: layout, listPath: nil)
    }

    private func record(_ draft: ConditionDraft, isDate: Bool = false) -> Int {
        infos.append(ConditionInfo(draft, isDate: isDate))
        return infos.count - 1
    }

    private func compile(_ syntax: ConditionSyntax, in layout: RecordLayout, listPath: String?) -> Condition {
        switch syntax {
        case .all(let parts, let span):
            let info = record(ConditionDraft(kind: .all, span: span))
            return .all(parts.map { compile($0, in: layout, listPath: listPath) }, info: info)
        case .any(let parts, let span):
            let info = record(ConditionDraft(kind: .any, span: span))
            return .any(parts.map { compile($0, in: layout, listPath: listPath) }, info: info)
        case .not(let inner, let span):
            let info = record(ConditionDraft(kind: .not, span: span))
            return .not(compile(inner, in: layout, listPath: listPath), info: info)
        case .invalid(let span):
            return .invalid(info: record(ConditionDraft(kind: .invalid, span: span)))
        case .field(let path, let op, let operand, let span):
            return compileField(path: path, op: op, operand: operand, span: span, in: layout, listPath: listPath)
        case .vendor(let path, let op, let operand, let span):
            return compileVendor(path: path, op: op, operand: operand, span: span, in: layout, listPath: listPath)
        case .quantified(let every, let list, let inner, let span):
            let info = record(ConditionDraft(kind: every ? .every : .some, span: span, path: list.value))
            guard let field = lookup(list, in: layout, listPath: listPath) else { return .invalid(info: info) }
            guard case .objectList(let elementLayout) = layout.fields[field.slot].type, listPath == nil else {
                log.error(
                    .operatorMismatch,
                    "`\(every ? "every" : "some")` needs a list of objects such as `components`; `\(list.value)` is not one",
                    at: list.span)
                return .invalid(info: info)
            }
            let body = compile(inner, in: elementLayout, listPath: list.value)
            return .quantified(every: every, slot: field.slot, body, info: info)
        }
    }

    /// The slot and spec of a path, or nil with an unknown-field error and a did-you-mean.
    private func lookup(
        _ path: Located<String>, in layout: RecordLayout, listPath: String?
    ) -> (slot: Int, spec: FieldSpec)? {
        if let slot = layout.slot(of: path.value) { return (slot, layout.fields[slot]) }
        let known = layout.fields.map(\.path)
        let place = listPath.map { "an element of `\($0)`" } ?? "record v1 or the set's `fields`"
        log.error(
            .unknownField, "unknown field `\(path.value)`: \(place) has no such field", at: path.span,
            help: Suggestion.didYouMeanPath(path.value, among: known))
        return nil
    }

    private func compileField(
        path: Located<String>, op: Located<String>, operand: ValueSyntax, span: SourceSpan, in layout: RecordLayout,
        listPath: String?
    ) -> Condition {
        var info = ConditionDraft(kind: .field, span: span, path: path.value, op: op.value)
        guard let field = lookup(path, in: layout, listPath: listPath),
            let resolved = parameters.resolve(operand, log: log)
        else { return .invalid(info: record(info)) }
        info.spec = field.spec
        info.topLevelSlot = listPath == nil ? field.slot : nil
        info.parameter = resolved.parameter
        let typer = OperandTyper(field: field.spec, log: log)
        guard let (fieldOp, typed, expected) = typer.compile(op: op, value: resolved.value, at: operand.span) else {
            return .invalid(info: record(info))
        }
        info.expected = expected
        return .field(
            FieldTest(slot: field.slot, op: fieldOp, operand: typed),
            info: record(info, isDate: field.spec.type == .date))
    }

    private func compileVendor(
        path: Located<String>, op: Located<String>, operand: ValueSyntax, span: SourceSpan, in layout: RecordLayout,
        listPath: String?
    ) -> Condition {
        var info = ConditionDraft(kind: .vendor, span: span, path: path.value, op: op.value)
        guard let field = lookup(path, in: layout, listPath: listPath),
            let resolved = parameters.resolve(operand, log: log)
        else { return .invalid(info: record(info)) }
        info.parameter = resolved.parameter
        info.topLevelSlot = listPath == nil ? field.slot : nil
        guard field.spec.namesVendor else {
            let vendorFields = layout.fields.filter(\.namesVendor).map { "`\($0.path)`" }.joined(separator: ", ")
            log.error(
                .operatorMismatch, "`vendor:` needs a field that names a vendor; `\(path.value)` does not",
                at: path.span, help: "fields that name vendors: \(vendorFields)")
            return .invalid(info: record(info))
        }
        let values = OperandTyper.scalars(resolved.value)
        let vendorOp: VendorTest.Operator
        switch op.value {
        case "in_group":
            var members = [Bool](repeating: false, count: vendors.declaredGroupCount)
            var names: [String] = []
            let known = vendors.groups[..<vendors.declaredGroupCount].map(\.name)
            for value in values {
                guard let group = vendors.groupIndex(named: value.text) else {
                    log.error(
                        .unknownVendorGroup, "vendor group `\(value.text)` is not in the vendor registry",
                        at: value.span, help: Suggestion.didYouMean(value.text, among: known))
                    continue
                }
                members[group] = true
                names.append(value.text)
            }
            vendorOp = .inGroup(members)
            info.expected = names.joined(separator: ", ")
        case "origin", "origin_in":
            for value in values where !OperandTyper.isCountryCode(value.text) {
                log.error(
                    .invalidValue, "`\(value.text)` is not a country code: write ISO 3166-1 alpha-2, such as `CN`",
                    at: value.span)
            }
            let origins = Set(values.map(\.text))
            vendorOp = .origin(vendors.groups.map { origins.contains($0.origin) })
            info.expected = values.map(\.text).joined(separator: ", ")
        default:
            guard let flag = OperandTyper.bool(resolved.value, key: op.value, log: log) else {
                return .invalid(info: record(info))
            }
            vendorOp = .resolved(flag)
            info.expected = String(flag)
        }
        if case .list = resolved.value, op.value == "origin" || op.value == "resolved" {
            log.error(
                .wrongType, "`\(op.value)` takes a single value", at: operand.span,
                help: op.value == "origin" ? "use `origin_in` for a list" : nil)
        }
        return .vendor(VendorTest(slot: field.slot, op: vendorOp), info: record(info))
    }
}
