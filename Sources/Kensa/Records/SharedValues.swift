#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Values read from JSON lists and objects whose exact text repeats from record to record (a component
/// `{"part": "SSD", "manufacturer": "Samsung"}`, data classes `["public"]`), found again by that text: a reader
/// meeting the same bytes gets the value read the first time, without reading them or allocating its arrays.
///
/// The text of a JSON list or object decides where it ends, so input that starts with the bytes of one read
/// before holds that very value; only values read whole without a problem, on one line, are kept. A value is kept
/// with its owner (the field or layout and the depth it was read for), which reads the same bytes the same way.
///
/// Direct-mapped and bounded like ``SharedTexts``: memory stays flat, and text that does not repeat only replaces a
/// slot. A struct of pointers; its ``LayoutPlan`` frees it with ``deallocate()``.
struct SharedValues<Value> {
    /// Longest text kept, in bytes.
    static var maxBytes: Int { 256 }

    private struct Slot {
        /// Length of the text; -1 marks an empty slot.
        var count: Int
        var owner: Int
        /// The text, allocated when the slot is filled.
        var bytes: UnsafeMutablePointer<UInt8>?
        var value: Value?
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int

    /// A table of `slotCount` slots, a power of two: more than the values expected to repeat, as two values whose
    /// texts share a slot replace each other.
    init(slotCount: Int) {
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(count: -1, owner: 0, bytes: nil, value: nil), count: slotCount)
        mask = slotCount - 1
    }

    /// Frees the table's memory; the table must not be used afterwards.
    func deallocate() {
        for index in 0...mask { slots[index].bytes?.deallocate() }
        slots.deinitialize(count: mask + 1)
        slots.deallocate()
    }

    /// The value kept for `owner` whose text the `available` bytes at `start` begin with, and that text's length.
    ///
    /// `close` is the byte that ends the list or object (`]` or `}`); candidates are found by the text up to its
    /// first occurrence, and confirmed by comparing the whole kept text.
    @inline(__always)
    func value(at start: UnsafePointer<UInt8>, available: Int, close: UInt8, owner: Int) -> (Value, Int)? {
        let slot = slots + (Self.hash(start, available: available, close: close, owner: owner) & mask)
        let count = slot.pointee.count
        guard count >= 0, count <= available, slot.pointee.owner == owner, let bytes = slot.pointee.bytes,
            KeyTable.equal(bytes, start, count: count), let value = slot.pointee.value
        else { return nil }
        return (value, count)
    }

    /// Keeps `value`, read from `text` for `owner`, in place of what its slot held.
    func remember(_ value: Value, text: UnsafeBufferPointer<UInt8>, close: UInt8, owner: Int) {
        guard let start = text.baseAddress, text.count <= Self.maxBytes else { return }
        let slot = slots + (Self.hash(start, available: text.count, close: close, owner: owner) & mask)
        slot.pointee.bytes?.deallocate()
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(text.count, 1))
        bytes.initialize(from: start, count: text.count)
        slot.pointee = Slot(count: text.count, owner: owner, bytes: bytes, value: value)
    }

    /// A hash of the owner and the text at `start` up to the first `close` (at most ``maxBytes``).
    @inline(__always)
    private static func hash(_ start: UnsafePointer<UInt8>, available: Int, close: UInt8, owner: Int) -> Int {
        let limit = min(available, maxBytes)
        let end =
            memchr(start, Int32(close), limit).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - start + 1 }
            ?? limit
        let raw = UnsafeRawPointer(start)
        var hash = UInt64(truncatingIfNeeded: owner) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(end)
        var offset = 0
        while offset + 8 <= end {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        if offset < end, end >= 8 {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
        } else {
            for index in offset..<end { hash = (hash ^ UInt64(start[index])) &* 0x94D0_49BB_1331_11EB }
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
