/// Stable diagnostic codes; each is explained with a bad example and its fix in `docs/diagnostics.md`.
///
/// 1xx: reading files. 2xx: the shape of a policy file. 3xx: names, references and types. 4xx: test files.
/// 5xx: `kensa lint` findings over the set's decision space.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    /// The file is not valid YAML.
    case yamlSyntax = "K101"
    /// A mapping has the same key twice.
    case duplicateKey = "K102"
    /// The file is too large, too deeply nested, or expands too many aliases.
    case fileLimit = "K103"
    /// The file cannot be read or is not UTF-8.
    case unreadableFile = "K104"
    /// The directory holds no policy file.
    case noPolicyFiles = "K105"
    /// A policy file that defines nothing: empty, or only comments and `kensa: 1`.
    case emptyFile = "K106"
    /// A policy set without a single rule.
    case noRules = "K107"

    /// A key that the language does not define at this place.
    case unknownKey = "K201"
    /// A required key is missing.
    case missingKey = "K202"
    /// A value of the wrong kind (a list where a mapping is expected, text where a date is expected).
    case wrongType = "K203"
    /// A date that does not exist or is not written `YYYY-MM-DD`.
    case invalidDate = "K204"
    /// An id with characters other than letters, digits, `-`, `_` and `.`.
    case invalidID = "K205"
    /// A `kensa:` version this engine does not read.
    case unsupportedVersion = "K206"
    /// A condition with no form, or with two forms or operators at once.
    case malformedCondition = "K207"
    /// The set has no `policy` section, or more than one.
    case policySection = "K208"
    /// A value outside its allowed set (an outcome, a status, a field type).
    case unknownValue = "K209"

    /// Two rules, scopes, exemptions, parameters, sources or vendor groups share an id.
    case duplicateID = "K301"
    /// Two registry entries whose names are the same after name matching.
    case duplicateName = "K302"
    /// A record field that neither record v1 nor the set's `fields` defines.
    case unknownField = "K303"
    /// An operator that does not apply to the field's type.
    case operatorMismatch = "K304"
    /// A value that the field cannot hold (a category nobody defined, text for a date field).
    case invalidValue = "K305"
    /// A `$parameter` that is not defined.
    case undefinedParameter = "K306"
    /// A vendor group that the registry does not define.
    case unknownVendorGroup = "K307"
    /// A rule id that no rule has.
    case unknownRule = "K308"
    /// A scope id that no scope has.
    case unknownScope = "K309"
    /// A source id that `policy.sources` does not list.
    case unknownSource = "K310"
    /// A buyer name that the entity registry does not know.
    case unknownEntity = "K311"
    /// An exemption that names a rule marked `waivable: false`.
    case notWaivable = "K312"
    /// A date window that ends before it starts.
    case emptyWindow = "K313"
    /// A rule and the rule it supersedes are both in force on some day (a warning).
    case overlappingSupersession = "K314"

    /// The records file a test file names cannot be read.
    case unreadableRecordsFile = "K401"
    /// A case names a record id that the records file does not hold, or names one without a records file.
    case unknownRecordID = "K402"
    /// A test record that the record reader rejects (not an object, no `id`, a value of an impossible shape).
    case unreadableTestRecord = "K403"
    /// An expectation names a rule or exemption that the policy set does not define.
    case unknownExpectedName = "K404"
    /// Two cases of one test file share a name.
    case duplicateCaseName = "K405"
    /// A `set` or `unset` path that the base record cannot take.
    case invalidOverride = "K406"

    /// A rule that no record can make fire (`kensa lint`).
    case deadRule = "K501"
    /// A rule that fires only where other rules already impose as much (`kensa lint`).
    case shadowedRule = "K502"
    /// An exemption that no record can use (`kensa lint`).
    case uselessExemption = "K503"
    /// An exemption whose validity ended before the as-of date (`kensa lint --as-of`).
    case expiredExemption = "K504"
    /// An exemption whose validity ends within the given number of days after the as-of date (`kensa lint --as-of`).
    case expiringExemption = "K505"
    /// In-scope records that no rule fires or is unsettled on, so they are permitted by silence (`kensa lint`).
    case policyGap = "K506"
}
