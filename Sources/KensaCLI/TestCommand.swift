import ArgumentParser
import Foundation
import Kensa

/// `kensa test [DIR]`: runs the test suites beside policy sets and reports failures with the trace that decided.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases in a policy set's tests/ folder; report failures with the trace that decided.",
        discussion: """
            Examples:
              kensa test                                  # every policies/*/ with a tests/ folder
              kensa test policies/jp --coverage
              kensa test policies/us --junit build/kensa-us.xml --min-coverage 100
              kensa test policies/us --policy us.kbundle --require-signature ministry.pub

            Each case prints one line; a failure shows expected against actual and the rules that decided. The \
            last line reads `N passed, N failed`. Test files are described in docs/testing.md. Exit status 1 when \
            a case fails, a policy or test file has errors, or coverage is below --min-coverage.
            """
    )

    @Argument(help: "A policy set directory; by default every policies/*/ that has a tests/ folder.")
    var directory: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Flag(help: "List what no case exercised: rules, conditions and exemptions, with file:line:column.")
    var coverage = false

    @Option(name: .customLong("min-coverage"), help: "Fail when coverage (percent) is below this.")
    var minCoverage: Double?

    @Option(
        name: .customLong("policy"),
        help:
            "Run DIR's tests against this policy set instead (a directory or a bundle), e.g. the signed bundle about to be published."
    )
    var policyPath: String?

    @Option(
        name: .customLong("require-signature"),
        help: ArgumentHelp("With --policy: accept only a bundle signed by this public key (.pub).", valueName: "key"))
    var requireSignature: String?

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let sets = try setDirectories()
        var failed = false
        var junitParts: [String] = []
        var jsonParts: [String] = []
        let report = TestReportText(colour: Terminal.colourOnStdout)
        for set in sets {
            let policy: CompiledPolicy
            do {
                if let policyPath {
                    policy = try PolicyOptions.load(policyPath, requireSignature: requireSignature)
                } else {
                    policy = try PolicySet.load(directory: set)
                }
            } catch let errors as PolicyErrors {
                DiagnosticPrinter(colour: Terminal.colourOnStderr).print(errors.diagnostics, to: .standardError)
                failed = true
                continue
            }
            let (suites, diagnostics) = PolicyTests.load(directory: set, policy: policy)
            let run = PolicyTests.run(suites, policy: policy)
            let problems = diagnostics + run.diagnostics
            if !problems.isEmpty {
                DiagnosticPrinter(colour: Terminal.colourOnStderr).print(problems, to: .standardError)
                failed = true
            }
            if run.failed > 0 { failed = true }
            let belowMinimum = minCoverage.map { run.coverage.percent < $0 } ?? false
            switch format {
            case .text:
                if sets.count > 1 { print("\(set):") }
                for suite in run.suites { for result in suite.cases { print(report.render(result), terminator: "") } }
                if coverage || minCoverage != nil { print(report.coverage(run.coverage), terminator: "") }
                print(report.summary(run))
            case .json:
                jsonParts.append(TestReportJSON.text(run, policyID: policy.info.id))
            }
            if belowMinimum, let minCoverage {
                Terminal.error(
                    "\(set): coverage \(TestReportText.format(run.coverage.percent))% is below the minimum of "
                        + "\(TestReportText.format(minCoverage))% (run with --coverage to see what is missing)")
                failed = true
            }
            junitParts.append(TestReportJUnit.xml(run, policyID: policy.info.id))
        }
        if format == .json { print(jsonParts.count == 1 ? jsonParts[0] : "[" + jsonParts.joined(separator: ",") + "]") }
        if let junit { try writeJUnit(junitParts, to: junit) }
        if failed { throw ExitStatus.policyErrors }
    }

    /// The sets to test: DIR, or every `policies/*/` with a `tests/` folder.
    private func setDirectories() throws -> [String] {
        if let directory { return [directory] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "policies")) ?? []
        let sets = names.sorted().map { "policies/\($0)" }.filter { !PolicyTests.files(inSet: $0).isEmpty }
        guard !sets.isEmpty else {
            Terminal.error("error: no policies/*/tests/ folder with test files here; name a policy set directory")
            throw ExitStatus.inputError
        }
        return sets
    }

    /// One XML document: the sets' `testsuite` elements under one `testsuites` root.
    private func writeJUnit(_ parts: [String], to path: String) throws {
        var text =
            parts.first ?? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kensa\">\n</testsuites>\n"
        if parts.count > 1 {
            let bodies = parts.map { part in
                part.split(separator: "\n").dropFirst(2).dropLast().joined(separator: "\n")
            }
            text =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kensa\">\n"
                + bodies.joined(separator: "\n") + "\n</testsuites>\n"
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Terminal.error("error: cannot write JUnit report `\(path)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }
}
