import ArgumentParser
import Kensa

/// Options every command that evaluates records shares.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "The policy set: a directory of YAML policy files.")
    var policy: String

    @Option(
        name: .customLong("as-of"),
        help: "Judge vendor membership and exemptions at this date (YYYY-MM-DD) instead of each record's date.")
    var asOf: String?

    /// The `--as-of` date, validated.
    func asOfDay() throws -> Day? {
        guard let asOf else { return nil }
        guard let day = Day(iso: asOf) else {
            throw ValidationError("--as-of `\(asOf)` is not a date: write it YYYY-MM-DD")
        }
        return day
    }

    /// The compiled set, or the set's diagnostics on standard error and exit status 1.
    func load() throws -> CompiledPolicy {
        try Self.load(policy)
    }

    /// The compiled set at `path`, or its diagnostics on standard error and exit status 1 (2 when unreadable).
    static func load(_ path: String) throws -> CompiledPolicy {
        do {
            return try PolicySet.load(directory: path)
        } catch let errors as PolicyErrors {
            DiagnosticPrinter(colour: Terminal.colourOnStderr).print(errors.diagnostics, to: .standardError)
            throw ExitStatus.policyErrors
        } catch {
            Terminal.error("error: cannot read policy set `\(path)`: \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }
}

/// Options that name the records to decide.
struct RecordOptions: ParsableArguments {
    @Argument(help: "Records: a JSON, JSON Lines or CSV file, or `-` for standard input.")
    var input: String

    @Option(
        name: .customLong("input-format"),
        help: "json, jsonl or csv; by default taken from the file extension (standard input: jsonl).")
    var inputFormat: String?
}
