#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress line on standard error for long batches, only when standard error is a terminal.
struct Progress {
    let enabled: Bool
    private var count = 0
    private var shown = false
    private var lastShown = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    mutating func tick(malformed: Int) {
        count += 1
        guard enabled, count % 10_000 == 0 else { return }
        let now = Self.seconds()
        guard now - lastShown >= 0.5 else { return }
        lastShown = now
        shown = true
        Terminal.writeAll(
            Array("\rdecided \(count - malformed) records\(malformed > 0 ? ", \(malformed) malformed" : "")…".utf8),
            to: STDERR_FILENO)
    }

    /// Ends the progress line so that a message printed next starts on a line of its own.
    mutating func interrupt() {
        guard shown else { return }
        Terminal.writeAll(Array("\n".utf8), to: STDERR_FILENO)
        lastShown = 0
    }

    func finish(malformed: Int) {
        guard shown else { return }
        Terminal.writeAll(
            Array("\rdecided \(count - malformed) records\(malformed > 0 ? ", \(malformed) malformed" : "").\n".utf8),
            to: STDERR_FILENO)
    }

    private static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
