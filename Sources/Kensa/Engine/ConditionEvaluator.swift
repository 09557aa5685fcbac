/// Evaluates compiled conditions over a record's values in three-valued logic, walking the policy's
/// ``ConditionProgram``.
struct ConditionEvaluator<Observer: ConditionObserver> {
    let program: ConditionProgram
    let names: NameResolver
    /// The date at which vendor membership is judged; nil when unknown.
    let day: Day?
    var observer: Observer

    mutating func evaluate(_ condition: Condition, _ values: [FieldValue], depth: Int = 0) -> Truth {
        run(condition.info, values, depth: depth)
    }

    /// The observer, handed back without a copy when evaluation is done.
    consuming func takeObserver() -> Observer { observer }

    /// Evaluates the condition numbered `root` (see ``EvaluationPlan``).
    mutating func evaluate(root: Int, _ values: [FieldValue], depth: Int = 0) -> Truth {
        run(root, values, depth: depth)
    }

    private mutating func run(_ index: Int, _ values: [FieldValue], depth: Int) -> Truth {
        let token = observer.begin(.condition(index), depth: depth)
        let node = program.nodes[index]
        switch node.operation {
        case .all, .any:
            let isAll = node.operation == .all
            let settled: Truth = isAll ? .no : .yes
            var result: Truth = isAll ? .yes : .no
            for position in Int(node.first)..<Int(node.first + node.count) {
                let truth = run(Int(program.parts[position]), values, depth: depth + 1)
                result = isAll ? min(result, truth) : max(result, truth)
                if result == settled && !Observer.evaluatesEverything { break }
            }
            observer.end(token, result)
            return result
        case .not:
            let result = run(Int(node.first), values, depth: depth + 1).negated
            observer.end(token, result)
            return result
        case .field:
            let slot = Int(node.slot)
            let result =
                Self.quickTruth(node, values[slot])
                ?? FieldTestEvaluation.evaluate(program.fieldTests[Int(node.first)], values[slot])
            observer.endTest(token, result, saw: .field(slot: node.slot), in: values)
            return result
        case .vendor:
            var sighting: VendorSighting?
            var serial: UInt64?
            let result = evaluateVendor(node, values, sighting: &sighting, serial: &serial)
            observer.endTest(
                token, result, saw: .vendor(slot: node.slot, sighting: sighting, serial: serial), in: values)
            return result
        case .some, .every:
            let result = runQuantified(
                every: node.operation == .every, values, Int(node.slot), inner: Int(node.first), depth: depth)
            observer.end(token, result)
            return result
        case .invalid:
            observer.end(token, .unknown)
            return .unknown
        }
    }

    /// The truth of a field test the node settles alone (``ConditionProgram/QuickTest``), or nil.
    @inline(__always)
    private static func quickTruth(_ node: ConditionProgram.Node, _ value: FieldValue) -> Truth? {
        switch (node.quickTest, value) {
        case (.none, _):
            return nil
        case (.present, .missing), (.present, .invalid): return .no
        case (.present, _): return .yes
        case (.absent, .missing), (.absent, .invalid): return .yes
        case (.absent, _): return .no
        case (.member, .choice(let choice)), (.nonMember, .choice(let choice)):
            let member = choice < 64 && node.choices & (1 << UInt64(choice)) != 0
            return Truth(member == (node.quickTest == .member))
        case (.containsAny, .list(let elements)), (.containsAll, .list(let elements)):
            var held: UInt64 = 0
            var unsure = false
            for element in elements {
                if case .choice(let choice) = element, choice < 64 {
                    held |= 1 << UInt64(choice)
                } else {
                    unsure = true
                }
            }
            if node.quickTest == .containsAny {
                return held & node.choices != 0 ? .yes : unsure ? .unknown : .no
            }
            return node.choices & ~held == 0 ? .yes : unsure ? .unknown : .no
        case (.atLeast, .date(let day)): return Truth(day >= node.day)
        case (.atMost, .date(let day)): return Truth(day <= node.day)
        case (.above, .date(let day)): return Truth(day > node.day)
        case (.below, .date(let day)): return Truth(day < node.day)
        default:
            return nil
        }
    }

    /// `some`/`every` over the list of objects in `slot` of `values`, read in place.
    private mutating func runQuantified(
        every: Bool, _ values: [FieldValue], _ slot: Int, inner: Int, depth: Int
    ) -> Truth {
        guard case .objects(let elements) = values[slot] else { return .unknown }
        var result: Truth = every ? .yes : .no
        for index in elements.indices {
            let elementToken = observer.begin(.element(index), depth: depth + 1)
            let truth = run(inner, elements[index], depth: depth + 2)
            observer.end(elementToken, truth)
            result = every ? min(result, truth) : max(result, truth)
            if !Observer.evaluatesEverything && result == (every ? .no : .yes) { break }
        }
        return result
    }

    /// The truth of a vendor test; `sighting` gets what the registry made of the name, and `serial` the name's
    /// serial number (``VendorName``) when the value was a name.
    @inline(__always)
    private func evaluateVendor(
        _ node: ConditionProgram.Node, _ values: [FieldValue], sighting: inout VendorSighting?, serial: inout UInt64?
    ) -> Truth {
        guard let resolved = values[Int(node.slot)].withTextUTF8({ names.vendor(utf8: $0) }) else { return .unknown }
        serial = resolved.serial
        switch node.quickTest {
        case .resolved: return Truth(resolved.identity != nil)
        case .unresolved: return Truth(resolved.identity == nil)
        default: break
        }
        guard let identity = resolved.identity else { return .unknown }
        let group = names.vendorRegistry.group(of: identity, on: day)
        sighting = VendorSighting(identity: identity, group: group)
        func has(_ group: Int) -> Bool { group < 64 && node.choices & (1 << UInt64(group)) != 0 }
        switch node.quickTest {
        case .inGroup:
            guard let group else { return has(identity.group) ? .unknown : .no }
            return Truth(has(group))
        case .origin:
            return Truth(has(identity.group))
        default:
            break
        }
        switch program.vendorTests[Int(node.first)].op {
        case .inGroup(let groups):
            guard let group else { return groups[identity.group] ? .unknown : .no }
            return Truth(group < groups.count && groups[group])
        case .origin(let origins):
            return Truth(origins[identity.group])
        case .resolved(let expected):
            return Truth(expected)
        }
    }
}
