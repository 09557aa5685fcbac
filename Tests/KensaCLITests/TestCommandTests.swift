import Foundation
import Testing

/// `kensa test` as a user runs it: exit statuses, the closing line, coverage thresholds and JUnit output.
@Suite struct TestCommandTests {
    static func kensa(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.kensa(arguments) }

    @Test func theShippedSetsPassWithFullCoverage() throws {
        let run = try Self.kensa(["test", "--coverage", "--min-coverage", "100"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("policies/jp:") && run.stdout.contains("policies/us:"))
        #expect(run.stdout.contains("coverage: 100%"))
        #expect(!run.stdout.contains("not exercised"))
        #expect(run.stdout.split(separator: "\n").last?.hasSuffix("passed, 0 failed") == true)
    }

    @Test func aFailingCaseExitsOneAndJUnitIsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("tests"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in try FileManager.default.contentsOfDirectory(
            atPath: CommandLineTests.root.appendingPathComponent("policies/jp").path)
        where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: CommandLineTests.root.appendingPathComponent("policies/jp/\(name)"),
                to: directory.appendingPathComponent(name))
        }
        try """
        cases:
          - name: wrong on purpose
            record: {date: 2021-05-10, buyer: {name: MLIT}, category: non_it}
            outcome: prohibited
        """.write(to: directory.appendingPathComponent("tests/wrong.yaml"), atomically: true, encoding: .utf8)
        let junit = directory.appendingPathComponent("report.xml").path
        let run = try Self.kensa(["test", directory.path, "--junit", junit])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("FAIL  ") && run.stdout.contains("outcome: expected prohibited, got not_applicable"))
        #expect(run.stdout.hasSuffix("0 passed, 1 failed\n"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(
            xml.contains("<testcase ")
                && xml.contains("<failure message=\"outcome: expected prohibited, got not_applicable\""))
    }

    @Test func coverageBelowTheMinimumExitsOneWithAMessage() throws {
        let run = try Self.kensa(["test", "policies/jp", "--min-coverage", "100.1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("policies/jp: coverage 100% is below the minimum of 100.1%"))
    }

    @Test func aBrokenTestFileExitsOneWithPositionedDiagnostics() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("tests"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let us = CommandLineTests.root.appendingPathComponent("policies/us")
        for name in try FileManager.default.contentsOfDirectory(atPath: us.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: us.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try "cases:\n  - name: x\n    recrd: {}\n".write(
            to: directory.appendingPathComponent("tests/bad.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.kensa(["test", directory.path, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("tests/bad.yaml:3:5: error[K201]: unknown key `recrd` in a case"))
        #expect(run.stdout.hasPrefix("{\"policy\":"))
    }
}
