import Foundation

/// `kensa-bench generate N FILE [--seed S]`: writes N generated records as JSON Lines.
enum GenerateCommand {
    static func run(count: Int, path: String, seed: UInt64) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw BenchError("cannot create `\(path)`") }
        defer { try? file.close() }
        var generator = RecordGenerator(seed: seed)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 22)
        var bytes = 0
        for index in 0..<count {
            chunk.append(contentsOf: generator.record(index))
            if chunk.count >= 1 << 22 || index == count - 1 {
                try file.write(contentsOf: chunk)
                bytes += chunk.count
                chunk.removeAll(keepingCapacity: true)
            }
        }
        let mean = count > 0 ? bytes / count : 0
        print("generated \(count) records, \(bytes) bytes (\(mean) bytes each), seed \(seed): \(path)")
    }
}
