/// Strings for text that repeats from record to record (buyer and vendor names, exemption ids), found by their
/// bytes: reading the same bytes again gives the string made the first time, so a repeated name costs a retain
/// instead of building, allocating and later freeing a string of its own.
///
/// Direct-mapped and bounded: each slot holds the last text whose bytes hash to it, so memory stays flat and text
/// that does not repeat only replaces a slot. Text longer than ``maxBytes`` is built as usual. A struct of pointers,
/// used without reference counting on the hot path; its ``LayoutPlan`` frees it with ``deallocate()``.
struct SharedTexts {
    /// Longest text kept, in UTF-8 bytes; names are shorter, and longer text rarely repeats.
    static let maxBytes = 64
    private static let slotCount = 1_024

    private struct Slot {
        /// The text's length and first and last bytes; a length of -1 marks an empty slot.
        var words: KeyTable.Words
        var text: String
    }

    private let slots: UnsafeMutablePointer<Slot>
    /// The bytes of each slot's text, ``maxBytes`` per slot.
    private let bytes: UnsafeMutablePointer<UInt8>

    init() {
        slots = .allocate(capacity: Self.slotCount)
        var empty = KeyTable.Words(UnsafeBufferPointer(start: nil, count: 0))
        empty.count = -1
        slots.initialize(repeating: Slot(words: empty, text: ""), count: Self.slotCount)
        bytes = .allocate(capacity: Self.slotCount * Self.maxBytes)
    }

    /// Frees the table's memory; the table must not be used afterwards.
    func deallocate() {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
        bytes.deallocate()
    }

    /// The text of `utf8` (checked as UTF-8 by the reader): the string made for the same bytes before when its slot
    /// still holds it, otherwise a new one, which the slot then keeps.
    @inline(__always)
    func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard utf8.count <= Self.maxBytes, let start = utf8.baseAddress else {
            return String(decoding: utf8, as: UTF8.self)
        }
        let words = KeyTable.Words(utf8)
        let index = Int(truncatingIfNeeded: words.hash(node: 0)) & (Self.slotCount - 1)
        let slot = slots + index
        let stored = bytes + index * Self.maxBytes
        if slot.pointee.words.count == words.count, slot.pointee.words.head == words.head,
            slot.pointee.words.tail == words.tail,
            words.count <= 16 || KeyTable.equal(stored, start, count: words.count)
        {
            return slot.pointee.text
        }
        return remember(utf8, words: words, in: slot, bytes: stored)
    }

    /// Makes the string for text its slot does not hold, and keeps it there in place of the slot's old text.
    @inline(never)
    private func remember(
        _ utf8: UnsafeBufferPointer<UInt8>, words: KeyTable.Words, in slot: UnsafeMutablePointer<Slot>,
        bytes: UnsafeMutablePointer<UInt8>
    ) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        slot.pointee.words = words
        slot.pointee.text = text
        bytes.update(from: utf8.baseAddress!, count: utf8.count)
        return text
    }
}
