import Foundation
import Testing

@testable import Kensa

/// A directory made into a bundle and read back is the same set: same files, same digest, same decisions.
@Suite struct BundleFormatTests {
    @Test func roundTripKeepsFilesDigestAndDecisions() throws {
        let key = BundleSigningKey()
        let bytes = try BundleFixtures.usBundle(signedWith: key)
        let bundle = try PolicyBundle(bytes: bytes, path: "us.kbundle")
        let fromBundle = try bundle.acceptedFiles(requiredKey: key.publicKey)
        let fromDirectory = try PolicyFiles(directory: BundleFixtures.usDirectory)
        #expect(fromBundle.digest == fromDirectory.digest)
        #expect(bundle.manifest.digest == fromDirectory.digest)
        #expect(fromBundle.files.map(\.name) == fromDirectory.files.map(\.name))
        #expect(fromBundle.files.map(\.bytes) == fromDirectory.files.map(\.bytes))
        #expect(fromBundle.files.first?.displayName == "us.kbundle/entities.yaml")

        let records = Golden.packageRoot.appendingPathComponent("policies/us/examples/records.jsonl").path
        let viaBundle = try decisions(PolicySet.check(fromBundle).policy, records)
        let viaDirectory = try decisions(PolicySet.check(fromDirectory).policy, records)
        #expect(viaBundle.count == 53)
        #expect(viaBundle == viaDirectory)
        #expect(viaBundle.allSatisfy { $0.contains(fromDirectory.digest) })
    }

    @Test func manifestNamesTheSetAndEveryFile() throws {
        let bundle = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: nil), path: "us.kbundle")
        let manifest = bundle.manifest
        #expect(manifest.setID == "us-ndaa-889")
        #expect(manifest.version == "2020.1")
        #expect(manifest.title.contains("Section 889"))
        #expect(manifest.created == "2024-05-01T00:00:00Z")
        #expect(
            manifest.files.map(\.name) == [
                "entities.yaml", "exemptions.yaml", "policy.yaml", "rules.yaml", "scopes.yaml", "vendors.yaml",
            ])
        let rules = try #require(bundle.files.files.first { $0.name == "rules.yaml" })
        let entry = try #require(manifest.files.first { $0.name == "rules.yaml" })
        #expect(entry.size == rules.bytes.count)
        #expect(entry.sha256 == BundleManifest.sha256(rules.bytes))
        #expect(bundle.signature == nil)
    }

    @Test func layoutIsTextLinesWithLengthPrefixedBlocks() throws {
        let text = String(decoding: try BundleFixtures.usBundle(signedWith: BundleSigningKey()), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "kensa-bundle 1")
        #expect(lines[1].hasPrefix("manifest "))
        #expect(lines[2].hasPrefix("{\"set\":{\"id\":\"us-ndaa-889\""))
        #expect(lines[3].hasPrefix("signature ed25519 ed25519:"))
        #expect(lines[4].hasPrefix("file ") && lines[4].hasSuffix(" entities.yaml"))
        #expect(text.hasSuffix("\nend\n"))
    }

    @Test func sameSetAndTimeGiveIdenticalBytes() throws {
        #expect(try BundleFixtures.usBundle(signedWith: nil) == BundleFixtures.usBundle(signedWith: nil))
        let key = BundleSigningKey()
        let first = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: key), path: "a")
        let second = try PolicyBundle(bytes: try BundleFixtures.usBundle(signedWith: key), path: "a")
        #expect(first.manifestBytes == second.manifestBytes)
    }

    private func decisions(_ policy: CompiledPolicy?, _ records: String) throws -> [String] {
        let policy = try #require(policy)
        var reader = try RecordFormat.jsonl.makeReader(source: .path(records), layout: policy.recordLayout)
        let decider = Decider(policy: policy)
        var out: [String] = []
        while let input = reader.next() {
            guard case .record(let record) = input else { continue }
            out.append(DecisionJSON.text(decider.decide(record, asOf: nil, explain: false)))
        }
        return out
    }
}
