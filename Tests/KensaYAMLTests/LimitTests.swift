import Foundation
import Testing

@testable import KensaYAML

@Suite struct LimitTests {
    @Test func stopsAtTheNodeThatNestsTooDeep() {
        let limits = YAMLLimits(maxDepth: 3)
        let block = parse("ok: 1\n---\na:\n  b:\n    c: [1]\n", limits: limits)
        #expect(block.problems.map(\.kind) == [.tooDeep])
        #expect(block.problems.first?.position == at(5, 8))
        #expect(block.documents.count == 1)
        #expect(parse("[[[1]]]", limits: limits).problems.isEmpty)
        #expect(parse("[[[[1]]]]", limits: limits).problems.map(\.position) == [at(1, 4)])
    }

    @Test func deepFlowNestingIsRefusedWithTheStandardLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let file = parse(text)
        #expect(file.problems.map(\.kind) == [.tooDeep])
        #expect(file.problems.first?.position == at(1, 65))
    }

    @Test func refusesTooLargeInputWithoutParsing() {
        let file = parse("a: [unclosed", limits: YAMLLimits(maxBytes: 8))
        #expect(file.documents.isEmpty)
        #expect(file.problems.map(\.kind) == [.tooLarge])
        #expect(file.problems.first?.position == at(1, 1))
        #expect(parse("a: 1", limits: YAMLLimits(maxBytes: 4)).problems.isEmpty)
    }

    @Test func readsAFileUnderItsDisplayName() throws {
        let path = try temporaryFile("title: 入札\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = YAMLReader.read(contentsOf: path, displayName: "policies/jp.yaml")
        #expect(file.problems.isEmpty)
        #expect(file.documents.first?["title"]?.span.description == "policies/jp.yaml:1:8")

        let large = YAMLReader.read(contentsOf: path, limits: YAMLLimits(maxBytes: 5))
        #expect(large.problems.map(\.kind) == [.tooLarge])
        #expect(large.problems.first?.file == path)
    }

    @Test func reportsUnreadableFilesAtTheStart() {
        let missing = YAMLReader.read(contentsOf: "/nonexistent/kensa/rules.yaml", displayName: "rules.yaml")
        #expect(missing.documents.isEmpty)
        #expect(
            missing.problems.map(\.description) == ["rules.yaml:1:1: cannot read the file: no such file or directory"])
        #expect(missing.problems.map(\.kind) == [.unreadable])

        let folder = YAMLReader.read(contentsOf: FileManager.default.temporaryDirectory.path)
        #expect(folder.problems.map(\.kind) == [.unreadable])
        #expect(folder.problems.first?.message == "cannot read the file: it is a folder, not a file")
    }

    @Test func refusesNamedPipesAndDevicesWithoutReadingThem() throws {
        let pipe = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-\(UUID().uuidString).yaml").path
        #expect(mkfifo(pipe, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: pipe) }
        let fromPipe = YAMLReader.read(contentsOf: pipe, displayName: "pipe.yaml")
        #expect(
            fromPipe.problems.map(\.description) == [
                "pipe.yaml:1:1: cannot read the file: it is a named pipe, not a file"
            ])

        let zero = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-\(UUID().uuidString).yaml").path
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        defer { try? FileManager.default.removeItem(atPath: zero) }
        let fromZero = YAMLReader.read(contentsOf: zero, displayName: "zero.yaml")
        #expect(
            fromZero.problems.map(\.description) == ["zero.yaml:1:1: cannot read the file: it is a device, not a file"])
        #expect(fromZero.problems.map(\.kind) == [.unreadable])
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
