import ArgumentParser
import Kensa

/// `kensa explain`: the full trace of one record's decision.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Explain the decision on one record: every scope, rule, condition and exemption, with the record's values.",
        discussion: """
            Examples:
              kensa explain --policy policies/jp --id JP-JLIS-2021-0042 policies/jp/examples/records.jsonl
              kensa explain --policy policies/jp --id JP-JLIS-2021-0042 --what-if policies/jp/examples/records.jsonl
              kensa explain --policy policies/us --id US-DOD-2020-0930 --format json policies/us/examples/records.jsonl
              kensa explain --policy policies/us --id US-DOD-2020-0930 --format html policies/us/examples/records.jsonl > trace.html

            Exit status 2 when no record has the id.
            """
    )

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var recordOptions: RecordOptions

    @Option(help: "The id of the record to explain.")
    var id: String

    @Option(help: "text, json or html (a self-contained page for reviewers).")
    var format: ExplainFormat = .text

    @Flag(
        name: .customLong("what-if"),
        help:
            "Instead of the trace: the smallest sets of changes that would make the record permitted (or, for a permitted record, the single changes that would make it prohibited), each verified by deciding the changed record."
    )
    var whatIf = false

    enum ExplainFormat: String, ExpressibleByArgument { case text, json, html }

    func validate() throws {
        if whatIf && format == .html { throw ValidationError("--what-if is written as text or json, not html") }
    }

    func run() throws {
        let asOf = try policyOptions.asOfDay()
        let policy = try policyOptions.load()
        var reader = try RecordInputOpener(options: recordOptions).open(layout: policy)
        let decider = Decider(policy: policy)
        while let input = reader.next() {
            if case .malformed(var problem) = input, problem.id == id {
                problem.id = nil
                Terminal.error("\(recordOptions.input): error: record `\(id)` cannot be read: \(problem)")
                throw ExitStatus.malformedRecords
            }
            guard case .record(let record) = input, record.id == id else { continue }
            if whatIf {
                let answer = decider.whatIf(record, asOf: asOf)
                print(format == .json ? answer.json : answer.text, terminator: "")
                return
            }
            let decision = decider.decide(record, asOf: asOf, explain: true)
            switch format {
            case .text: print(DecisionText(colour: Terminal.colourOnStdout).render(decision), terminator: "")
            case .json: print(DecisionJSON.text(decision))
            case .html: print(DecisionHTML.page(decision), terminator: "")
            }
            return
        }
        Terminal.error("error: no record with id `\(id)` in \(recordOptions.input)")
        throw ExitStatus.inputError
    }
}
