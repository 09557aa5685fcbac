import Foundation
import KensaYAML

/// What a run of test cases exercised in a policy set, counted from the traces of their decisions.
///
/// Each rule counts twice (seen fired, seen not fired), each condition twice (seen true, seen false) and each
/// exemption twice (seen applied, seen rejected). Unknown results and the reasons of rejections are counted and
/// shown, but are not required.
public struct Coverage: Sendable {
    /// How often one rule was seen with each result.
    public struct Rule: Sendable {
        public var id: String
        public var span: SourceSpan
        public var fired = 0
        public var notFired = 0
        public var unknown = 0
    }

    /// How often one condition was seen with each truth value.
    public struct Condition: Sendable {
        /// `file:line:column` where the condition is written.
        public var location: String
        public var span: SourceSpan
        /// The condition in the author's words.
        public var text: String
        public var seenTrue = 0
        public var seenFalse = 0
        public var seenUnknown = 0
    }

    /// How often one exemption applied, and why it was rejected.
    public struct Exemption: Sendable {
        public var id: String
        public var span: SourceSpan
        public var applied = 0
        /// Reason name (`expired`, `other_buyer`, …) → how many cases were rejected for it.
        public var rejections: [String: Int] = [:]
    }

    /// Something no case exercised.
    public struct Gap: Sendable, CustomStringConvertible {
        public var span: SourceSpan
        public var message: String
        public var description: String { "\(span): \(message)" }
    }

    public var rules: [Rule]
    public var conditions: [Condition]
    public var exemptions: [Exemption]
    private var conditionIndex: [String: Int]

    /// Coverage of `policy` with nothing seen yet.
    package init(policy: CompiledPolicy) {
        rules = policy.ruleTargets.map { Rule(id: $0.id, span: $0.span) }
        conditions = policy.conditionTargets.map { Condition(location: $0.location, span: $0.span, text: $0.text) }
        exemptions = policy.exemptionTargets.map { Exemption(id: $0.id, span: $0.span) }
        conditionIndex = Dictionary(
            conditions.enumerated().map { ($1.location, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Counts every rule, condition and exemption event of one decision's trace.
    package mutating func record(_ trace: [TraceEvent]) {
        for event in trace {
            switch event.kind {
            case .rule:
                guard let index = rules.firstIndex(where: { $0.id == event.id }) else { continue }
                switch event.result {
                case "fired": rules[index].fired += 1
                case "not_fired": rules[index].notFired += 1
                default: rules[index].unknown += 1
                }
            case .condition:
                guard let location = event.location, let index = conditionIndex[location] else { continue }
                switch event.result {
                case "true": conditions[index].seenTrue += 1
                case "false": conditions[index].seenFalse += 1
                default: conditions[index].seenUnknown += 1
                }
            case .exemption:
                guard let index = exemptions.firstIndex(where: { $0.id == event.id }) else { continue }
                if event.result == "applied" {
                    exemptions[index].applied += 1
                } else {
                    exemptions[index].rejections[Self.rejectionReason(event.text), default: 0] += 1
                }
            default:
                continue
            }
        }
    }

    /// Covered items against all items, for rules, conditions, exemptions and all together.
    public var ruleCounts: (covered: Int, total: Int) {
        (rules.reduce(0) { $0 + ($1.fired > 0 ? 1 : 0) + ($1.notFired > 0 ? 1 : 0) }, rules.count * 2)
    }
    public var conditionCounts: (covered: Int, total: Int) {
        (conditions.reduce(0) { $0 + ($1.seenTrue > 0 ? 1 : 0) + ($1.seenFalse > 0 ? 1 : 0) }, conditions.count * 2)
    }
    public var exemptionCounts: (covered: Int, total: Int) {
        (exemptions.reduce(0) { $0 + ($1.applied > 0 ? 1 : 0) + ($1.rejections.isEmpty ? 0 : 1) }, exemptions.count * 2)
    }

    /// The share of all items covered, 0–100; 100 for a set with nothing to cover.
    public var percent: Double {
        let parts = [ruleCounts, conditionCounts, exemptionCounts]
        let total = parts.reduce(0) { $0 + $1.total }
        return total == 0 ? 100 : Double(parts.reduce(0) { $0 + $1.covered }) * 100 / Double(total)
    }

    /// Everything no case exercised, sorted by file, line and column.
    public var gaps: [Gap] {
        var gaps: [Gap] = []
        for rule in rules {
            if rule.fired == 0 { gaps.append(Gap(span: rule.span, message: "rule `\(rule.id)` never fired")) }
            if rule.notFired == 0 { gaps.append(Gap(span: rule.span, message: "rule `\(rule.id)` always fired")) }
        }
        for condition in conditions {
            let missing = [condition.seenTrue == 0 ? "true" : nil, condition.seenFalse == 0 ? "false" : nil].compactMap
            { $0 }
            guard !missing.isEmpty else { continue }
            let unknown =
                condition.seenUnknown > 0
                ? " (seen unknown \(condition.seenUnknown) time\(condition.seenUnknown == 1 ? "" : "s"))" : ""
            gaps.append(
                Gap(
                    span: condition.span,
                    message: "condition \(condition.text) never seen \(missing.joined(separator: " or "))\(unknown)"))
        }
        for exemption in exemptions {
            if exemption.applied == 0 {
                gaps.append(Gap(span: exemption.span, message: "exemption `\(exemption.id)` never applied"))
            }
            if exemption.rejections.isEmpty {
                gaps.append(
                    Gap(span: exemption.span, message: "exemption `\(exemption.id)` never claimed without applying"))
            }
        }
        return gaps.sorted {
            ($0.span.file, $0.span.start.line, $0.span.start.column) < (
                $1.span.file, $1.span.start.line, $1.span.start.column
            )
        }
    }

    /// A short name for why a claimed exemption did not apply, read from its trace sentence
    /// (`exemption `X` (…) not applied: expired on …`).
    static func rejectionReason(_ text: String) -> String {
        guard let range = text.range(of: " not applied: ", options: .backwards) else { return "other" }
        let reason = text[range.upperBound...]
        let names: [(prefix: String, name: String)] = [
            ("no exemption with this id", "unknown_id"), ("not approved", "not_approved"),
            ("granted to", "other_buyer"),
            ("the record does not name its buyer", "no_buyer"), ("the record's date is unknown", "date_unknown"),
            ("not yet in force", "not_yet_in_force"), ("capped at", "capped"), ("expired on", "expired"),
            ("its conditions do not hold", "conditions_false"),
            ("its conditions cannot be settled", "conditions_unknown"),
            ("valid, but the rules it waives", "no_rule_to_waive"),
        ]
        return names.first { reason.hasPrefix($0.prefix) }?.name ?? "other"
    }
}
