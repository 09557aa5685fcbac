/// A fixed-seed pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014): the same seed gives the same
/// sequence on every machine and every run, so a generated benchmark file is reproducible byte for byte.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of a non-empty list, each equally likely.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One element of a non-empty list of (weight, element), in proportion to the weights.
    mutating func pick<T>(weighted items: [(Int, T)]) -> T {
        var roll = below(items.reduce(0) { $0 + $1.0 })
        for (weight, item) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].1
    }
}
