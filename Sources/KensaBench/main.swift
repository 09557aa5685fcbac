// Throughput check for the record readers, run by hand in a release build (not a test: timings vary by machine):
//
//     swift run -c release kensa-bench [records] [directory] [file.jsonl]
//
// Writes `records` (default 100 000) records shaped like record v1's example as JSON Lines, a JSON list and
// CSV into `directory` (default /tmp), reads each file five times and prints the best records per second, by wall
// time and by the process's CPU time (steadier when other work shares the machine).
// Given a JSON Lines file, times that file instead.
import Foundation
import Kensa

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let directory = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "/tmp"

/// One record like record v1's example, varied by `index` so no two lines are the same.
func jsonRecord(_ index: Int) -> String {
    let vendors = ["Huawei Technologies Co., Ltd.", "NEC Platforms", "華為技術", "Fujitsu Limited"]
    let categories = ["telecom_equipment", "network_equipment", "computing_equipment", "software"]
    return """
        {"id": "JLIS-2021-\(index)", "date": "2021-06-\(String(format: "%02d", index % 28 + 1))", \
        "buyer": {"name": "Japan Agency for Local Authority Information Systems"}, \
        "category": "\(categories[index % 4])", "product": {"description": "Mobile routers for branch offices", \
        "brand": "NEC", "manufacturer": "\(vendors[index % 4])", "model": "MR-\(index % 10)"}, \
        "components": [{"part": "LTE module", "manufacturer": "\(vendors[(index + 1) % 4])"}], \
        "supplier": {"name": "NEC Corporation"}, "data": {"classes": ["my_number", "personal"]}, \
        "system_role": "business_system", "consultation": {"body": "NISC", "status": "pending"}, \
        "value": {"amount": \(48_000_000 + index), "currency": "JPY"}}
        """
}

func csvRecord(_ index: Int) -> String {
    let vendors = ["\"Huawei Technologies Co., Ltd.\"", "NEC Platforms", "華為技術", "Fujitsu Limited"]
    return "JLIS-2021-\(index),2021-06-01,Japan Agency for Local Authority Information Systems,telecom_equipment,"
        + "Mobile routers for branch offices,NEC,\(vendors[index % 4]),MR-5,LTE module,\(vendors[(index + 1) % 4]),"
        + "NEC Corporation,my_number;personal,business_system,NISC,pending,\(48_000_000 + index),JPY"
}

let csvHeader =
    "id,date,buyer.name,category,product.description,product.brand,product.manufacturer,product.model,"
    + "components.0.part,components.0.manufacturer,supplier.name,data.classes,system_role,consultation.body,"
    + "consultation.status,value.amount,value.currency"

/// CPU time the process has used, in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func write(_ name: String, _ text: String) -> String {
    let path = "\(directory)/\(name)"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}

let records = CommandLine.arguments.count > 3 ? [] : (0..<count).map(jsonRecord)
let files: [(RecordFormat, String)] =
    CommandLine.arguments.count > 3
    ? [(.jsonl, CommandLine.arguments[3])]
    : [
        (.jsonl, write("kensa-bench.jsonl", records.joined(separator: "\n") + "\n")),
        (.json, write("kensa-bench.json", "[\n" + records.joined(separator: ",\n") + "\n]\n")),
        (.csv, write("kensa-bench.csv", ([csvHeader] + (0..<count).map(csvRecord)).joined(separator: "\r\n") + "\r\n")),
    ]

for (format, path) in files {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var best = Double.infinity
    var bestCPU = Double.infinity
    var read = 0
    var malformed = 0
    for _ in 0..<5 {
        let clock = ContinuousClock()
        let start = clock.now
        let startCPU = cpuSeconds()
        var reader = try format.makeReader(source: .path(path), layout: .recordV1)
        read = 0
        malformed = 0
        while let input = reader.next() {
            read += 1
            if case .malformed(let problem) = input {
                if malformed == 0 { print("  first problem: \(problem)") }
                malformed += 1
            }
        }
        let elapsed = clock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        bestCPU = min(bestCPU, cpuSeconds() - startCPU)
    }
    guard read > 0 else { continue }
    let rate = Double(read) / best
    let megabytes = Double(bytes) / best / 1e6
    print(
        "\(format.rawValue): \(read) records (\(malformed) malformed), \(bytes / read) bytes each, "
            + "best of 5: \(Int(best * 1000)) ms = \(Int(rate)) records/s, \(Int(megabytes)) MB/s; "
            + "CPU \(Int(bestCPU * 1000)) ms = \(Int(Double(read) / bestCPU)) records/s")
}
