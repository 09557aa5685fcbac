/// The values of a `choice` field laid out as bytes, so a reader matches what a record wrote without making a String.
///
/// A struct of pointers, copied freely without reference counting; its ``LayoutPlan`` frees it with ``deallocate()``.
struct ChoiceTable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// `offsets[i]..<offsets[i + 1]` are the bytes of value `i`.
    private let offsets: UnsafeMutablePointer<Int>
    /// Each value's length and first and last bytes as words, which tell nearly all values apart without a loop.
    private let words: UnsafeMutablePointer<KeyTable.Words>
    let count: Int

    init(_ values: [String]) {
        count = values.count
        let utf8 = values.map { Array($0.utf8) }
        bytes = .allocate(capacity: max(utf8.reduce(0) { $0 + $1.count }, 1))
        offsets = .allocate(capacity: count + 1)
        words = .allocate(capacity: max(count, 1))
        var offset = 0
        for (index, value) in utf8.enumerated() {
            offsets[index] = offset
            (bytes + offset).initialize(from: value, count: value.count)
            (words + index).initialize(
                to: KeyTable.Words(UnsafeBufferPointer(start: bytes + offset, count: value.count)))
            offset += value.count
        }
        offsets[count] = offset
    }

    /// Frees the table's memory; the table must not be used afterwards.
    func deallocate() {
        bytes.deallocate()
        offsets.deallocate()
        words.deallocate()
    }

    /// Index of the value spelled exactly by `text`, or nil when the field has no such value.
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        let written = KeyTable.Words(text)
        for index in 0..<count {
            let value = words[index]
            guard value.count == written.count, value.head == written.head, value.tail == written.tail else { continue }
            if text.count <= 16 || KeyTable.equal(bytes + offsets[index], text.baseAddress!, count: text.count) {
                return index
            }
        }
        return nil
    }
}
