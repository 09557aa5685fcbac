#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string compared and hashed by its UTF-8 bytes, for caches of names as records write them.
///
/// `String`'s own hashing normalises to NFC first, which costs more than the lookup it serves for the kana and
/// kanji names Japanese records carry; a cache needs only "same bytes, same entry".
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { left in
            right.withUTF8 { right in
                left.count == right.count
                    && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }
}
