/// Writes what a record holds, worded as `ConditionWording` words it, straight into the inside of a JSON string: the
/// `actual` of a condition event on the fast path of `decide --explain`, without making a String per value.
struct TraceValueJSON {
    let fragments: TraceJSONFragments

    /// `central_ministry`, `\"NEC Platforms\"`, `not given`, `[a, b]`, `2 entries`, as `ConditionWording.value`.
    func append(_ value: FieldValue, _ type: FieldType, to bytes: inout [UInt8]) {
        switch value {
        case .missing: bytes.append(contentsOf: "not given".utf8)
        case .text(let text): quoted(text, to: &bytes)
        case .number(let number): JSONWriter.appendEscaped(NumberText.format(number), to: &bytes)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .date(let day): JSONWriter.appendDigits(of: day, to: &bytes)
        case .choice(let index):
            if case .choice(let names) = type {
                JSONWriter.appendEscaped(names[index], to: &bytes)
            } else {
                TraceJSONWriter.appendInt(index, to: &bytes)
            }
        case .list(let elements):
            let element: FieldType = if case .list(let inner) = type { inner } else { type }
            bytes.append(UInt8(ascii: "["))
            for (index, value) in elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                append(value, element, to: &bytes)
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
        guard case .text(let name) = value else { return append(value, .text, to: &bytes) }
        quoted(name, to: &bytes)
        guard let sighting else {
            bytes.append(contentsOf: ", which the vendor registry does not know".utf8)
            return
        }
        let identity = sighting.identity
        bytes.append(contentsOf: " (".utf8)
        bytes.append(
            contentsOf: identity.member.map { fragments.memberNames[$0] } ?? fragments.groupNames[identity.group])
        if let group = sighting.group {
            bytes.append(contentsOf: ", group ".utf8)
            bytes.append(contentsOf: fragments.groupNames[group])
            if group != identity.group {
                bytes.append(contentsOf: ", no longer in group ".utf8)
                bytes.append(contentsOf: fragments.groupNames[identity.group])
            }
            bytes.append(contentsOf: ", origin ".utf8)
            bytes.append(contentsOf: fragments.groupOrigins[identity.group])
            bytes.append(UInt8(ascii: ")"))
        } else {
            bytes.append(contentsOf: ", origin ".utf8)
            bytes.append(contentsOf: fragments.groupOrigins[identity.group])
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
