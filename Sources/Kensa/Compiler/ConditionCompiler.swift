import KensaYAML

/// Compiles conditions: resolves field paths to slots, checks operators against field types,
/// types and interns operands, and records what traces need in `infos`.
final class ConditionCompiler {
    let layout: RecordLayout
    /// Fields the set declares without a usable type: a test of one is not compiled, and not reported as unknown.
    let unusableFields: Set<String>
    let parameters: ParameterTable
    let vendors: VendorRegistry
    let log: DiagnosticLog
    private(set) var infos: [ConditionInfo] = []

    init(
        layout: RecordLayout, unusableFields: Set<String>, parameters: ParameterTable, vendors: VendorRegistry,
        log: DiagnosticLog
    ) {
        self.layout = layout
        self.unusableFields = unusableFields
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
            guard let field = lookup(list, in: layout, listPath: listPath) else {
                checkOperands(inner)
                return .invalid(info: info)
            }
            guard case .objectList(let elementLayout) = layout.fields[field.slot].type, listPath == nil else {
                log.error(
                    .operatorMismatch,
                    "`\(every ? "every" : "some")` needs a list of objects such as `components`; `\(list.value)` is not one",
                    at: list.span)
                checkOperands(inner)
                return .invalid(info: info)
            }
            let body = compile(inner, in: elementLayout, listPath: list.value)
            return .quantified(every: every, slot: field.slot, body, info: info)
        }
    }

    /// The slot and spec of a path, or nil with an unknown-field error and a did-you-mean (no error for a declared
    /// field whose declaration is broken: that declaration's error explains it).
    private func lookup(
        _ path: Located<String>, in layout: RecordLayout, listPath: String?
    ) -> (slot: Int, spec: FieldSpec)? {
        if let slot = layout.slot(of: path.value) { return (slot, layout.fields[slot]) }
        if listPath == nil, unusableFields.contains(path.value) { return nil }
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
        let field = lookup(path, in: layout, listPath: listPath)
        let resolved = parameters.resolve(operand, log: log)
        guard let field, let resolved else { return .invalid(info: record(info)) }
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
        let field = lookup(path, in: layout, listPath: listPath)
        if let field, !field.spec.namesVendor {
            let vendorFields = layout.fields.filter(\.namesVendor).map { "`\($0.path)`" }.joined(separator: ", ")
            log.error(
                .operatorMismatch, "`vendor:` needs a field that names a vendor; `\(path.value)` does not",
                at: path.span, help: "fields that name vendors: \(vendorFields)")
        }
        info.topLevelSlot = listPath == nil ? field?.slot : nil
        guard let resolved = parameters.resolve(operand, log: log) else { return .invalid(info: record(info)) }
        info.parameter = resolved.parameter
        let typed = vendorOperator(op, value: resolved.value, at: operand.span)
        info.expected = typed?.expected
        guard let field, field.spec.namesVendor, let typed else { return .invalid(info: record(info)) }
        return .vendor(VendorTest(slot: field.slot, op: typed.op), info: record(info))
    }
}
