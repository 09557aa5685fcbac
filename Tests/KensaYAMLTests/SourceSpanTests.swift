import Testing

@testable import KensaYAML

@Suite struct SourceSpanTests {
    @Test func describesItselfAsFileLineColumn() {
        let span = SourceSpan(
            file: "policies/jp/rules.yaml", start: SourcePosition(line: 12, column: 7),
            end: SourcePosition(line: 12, column: 20))
        #expect(span.description == "policies/jp/rules.yaml:12:7")
        #expect(SourcePosition(line: 2, column: 1) < SourcePosition(line: 2, column: 3))
        #expect(SourcePosition(line: 1, column: 90) < SourcePosition(line: 2, column: 1))
    }

    @Test func recognisesYAMLNullSpellings() {
        let span = SourceSpan(
            file: "f", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
        #expect(YAMLScalar(text: "~", style: .plain, span: span).isNull)
        #expect(YAMLScalar(text: "", style: .plain, span: span).isNull)
        #expect(!YAMLScalar(text: "null", style: .doubleQuoted, span: span).isNull)
    }
}
