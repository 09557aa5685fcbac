import Foundation
import Testing

/// Runs the built `kensa` executable as a user would, checking output, standard error and exit status.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kensa`; with `stdoutPath`, its standard output goes to that file instead of being captured.
    static func kensa(_ arguments: [String], stdin: String? = nil, stdoutPath: String? = nil) throws -> Run {
        let binary = Bundle.main.bundleURL.appendingPathComponent("kensa")
        let process = Process()
        process.executableURL =
            FileManager.default.fileExists(atPath: binary.path)
            ? binary : root.appendingPathComponent(".build/debug/kensa")
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        if let stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
            try output.fileHandleForWriting.close()
        } else {
            process.standardOutput = output
        }
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func decidesTheShippedExamplesAsJSONLines() throws {
        let run = try Self.kensa(["decide", "--policy", "policies/jp", "policies/jp/examples/records.jsonl"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 47)
        #expect(lines.first?.hasPrefix("{\"id\":\"JP-MIC-2019-0007\",\"outcome\":\"permitted\"") == true)
    }

    @Test func malformedRecordsAreReportedAndTheRestDecided() throws {
        let input = """
            {"id": "OK-1", "buyer": {"name": "Tokyo Metropolitan Government"}, "date": "2021-01-01"}
            {"id": "BROKEN", "date": 
            {"buyer": {"name": "no id"}}
            {"id": "OK-2", "buyer": {"name": "MIC"}, "date": "2021-01-01", "category": "non_it"}

            """
        let run = try Self.kensa(["decide", "--policy", "policies/jp", "-"], stdin: input)
        #expect(run.status == 3)
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stdout.contains("\"id\":\"OK-1\",\"outcome\":\"not_applicable\""))
        #expect(run.stdout.contains("\"id\":\"OK-2\",\"outcome\":\"not_applicable\""))
        #expect(run.stderr.contains("-: error: line 2"))
        #expect(run.stderr.contains("line 3") && run.stderr.contains("no `id`"))
    }

    /// Decisions or diagnostics that cannot be written must not pass for success.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func anUnwritableStandardOutputExitsWithTwo() throws {
        let commands = [
            ["decide", "--policy", "policies/jp", "policies/jp/examples/records.jsonl"],
            ["decide", "--policy", "policies/jp", "--format", "text", "policies/jp/examples/records.jsonl"],
            ["explain", "--policy", "policies/jp", "--id", "JP-MOD-2019-0112", "policies/jp/examples/records.jsonl"],
            ["check", "policies/jp"],
        ]
        for arguments in commands {
            let run = try Self.kensa(arguments, stdoutPath: "/dev/full")
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "kensa: error: cannot write to standard output: No space left on device\n")
        }
    }

    @Test func aDirectoryGivenAsRecordsIsAnInputError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kensa-\(UUID()).csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in [["decide"], ["explain", "--id", "X"]] {
            let run = try Self.kensa(command + ["--policy", "policies/jp", directory.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("it is a directory, not a file of records"))
        }
    }

    @Test func checkReportsEveryProblemWithExitStatusOne() throws {
        let run = try Self.kensa(["check", "Tests/KensaTests/Cases/broken-set"])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "Tests/KensaTests/Cases/broken-set/rules.yaml:3:5: error[K201]: unknown key `titel` in a rule"))
        #expect(run.stdout.contains("errors, 0 warnings"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func checkAcceptsTheShippedSets() throws {
        for set in ["policies/jp", "policies/us"] {
            let run = try Self.kensa(["check", set])
            #expect(run.status == 0, "\(run.stdout)")
            #expect(run.stdout.contains("\(set): ok"))
        }
    }

    @Test func explainPrintsTheTraceOfOneRecord() throws {
        let run = try Self.kensa([
            "explain", "--policy", "policies/us", "--id", "US-DOE-2022-0814", "policies/us/examples/records.jsonl",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("US-DOE-2022-0814: prohibited\n"))
        #expect(run.stdout.contains("capped at 2022-08-13"))
        let missing = try Self.kensa([
            "explain", "--policy", "policies/us", "--id", "NOPE", "policies/us/examples/records.jsonl",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no record with id `NOPE`"))
    }

    @Test func usageErrorsExitWithSixtyFour() throws {
        let run = try Self.kensa(["decide", "--policy", "policies/jp", "--as-of", "2021-6-1", "x.jsonl"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--as-of `2021-6-1` is not a valid date: write it YYYY-MM-DD"))
        let noSuchDay = try Self.kensa(["decide", "--policy", "policies/jp", "--as-of", "2021-02-30", "x.jsonl"])
        #expect(noSuchDay.status == 64)
        #expect(noSuchDay.stderr.contains("--as-of `2021-02-30` is not a valid date: no such day exists"))
    }

    @Test func asOfChangesTheJudgmentDate() throws {
        let record =
            #"{"id": "H-1", "date": "2021-06-01", "buyer": {"name": "MOF"}, "category": "mobile_device", "product": {"manufacturer": "Honor"}, "components": [], "data": {"classes": ["personal"]}, "consultation": {"status": "no_concern"}}"#
        let now = try Self.kensa(["decide", "--policy", "policies/jp", "-"], stdin: record + "\n")
        #expect(now.stdout.contains("\"outcome\":\"permitted\""))
        let then = try Self.kensa(
            ["decide", "--policy", "policies/jp", "--as-of", "2020-11-17", "-"], stdin: record + "\n")
        #expect(then.stdout.contains("\"outcome\":\"prohibited\""))
        #expect(then.stdout.contains("\"judged_at\":\"2020-11-17\""))
    }

    @Test func diffAttributesFlipsToChangedRules() throws {
        let run = try Self.kensa([
            "diff", "policies/jp", "Tests/KensaTests/Cases/diff/jp-v2", "--records",
            "policies/jp/examples/records.jsonl",
            "--format", "markdown",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("### review_required → prohibited: 1"))
        #expect(run.stdout.contains("| 1 | rule `jp-6-cloud-review` added | JP-DA-2021-0001 |"))
    }

    @Test func testAndDiffAcceptABundle() throws {
        let bundle = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kensa-cli-\(UUID().uuidString).kbundle")
        defer { try? FileManager.default.removeItem(at: bundle) }
        let made = try Self.kensa(["bundle", "policies/us", "-o", bundle.path, "--created", "2026-01-01T00:00:00Z"])
        #expect(made.status == 0, "\(made.stderr)")
        let tested = try Self.kensa(["test", "policies/us", "--policy", bundle.path])
        #expect(tested.status == 0)
        #expect(tested.stdout.contains("60 passed, 0 failed"))
        let diffed = try Self.kensa([
            "diff", bundle.path, "policies/us", "--records", "policies/us/examples/records.jsonl",
        ])
        #expect(diffed.status == 0)
        #expect(diffed.stdout.contains("53 records decided under both, 0 change outcome"))
    }

    @Test func jsonFormatIsOneArrayAndTextFormatReadsAloud() throws {
        let json = try Self.kensa([
            "decide", "--policy", "policies/us", "--format", "json", "policies/us/examples/records.jsonl",
        ])
        #expect(json.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 53)
        let text = try Self.kensa([
            "decide", "--policy", "policies/jp", "--format", "text", "--explain", "policies/jp/examples/records.csv",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("JP-MOD-2019-0112: prohibited\n"))
        #expect(
            text.stdout.contains(
                "✓ rule `jp-2-designated-vendors` (Designated high-risk vendors are excluded) fired → prohibited"))
    }
}
