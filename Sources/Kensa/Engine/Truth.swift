/// Three-valued truth: a condition holds, does not hold, or cannot be settled because data is unknown.
///
/// Ordered so that `all` is the minimum and `any` the maximum of its parts.
public enum Truth: UInt8, Sendable, Comparable, CustomStringConvertible {
    case no = 0
    case unknown = 1
    case yes = 2

    public static func < (lhs: Truth, rhs: Truth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The opposite; unknown stays unknown.
    @inline(__always) public var negated: Truth { Truth(rawValue: 2 - rawValue)! }

    @inline(__always) init(_ value: Bool) { self = value ? .yes : .no }

    public var description: String {
        switch self {
        case .yes: "true"
        case .no: "false"
        case .unknown: "unknown"
        }
    }
}
