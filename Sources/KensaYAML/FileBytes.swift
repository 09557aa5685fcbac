#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing one larger than a limit before reading its contents.
enum FileBytes {
    enum Failure: Error {
        /// `reason` is the system's explanation, lowercased for the middle of a sentence.
        case unreadable(reason: String)
        case tooLarge(size: Int)
    }

    static func contents(of path: String, maxBytes: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: systemError())) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: systemError())) }
        if info.st_mode & S_IFMT == S_IFDIR {
            return .failure(.unreadable(reason: "it is a folder, not a file"))
        }
        if Int(info.st_size) > maxBytes {
            return .failure(.tooLarge(size: Int(info.st_size)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason: systemError()))
            }
            bytes.append(contentsOf: chunk[..<count])
            // A file that grew since `fstat`, or a pipe, which reports no size.
            if bytes.count > maxBytes {
                return .failure(.tooLarge(size: bytes.count))
            }
        }
        return .success(bytes)
    }

    private static func systemError() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
