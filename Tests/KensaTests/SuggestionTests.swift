import Testing

@testable import Kensa

/// "did you mean" help: a plausible typo gets its correction, a name unlike any candidate gets nothing.
@Suite struct SuggestionTests {
    static let ruleKeys = ["id", "title", "scope", "cites", "when", "unless", "outcome"]
    static let paths = ["buyer.name", "buyer.entity_class", "supplier.name", "data.classes", "product.brand"]

    @Test func correctsTyposOfKeys() {
        #expect(Suggestion.closest(to: "titel", among: Self.ruleKeys) == "title")
        #expect(Suggestion.closest(to: "unles", among: Self.ruleKeys) == "unless")
        #expect(Suggestion.closest(to: "r-9", among: ["r-1", "r-4"]) == "r-1")
    }

    @Test(arguments: ["1", "~", "日付", "<<", "to"])
    func suggestsNothingForShortOrUnlikeKeys(_ key: String) {
        #expect(Suggestion.closest(to: key, among: Self.ruleKeys) == nil)
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
}
