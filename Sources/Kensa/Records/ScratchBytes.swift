/// A growable byte buffer whose storage stays put between appends, for strings decoded from escapes.
///
/// A class rather than an array so a scanner can hand out pointers into it without copying or closures.
final class ScratchBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity = 256
    var count = 0

    init() { base = .allocate(capacity: capacity) }

    deinit { base.deallocate() }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        while count + extra > capacity { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
    }
}
