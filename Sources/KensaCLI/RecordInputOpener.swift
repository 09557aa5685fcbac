import ArgumentParser
import Kensa

/// Opens the records named on the command line with the reader their format needs.
struct RecordInputOpener {
    let options: RecordOptions

    func open(layout policy: CompiledPolicy) throws -> any RecordReader {
        let format: RecordFormat
        if let name = options.inputFormat {
            guard let named = RecordFormat(rawValue: name) else {
                throw ValidationError("--input-format `\(name)` is not one of json, jsonl, csv")
            }
            format = named
        } else if options.input == "-" {
            format = .jsonl
        } else if let inferred = RecordFormat.infer(fromPath: options.input) {
            format = inferred
        } else {
            throw ValidationError(
                "cannot tell the format of `\(options.input)` from its extension: give --input-format json, jsonl or csv")
        }
        let source: RecordSource = options.input == "-" ? .standardInput : .path(options.input)
        do {
            return try format.makeReader(source: source, layout: policy.recordLayout)
        } catch {
            Terminal.error("\(options.input): error: \(error.line > 0 ? error.description : error.message)")
            throw ExitStatus.inputError
        }
    }
}
