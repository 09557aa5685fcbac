#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// What the process is attached to, for colour and progress decisions.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour on standard output: only on a terminal and never when `NO_COLOR` is set (no-color.org).
    static var colourOnStdout: Bool { stdoutIsTerminal && !noColour }
    static var colourOnStderr: Bool { stderrIsTerminal && !noColour }

    /// `NO_COLOR` present and not empty.
    private static var noColour: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        writeAll(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes every byte to a file descriptor, retrying short writes. Standard output that cannot be written
    /// (a full disk, a closed descriptor) ends the process with status 2, so that lost decisions never pass for
    /// success.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if descriptor == STDOUT_FILENO { standardOutputFailed(errno) }
                    return
                }
                offset += written
            }
        }
    }

    /// Makes what `print` buffered on standard output count too: at exit it is flushed, and a failure ends the
    /// process with status 2 instead of the command's own.
    static func checkStandardOutputAtExit() {
        atexit {
            if fflush(stdout) != 0 || ferror(stdout) != 0 { Terminal.standardOutputFailed(errno) }
        }
    }

    private static func standardOutputFailed(_ code: Int32) -> Never {
        error("kensa: error: cannot write to standard output: \(String(cString: strerror(code)))")
        _exit(2)
    }
}

/// Buffers output bytes and writes them to standard output in large blocks.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let flushAt = 1 << 16

    init() { bytes.reserveCapacity(flushAt + 4096) }

    mutating func write(_ chunk: [UInt8]) {
        bytes.append(contentsOf: chunk)
        if bytes.count >= flushAt { flush() }
    }

    mutating func write(_ text: String) { write(Array(text.utf8)) }

    /// Lets `body` append to the buffer in place, then flushes when it has grown large.
    mutating func append(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        if bytes.count >= flushAt { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        Terminal.writeAll(bytes, to: STDOUT_FILENO)
        bytes.removeAll(keepingCapacity: true)
    }
}
