#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a reader takes its bytes from.
package enum RecordSource: Sendable, Equatable {
    /// A file, opened when the reader is made.
    case path(String)
    /// The process's standard input.
    case standardInput
    /// Bytes already in memory (tests, or input handed over by another component).
    case bytes([UInt8])
}

/// The input's bytes, read chunk by chunk into one reusable buffer, so memory stays flat whatever the input's size.
///
/// Bytes `start..<end` of `base` are read but not yet consumed. A reader consumes by moving `start`, and calls
/// ``refill()`` when it needs bytes past `end`; refilling moves the unconsumed bytes to the front of the buffer
/// (so offsets the reader holds shift by the old `start`) and doubles the buffer only when they already fill it,
/// as a record longer than one chunk does. Memory is one chunk plus the longest record.
package final class ByteSource {
    private enum Origin {
        case descriptor(Int32, closes: Bool)
        case memory([UInt8], offset: Int)
    }

    private var origin: Origin
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// First unconsumed byte.
    var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    /// True once the input has no more bytes to give.
    private(set) var isAtEnd = false
    /// Why reading stopped early, worded for the user; nil while reading works.
    private(set) var failure: String?
    /// How many bytes one read asks for.
    let chunkSize: Int

    /// The default chunk: large enough that system calls cost little per record, small enough to stay in cache.
    static let defaultChunkSize = 1 << 20

    /// Reads from an open file descriptor, closing it when done if `closes` is true.
    init(fileDescriptor: Int32, closes: Bool, chunkSize: Int = ByteSource.defaultChunkSize) {
        origin = .descriptor(fileDescriptor, closes: closes)
        self.chunkSize = max(chunkSize, 1)
        capacity = self.chunkSize
        base = .allocate(capacity: capacity)
    }

    /// Reads bytes held in memory, handing them out `chunkSize` at a time as a file would.
    init(bytes: [UInt8], chunkSize: Int = ByteSource.defaultChunkSize) {
        origin = .memory(bytes, offset: 0)
        self.chunkSize = max(chunkSize, 1)
        capacity = self.chunkSize
        base = .allocate(capacity: capacity)
    }

    /// Opens the source for reading.
    static func opening(
        _ source: RecordSource, chunkSize: Int = ByteSource.defaultChunkSize
    ) throws(RecordProblem)
        -> ByteSource
    {
        switch source {
        case .standardInput:
            return ByteSource(fileDescriptor: STDIN_FILENO, closes: false, chunkSize: chunkSize)
        case .bytes(let bytes):
            return ByteSource(bytes: bytes, chunkSize: chunkSize)
        case .path(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw RecordProblem(line: 0, message: "cannot open `\(path)`: \(reason)")
            }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw RecordProblem(line: 0, message: "cannot read `\(path)`: it is a directory, not a file of records")
            }
            return ByteSource(fileDescriptor: descriptor, closes: true, chunkSize: chunkSize)
        }
    }

    deinit {
        base.deallocate()
        if case .descriptor(let descriptor, closes: true) = origin { close(descriptor) }
    }

    /// Unconsumed bytes.
    var count: Int { end - start }

    /// Reads more input after the unconsumed bytes and returns how many bytes arrived (0 at the end of the input).
    ///
    /// Moves the unconsumed bytes to offset 0 first, so `start` becomes 0 and offsets shift by the old `start`.
    @discardableResult
    func refill() -> Int {
        guard !isAtEnd else { return 0 }
        if start > 0 {
            let pending = end - start
            if pending > 0 { base.update(from: base + start, count: pending) }
            start = 0
            end = pending
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.initialize(from: base, count: end)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        let arrived = readChunk(into: base + end, count: min(chunkSize, capacity - end))
        if arrived <= 0 { isAtEnd = true }
        end += max(arrived, 0)
        return max(arrived, 0)
    }

    private func readChunk(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        switch origin {
        case .memory(let bytes, let offset):
            let taken = min(count, bytes.count - offset)
            guard taken > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + offset, count: taken) }
            origin = .memory(bytes, offset: offset + taken)
            return taken
        case .descriptor(let descriptor, _):
            while true {
                let arrived = read(descriptor, destination, count)
                if arrived >= 0 { return arrived }
                if errno == EINTR { continue }
                failure = "cannot read the input: \(String(cString: strerror(errno)))"
                return -1
            }
        }
    }
}
