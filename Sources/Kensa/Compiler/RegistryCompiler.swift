import KensaYAML

/// Builds the vendor and entity registries, rejecting names that collide after name matching.
///
/// An entry with an error of its own (no `group`, an unknown entity class) still registers every name it has, so
/// that references to it resolve and later entries are still checked against its names. Such a registry is never
/// used, since the error stops the set from compiling.
enum RegistryCompiler {
    static func vendors(_ groups: [VendorGroupSyntax], log: DiagnosticLog) -> VendorRegistry {
        var registry = VendorRegistry()
        var seen: [NameKey: SourceSpan] = [:]
        func register(_ name: Located<String>, as entry: VendorRegistry.Entry) {
            let key = NameKey(name.value)
            switch (registry.names[key], entry) {
            case (.group(let group)?, .group(let again)) where group == again,
                (.member(let group)?, .member(let again)) where group == again:
                return  // an alias spelling the same name again
            case (.group(let group)?, .member(let member)) where registry.members[member].group == group:
                registry.names[key] = entry  // a member named like its group is the more precise match
                return
            default:
                break
            }
            if claim(key, name, what: "vendor", seen: &seen, log: log) { registry.names[key] = entry }
        }
        UniqueIDs.check(groups.compactMap(\.group), what: "vendor group", log: log)
        for syntax in groups {
            if let origin = syntax.origin, !OperandTyper.isCountryCode(origin.value) {
                log.error(
                    .invalidValue, "`\(origin.value)` is not a country code: write ISO 3166-1 alpha-2, such as `CN`",
                    at: origin.span)
            }
            registry.groups.append(.init(name: syntax.group?.value ?? "", origin: syntax.origin?.value ?? ""))
        }
        registry.declaredGroupCount = registry.groups.count
        for (index, syntax) in groups.enumerated() {
            for name in [syntax.group].compactMap({ $0 }) + syntax.aliases { register(name, as: .group(index)) }
            for member in syntax.members {
                let names = [member.name].compactMap { $0 } + member.aliases
                let label = names.first?.value ?? ""
                WindowCheck.check(
                    member.window, what: names.isEmpty ? "a membership" : "membership of `\(label)`", log: log)
                let memberIndex = registry.members.count
                var standalone = index
                if member.window.from != nil || member.window.until != nil {
                    standalone = registry.groups.count
                    registry.groups.append(.init(name: label, origin: syntax.origin?.value ?? ""))
                }
                registry.members.append(
                    .init(
                        name: label, group: index, from: member.window.from?.value,
                        until: member.window.until?.value, standaloneGroup: standalone))
                for name in names { register(name, as: .member(memberIndex)) }
            }
        }
        return registry
    }

    static func entities(_ entities: [EntitySyntax], log: DiagnosticLog) -> EntityRegistry {
        var registry = EntityRegistry()
        var seen: [NameKey: SourceSpan] = [:]
        for syntax in entities {
            var entityClass = 0  // holds the place of a missing or unknown class, which is already an error
            if let written = syntax.entityClass {
                if let index = RecordLayout.entityClasses.firstIndex(of: written.value) {
                    entityClass = index
                } else {
                    log.error(
                        .unknownValue, "`\(written.value)` is not an entity class", at: written.span,
                        help: Suggestion.didYouMean(written.value, among: RecordLayout.entityClasses)
                            ?? "classes: \(RecordLayout.entityClasses.map { "`\($0)`" }.joined(separator: ", "))")
                }
            }
            let names = [syntax.name].compactMap { $0 } + syntax.aliases
            WindowCheck.check(
                syntax.window, what: names.first.map { "entity `\($0.value)`" } ?? "an entity", log: log)
            guard let label = names.first else { continue }
            let index = registry.entities.count
            registry.entities.append(
                .init(
                    name: label.value, entityClass: entityClass, from: syntax.window.from?.value,
                    until: syntax.window.until?.value))
            for name in names {
                let key = NameKey(name.value)
                if registry.names[key] == index { continue }
                if claim(key, name, what: "entity", seen: &seen, log: log) { registry.names[key] = index }
            }
        }
        return registry
    }
}

/// Records that `name` takes the registry key `key`; false (with a duplicate-name error) when another entry has it.
private func claim(
    _ key: NameKey, _ name: Located<String>, what: String, seen: inout [NameKey: SourceSpan], log: DiagnosticLog
) -> Bool {
    if let first = seen[key] {
        log.error(
            .duplicateName, "\(what) name `\(name.value)` is already in the registry", at: name.span,
            notes: ["names are compared ignoring case, width, punctuation and legal suffixes; first at \(first)"])
        return false
    }
    seen[key] = name.span
    return true
}

/// Rejects date windows that end before they start.
enum WindowCheck {
    static func check(_ window: WindowSyntax, what: String, log: DiagnosticLog) {
        guard let from = window.from, let until = window.until, until.value < from.value else { return }
        log.error(
            .emptyWindow, "\(what) ends on \(until.value), before it starts on \(from.value)", at: until.span)
    }
}
