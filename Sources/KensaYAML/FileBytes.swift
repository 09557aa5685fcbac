#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing one that is not a regular file or is larger than a limit
/// before reading its contents.
///
/// A folder, named pipe, device or socket is refused from its `stat` before it is opened: opening a named pipe
/// waits for a writer, and a device such as `/dev/zero` never ends. A link counts as what it points to.
package enum FileBytes {
    package enum Failure: Error {
        /// `reason` is the system's explanation, lowercased for the middle of a sentence.
        case unreadable(reason: String)
        case tooLarge(size: Int)
    }

    package static func contents(of path: String, maxBytes: Int) -> Result<[UInt8], Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.unreadable(reason: systemError())) }
        if let reason = refusal(of: info) { return .failure(.unreadable(reason: reason)) }
        // Non-blocking, should the path have been replaced by a named pipe since `stat`; `fstat` then refuses it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: systemError())) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: systemError())) }
        if let reason = refusal(of: info) { return .failure(.unreadable(reason: reason)) }
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
            // A file that grew since `fstat`.
            if bytes.count > maxBytes {
                return .failure(.tooLarge(size: bytes.count))
            }
        }
        return .success(bytes)
    }

    /// Why a file of this kind is not read, or nil for a regular file.
    private static func refusal(of info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "it is a folder, not a file"
        case S_IFIFO: "it is a named pipe, not a file"
        case S_IFCHR, S_IFBLK: "it is a device, not a file"
        case S_IFSOCK: "it is a socket, not a file"
        default: "it is not a regular file"
        }
    }

    private static func systemError() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
