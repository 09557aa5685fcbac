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

            Each problem reads `path:line:column: error[CODE]: message`, with `help:` when a fix can be guessed. \
            Codes are explained in docs/diagnostics.md. Exit status 1 when there is an error.
            """
    )

    @Argument(help: "The policy set directory.")
    var directory: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let files: PolicyFiles
        do {
            files = try PolicyFiles(directory: directory)
        } catch {
            Terminal.error("error: cannot read policy set `\(directory)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
        let (policy, diagnostics) = PolicySet.check(files)
        switch format {
        case .text:
            DiagnosticPrinter(colour: Terminal.colourOnStdout).print(diagnostics, to: .standardOutput)
            if let policy {
                print("\(directory): ok — \(policy.info.id) \(policy.info.version), \(policy.summary) (\(policy.info.digest))")
            }
        case .json:
            print(DiagnosticJSON.text(diagnostics, policy: policy?.info))
        }
        if policy == nil { throw ExitStatus.policyErrors }
    }
}
