import ArgumentParser
import Foundation
import Kensa

/// The one place commands read a policy set: a directory or a bundle, optionally requiring a signature.
enum PolicyReading {
    /// The set's files at `path`, refused unless signed by the key in `requireSignature` when it is given.
    /// Errors go to standard error: a refused bundle exits with status 1, an unreadable path or key with 2.
    static func files(at path: String, requireSignature keyPath: String?) throws -> PolicyFiles {
        let key = try keyPath.map(publicKey(at:))
        do {
            return try PolicyFiles(path: path, requiredKey: key)
        } catch let error as BundleError {
            Terminal.error("error: policy set refused: \(error)")
            throw ExitStatus.policyErrors
        } catch {
            Terminal.error("error: cannot read policy set `\(path)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }

    /// The public key in a `.pub` file; exit status 2 when it cannot be read or is not a key.
    static func publicKey(at path: String) throws -> BundlePublicKey {
        do {
            return try BundlePublicKey(file: path)
        } catch let error as BundleError {
            Terminal.error("error: \(error)")
            throw ExitStatus.inputError
        } catch {
            Terminal.error("error: cannot read public key `\(path)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }
}
