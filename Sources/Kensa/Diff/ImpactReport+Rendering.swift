extension ImpactReport {
    /// The report for a terminal: summary, flips by old → new outcome with causes and examples, then the
    /// structural changes with `file:line` on both sides.
    public var text: String {
        var lines = [
            "\(old.id) \(old.version) (\(old.digest.prefix(19))…) → \(new.id) \(new.version) (\(new.digest.prefix(19))…)",
            "\(records) records decided under both, \(changed) change outcome\(malformed > 0 ? ", \(malformed) malformed" : "")",
        ]
        for group in groups {
            lines.append("")
            lines.append(
                "\(group.old.name) → \(group.new.name): \(group.count) (e.g. \(group.examples.joined(separator: ", ")))"
            )
            for cause in group.causes {
                lines.append("  \(cause.count) × \(cause.description) (e.g. \(cause.examples.joined(separator: ", ")))")
            }
        }
        lines.append("")
        lines.append(policyChanges.isEmpty ? "no rule, scope or exemption changed" : "changes between the versions:")
        for change in policyChanges { lines.append("  " + change.summary + change.locations) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as Markdown, to attach to a change request.
    public var markdown: String {
        var lines = [
            "# Impact of \(new.id) \(new.version) over \(old.version)", "",
            "- old: `\(old.id)` \(old.version), `\(old.digest)`", "- new: `\(new.id)` \(new.version), `\(new.digest)`",
            "- records decided under both: \(records); outcome changed: \(changed)"
                + (malformed > 0 ? "; malformed: \(malformed)" : ""),
            "", "## Outcome changes", "",
        ]
        if groups.isEmpty { lines.append("No record changes outcome.") }
        for group in groups {
            lines.append("### \(group.old.name) → \(group.new.name): \(group.count)")
            lines.append("")
            lines.append("| records | cause | examples |")
            lines.append("|---:|---|---|")
            for cause in group.causes {
                lines.append("| \(cause.count) | \(cause.description) | \(cause.examples.joined(separator: ", ")) |")
            }
            lines.append("")
        }
        lines.append("## Rule, scope and exemption changes")
        lines.append("")
        if policyChanges.isEmpty { lines.append("None.") }
        for change in policyChanges { lines.append("- \(change.summary)\(change.locations)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one JSON document.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        func policy(_ key: StaticString, _ info: PolicyInfo) {
            writer.key(key)
            writer.beginObject()
            writer.field("id", info.id)
            writer.field("version", info.version)
            writer.field("digest", info.digest)
            writer.endObject()
        }
        policy("old", old)
        policy("new", new)
        writer.key("records")
        writer.int(records)
        writer.key("malformed")
        writer.int(malformed)
        writer.key("changed")
        writer.int(changed)
        writer.key("flips")
        writer.beginArray()
        for group in groups {
            writer.beginObject()
            writer.field("old", group.old.name)
            writer.field("new", group.new.name)
            writer.key("count")
            writer.int(group.count)
            writer.field("examples", strings: group.examples)
            writer.key("causes")
            writer.beginArray()
            for cause in group.causes {
                writer.beginObject()
                writer.field("cause", cause.description)
                writer.key("count")
                writer.int(cause.count)
                writer.field("examples", strings: cause.examples)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("changes")
        writer.beginArray()
        for change in policyChanges {
            writer.beginObject()
            writer.field("subject", change.subject.rawValue)
            writer.field("id", change.id)
            writer.field("kind", change.kind.rawValue)
            writer.field("aspects", strings: change.aspects)
            writer.field("old_location", change.oldLocation)
            writer.field("new_location", change.newLocation)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}

extension PolicyChange {
    /// " (old: file:line:col; new: file:line:col)".
    var locations: String {
        let parts = [oldLocation.map { "old: \($0)" }, newLocation.map { "new: \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
