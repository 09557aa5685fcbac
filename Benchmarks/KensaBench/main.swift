// The decide benchmark's helper, run in a release build (never a timed test: timings vary by machine and load).
// `bench/run.sh` drives it; see docs/benchmark.md.
//
//     kensa-bench generate N FILE [--seed S]     N deterministic record-v1 records as JSON Lines
//     kensa-bench readers FILE [--policy DIR]    records/s of the record reader alone, best of 3
//     kensa-bench tally --policy DIR FILE        outcome and rule shares of a file, decided once with the trace
//     kensa-bench generate-policy RULES EXEMPTIONS DIR --from SET [--seed S]
//                                                a large policy set, for timing check, lint and test
import Foundation

/// A usage or input problem, printed on standard error.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let usage = """
    usage: kensa-bench generate N FILE [--seed S]
           kensa-bench readers FILE [--policy DIR]
           kensa-bench tally --policy DIR FILE
           kensa-bench generate-policy RULES EXEMPTIONS DIR --from SET [--seed S]
    """

/// Splits `--name value` options from positional arguments.
func parse(_ arguments: ArraySlice<String>) throws -> (positional: [String], options: [String: String]) {
    var positional: [String] = []
    var options: [String: String] = [:]
    var rest = arguments
    while let argument = rest.popFirst() {
        if argument.hasPrefix("--") {
            guard let value = rest.popFirst() else { throw BenchError("\(argument) needs a value") }
            options[String(argument.dropFirst(2))] = value
        } else {
            positional.append(argument)
        }
    }
    return (positional, options)
}

do {
    let arguments = CommandLine.arguments
    let (positional, options) = try parse(arguments.dropFirst(2))
    switch (arguments.count > 1 ? arguments[1] : "", positional.count) {
    case ("generate", 2):
        guard let count = Int(positional[0]), count >= 0 else {
            throw BenchError("N must be a count: \(positional[0])")
        }
        guard let seed = UInt64(options["seed"] ?? "2018") else { throw BenchError("--seed must be a number") }
        try GenerateCommand.run(count: count, path: positional[1], seed: seed)
    case ("readers", 1):
        try ReadersCommand.run(path: positional[0], policyDirectory: options["policy"])
    case ("tally", 1):
        guard let policy = options["policy"] else { throw BenchError("tally needs --policy DIR") }
        try TallyCommand.run(path: positional[0], policyDirectory: policy)
    case ("generate-policy", 3):
        guard let rules = Int(positional[0]), let exemptions = Int(positional[1]) else {
            throw BenchError("RULES and EXEMPTIONS must be counts")
        }
        guard let source = options["from"] else { throw BenchError("generate-policy needs --from SET") }
        guard let seed = UInt64(options["seed"] ?? "2018") else { throw BenchError("--seed must be a number") }
        try PolicyGenerator.run(
            rules: rules, exemptions: exemptions, directory: positional[2], from: source, seed: seed)
    default:
        throw BenchError(usage)
    }
} catch {
    FileHandle.standardError.write(Data("kensa-bench: \(error)\n".utf8))
    exit(2)
}
