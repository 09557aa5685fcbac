/// A growable run of plain values in memory its owner frees with `deallocate()`: the storage of ``PlainBuffer``,
/// and what the batch path's shape observer appends to (``ObservedShape``). A value type holding a pointer, so
/// that code appending to one it holds in place takes no reference and checks no uniqueness, as an array would on
/// every append.
struct PlainRun<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { reserve(1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress else { return }
        reserve(elements.count)
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> Element { base[index] }

    /// The elements in `range`, read in place until the next append.
    @inline(__always)
    func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Makes room for `more` elements, doubling the capacity as needed.
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        while count + more > capacity { capacity *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
}
