import Foundation
import Testing

/// Compares text with a golden file beside the tests. With `KENSA_RECORD_GOLDEN=1` the file is rewritten and the
/// test fails, so every change to a golden file is a reviewed change.
enum Golden {
    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Cases")

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = casesDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KENSA_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "re-recorded \(name); review the change and run again without KENSA_RECORD_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "output differs from \(name); re-record with KENSA_RECORD_GOLDEN=1 if intended",
            sourceLocation: sourceLocation)
    }
}
