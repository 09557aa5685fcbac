import Foundation
import Testing

@testable import Kensa

@Suite struct PolicyFilesTests {
    /// A folder, a named pipe and a link to `/dev/zero` named `*.yaml` are each reported by name, without
    /// blocking or reading forever, and the set's other files are still read and checked.
    @Test func reportsEntriesThatAreNotFilesByName() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manager = FileManager.default
        try Data("kensa: 1\npolicy: {id: p, version: '1', title: t}\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/policy.yaml"))
        try manager.createSymbolicLink(atPath: directory + "/linked.yaml", withDestinationPath: "policy.yaml")
        try manager.createDirectory(atPath: directory + "/dir.yaml", withIntermediateDirectories: false)
        #expect(mkfifo(directory + "/pipe.yaml", 0o600) == 0)
        try manager.createSymbolicLink(atPath: directory + "/zero.yaml", withDestinationPath: "/dev/zero")

        let files = try PolicyFiles(directory: directory, displayName: "set")
        #expect(files.files.map(\.name) == ["linked.yaml", "policy.yaml"])
        #expect(
            files.problems.map(\.description) == [
                "set/dir.yaml:1:1: cannot read the file: it is a folder, not a file",
                "set/pipe.yaml:1:1: cannot read the file: it is a named pipe, not a file",
                "set/zero.yaml:1:1: cannot read the file: it is a device, not a file",
            ])

        let (policy, diagnostics) = PolicySet.check(files)
        #expect(policy == nil)
        let unreadable = diagnostics.filter { $0.code == .unreadableFile }.map(\.description)
        #expect(
            unreadable == [
                "set/dir.yaml:1:1: error[K104]: cannot read the file: it is a folder, not a file",
                "set/pipe.yaml:1:1: error[K104]: cannot read the file: it is a named pipe, not a file",
                "set/zero.yaml:1:1: error[K104]: cannot read the file: it is a device, not a file",
            ])
        // The two readable files are both checked: the one policy section is now there twice.
        #expect(diagnostics.map(\.code).contains(.policySection))
    }

    @Test func refusesAFileOverTheSizeLimitBeforeReadingIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("kensa: 1\n".utf8).write(to: URL(fileURLWithPath: directory + "/a.yaml"))
        try Data(repeating: 0x20, count: 64).write(to: URL(fileURLWithPath: directory + "/b.yml"))
        let files = try PolicyFiles(directory: directory, displayName: "set", maxBytes: 32)
        #expect(files.files.map(\.name) == ["a.yaml"])
        #expect(
            files.problems.map(\.description) == [
                "set/b.yml:1:1: the file has 64 bytes, more than the 32 bytes Kensa reads"
            ])
        let (_, diagnostics) = PolicySet.check(files)
        #expect(diagnostics.contains { $0.code == .fileLimit && $0.span.file == "set/b.yml" })
    }

    /// Files are read in name order while the set stays within its total size; a file that would pass it is
    /// reported (K103) and not read, and a later small file is still read.
    @Test func refusesFilesPastTheSetSizeLimit() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, size) in [("a.yaml", 40), ("b.yaml", 40), ("c.yaml", 10)] {
            try Data(repeating: 0x20, count: size).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        let files = try PolicyFiles(directory: directory, displayName: "set", maxSetBytes: 64)
        #expect(files.files.map(\.name) == ["a.yaml", "c.yaml"])
        #expect(
            files.problems.map(\.description) == [
                "set/b.yaml:1:1: not read: with its 40 bytes the set's files would hold more than the 64 bytes a "
                    + "policy set may hold together"
            ])
        let (_, diagnostics) = PolicySet.check(files)
        #expect(diagnostics.contains { $0.code == .fileLimit && $0.span.file == "set/b.yaml" })
    }

    /// A bundle file larger than a set may be is refused before it is read, by `kensa decide` and `kensa verify`
    /// alike.
    @Test func refusesABundleLargerThanASetMayBe() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/big.kbundle"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(PolicyBundle.maxBytes + 1)) == 0)
        let error = #expect(throws: PolicyPathError.self) { try PolicyFiles(path: path) }
        #expect(error?.reason.hasPrefix("it has \(PolicyBundle.maxBytes + 1) bytes, more than the ") == true)
        #expect(throws: PolicyPathError.self) { try PolicyBundle.bytes(at: path) }
    }

    /// A set path that is neither a directory nor a regular file is refused by name, not read as a bundle.
    @Test func refusesASetPathThatIsADeviceOrNamedPipe() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(mkfifo(directory + "/set", 0o600) == 0)
        for (path, reason) in [
            ("/dev/zero", "it is a device, not a file"), (directory + "/set", "it is a named pipe, not a file"),
        ] {
            let error = #expect(throws: PolicyPathError.self) { try PolicyFiles(path: path) }
            #expect(error?.path == path)
            #expect(error?.reason == reason)
            #expect(error?.localizedDescription == reason)
        }
    }

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }
}
