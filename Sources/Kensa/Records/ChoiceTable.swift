/// The values of a `choice` field laid out as bytes, so a reader matches what a record wrote without making a String.
///
/// A struct of pointers, copied freely without reference counting; its ``LayoutPlan`` frees it with ``deallocate()``.
struct ChoiceTable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// `offsets[i]..<offsets[i + 1]` are the bytes of value `i`.
    private let offsets: UnsafeMutablePointer<Int>
    let count: Int

    init(_ values: [String]) {
        count = values.count
        let utf8 = values.map { Array($0.utf8) }
        bytes = .allocate(capacity: max(utf8.reduce(0) { $0 + $1.count }, 1))
        offsets = .allocate(capacity: count + 1)
        var offset = 0
        for (index, value) in utf8.enumerated() {
            offsets[index] = offset
            (bytes + offset).initialize(from: value, count: value.count)
            offset += value.count
        }
        offsets[count] = offset
    }

    /// Frees the table's memory; the table must not be used afterwards.
    func deallocate() {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// Index of the value spelled exactly by `text`, or nil when the field has no such value.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in 0..<count {
            let start = offsets[index]
            guard offsets[index + 1] - start == text.count else { continue }
            if text.isEmpty || KeyTable.equal(bytes + start, text.baseAddress!, count: text.count) { return index }
        }
        return nil
    }
}
