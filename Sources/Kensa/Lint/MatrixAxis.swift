/// One dimension of a decision matrix: a record field the set reads, and the classes its values fall into.
///
/// The classes are lint's (`LintClasses`): values every test of the set treats alike are one class, so a cell of
/// the matrix stands for every value of its class. A field that another stands in for when it is left out
/// (`product.brand`, which takes `product.manufacturer`) keeps `missing` as a class of its own, since a record
/// without it is judged on the other field's value.
struct MatrixAxis {
    let path: String
    let slot: Int
    /// The values of each class, its representative first.
    let classes: [[FieldValue]]
    let values: [DecisionMatrix.Value]

    /// The axes named by `paths`, or an error that names the first path the set does not read.
    static func resolve(_ paths: [String], space: MatrixSpace) throws(DecisionMatrixError) -> [MatrixAxis] {
        guard !paths.isEmpty else { throw DecisionMatrixError("give at least one field to split the matrix by") }
        let layout = space.policy.layout
        let readable = space.slots.map { layout.fields[$0].path }
        let labels = MatrixLabels(space: space)
        var axes: [MatrixAxis] = []
        for path in paths {
            guard let slot = layout.slot(of: path) else {
                throw DecisionMatrixError(
                    "no field `\(path)` in this set's records",
                    help: Suggestion.didYouMeanPath(path, among: readable) ?? Self.fieldsRead(readable))
            }
            guard space.slots.contains(slot) else {
                throw DecisionMatrixError(
                    "the set never reads `\(path)`, so no outcome depends on it",
                    help: Suggestion.didYouMeanPath(path, among: readable) ?? Self.fieldsRead(readable))
            }
            guard !axes.contains(where: { $0.slot == slot }) else {
                throw DecisionMatrixError("`\(path)` is given twice")
            }
            let classes = space.classes(of: slot)
            axes.append(
                MatrixAxis(
                    path: path, slot: slot, classes: classes,
                    values: classes.map { labels.value(of: $0, slot: slot) }))
        }
        return axes
    }

    private static func fieldsRead(_ paths: [String]) -> String {
        "fields it reads: " + paths.sorted().map { "`\($0)`" }.joined(separator: ", ")
    }
}

/// Why a decision matrix cannot be built: a field that does not exist or that the set never reads.
public struct DecisionMatrixError: Error, Sendable, CustomStringConvertible {
    /// One line, in the author's words.
    public var message: String
    /// "did you mean `date`?", or the fields the set reads.
    public var help: String?

    init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    public var description: String { message + (help.map { "; \($0)" } ?? "") }
}
