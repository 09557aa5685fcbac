import Testing

@testable import Kensa

/// "did you mean" help: a plausible typo gets its correction, a name unlike any candidate gets nothing, and the
/// search stays cheap for long names.
@Suite struct SuggestionTests {
    static let ruleKeys = ["id", "title", "scope", "cites", "when", "unless", "outcome"]
    static let paths = ["buyer.name", "buyer.entity_class", "supplier.name", "data.classes", "product.brand"]

    @Test func correctsTyposOfKeys() {
        #expect(Suggestion.closest(to: "titel", among: Self.ruleKeys) == "title")
        #expect(Suggestion.closest(to: "unles", among: Self.ruleKeys) == "unless")
        #expect(Suggestion.closest(to: "r-9", among: ["r-1", "r-4"]) == "r-1")
        #expect(Suggestion.closest(to: "Degital Agency", among: ["Digital Agency", "NISC"]) == "Digital Agency")
        #expect(Suggestion.closest(to: "OUTCOM", among: ["outcome"]) == "outcome")
        #expect(Suggestion.closest(to: "xyz", among: ["outcome", "title"]) == nil)
        #expect(Suggestion.closest(to: "a", among: [String]()) == nil)
    }

    @Test(arguments: ["1", "~", "日付", "<<", "to"])
    func suggestsNothingForShortOrUnlikeKeys(_ key: String) {
        #expect(Suggestion.closest(to: key, among: Self.ruleKeys) == nil)
    }

    @Test func equallyNearNamesYieldTheFirstInNameOrder() {
        #expect(Suggestion.closest(to: "cat", among: ["hat", "bat", "mat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["mat", "hat", "bat"]) == "bat")
    }

    @Test func findsAPathByItsLastPart() {
        #expect(Suggestion.didYouMeanPath("entity_class", among: Self.paths) == "did you mean `buyer.entity_class`?")
        #expect(Suggestion.didYouMeanPath("buyer.class", among: Self.paths) == "did you mean `buyer.entity_class`?")
        #expect(Suggestion.didYouMeanPath("brand", among: Self.paths) == "did you mean `product.brand`?")
        #expect(
            Suggestion.didYouMeanPath("buyer.entity_clas", among: Self.paths) == "did you mean `buyer.entity_class`?")
    }

    @Test func suggestsNoPathWhenTheLastPartIsAmbiguous() {
        #expect(Suggestion.didYouMeanPath("name", among: Self.paths) == nil)
        #expect(Suggestion.didYouMeanPath("buyer.name", among: ["supplier.name", "product.name"]) == nil)
    }

    /// The banded distance is the full table's wherever it is within the limit, on pseudo-random words drawn from
    /// few letters (so that near matches and swaps are common), the same words on every run.
    @Test func boundedDistanceAgreesWithTheFullTable() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let letters = Array("abcab".unicodeScalars)
        for _ in 0..<2000 {
            let a = (0..<next(10)).map { _ in letters[next(letters.count)] }
            let b = (0..<next(10)).map { _ in letters[next(letters.count)] }
            let full = fullDistance(a, b)
            for limit in 0...4 {
                let bounded = Suggestion.editDistance(a, b, atMost: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func longNamesGetNoSuggestion() {
        let registry = (0..<50).map { "Ministry number \($0) of the government" }
        #expect(
            Suggestion.closest(to: "Department of Energy" + String(repeating: "y", count: 2000), among: registry) == nil
        )
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

/// When no allowed value is close to what was written, the help lists the allowed values instead.
@Suite struct AllowedValuesHelpTests {
    @Test func entityClassUnlikeAnyListsTheClasses() {
        let files = Fixtures.miniSet.map { file in
            (name: file.name, text: file.text.replacingOccurrences(of: "class: local_government", with: "class: 中央省庁"))
        }
        let diagnostics = Fixtures.diagnostics(files)
        #expect(diagnostics.contains { $0.contains("error[K209]: `中央省庁` is not an entity class") })
        #expect(
            diagnostics.contains {
                $0.contains("help: classes: `central_ministry`, `independent_administrative_agency`, ")
                    && $0.hasSuffix("`us_state_or_local_government`")
            })
    }
}

/// An operator of the other kind of test (`in_group` under `field:`, `equals` under `vendor:`) says which kind
/// it belongs to, rather than that it is an unknown key.
@Suite struct CrossedOperatorTests {
    @Test func vendorOperatorUnderFieldNamesTheVendorForm() {
        let files = Fixtures.miniSet.map { file in
            (
                name: file.name,
                text: file.text.replacingOccurrences(
                    of: "- vendor: product.manufacturer", with: "- field: product.manufacturer")
            )
        }
        let diagnostics = Fixtures.diagnostics(files)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.hasSuffix(
                "error[K304]: `in_group` tests a vendor name, resolved by the vendor registry, not "
                    + "`field: product.manufacturer`\n  help: write `vendor: product.manufacturer`") == true)
    }
}
