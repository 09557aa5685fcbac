import ArgumentParser

/// The `kensa` command: compile policy sets and decide procurement records against them.
@main
struct KensaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kensa",
        abstract:
            "Policy-as-code rules for public procurement: check policy sets, decide records, explain decisions, sign bundles.",
        discussion: """
            Exit status: 0 success; 1 the policy set has errors, or its bundle was refused (unsigned, signed by \
            another key, changed, malformed); 2 an input error (unreadable file or key, unknown record id); 3 some records were malformed (every other record was still decided); 64 a usage error \
            (unknown option, invalid --as-of date).
            """,
        subcommands: [
            CheckCommand.self, DecideCommand.self, ExplainCommand.self, TestCommand.self, DiffCommand.self,
            LintCommand.self, BundleCommand.self, KeygenCommand.self, VerifyCommand.self,
        ]
    )

    static func main() {
        Terminal.checkStandardOutputAtExit()
        main(nil)
    }
}

/// Exit statuses documented in `docs/cli.md`.
enum ExitStatus {
    static let policyErrors = ExitCode(1)
    static let inputError = ExitCode(2)
    static let malformedRecords = ExitCode(3)
}
