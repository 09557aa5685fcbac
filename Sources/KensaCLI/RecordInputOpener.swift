import ArgumentParser
import Kensa

/// Opens the records named on the command line with the reader their format needs.
struct RecordInputOpener {
    let options: RecordOptions

    func open(layout policy: CompiledPolicy) throws -> any RecordReader {
        let format = try options.format()
        let source: RecordSource = options.input == "-" ? .standardInput : .path(options.input)
        do {
            return try format.makeReader(source: source, layout: policy.recordLayout)
        } catch {
            Terminal.error("\(options.input): error: \(error.line > 0 ? error.description : error.message)")
            throw ExitStatus.inputError
        }
    }
}
