import ArgumentParser
import Kensa

/// `kensa check DIR`: compiles a policy set and reports every problem with its position.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile a policy set and report every problem, sorted by file, line and column.",
        discussion: """
            Examples:
              kensa check policies/jp
              kensa check policies/us --format json
              kensa check us.kbundle --require-signature ministry.pub

            Each problem reads `path:line:column: error[CODE]: message`, with `help:` when a fix can be guessed. \
            Codes are explained in docs/diagnostics.md. Exit status 1 when there is an error.
            """
    )

    @OptionGroup var set: PolicySetArgument

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let files = try PolicyReading.files(at: set.directory, requireSignature: set.requireSignature)
        let (policy, diagnostics) = PolicySet.check(files)
        switch format {
        case .text:
            DiagnosticPrinter(colour: Terminal.colourOnStdout).print(diagnostics, to: .standardOutput)
            if let policy {
                print(
                    "\(set.directory): ok — \(policy.info.id) \(policy.info.version), \(policy.summary) (\(policy.info.digest))"
                )
            }
        case .json:
            print(DiagnosticJSON.text(diagnostics, policy: policy?.info))
        }
        if policy == nil { throw ExitStatus.policyErrors }
    }
}
