/// A growable buffer of plain values in memory of its own: what the batch caches keep their rendered bytes and
/// pieces in, and the scanners the strings they decode from escapes. An array held by a class is retained and
/// released around every read; this buffer is read through its pointer, without reference counting, and its
/// storage stays put between appends that fit, so a scanner can hand out pointers into it.
///
/// Exclusivity is unchecked: a buffer serves one cache or scanner, on one thread, and a dynamic check on every append
/// would cost more than the append.
final class PlainBuffer<Element: BitwiseCopyable> {
    @exclusivity(unchecked) private var run: PlainRun<Element>

    init(capacity: Int = 4_096) {
        run = PlainRun(capacity: capacity)
    }

    deinit { run.deallocate() }

    var base: UnsafeMutablePointer<Element> { run.base }
    var count: Int { run.count }

    @inline(__always)
    func append(_ element: Element) { run.append(element) }

    func append(contentsOf elements: UnsafeBufferPointer<Element>) { run.append(contentsOf: elements) }

    func append(contentsOf elements: [Element]) {
        elements.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    func removeAll() { run.removeAll() }
}
