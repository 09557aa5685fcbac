import Kensa

/// Writes procurement records (record v1, one JSON object per line) from a fixed seed: the same seed and count
/// give the same bytes on every machine.
///
/// The weights are set so that across a large file every rule of `policies/jp` fires on at least 5% of the records
/// and every outcome appears (`kensa-bench tally` reports the shares). Records are 250–930 bytes, 548 on average.
struct RecordGenerator {
    private var random: SplitMix64
    private var line: [UInt8] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        line.reserveCapacity(1024)
    }

    /// Record number `index` as one line of JSON ending with a newline.
    mutating func record(_ index: Int) -> [UInt8] {
        line.removeAll(keepingCapacity: true)
        let buyer = pickBuyer()
        let date = pickDate()
        let year = date.map { String($0.prefix(4)) } ?? "0000"
        let category = random.pick(weighted: Vocabulary.categories)
        append("{\"id\": \"JP-\(buyer.code)-\(year)-\(index)\"")
        if let date { append(", \"date\": \"\(date)\"") }
        if random.chance(6) { append(", \"action\": \"extension\"") }
        append(", \"buyer\": {\"name\": \"\(buyer.name)\"")
        if let entityClass = buyer.entityClass { append(", \"entity_class\": \"\(entityClass)\"") }
        append("}")
        if !random.chance(1) { append(", \"category\": \"\(category.name)\"") }
        appendProduct(description: random.pick(category.descriptions))
        appendComponents()
        if random.chance(75) { append(", \"supplier\": {\"name\": \"\(random.pick(Vocabulary.suppliers))\"}") }
        appendData()
        if let role = random.pick(weighted: Vocabulary.systemRoles) { append(", \"system_role\": \"\(role)\"") }
        appendConsultation(year: year, index: index)
        if random.chance(2) { append(", \"exemptions\": [\"jp-emergency-2021\"]") }
        if random.chance(75) {
            append(", \"value\": {\"amount\": \(1_000_000 + random.below(300_000_000)), \"currency\": \"JPY\"}")
        }
        append("}\n")
        return line
    }

    private mutating func append(_ text: String) { line.append(contentsOf: text.utf8) }

    private mutating func pickBuyer() -> Vocabulary.Buyer {
        let group = random.pick(weighted: [
            (50, Vocabulary.ministries), (26, Vocabulary.agencies), (6, Vocabulary.classedAgencies),
            (14, Vocabulary.outOfScope), (4, Vocabulary.unknown),
        ])
        return random.pick(group)
    }

    /// A day in 2018-04-01 ... 2024-12-31, one of the boundary days, or nil (no date).
    private mutating func pickDate() -> String? {
        if random.chance(2) { return nil }
        if random.chance(10) { return random.pick(Vocabulary.boundaryDays) }
        let first = 17_622  // 2018-04-01 in days since 1970-01-01
        return Self.iso(days: first + random.below(2467))
    }

    /// A maker drawn from the registry's groups in proportion to the weights, or nil (not given).
    private mutating func pickMaker(designated: Int, chinese: Int, other: Int, unresolved: Int, missing: Int) -> String?
    {
        let group = random.pick(weighted: [
            (designated, Vocabulary.designatedMakers), (chinese, Vocabulary.chineseMakers),
            (other, Vocabulary.otherMakers), (unresolved, Vocabulary.unresolvedMakers), (missing, []),
        ])
        return group.isEmpty ? nil : random.pick(group)
    }

    private mutating func appendProduct(description: String) {
        let maker = pickMaker(designated: 10, chinese: 19, other: 58, unresolved: 5, missing: 8)
        append(", \"product\": {\"description\": \"\(description)\"")
        switch random.below(100) {
        case 0..<30: if let maker { append(", \"brand\": \"\(maker)\"") }
        case 30..<40: append(", \"brand\": \"\(random.pick(Vocabulary.brands))\"")
        case 40..<43: append(", \"brand\": \"HUAWEI\"")
        case 43..<45: append(", \"brand\": \"Kumo Net\"")
        default: break
        }
        if let maker { append(", \"manufacturer\": \"\(maker)\"") }
        append(", \"model\": \"\(random.pick(Vocabulary.models))\"}")
    }

    /// Components: not declared, declared none (`[]`), or one to three (mostly one), some without a maker.
    private mutating func appendComponents() {
        let roll = random.below(100)
        if roll < 9 { return }
        if roll < 31 { return append(", \"components\": []") }
        append(", \"components\": [")
        for part in 0...random.pick(weighted: [(60, 0), (32, 1), (8, 2)]) {
            if part > 0 { append(", ") }
            append("{\"part\": \"\(random.pick(Vocabulary.parts))\"")
            if let maker = pickMaker(designated: 5, chinese: 11, other: 76, unresolved: 2, missing: 6) {
                append(", \"manufacturer\": \"\(maker)\"")
            }
            append("}")
        }
        append("]")
    }

    /// Data classes: not given, `[]`, or one to three classes, about two thirds of them protected.
    private mutating func appendData() {
        let roll = random.below(100)
        if roll < 4 { return }
        if roll < 12 { return append(", \"data\": {\"classes\": []}") }
        var classes = [random.pick(Vocabulary.publicClasses)]
        if random.chance(70) { classes.append(random.pick(Vocabulary.protectedClasses)) }
        if random.chance(30) { classes.append(random.pick(Vocabulary.protectedClasses)) }
        append(", \"data\": {\"classes\": [" + classes.map { "\"\($0)\"" }.joined(separator: ", ") + "]}")
    }

    private mutating func appendConsultation(year: String, index: Int) {
        if random.chance(5) { return }
        append(", \"consultation\": {\"body\": \"NISC\"")
        if let status = random.pick(weighted: Vocabulary.statuses) {
            append(", \"status\": \"\(status)\"")
            if status == "no_concern" || status == "remediated" || status == "concern" {
                append(", \"reference\": \"NISC-\(year)-\(index % 10_000)\"")
            }
        }
        append("}")
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01.
    static func iso(days: Int) -> String {
        Day(ordinal: Int32(days)).description
    }
}
