/// JUnit XML for CI servers: one `testsuite` per test file, one `testcase` per case, and for a failed case a
/// `failure` element whose message is the first difference and whose text is the differences and the trace.
public enum TestReportJUnit {
    public static func xml(_ run: TestRun, policyID: String) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append(
            "<testsuites name=\"\(escape(policyID))\" tests=\"\(run.passed + run.failed)\" failures=\"\(run.failed)\">")
        for suite in run.suites {
            let failures = suite.cases.filter { !$0.passed }.count
            lines.append(
                "  <testsuite name=\"\(escape(suite.file))\" tests=\"\(suite.cases.count)\" failures=\"\(failures)\" errors=\"0\">"
            )
            for result in suite.cases {
                let open =
                    "    <testcase classname=\"\(escape(policyID))\" name=\"\(escape(result.testCase.name))\" "
                    + "file=\"\(escape(result.testCase.span.file))\" line=\"\(result.testCase.span.start.line)\""
                if result.passed {
                    lines.append(open + "/>")
                    continue
                }
                lines.append(open + ">")
                lines.append(
                    "      <failure message=\"\(escape(result.mismatches.joined(separator: "; ")))\" type=\"mismatch\">"
                        + escape(TestReportText.failureBody(result)) + "</failure>")
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside an attribute or element: the five XML escapes, control characters XML 1.0 forbids
    /// dropped, tab and line breaks kept as character references in attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
