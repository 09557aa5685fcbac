/// Why a policy bundle or a key was refused: what kind of problem, which file, and a message for the person
/// running the command.
///
/// Open struct (new kinds can be added without breaking callers); compare `kind` with the static members.
public struct BundleError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        public let description: String

        /// The bundle is not in the format `kensa bundle` writes; the message says where.
        public static let malformed = Kind(description: "malformed")
        /// A signature was required and the bundle (or directory) has none.
        public static let unsigned = Kind(description: "unsigned")
        /// The signature does not match the manifest under the required key.
        public static let signatureMismatch = Kind(description: "signature mismatch")
        /// A file's bytes do not match the hash and size the manifest lists.
        public static let fileMismatch = Kind(description: "file mismatch")
        /// A key file is not a Kensa Ed25519 key of the expected kind.
        public static let invalidKey = Kind(description: "invalid key")
    }

    public var kind: Kind
    /// The bundle or key file, as the user named it.
    public var path: String
    /// One line for the user, without the path.
    public var message: String

    /// A problem of `kind` with the file at `path`; `message` is one line in the user's words.
    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
