/// Writes what a record holds, worded as `ConditionWording` words it, straight into the inside of a JSON string: the
/// `actual` of a condition event on the fast path of `decide --explain`, without making a String per value.
struct TraceValueJSON {
    let fragments: TraceJSONFragments

    /// `central_ministry`, `\"NEC Platforms\"`, `not given`, `[a, b]`, `2 entries`, as `ConditionWording.value`;
    /// a choice is named from `fragments.choiceNames` from `firstChoice` (-1: the field has no choices).
    func append(_ value: FieldValue, firstChoice: Int, to bytes: inout [UInt8]) {
        switch value {
        case .missing: bytes.append(contentsOf: "not given".utf8)
        case .text(let text): quoted(text, to: &bytes)
        case .number(let number): JSONWriter.appendEscaped(NumberText.format(number), to: &bytes)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .date(let day): JSONWriter.appendDigits(of: day, to: &bytes)
        case .choice(let index):
            if firstChoice >= 0 {
                fragments.store.write(fragments.choiceNames[firstChoice + index], to: &bytes)
            } else {
                TraceJSONWriter.appendInt(index, to: &bytes)
            }
        case .list(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                append(value, firstChoice: firstChoice, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .objects(let elements):
            TraceJSONWriter.appendInt(elements.count, to: &bytes)
            bytes.append(contentsOf: (elements.count == 1 ? " entry" : " entries").utf8)
        case .invalid(let reason, let written):
            quoted(written, to: &bytes)
            bytes.append(contentsOf: " (".utf8)
            JSONWriter.appendEscaped(reason, to: &bytes)
            bytes.append(UInt8(ascii: ")"))
        }
    }

    /// A vendor name with what the registry made of it at the judgment date, as `ConditionWording.vendor`.
    func appendVendor(_ value: FieldValue, _ sighting: VendorSighting?, to bytes: inout [UInt8]) {
        guard case .text(let name) = value else { return append(value, firstChoice: -1, to: &bytes) }
        quoted(name, to: &bytes)
        guard let sighting else {
            bytes.append(contentsOf: ", which the vendor registry does not know".utf8)
            return
        }
        let identity = sighting.identity
        bytes.append(contentsOf: " (".utf8)
        let store = fragments.store
        store.write(
            identity.member.map { fragments.memberNames[$0] } ?? fragments.groupNames[identity.group], to: &bytes)
        if let group = sighting.group {
            bytes.append(contentsOf: ", group ".utf8)
            store.write(fragments.groupNames[group], to: &bytes)
            if group != identity.group {
                bytes.append(contentsOf: ", no longer in group ".utf8)
                store.write(fragments.groupNames[identity.group], to: &bytes)
            }
            bytes.append(contentsOf: ", origin ".utf8)
            store.write(fragments.groupOrigins[identity.group], to: &bytes)
            bytes.append(UInt8(ascii: ")"))
        } else {
            bytes.append(contentsOf: ", origin ".utf8)
            store.write(fragments.groupOrigins[identity.group], to: &bytes)
            bytes.append(contentsOf: "; its group depends on the date, which is unknown)".utf8)
        }
    }

    /// `\"text\"`: the record's text in (escaped) quotes.
    private func quoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [92, 34])
        JSONWriter.appendEscaped(text, to: &bytes)
        bytes.append(contentsOf: [92, 34])
    }
}
