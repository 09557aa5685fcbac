import ArgumentParser
import Kensa

/// `kensa lint DIR`: analyses a policy set over its finite decision space and reports dead and shadowed rules,
/// useless and expired exemptions, and in-scope gaps, each with a witness record.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find rules that never fire or never matter, exemptions that never apply or have expired, and gaps.",
        discussion: """
            Examples:
              kensa lint policies/jp
              kensa lint policies/us --as-of 2026-01-01 --expiring-within 90
              kensa lint policies/us --format sarif > lint.sarif
              kensa lint policies/jp --matrix buyer.entity_class,product.manufacturer
              kensa lint policies/jp --matrix date,consultation.status --format csv > matrix.csv

            Every finding reads `path:line:column: warning[K5xx]: message`, with a witness record as one line of \
            JSON where one exists. Codes are explained in docs/diagnostics.md, the analysis in docs/lint.md. \
            Expiry (K504, K505) is reported only with --as-of. Exit status 1 when the set does not compile, or, \
            with --strict, when lint finds anything; status 64 when --matrix names a field the set does not read.

            --matrix prints, instead of the findings, the decision matrix: for every combination of the classes of \
            the fields named, the outcomes records get whatever their other fields, and (in csv and json) the \
            rules that impose them. The fields must be ones the set reads; see docs/lint.md.
            """
    )

    @OptionGroup var set: PolicySetArgument

    @Option(name: .customLong("as-of"), help: "Judge exemption expiry at this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(name: .customLong("expiring-within"), help: "With --as-of: report exemptions ending within this many days.")
    var expiringWithin: Int = 30

    @Flag(help: "Exit with status 1 when lint finds anything, warnings included.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Print the decision matrix over these fields (comma-separated) instead of the findings.",
            valueName: "field,field"))
    var matrix: String?

    @Option(help: "text, json or sarif (SARIF 2.1.0); with --matrix: text, csv or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json, sarif, csv }

    func validate() throws {
        if matrix == nil && format == .csv { throw ValidationError("--format csv is for --matrix only") }
        if matrix != nil && format == .sarif { throw ValidationError("--matrix is written as text, csv or json") }
        if matrix != nil && (asOf != nil || strict) {
            throw ValidationError("--matrix reports no findings: --as-of and --strict do not apply to it")
        }
        _ = try PolicyOptions.day(asOf: asOf)
    }

    func run() throws {
        let day = try PolicyOptions.day(asOf: asOf)
        let policy = try PolicyOptions.load(set.directory, requireSignature: set.requireSignature)
        if let matrix { return try printMatrix(policy, fields: matrix) }
        let report = Linter(policy: policy).lint(LintOptions(asOf: day, expiringWithin: expiringWithin))
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json(policy: policy.info))
        case .sarif, .csv: print(report.sarif)
        }
        if report.hasErrors || (strict && !report.findings.isEmpty) { throw ExitStatus.policyErrors }
    }

    private func printMatrix(_ policy: CompiledPolicy, fields: String) throws {
        let paths = fields.split(separator: ",").map { $0.filter { !$0.isWhitespace } }
        let built: DecisionMatrix
        do {
            built = try DecisionMatrix(policy: policy, dimensions: paths)
        } catch {
            Terminal.error("error: --matrix: \(error.message)" + (error.help.map { "\nhelp: \($0)" } ?? ""))
            throw ExitCode.validationFailure
        }
        switch format {
        case .text: print(built.text, terminator: "")
        case .csv: print(built.csv, terminator: "")
        case .json, .sarif: print(built.json)
        }
    }
}
