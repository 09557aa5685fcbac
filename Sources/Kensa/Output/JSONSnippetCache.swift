/// Pieces of JSON by a key of bytes, each made once: what `decide --explain` writes over and over for the same buyers
/// and the same vendors. The bytes live in one buffer of their own and are copied out per use.
///
/// Bounded: when it holds `capacity` pieces it starts again empty, so memory stays flat.
final class JSONSnippetCache {
    private struct Snippet {
        var start: Int32
        var count: Int32
    }

    // Unchecked exclusivity: a cache serves one decider, on one thread, and the checks cost as much as a lookup.
    @exclusivity(unchecked) private var snippets: ByteTable<Snippet>
    private let bytes = PlainBuffer<UInt8>()
    @exclusivity(unchecked) private var count = 0
    private let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
        snippets = ByteTable(capacity: capacity)
    }

    /// Appends the piece kept for `key`, made with `make` the first time.
    func append(for key: UnsafeRawBufferPointer, to output: inout JSONByteSink, make: () -> [UInt8]) {
        let snippet: Snippet
        if let known = snippets.value(for: key) {
            snippet = known
        } else {
            let made = make()
            if count >= capacity {
                snippets = ByteTable(capacity: capacity)
                bytes.removeAll()
                count = 0
            }
            snippet = Snippet(start: Int32(bytes.count), count: Int32(made.count))
            bytes.append(contentsOf: made)
            snippets.insert(snippet, for: key)
            count += 1
        }
        output.append(bytes.base + Int(snippet.start), count: Int(snippet.count))
    }
}
