/// One difference between two versions of a policy set: a rule or exemption added, removed or changed.
public struct PolicyChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    public enum Subject: String, Sendable, Hashable {
        case rule, exemption, scope
    }

    public var subject: Subject
    public var id: String
    public var kind: Kind
    /// What changed, in the author's words: "condition", "outcome", "window", "scopes", "exceptions", "validity".
    public var aspects: [String]
    /// `file:line:column` in the old and the new set.
    public var oldLocation: String?
    public var newLocation: String?

    /// "rule `jp-2` changed (condition, window)".
    public var summary: String {
        let what = aspects.isEmpty ? "" : " (\(aspects.joined(separator: ", ")))"
        return "\(subject.rawValue) `\(id)` \(kind.rawValue)\(what)"
    }
}
