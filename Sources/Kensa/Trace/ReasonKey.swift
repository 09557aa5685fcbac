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

        /// Names compare by their bytes: the line quotes the name as written, and String equality would take
        /// two spellings that normalise alike for one (and hash slowly, normalising kana and kanji first).
        static func == (lhs: Culprit, rhs: Culprit) -> Bool {
            guard lhs.condition == rhs.condition, lhs.element == rhs.element, lhs.truth == rhs.truth,
                lhs.vendor == rhs.vendor, lhs.group == rhs.group, lhs.stoodIn == rhs.stoodIn
            else { return false }
            if case .text(let left)? = lhs.value, case .text(let right)? = rhs.value {
                return left.utf8.elementsEqual(right.utf8)
            }
            return lhs.value == rhs.value
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(condition)
            hasher.combine(element)
            hasher.combine(truth)
            hasher.combine(vendor)
            hasher.combine(group)
            hasher.combine(stoodIn)
            if case .text(var text)? = value {
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            } else {
                hasher.combine(value)
            }
        }
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
            switch text.recorder.observed(index) {
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
