/// A policy set read as a table: for every combination of the classes of a few chosen fields, the outcomes
/// records get over every value of all the other fields, and the rules that impose them.
///
/// The matrix ranges over lint's finite decision space (see `Linter`), with the buyers and exemption claims of
/// the set's approved exemptions added, and every outcome in it comes from the engine deciding records of that
/// space. A cell with one outcome is settled by its fields alone; a cell with several depends on fields left
/// out of the matrix.
///
/// ```swift
/// let matrix = try DecisionMatrix(policy: policy, dimensions: ["buyer.entity_class", "product.manufacturer"])
/// print(matrix.text)
/// ```
public struct DecisionMatrix: Sendable {
    /// A field the matrix is split by, and its classes of values.
    public struct Dimension: Sendable {
        /// The field's path, as policies write it: `buyer.entity_class`.
        public var path: String
        public var values: [Value]
    }

    /// A class of values the set cannot tell apart, named by its members.
    public struct Value: Sendable {
        /// Each value of the class, readably: `Huawei`, `2019-04-01 … 2020-06-30`, `missing`.
        public var members: [String]

        /// Every member, comma-separated.
        public var label: String { members.joined(separator: ", ") }

        /// The label, or its first members and a count when there are many.
        public var shortLabel: String { Self.short(members) }

        static func short(_ names: [String]) -> String {
            guard names.count > MatrixLabels.shortLimit else { return names.joined(separator: ", ") }
            let shown = MatrixLabels.shortLimit - 1
            return names.prefix(shown).joined(separator: ", ") + " and \(names.count - shown) more"
        }
    }

    /// One combination of the dimensions' classes.
    public struct Cell: Sendable {
        /// For each dimension, the index of the cell's class in its `values`.
        public var values: [Int]
        /// The outcomes records of the cell get, from least to most restrictive.
        public var outcomes: [Outcome]
        /// For each outcome that a rule imposes (`review_required`, `prohibited`), the ids of the rules that impose
        /// it on some record of the cell, in the set's order.
        public var decidedBy: [Outcome: [String]]
    }

    public var policy: PolicyInfo
    public var dimensions: [Dimension]
    /// Every combination, the last dimension varying fastest.
    public var cells: [Cell]

    /// Works out the matrix of `policy` split by the fields at `dimensions`.
    ///
    /// - Throws: `DecisionMatrixError` when a path is not a record field, or not one the set reads.
    public init(policy: CompiledPolicy, dimensions paths: [String]) throws(DecisionMatrixError) {
        let space = MatrixSpace(policy: policy)
        let axes = try MatrixAxis.resolve(paths, space: space)
        let reaches = MatrixSearch(space: space, axes: axes).cells()
        self.policy = policy.info
        dimensions = axes.map { Dimension(path: $0.path, values: $0.values) }
        let counts = axes.map(\.classes.count)
        cells = reaches.enumerated().map { position, reach in
            var values = Array(repeating: 0, count: counts.count)
            var rest = position
            for axis in counts.indices.reversed() {
                values[axis] = rest % counts[axis]
                rest /= counts[axis]
            }
            return Cell(
                values: values, outcomes: reach.outcomes.sorted(),
                decidedBy: reach.deciders.mapValues { $0.sorted().map { policy.rules[$0].id } })
        }
    }
}
