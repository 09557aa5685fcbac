/// The values of the objects a JSON parser is reading, one per field of its ``LayoutPlan`` (plan numbering), all
/// `.missing` between objects.
///
/// Values are written in place as they are read, without the uniqueness check and old-value destruction of an
/// array element assignment, and each finished object's values are moved into an array reserved for its layout's
/// size: one allocation per object, none to grow. A record and the entries of its lists of objects use different
/// layouts, so their values never share a field even while both are being read.
final class PendingValues {
    private let base: UnsafeMutablePointer<FieldValue>
    private let count: Int
    /// Arrays of records already decided, handed back (``recycle(_:count:)``): a record's values are moved into one
    /// of them, replacing the old values one by one, instead of into a new array whose old counterpart is freed
    /// through the runtime's generic destruction of each element. Unchecked exclusivity: a reader serves one
    /// thread.
    @exclusivity(unchecked) private var spares: [[FieldValue]] = []
    /// The most spares kept: a batch of records is read before it is decided.
    private static let spareLimit = 32

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: .missing, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The values of the layout whose slot 0 is plan field `fieldBase`, indexed by slot.
    @inline(__always)
    func values(from fieldBase: Int) -> UnsafeMutablePointer<FieldValue> { base + fieldBase }

    /// The `count` values at `values`, moved into a new array; the places they leave are `.missing` again.
    ///
    /// Appended one by one after `reserveCapacity`, which is specialised for `FieldValue`: the one-block
    /// `Array(unsafeUninitializedCapacity:)` looks the array's storage type up at run time, which costs more than
    /// the appends.
    @inline(__always)
    func take(_ values: UnsafeMutablePointer<FieldValue>, count: Int) -> [FieldValue] {
        if let last = spares.last, last.count == count {
            var array = spares.removeLast()
            array.withUnsafeMutableBufferPointer { array in
                for slot in 0..<count { array[slot] = (values + slot).move() }
            }
            values.initialize(repeating: .missing, count: count)
            return array
        }
        var array: [FieldValue] = []
        array.reserveCapacity(count)
        for slot in 0..<count { array.append((values + slot).move()) }
        values.initialize(repeating: .missing, count: count)
        return array
    }

    /// Keeps `values` for a later object of `count` values to be moved into, when it has that many.
    func recycle(_ values: consuming [FieldValue], count: Int) {
        guard values.count == count, spares.count < Self.spareLimit else { return }
        spares.append(values)
    }

    /// Makes every value `.missing` again, after reading stopped partway through an object or the object was
    /// found unusable.
    func reset() {
        base.deinitialize(count: count)
        base.initialize(repeating: .missing, count: count)
    }
}

extension UnsafeMutablePointer<FieldValue> {
    /// Stores a value read for the field at `slot`; only a key written twice replaces a value that is not missing.
    @inline(__always)
    func store(_ value: consuming FieldValue, at slot: Int) {
        if self[slot].isMissing {
            (self + slot).initialize(to: value)
        } else {
            self[slot] = value
        }
    }
}
