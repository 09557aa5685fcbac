import Kensa

/// `kensa-bench readers FILE [--policy DIR]`: records per second of the record reader alone over a file, best of
/// three, to tell parsing apart from evaluation. With `--policy`, reads with that set's layout as `decide` does.
enum ReadersCommand {
    static func run(path: String, policyDirectory: String?) throws {
        guard let format = RecordFormat.infer(fromPath: path) else {
            throw BenchError("cannot tell the format of `\(path)` from its extension (.jsonl, .json or .csv)")
        }
        let layout = try policyDirectory.map { try PolicySet.load(directory: $0).recordLayout } ?? .recordV1
        var best = Double.infinity
        var read = 0
        var malformed = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            var reader = try format.makeReader(source: .path(path), layout: layout)
            read = 0
            malformed = 0
            while let input = reader.next() {
                read += 1
                if case .malformed(let problem) = input {
                    if malformed == 0 { print("  first problem: \(problem)") }
                    malformed += 1
                }
            }
            best = min(best, seconds(clock.now - start))
        }
        let rate = best > 0 ? Int(Double(read) / best) : 0
        print(
            "readers \(format.rawValue): \(read) records (\(malformed) malformed), best of 3: "
                + "\(String(format3: best)) s = \(rate) records/s")
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

extension String {
    /// `value` with three decimals.
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
