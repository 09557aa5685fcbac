import ArgumentParser
import Kensa

/// `kensa decide`: decides every record of a file and writes one decision per record.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide procurement records against a policy set.",
        discussion: """
            Examples:
              kensa decide --policy policies/jp policies/jp/examples/records.jsonl
              kensa decide --policy policies/us --format text --explain records.csv
              cat records.jsonl | kensa decide --policy policies/jp --as-of 2021-06-01 -
              kensa decide --policy us.kbundle --require-signature us.pub records.jsonl

            Writes one decision per record, in input order: JSON Lines by default (`id`, `outcome`, `decided_by`, \
            `exemptions_applied`, `reasons`, `policy`, `judged_at`, and `trace` with --explain). A malformed record \
            is reported on standard error with its line and id; every other record is still decided, and the exit \
            status is then 3.
            """
    )

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var recordOptions: RecordOptions

    @Option(help: "jsonl (one decision per line), json (one array) or text (for reading).")
    var format: DecisionFormat = .jsonl

    @Flag(help: "Include the trace of every scope, rule, condition and exemption in each decision.")
    var explain = false

    /// How many records are read before they are decided.
    static let batchSize = 16

    func run() throws {
        let asOf = try policyOptions.asOfDay()
        let policy = try policyOptions.load()
        var reader = try RecordInputOpener(options: recordOptions).open(
            layout: policy, keptText: explain ? nil : policy.textFieldsDecisionsRead)
        let decider = Decider(policy: policy)
        var output = DecisionOutput(format: format, colour: Terminal.colourOnStdout)
        var progress = Progress(enabled: Terminal.stderrIsTerminal)
        var malformed = 0
        // Records are read a batch at a time, then decided in order: the reader's code and the engine's each stay
        // in the instruction cache for a whole batch instead of taking turns at every record.
        var batch: [RecordInput] = []
        batch.reserveCapacity(Self.batchSize)
        while true {
            while batch.count < Self.batchSize, let input = reader.next() { batch.append(input) }
            guard !batch.isEmpty else { break }
            batch.reverse()
            // Popped, not iterated: each record is handed over, so the engine does not copy its values.
            while let input = batch.popLast() {
                switch consume input {
                case .record(let record) where explain:
                    output.writeExplained(record, by: decider, asOf: asOf)
                    reader.recycle(decider.takeSpentValues())
                case .record(let record):
                    if output.decide(record, with: decider, asOf: asOf) { reader.recycle(decider.takeSpentValues()) }
                case .malformed(let problem):
                    malformed += 1
                    output.flush()
                    progress.interrupt()
                    Terminal.error("\(recordOptions.input): error: \(problem)")
                }
                progress.tick(malformed: malformed)
            }
        }
        output.finish()
        progress.finish(malformed: malformed)
        if malformed > 0 { throw ExitStatus.malformedRecords }
    }
}

/// How decisions are written.
enum DecisionFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, json, text
}
