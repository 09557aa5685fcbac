import Foundation
import Kensa

/// `kensa-bench generate-policy RULES EXEMPTIONS DIR --from SET`: writes a large policy set for timing `kensa
/// lint`, `kensa check` and `kensa test`: the registries and scopes of an existing set, plus RULES generated rules
/// over a varied mix of fields and EXEMPTIONS exemptions, from a fixed seed.
enum PolicyGenerator {
    static let categories = RecordLayout.categories.filter { $0 != "non_it" }
    static let statuses = ["not_started", "pending", "no_concern", "concern", "remediated", "not_required"]
    static let dataClasses = ["confidential", "national_security", "personal", "bulk_personal", "my_number", "health"]

    static func run(rules: Int, exemptions: Int, directory: String, from source: String, seed: UInt64) throws {
        let policy = try PolicySet.load(directory: source)
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["vendors.yaml", "entities.yaml", "scopes.yaml"] {
            let target = directory + "/" + name
            if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
            try manager.copyItem(atPath: source + "/" + name, toPath: target)
        }
        var random = SplitMix64(seed: seed)
        let groups = policy.vendors.groups[..<policy.vendors.declaredGroupCount].map(\.name)
        let entities = policy.entities.entities.map(\.name)
        var text = """
            kensa: 1
            policy:
              id: generated-\(rules)-\(exemptions)
              version: "1"
              title: Generated set of \(rules) rules and \(exemptions) exemptions
              sources:
                - id: generated
                  title: kensa-bench generate-policy
            \(policy.info.sources.map { "    - id: \($0.id)\n      title: \"\($0.title.replacingOccurrences(of: "\"", with: "\\\""))\"\n" }.joined())parameters:
              ministries_start: 2019-04-01
              extension_start: 2020-07-01
              protected_data_classes: [national_security, confidential, personal, bulk_personal, my_number, health]
            rules:

            """
        for index in 0..<rules {
            text += "  - id: g-\(index)\n    title: Generated rule \(index)\n    cites: generated\n"
            if random.next() % 4 == 0 {
                let start = 2019 + Int(random.next() % 5)
                text += "    from: \(start)-0\(1 + Int(random.next() % 9))-01\n"
            }
            text += "    when:\n      all:\n"
            text +=
                "        - field: category\n          in: [\(pick(categories, 3, &random).joined(separator: ", "))]\n"
            switch random.next() % 4 {
            case 0:
                text +=
                    "        - vendor: product.manufacturer\n          in_group: [\(pick(groups, 2, &random).joined(separator: ", "))]\n"
            case 1:
                text += "        - some: components\n          where:\n            vendor: manufacturer\n"
                text += "            origin: \(["CN", "US", "JP"][Int(random.next() % 3)])\n"
            case 2:
                text +=
                    "        - field: data.classes\n          contains_any: [\(pick(dataClasses, 2, &random).joined(separator: ", "))]\n"
            default:
                text += "        - field: product.routes_user_data\n          equals: \(random.next() % 2 == 0)\n"
            }
            text +=
                "        - field: consultation.status\n          in: [\(pick(statuses, 2, &random).joined(separator: ", "))]\n"
            text += "    outcome: \(random.next() % 3 == 0 ? "prohibited" : "review_required")\n"
        }
        try text.write(toFile: directory + "/policy.yaml", atomically: true, encoding: .utf8)
        var waivers = "exemptions:\n"
        for index in 0..<exemptions {
            let from = 2019 + Int(random.next() % 5)
            waivers += """
                  - id: W-\(index)
                    title: Generated exemption \(index)
                    authority: Generator
                    buyers: ["\(entities[Int(random.next() % UInt64(entities.count))])"]
                    rules: [g-\(Int(random.next() % UInt64(max(rules, 1))))]
                    valid_from: \(from)-04-01
                    valid_until: \(from + 1 + Int(random.next() % 3))-03-31

                """
        }
        try waivers.write(toFile: directory + "/exemptions.yaml", atomically: true, encoding: .utf8)
        print("generated \(rules) rules and \(exemptions) exemptions in \(directory) (from \(source), seed \(seed))")
    }

    private static func pick(_ values: [String], _ count: Int, _ random: inout SplitMix64) -> [String] {
        var chosen: [String] = []
        while chosen.count < min(count, values.count) {
            let value = values[Int(random.next() % UInt64(values.count))]
            if !chosen.contains(value) { chosen.append(value) }
        }
        return chosen
    }
}
