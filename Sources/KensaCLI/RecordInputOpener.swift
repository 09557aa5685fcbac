import ArgumentParser
import Kensa

/// Opens the records named on the command line with the reader their format needs.
struct RecordInputOpener {
    let options: RecordOptions

    /// With `keptText`, only those text fields are kept (see `CompiledPolicy.textFieldsDecisionsRead`).
    func open(layout policy: CompiledPolicy, keptText: Set<String>? = nil) throws -> any RecordReader {
        let format = try options.format()
        let source: RecordSource = options.input == "-" ? .standardInput : .path(options.input)
        do {
            return try format.makeReader(source: source, layout: policy.recordLayout, keptText: keptText)
        } catch {
            Terminal.error("\(options.input): error: \(error.line > 0 ? error.description : error.message)")
            throw ExitStatus.inputError
        }
    }
}
