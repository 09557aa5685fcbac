/// What one reason line depends on: which scope or rule it is about, how that came out, and the culprit tests
/// with what they saw. Records that fail the same way share the line's wording instead of building it again.
struct ReasonLineKey: Hashable {
    enum Line: Hashable {
        case scope(Int)
        case rule(Int)
    }

    /// One culprit test: the condition, the list element it sat in, its truth, and the value when the wording
    /// quotes it (vendor names, missing and unusable values).
    struct Culprit: Hashable {
        var condition: Int
        var element: Int
        var truth: Truth
        var value: FieldValue?
        var vendor: VendorIdentity?
        var group: Int?
        /// The record left the field out and another stood in.
        var stoodIn = false
    }

    var line: Line
    var flags: Int32
    var culprits: [Culprit]

    init(line: Line, flags: Int32, culprits: [Int], in text: StepText) {
        self.line = line
        self.flags = flags
        self.culprits = culprits.map { index in
            let step = text.recorder.steps[index]
            let condition: Int = if case .condition(let info) = step.subject { info } else { -1 }
            var culprit = Culprit(condition: condition, element: text.elementIndex(of: index), truth: step.truth)
            culprit.stoodIn = !text.standIn(index).isEmpty
            switch step.observed {
            case .field(.missing): culprit.value = .missing
            case .field(.invalid(let reason, let written)): culprit.value = .invalid(reason: reason, written: written)
            case .field, .none: break
            case .vendor(let value, let sighting):
                culprit.value = value
                culprit.vendor = sighting?.identity
                culprit.group = sighting?.group
            }
            return culprit
        }
    }
}
