/// Evaluates compiled conditions over a record's values in three-valued logic.
struct ConditionEvaluator<Observer: ConditionObserver> {
    let layout: RecordLayout
    let names: NameResolver
    /// The date at which vendor membership is judged; nil when unknown.
    let day: Day?
    var observer: Observer

    mutating func evaluate(_ condition: Condition, _ values: [FieldValue], depth: Int = 0) -> Truth {
        evaluate(condition, values, layout: layout, depth: depth)
    }

    private mutating func evaluate(
        _ condition: Condition, _ values: [FieldValue], layout: RecordLayout, depth: Int
    ) -> Truth {
        let token = observer.begin(.condition(condition.info), depth: depth)
        switch condition {
        case .all(let parts, _):
            var result = Truth.yes
            for part in parts {
                result = min(result, evaluate(part, values, layout: layout, depth: depth + 1))
                if result == .no && !Observer.evaluatesEverything { break }
            }
            observer.end(token, result, observed: .none)
            return result
        case .any(let parts, _):
            var result = Truth.no
            for part in parts {
                result = max(result, evaluate(part, values, layout: layout, depth: depth + 1))
                if result == .yes && !Observer.evaluatesEverything { break }
            }
            observer.end(token, result, observed: .none)
            return result
        case .not(let inner, _):
            let result = evaluate(inner, values, layout: layout, depth: depth + 1).negated
            observer.end(token, result, observed: .none)
            return result
        case .field(let test, _):
            let result = FieldTestEvaluation.evaluate(test, values[test.slot])
            observer.end(token, result, observed: .field(values[test.slot]))
            return result
        case .vendor(let test, _):
            var sighting: VendorSighting?
            var serial: UInt64?
            let result = evaluateVendor(test, values[test.slot], sighting: &sighting, serial: &serial)
            if let serial { observer.sawVendorName(serial) }
            observer.end(token, result, observed: .vendor(values[test.slot], sighting))
            return result
        case .quantified(let every, let slot, let inner, _):
            let result = evaluateQuantified(
                every: every, values[slot], inner, layout: layout.fields[slot], depth: depth)
            observer.end(token, result, observed: .none)
            return result
        case .invalid:
            observer.end(token, .unknown, observed: .none)
            return .unknown
        }
    }

    private mutating func evaluateQuantified(
        every: Bool, _ value: FieldValue, _ inner: Condition, layout spec: FieldSpec, depth: Int
    ) -> Truth {
        guard case .objects(let elements) = value, case .objectList(let elementLayout) = spec.type else {
            return .unknown
        }
        var result: Truth = every ? .yes : .no
        for (index, element) in elements.enumerated() {
            let elementToken = observer.begin(.element(index), depth: depth + 1)
            let truth = evaluate(inner, element, layout: elementLayout, depth: depth + 2)
            observer.end(elementToken, truth, observed: .none)
            result = every ? min(result, truth) : max(result, truth)
            if !Observer.evaluatesEverything && result == (every ? .no : .yes) { break }
        }
        return result
    }

    /// The truth of a vendor test; `sighting` gets what the registry made of the name, and `serial` the name's
    /// serial number (``VendorName``) when the value was a name.
    private func evaluateVendor(
        _ test: VendorTest, _ value: FieldValue, sighting: inout VendorSighting?, serial: inout UInt64?
    ) -> Truth {
        guard case .text(let name) = value else { return .unknown }
        let resolved = names.vendor(name)
        serial = resolved.serial
        let identity = resolved.identity
        if case .resolved(let expected) = test.op { return Truth((identity != nil) == expected) }
        guard let identity else { return .unknown }
        let group = names.vendorRegistry.group(of: identity, on: day)
        sighting = VendorSighting(identity: identity, group: group)
        switch test.op {
        case .inGroup(let groups):
            guard let group else { return groups[identity.group] ? .unknown : .no }
            return Truth(group < groups.count && groups[group])
        case .origin(let origins):
            return Truth(origins[identity.group])
        case .resolved:
            return .yes
        }
    }
}
