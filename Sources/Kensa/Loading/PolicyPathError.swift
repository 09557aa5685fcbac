import Foundation

/// A policy set path that names neither a directory nor a file Kensa reads as a bundle, such as a named pipe or
/// a device: the path as given and why, in the user's words ("it is a device, not a file").
public struct PolicyPathError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var path: String
    /// Lowercase, for the middle of a sentence.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
    /// The reason alone: commands print it after the path they name themselves.
    public var errorDescription: String? { reason }
}
