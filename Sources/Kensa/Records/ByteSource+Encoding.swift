extension ByteSource {
    /// Skips a UTF-8 byte order mark at the start of the input, and says why the input cannot be read when it is
    /// UTF-16 or UTF-32 text instead (their byte order mark, or a NUL byte among the first two bytes).
    ///
    /// Called once, before the first record is read, so that such a file is reported once, in words that say what
    /// to do, rather than as a syntax error on every line.
    func skipByteOrderMark() -> String? {
        while count < 4, !isAtEnd { refill() }
        let head = (0..<min(count, 4)).map { base[start + $0] }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            start += 3
            return nil
        }
        let (encoding, iconvName): (String, String)
        if head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0, 0, 0xFE, 0xFF]) {
            (encoding, iconvName) = ("UTF-32", "UTF-32")
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            (encoding, iconvName) = ("UTF-16", "UTF-16")
        } else if head.prefix(2).contains(0) {
            (encoding, iconvName) = ("UTF-16 or UTF-32", "UTF-16")
        } else {
            return nil
        }
        return "the input is \(encoding) text, and records are read as UTF-8: convert the file first "
            + "(`iconv -f \(iconvName) -t UTF-8 FILE`); no record is decided"
    }
}
