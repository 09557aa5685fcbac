import Foundation
import Testing

/// Records of the benchmark's generator (`kensa-bench generate`), which mixes every buyer, maker, list shape and
/// consultation status the jp policy tells apart: many more combinations than the shipped examples.
enum GeneratedRecords {
    /// Writes `count` generated records to a new temporary JSON Lines file and returns its path; the caller
    /// removes it.
    static func file(count: Int, seed: Int) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kensa-generated-\(count)-\(seed)-\(UUID().uuidString).jsonl")
        let process = Process()
        let binary = Bundle.main.bundleURL.appendingPathComponent("kensa-bench")
        process.executableURL =
            FileManager.default.fileExists(atPath: binary.path)
            ? binary : Golden.packageRoot.appendingPathComponent(".build/debug/kensa-bench")
        process.arguments = ["generate", "\(count)", file.path, "--seed", "\(seed)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return file
    }
}
