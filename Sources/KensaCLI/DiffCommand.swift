import ArgumentParser
import Kensa

/// `kensa diff OLD NEW --records FILE`: what a new version of a policy set changes, record by record.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Decide records under two versions of a policy set and explain every outcome that changes.",
        discussion: """
            Examples:
              kensa diff policies/jp-2020 policies/jp --records procurements.jsonl
              kensa diff old/ new/ --records records.csv --format markdown > impact.md

            Flips are grouped by old → new outcome, each attributed to the rules, scopes and exemptions whose \
            results differ (added, removed, changed condition or window, or unchanged with changed inputs), with \
            example record ids; then the structural changes with file:line on both sides. Records are streamed.
            """
    )

    @Argument(help: "The old policy set: a directory or a bundle.")
    var old: String

    @Argument(help: "The new policy set: a directory or a bundle.")
    var new: String

    @Option(help: "The records to decide under both versions: a JSON, JSON Lines or CSV file.")
    var records: String

    @Option(
        name: .customLong("input-format"), help: "json, jsonl or csv; by default taken from the file extension.")
    var inputFormat: String?

    @Option(name: .customLong("as-of"), help: "Judge vendor membership and exemptions at this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "text, json or markdown.")
    var format: ReportFormat = .text

    @Option(
        name: .customLong("require-signature"),
        help: ArgumentHelp("Accept only bundles signed by this public key (.pub).", valueName: "key"))
    var requireSignature: String?

    enum ReportFormat: String, ExpressibleByArgument { case text, json, markdown }

    /// Rejects a malformed `--as-of` before the command runs, so the error comes with the command's usage.
    func validate() throws {
        _ = try PolicyOptions.day(asOf: asOf)
    }

    func run() throws {
        let day = try PolicyOptions.day(asOf: asOf)
        guard
            let recordFormat = inputFormat.map({ RecordFormat(rawValue: $0) }) ?? RecordFormat.infer(fromPath: records)
        else {
            throw ValidationError("cannot tell the format of `\(records)`: give --input-format json, jsonl or csv")
        }
        let oldPolicy = try PolicyOptions.load(old, requireSignature: requireSignature)
        let newPolicy = try PolicyOptions.load(new, requireSignature: requireSignature)
        let report: ImpactReport
        do {
            report = try ImpactAnalysis(old: oldPolicy, new: newPolicy, asOf: day).analyse(
                contentsOf: records, format: recordFormat)
        } catch {
            Terminal.error("\(records): error: \(error)")
            throw ExitStatus.inputError
        }
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json, terminator: "")
        case .markdown: print(report.markdown, terminator: "")
        }
        if report.malformed > 0 { throw ExitStatus.malformedRecords }
    }
}
