@testable import Kensa

/// Small policies and records built in memory for engine tests.
enum Fixtures {
    /// Compiles YAML files given as text; fails the test with the diagnostics when the set has errors.
    static func policy(_ files: [(name: String, text: String)]) throws -> CompiledPolicy {
        let (policy, diagnostics) = PolicySet.check(PolicyFiles(directory: "fixture", files: files))
        guard let policy else { throw PolicyErrors(diagnostics) }
        return policy
    }

    /// The diagnostics of a set given as text, one `description` per line.
    static func diagnostics(_ files: [(name: String, text: String)]) -> [String] {
        PolicySet.check(PolicyFiles(directory: "fixture", files: files)).diagnostics.map(\.description)
    }

    /// Record values by slot from `path: value` pairs; every other field is missing.
    static func record(_ policy: CompiledPolicy, _ fields: [String: FieldValue]) -> [FieldValue] {
        var values = [FieldValue](repeating: .missing, count: policy.recordLayout.fields.count)
        for (path, value) in fields {
            guard let slot = policy.recordLayout.slot(of: path) else { fatalError("no field \(path)") }
            values[slot] = value
        }
        return values
    }

    /// The index of a choice value of a field.
    static func choice(_ policy: CompiledPolicy, _ path: String, _ name: String) -> FieldValue {
        guard let slot = policy.recordLayout.slot(of: path),
            case .choice(let names) = policy.recordLayout.fields[slot].type,
            let index = names.firstIndex(of: name)
        else { fatalError("no value \(name) for \(path)") }
        return .choice(index)
    }

    static func day(_ text: String) -> FieldValue { .date(Day(iso: text)!) }

    /// A compact policy exercising scopes, vendor groups with dated members, exceptions and exemptions.
    static let miniSet: [(name: String, text: String)] = [
        (
            "policy.yaml",
            """
            kensa: 1
            policy:
              id: mini
              version: "1"
              title: Mini set
              sources:
                - id: brief
                  title: Brief
            parameters:
              start: 2020-01-01
              banned: [Bad]
              cap: 2021-06-30
            entities:
              - name: Ministry of Tests
                aliases: [MoT]
                class: central_ministry
              - name: Town Hall
                class: local_government
            vendors:
              - group: Bad
                origin: CN
                members:
                  - name: Bad Corp
                  - name: Spun Off
                    until: 2020-06-30
              - group: Good
                origin: JP
            scopes:
              - id: ministries
                title: Ministries from the start date
                when:
                  all:
                    - field: buyer.entity_class
                      equals: central_ministry
                    - field: date
                      at_least: $start
            rules:
              - id: banned-maker
                title: Banned makers
                cites: brief
                when:
                  any:
                    - vendor: product.manufacturer
                      in_group: $banned
                    - some: components
                      where:
                        vendor: manufacturer
                        in_group: $banned
                unless:
                  - id: harmless
                    title: Cannot see user data
                    when:
                      field: product.user_data_visibility
                      equals: false
                outcome: prohibited
              - id: consult
                title: Consultation needed
                when:
                  field: consultation.status
                  not_in: [no_concern, remediated]
                outcome: review_required
            exemptions:
              - id: W-1
                title: Waiver for the ministry
                authority: Minister
                buyers: [Ministry of Tests]
                rules: [banned-maker]
                valid_from: 2020-03-01
                valid_until: 2022-12-31
                capped_at: $cap
              - id: W-PENDING
                title: Not yet approved
                authority: Minister
                status: pending
                buyers: [Ministry of Tests]
                rules: [banned-maker]
                valid_from: 2020-01-01
            """
        )
    ]
}
