import Testing

@testable import Kensa

@Suite struct SuggestionTests {
    @Test func suggestsTheNearestPlausibleName() {
        #expect(Suggestion.closest(to: "titel", among: ["outcome", "title", "when"]) == "title")
        #expect(Suggestion.closest(to: "Degital Agency", among: ["Digital Agency", "NISC"]) == "Digital Agency")
        #expect(Suggestion.closest(to: "OUTCOM", among: ["outcome"]) == "outcome")
        #expect(Suggestion.closest(to: "xyz", among: ["outcome", "title"]) == nil)
        #expect(Suggestion.closest(to: "a", among: [String]()) == nil)
    }

    @Test func equallyNearNamesYieldTheFirstInNameOrder() {
        #expect(Suggestion.closest(to: "cat", among: ["hat", "bat", "mat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["mat", "hat", "bat"]) == "bat")
    }

    @Test func boundedDistanceAgreesWithTheFullTable() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcab".unicodeScalars)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement()! }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement()! }
            let full = fullDistance(a, b)
            for limit in 0...4 {
                let bounded = Suggestion.editDistance(a, b, atMost: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    /// Thousands of unknown names of 2,000 characters against a registry: the audit's 4 MB set, which took 10 s
    /// when every pair filled a whole edit-distance table.
    @Test func longUnknownNamesCostLittle() {
        let registry = (0..<50).map { "Ministry number \($0) of the government" }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for index in 0..<2000 {
                let word = "Department of Energy \(index)" + String(repeating: "y", count: 2000)
                #expect(Suggestion.closest(to: word, among: registry) == nil)
            }
        }
        #expect(elapsed < .seconds(1))
        let long = String(repeating: "ab", count: 60)
        #expect(Suggestion.closest(to: long + "c", among: [long]) == nil)
    }

    /// The whole table, as the suggestions were computed before their work was bounded.
    private func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
