import Foundation
import KensaYAML

extension PolicyFiles {
    /// Reads the policy set at `path`: a directory of YAML files, or a bundle file written by `kensa bundle`.
    /// This is the one way commands read a set.
    ///
    /// A bundle is always checked against its manifest (a changed file is refused). With `requiredKey`, only a
    /// bundle signed by that key is accepted: a directory, an unsigned bundle, or one signed by another key is
    /// refused. Refusals throw `BundleError`; a file that is not a regular file (a named pipe, a device such as
    /// `/dev/zero`) is refused without being read, with `PolicyPathError`; a missing path throws the file
    /// system's error.
    public init(path: String, requiredKey: BundlePublicKey? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        if isDirectory.boolValue {
            if requiredKey != nil {
                throw BundleError(
                    .unsigned, path: path,
                    message: "a directory carries no signature, and a signature is required: give a signed bundle")
            }
            try self.init(directory: path)
            return
        }
        self = try PolicyBundle(bytes: try PolicyBundle.bytes(at: path), path: path).acceptedFiles(
            requiredKey: requiredKey)
    }

    /// Files already read, in name order (bundles).
    init(directory: String, readFiles: [File]) {
        self.directory = directory
        files = readFiles
    }
}

extension PolicyBundle {
    /// The bytes of the bundle file at `path`. Throws `PolicyPathError` when it cannot be read, is not a regular
    /// file (it is then not read at all), or is larger than `maxBytes`.
    public static func bytes(at path: String) throws -> [UInt8] {
        switch FileBytes.contents(of: path, maxBytes: maxBytes) {
        case .success(let bytes):
            return bytes
        case .failure(.unreadable(let reason)):
            throw PolicyPathError(path: path, reason: reason)
        case .failure(.tooLarge(let size)):
            throw PolicyPathError(
                path: path,
                reason: "it has \(size) bytes, more than the \(maxBytes) bytes a bundle may have "
                    + "(\(PolicyFiles.maxSetBytes) bytes of policy files, and its manifest)")
        }
    }
}
