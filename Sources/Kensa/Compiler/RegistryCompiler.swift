import KensaYAML

/// Builds the vendor and entity registries, rejecting names that collide after name matching.
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
        for syntax in groups {
            if !OperandTyper.isCountryCode(syntax.origin.value) {
                log.error(
                    .invalidValue,
                    "`\(syntax.origin.value)` is not a country code: write ISO 3166-1 alpha-2, such as `CN`",
                    at: syntax.origin.span)
            }
            registry.groups.append(.init(name: syntax.group.value, origin: syntax.origin.value))
        }
        registry.declaredGroupCount = registry.groups.count
        for (index, syntax) in groups.enumerated() {
            register(syntax.group, as: .group(index))
            for alias in syntax.aliases { register(alias, as: .group(index)) }
            for member in syntax.members {
                WindowCheck.check(member.window, what: "membership of `\(member.name.value)`", log: log)
                let memberIndex = registry.members.count
                var standalone = index
                if member.window.from != nil || member.window.until != nil {
                    standalone = registry.groups.count
                    registry.groups.append(.init(name: member.name.value, origin: syntax.origin.value))
                }
                registry.members.append(
                    .init(
                        name: member.name.value, group: index, from: member.window.from?.value,
                        until: member.window.until?.value, standaloneGroup: standalone))
                register(member.name, as: .member(memberIndex))
                for alias in member.aliases { register(alias, as: .member(memberIndex)) }
            }
        }
        return registry
    }

    static func entities(_ entities: [EntitySyntax], log: DiagnosticLog) -> EntityRegistry {
        var registry = EntityRegistry()
        var seen: [NameKey: SourceSpan] = [:]
        for syntax in entities {
            guard let entityClass = RecordLayout.entityClasses.firstIndex(of: syntax.entityClass.value) else {
                log.error(
                    .unknownValue, "`\(syntax.entityClass.value)` is not an entity class", at: syntax.entityClass.span,
                    help: Suggestion.didYouMean(syntax.entityClass.value, among: RecordLayout.entityClasses))
                continue
            }
            WindowCheck.check(syntax.window, what: "entity `\(syntax.name.value)`", log: log)
            let index = registry.entities.count
            registry.entities.append(
                .init(
                    name: syntax.name.value, entityClass: entityClass, from: syntax.window.from?.value,
                    until: syntax.window.until?.value))
            for name in [syntax.name] + syntax.aliases {
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
