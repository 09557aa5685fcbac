/// Vendor values as the JSON trace words them (`\"Huawei Technologies\" (Huawei Technologies, group Huawei, origin
/// CN)`), by the name's serial (``VendorName``) and its group at the judgment date: a batch quotes the same few
/// hundred companies in every trace, and wording one costs several lookups and copies.
final class VendorWordingCache {
    private let wordings = JSONSnippetCache()

    /// Appends the wording of the name with `serial` as the registry sighted it, made by `make` the first time.
    func append(
        serial: UInt64, sighting: VendorSighting?, to output: inout JSONByteSink,
        make: (inout JSONByteSink) -> Void
    ) {
        let group: UInt64 = sighting.map { $0.group.map { UInt64($0) + 2 } ?? 1 } ?? 0
        withUnsafeBytes(of: (serial, group)) { key in
            wordings.append(for: key, to: &output) {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { staging in
                    var sink = JSONByteSink(staging: staging)
                    make(&sink)
                    sink.flush()
                    return sink.output
                }
            }
        }
    }
}
