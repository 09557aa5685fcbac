import Foundation

@testable import Kensa

/// Bundles of the shipped US set, made in memory, and ways to damage them.
enum BundleFixtures {
    static let usDirectory = Golden.packageRoot.appendingPathComponent("policies/us").path
    static let created = Date(timeIntervalSince1970: 1_714_521_600)  // 2024-05-01T00:00:00Z

    /// The bundle bytes of `policies/us`, signed with `key` when given.
    static func usBundle(signedWith key: BundleSigningKey?) throws -> [UInt8] {
        let files = try PolicyFiles(directory: usDirectory)
        let policy = try PolicySet.load(directory: usDirectory)
        return PolicyBundle(files: files, info: policy.info, created: created, signingKey: key).bytes
    }

    /// `bytes` with the first occurrence of `old` replaced by `new` (same length, so the layout still reads).
    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let old = Array(old.utf8)
        precondition(old.count == new.utf8.count)
        guard
            let start = (0...(bytes.count - old.count)).first(where: { bytes[$0..<$0 + old.count].elementsEqual(old) })
        else {
            fatalError("no `\(String(decoding: old, as: UTF8.self))` in the bundle")
        }
        var changed = bytes
        changed.replaceSubrange(start..<start + old.count, with: Array(new.utf8))
        return changed
    }
}
