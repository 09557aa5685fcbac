import Testing

@testable import Kensa

/// The condition program settles common tests from the node alone (`ConditionProgram.QuickTest`): presence,
/// dates, choices and lists of choices. Each must come out exactly as the general field test does, for every kind
/// of value a record can hold.
@Suite struct QuickTestTests {
    static let files: [(name: String, text: String)] = [
        (
            "policy.yaml",
            """
            policy: {id: quick, version: "1", title: Quick tests}
            rules:
              - {id: r1, title: any, when: {field: data.classes, contains_any: [personal, my_number]}, outcome: prohibited}
              - {id: r2, title: one, when: {field: data.classes, contains: health}, outcome: prohibited}
              - {id: r3, title: all, when: {field: data.classes, contains_all: [personal, health]}, outcome: prohibited}
              - {id: r4, title: from, when: {field: date, at_least: 2020-07-01}, outcome: prohibited}
              - {id: r5, title: until, when: {field: date, at_most: 2020-07-01}, outcome: prohibited}
              - {id: r6, title: after, when: {field: date, above: 2020-07-01}, outcome: prohibited}
              - {id: r7, title: before, when: {field: date, below: 2020-07-01}, outcome: prohibited}
              - {id: r8, title: given, when: {field: system_role, present: true}, outcome: prohibited}
              - {id: r9, title: absent, when: {field: system_role, present: false}, outcome: prohibited}
              - {id: r10, title: is, when: {field: category, equals: software}, outcome: prohibited}
              - {id: r11, title: not, when: {field: category, not_in: [software, telecom_equipment]}, outcome: prohibited}
            """
        )
    ]

    @Test func quickTestsAgreeWithTheGeneralEvaluation() throws {
        let policy = try Fixtures.policy(Self.files)
        let program = policy.program
        let classes = { (names: [String]) in FieldValue.list(names.map { Self.dataClass(policy, $0) })
        }
        let samples: [FieldValue] = [
            .missing, .invalid(reason: "not a date", written: "2020-13-01"), .text("software"), .number(3),
            .bool(true), .list([]), classes(["personal"]), classes(["health", "internal"]),
            classes(["personal", "health"]), classes(["internal"]),
            .list([Self.dataClass(policy, "internal"), .invalid(reason: "unknown", written: "x")]),
            .list([Self.dataClass(policy, "health"), .invalid(reason: "unknown", written: "x")]),
            Fixtures.day("2020-06-30"), Fixtures.day("2020-07-01"), Fixtures.day("2020-07-02"),
            Fixtures.choice(policy, "category", "software"), Fixtures.choice(policy, "category", "telecom_equipment"),
            Fixtures.choice(policy, "category", "office_equipment"),
        ]
        let names = NameResolver(vendors: policy.vendors, entities: policy.entities)
        var quick = 0
        for (index, node) in program.nodes.enumerated() where node.operation == .field {
            if node.quickTest != .none { quick += 1 }
            let test = program.fieldTests[Int(node.first)]
            for sample in samples {
                var values = Array(repeating: FieldValue.missing, count: policy.layout.fields.count)
                values[Int(node.slot)] = sample
                var evaluator = ConditionEvaluator(program: program, names: names, day: nil, observer: SilentObserver())
                #expect(
                    evaluator.evaluate(root: index, values) == FieldTestEvaluation.evaluate(test, sample),
                    "condition \(index) (\(policy.conditions[index].predicate)) on \(sample)")
            }
        }
        #expect(quick == 11, "every test of the fixture is settled from its node")
    }

    /// A data class as an element of `data.classes`.
    private static func dataClass(_ policy: CompiledPolicy, _ name: String) -> FieldValue {
        guard let slot = policy.recordLayout.slot(of: "data.classes"),
            case .list(.choice(let names)) = policy.recordLayout.fields[slot].type,
            let index = names.firstIndex(of: name)
        else { fatalError("no data class \(name)") }
        return .choice(index)
    }
}
