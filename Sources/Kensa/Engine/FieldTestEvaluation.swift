/// The truth of one field test on one value.
enum FieldTestEvaluation {
    static func evaluate(_ test: FieldTest, _ value: FieldValue) -> Truth {
        switch value {
        case .missing, .invalid:
            if case .present(let expected) = test.op { return Truth(!expected) }
            return .unknown
        default:
            break
        }
        switch test.op {
        case .present(let expected): return Truth(expected)
        case .equals, .isIn: return matches(value, test.operand)
        case .notEquals, .notIn: return matches(value, test.operand).negated
        case .contains, .containsAny: return containsAny(value, test.operand)
        case .containsAll: return containsAll(value, test.operand)
        case .atLeast: return compare(value, test.operand) { $0 >= 0 }
        case .atMost: return compare(value, test.operand) { $0 <= 0 }
        case .above: return compare(value, test.operand) { $0 > 0 }
        case .below: return compare(value, test.operand) { $0 < 0 }
        }
    }

    /// Whether a scalar value is one of the operand's values.
    @inline(__always) static func matches(_ value: FieldValue, _ operand: Operand) -> Truth {
        switch (value, operand) {
        case (.choice(let index), .choices(let members, _)): Truth(members[index])
        case (.text(let text), .texts(let texts)): Truth(texts.contains(text))
        case (.number(let number), .numbers(let numbers)): Truth(numbers.contains(number))
        case (.date(let day), .day(let expected)): Truth(day == expected)
        case (.bool(let flag), .bool(let expected)): Truth(flag == expected)
        default: .unknown
        }
    }

    private static func containsAny(_ value: FieldValue, _ operand: Operand) -> Truth {
        guard case .list(let elements) = value else { return .unknown }
        var result = Truth.no
        for element in elements {
            result = max(result, matches(element, operand))
            if result == .yes { break }
        }
        return result
    }

    private static func containsAll(_ value: FieldValue, _ operand: Operand) -> Truth {
        guard case .list(let elements) = value else { return .unknown }
        let unsure = elements.contains { if case .invalid = $0 { true } else { false } }
        switch operand {
        case .choices(let members, _):
            for (index, wanted) in members.enumerated() where wanted {
                if !elements.contains(.choice(index)) { return unsure ? .unknown : .no }
            }
            return .yes
        case .texts(let texts):
            for text in texts where !elements.contains(.text(text)) { return unsure ? .unknown : .no }
            return .yes
        default:
            return .unknown
        }
    }

    /// Orders a number or date against the operand: `holds` receives -1, 0 or 1.
    private static func compare(_ value: FieldValue, _ operand: Operand, _ holds: (Int) -> Bool) -> Truth {
        switch (value, operand) {
        case (.number(let number), .numbers(let numbers)):
            guard let expected = numbers.first else { return .unknown }
            return Truth(holds(number < expected ? -1 : number > expected ? 1 : 0))
        case (.date(let day), .day(let expected)):
            return Truth(holds(day < expected ? -1 : day > expected ? 1 : 0))
        default:
            return .unknown
        }
    }
}
