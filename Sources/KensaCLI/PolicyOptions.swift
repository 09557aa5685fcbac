import ArgumentParser
import Kensa

/// Options every command that evaluates records shares.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "The policy set: a directory of YAML policy files, or a bundle file.")
    var policy: String

    @Option(
        name: .customLong("require-signature"),
        help: ArgumentHelp("Accept only a bundle signed by this public key (.pub).", valueName: "key"))
    var requireSignature: String?

    @Option(
        name: .customLong("as-of"),
        help: "Judge vendor membership and exemptions at this date (YYYY-MM-DD) instead of each record's date.")
    var asOf: String?

    /// Rejects a malformed `--as-of` before the command runs, so the error comes with the command's usage.
    func validate() throws {
        _ = try asOfDay()
    }

    /// The `--as-of` date, validated.
    func asOfDay() throws -> Day? {
        try Self.day(asOf: asOf)
    }

    /// The day an `--as-of` option names, nil when it was not given; a usage error when it names no date.
    static func day(asOf text: String?) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else {
            throw ValidationError("--as-of `\(text)` is \(Day.whyNotADay(text))")
        }
        return day
    }

    /// The compiled set, or the set's diagnostics (or why its bundle was refused) on standard error and exit
    /// status 1.
    func load() throws -> CompiledPolicy {
        try Self.load(policy, requireSignature: requireSignature)
    }

    /// The compiled set at `path` (a directory or a bundle), or its diagnostics (or why its bundle was refused)
    /// on standard error and exit status 1.
    static func load(_ path: String, requireSignature: String?) throws -> CompiledPolicy {
        let files = try PolicyReading.files(at: path, requireSignature: requireSignature)
        let (compiled, diagnostics) = PolicySet.check(files)
        guard let compiled else {
            DiagnosticPrinter(colour: Terminal.colourOnStderr).print(diagnostics, to: .standardError)
            throw ExitStatus.policyErrors
        }
        return compiled
    }
}

/// The policy set a command reads as its argument (`check`, `lint`), with the key its bundle must be signed by.
struct PolicySetArgument: ParsableArguments {
    @Argument(help: "The policy set: a directory or a bundle file.")
    var directory: String

    @Option(
        name: .customLong("require-signature"),
        help: ArgumentHelp("Accept only a bundle signed by this public key (.pub).", valueName: "key"))
    var requireSignature: String?
}

/// Options that name the records to decide.
struct RecordOptions: ParsableArguments {
    @Argument(help: "Records: a JSON, JSON Lines or CSV file, or `-` for standard input.")
    var input: String

    @Option(
        name: .customLong("input-format"),
        help: "json, jsonl or csv; by default taken from the file extension (standard input: jsonl).")
    var inputFormat: String?

    /// Rejects an unknown `--input-format`, or a file whose extension names no format, with the command's usage.
    func validate() throws {
        _ = try format()
    }

    /// The format of the records: `--input-format`, else the file's extension; standard input is JSON Lines.
    func format() throws -> RecordFormat {
        if let name = inputFormat {
            guard let named = RecordFormat(rawValue: name) else {
                throw ValidationError("--input-format `\(name)` is not one of json, jsonl, csv")
            }
            return named
        }
        if input == "-" { return .jsonl }
        guard let inferred = RecordFormat.infer(fromPath: input) else {
            throw ValidationError(
                "cannot tell the format of `\(input)` from its extension: give --input-format json, jsonl or csv")
        }
        return inferred
    }
}
