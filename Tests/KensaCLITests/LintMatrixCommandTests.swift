import Testing

/// `kensa lint --matrix`, run as a user would.
@Suite struct LintMatrixCommandTests {
    @Test func printsTheMatrixAsCSV() throws {
        let run = try CommandLineTests.kensa([
            "lint", "policies/jp", "--matrix", "date,buyer.entity_class", "--format", "csv",
        ])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "date,buyer.entity_class,outcomes,prohibited_by,review_required_by")
        #expect(lines.count == 1 + 7 * 4)
        #expect(lines.contains("… 2019-03-31,central_ministry,not_applicable,,"))
    }

    @Test func textIsAGridAndFindingsAreUnchangedWithoutIt() throws {
        let matrix = try CommandLineTests.kensa(["lint", "policies/jp", "--matrix", "date,buyer.entity_class"])
        #expect(matrix.status == 0)
        #expect(matrix.stdout.contains("date \\ buyer.entity_class"))
        let findings = try CommandLineTests.kensa(["lint", "policies/jp"])
        #expect(findings.stdout.hasSuffix("0 errors, 2 warnings (2266 records of the decision space decided)\n"))
    }

    @Test func unknownFieldsAndWrongFormatsAreUsageErrors() throws {
        let typo = try CommandLineTests.kensa(["lint", "policies/jp", "--matrix", "buyer.entity_clas"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("error: --matrix: no field `buyer.entity_clas` in this set's records"))
        #expect(typo.stderr.contains("help: did you mean `buyer.entity_class`?"))
        let csv = try CommandLineTests.kensa(["lint", "policies/jp", "--format", "csv"])
        #expect(csv.status == 64)
        #expect(csv.stderr.contains("--format csv is for --matrix only"))
        let strict = try CommandLineTests.kensa(["lint", "policies/jp", "--matrix", "date", "--strict"])
        #expect(strict.status == 64)
    }
}
