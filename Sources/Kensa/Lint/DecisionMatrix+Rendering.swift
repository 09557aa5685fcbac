/// The three forms a decision matrix is written in: an aligned table for a terminal, CSV for a spreadsheet, and
/// JSON for scripts.
extension DecisionMatrix {
    /// A grid for two dimensions (the first down, the second across); otherwise one row per combination with the
    /// rules that decide it. Classes with many members are shortened, and listed in full underneath.
    public var text: String {
        var lines = [
            "Decision matrix of `\(policy.id)` \(policy.version): the outcomes of every record in each cell, "
                + "whatever its other fields"
        ]
        if dimensions.count == 2 {
            let columns = dimensions[1].values
            var rows = [["\(dimensions[0].path) \\ \(dimensions[1].path)"] + columns.map(\.shortLabel)]
            for (index, value) in dimensions[0].values.enumerated() {
                let row = cells[(index * columns.count)..<((index + 1) * columns.count)]
                rows.append([value.shortLabel] + row.map { Self.outcomesText($0.outcomes) })
            }
            lines += Self.aligned(rows)
        } else {
            let header = dimensions.map(\.path) + ["outcome", "decided by"]
            let rows = cells.map { cell in
                zip(dimensions, cell.values).map { $0.values[$1].shortLabel }
                    + [Self.outcomesText(cell.outcomes), deciders(cell).joined(separator: "; ")]
            }
            lines += Self.aligned([header] + rows)
        }
        for dimension in dimensions {
            for value in dimension.values where value.shortLabel != value.label {
                lines.append("\(dimension.path) `\(value.shortLabel)`: \(value.label)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A header of the dimensions' paths, `outcomes`, `prohibited_by` and `review_required_by`, then one row per
    /// cell with every class in full (RFC 4180 quoting).
    public var csv: String {
        let header = dimensions.map(\.path) + ["outcomes", "prohibited_by", "review_required_by"]
        let rows = cells.map { cell in
            zip(dimensions, cell.values).map { $0.values[$1].label }
                + [
                    Self.outcomesText(cell.outcomes), (cell.decidedBy[.prohibited] ?? []).joined(separator: " "),
                    (cell.decidedBy[.reviewRequired] ?? []).joined(separator: " "),
                ]
        }
        return ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// `{"policy", "dimensions": [{"path", "values": [{"label", "members"}]}], "cells": [{"values", "outcomes",
    /// "decided_by"}]}`, a cell's values as labels.
    public var json: String {
        func q(_ text: String) -> String { DecisionJSON.quoted(text) }
        func list(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ", ") + "]" }
        let dimensionItems = dimensions.map { dimension in
            let values = dimension.values.map { "{\"label\": \(q($0.label)), \"members\": \(list($0.members))}" }
            return "    {\"path\": \(q(dimension.path)), \"values\": [\(values.joined(separator: ", "))]}"
        }
        let cellItems = cells.map { cell in
            let labels = zip(dimensions, cell.values).map { $0.values[$1].label }
            let deciders = [Outcome.reviewRequired, .prohibited].compactMap { outcome in
                cell.decidedBy[outcome].map { "\(q(outcome.name)): \(list($0))" }
            }
            return "    {\"values\": \(list(labels)), \"outcomes\": \(list(cell.outcomes.map(\.name))), "
                + "\"decided_by\": {\(deciders.joined(separator: ", "))}}"
        }
        return """
            {
              "policy": {"id": \(q(policy.id)), "version": \(q(policy.version)), "digest": \(q(policy.digest))},
              "dimensions": [
            \(dimensionItems.joined(separator: ",\n"))
              ],
              "cells": [
            \(cellItems.joined(separator: ",\n"))
              ]
            }
            """
    }

    /// One outcome by name; a run of consecutive outcomes as `permitted … prohibited`; others listed.
    static func outcomesText(_ outcomes: [Outcome]) -> String {
        guard let first = outcomes.first, let last = outcomes.last else { return "" }
        if outcomes.count > 1 && last.rawValue - first.rawValue == outcomes.count - 1 {
            return "\(first.name) … \(last.name)"
        }
        return outcomes.map(\.name).joined(separator: ", ")
    }

    /// `prohibited: rule, rule; review_required: rule`, most restrictive first.
    private func deciders(_ cell: Cell) -> [String] {
        [Outcome.prohibited, .reviewRequired].compactMap { outcome in
            cell.decidedBy[outcome].flatMap { $0.isEmpty ? nil : "\(outcome.name): \($0.joined(separator: ", "))" }
        }
    }

    /// Rows padded to their columns' widths (counted in characters), two spaces apart, a rule under the header.
    private static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            let padded = zip(row, widths).dropLast().map { $0 + String(repeating: " ", count: $1 - $0.count) }
            var line = (padded + [row[row.count - 1]]).joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [lines[0], rule] + lines.dropFirst()
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
