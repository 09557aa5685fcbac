/// Writes what a record holds, worded as `ConditionWording` words it, straight into the inside of a JSON string or a
/// text line (the fragments' format): the `actual` of a condition event on the fast path of `decide --explain`,
/// without making a String per value.
struct TraceValueWriter {
    let fragments: TraceFragments
    private let format: TraceFormat
    // Held apart from `fragments`, so that reading them per value takes no reference.
    private let store: TraceTemplateStore
    private let choiceNames: [TraceTemplate]

    init(fragments: TraceFragments) {
        self.fragments = fragments
        store = fragments.store
        format = fragments.format
        choiceNames = fragments.choiceNames
    }

    /// `central_ministry`, `\"NEC Platforms\"`, `not given`, `[a, b]`, `2 entries`, as `ConditionWording.value`:
    /// the value at `index` of `values`, read in place; a choice is named from `fragments.choiceNames` from
    /// `firstChoice` (-1: the field has no choices).
    func append(_ values: [FieldValue], at index: Int, firstChoice: Int, to bytes: inout JSONByteSink) {
        switch values[index] {
        case .missing: bytes.append("not given")
        case .text(let text): quoted(text, to: &bytes)
        case .number(let number): format.append(NumberText.format(number), to: &bytes)
        case .bool(let flag): bytes.append(flag ? "true" : "false")
        case .date(let day): bytes.append(day: day)
        case .choice(let choice):
            if firstChoice >= 0 {
                store.write(choiceNames[firstChoice + choice], to: &bytes)
            } else {
                bytes.append(int: choice)
            }
        case .list(let elements):
            bytes.append(UInt8(ascii: "["))
            for element in elements.indices {
                if element > 0 { bytes.append(", ") }
                append(elements, at: element, firstChoice: firstChoice, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .objects(let elements) where elements.isEmpty:
            bytes.append("no entries")
        case .objects(let elements):
            bytes.append(int: elements.count)
            bytes.append(elements.count == 1 ? " entry" : " entries")
        case .invalid(let reason, let written):
            quoted(written, to: &bytes)
            bytes.append(" (")
            format.append(reason, to: &bytes)
            bytes.append(UInt8(ascii: ")"))
        }
    }

    /// A vendor name with what the registry made of it at the judgment date, as `ConditionWording.vendor`.
    func appendVendor(_ values: [FieldValue], at index: Int, _ sighting: VendorSighting?, to bytes: inout JSONByteSink)
    {
        guard case .text(let name) = values[index] else {
            return append(values, at: index, firstChoice: -1, to: &bytes)
        }
        quoted(name, to: &bytes)
        guard let sighting else {
            bytes.append(", which the vendor registry does not know")
            return
        }
        let identity = sighting.identity
        bytes.append(" (")
        store.write(
            identity.member.map { fragments.memberNames[$0] } ?? fragments.groupNames[identity.group], to: &bytes)
        if let group = sighting.group {
            bytes.append(", group ")
            store.write(fragments.groupNames[group], to: &bytes)
            if group != identity.group, let member = identity.member {
                bytes.append(", ")
                store.write(fragments.memberWindows[member], to: &bytes)
            }
            bytes.append(", origin ")
            store.write(fragments.groupOrigins[identity.group], to: &bytes)
            bytes.append(UInt8(ascii: ")"))
        } else {
            bytes.append(", origin ")
            store.write(fragments.groupOrigins[identity.group], to: &bytes)
            bytes.append("; its group depends on the date, which is unknown)")
        }
    }

    /// `\"text\"` (JSON) or `"text"`: the record's text in quotes.
    private func quoted(_ text: String, to bytes: inout JSONByteSink) {
        bytes.append(format.quote)
        format.append(text, to: &bytes)
        bytes.append(format.quote)
    }
}
