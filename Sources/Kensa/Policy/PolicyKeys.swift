/// The keys each entry of a policy file may have: the parser rejects any other, and
/// `schemas/policy.schema.json` must publish exactly these (a test holds the two together).
enum PolicyKeys {
    static let sections = [
        "kensa", "effective", "policy", "parameters", "fields", "entities", "vendors", "scopes", "rules", "exemptions",
    ]
    static let window = ["from", "until"]
    static let metadata = ["id", "version", "title", "authority", "description", "sources"]
    static let source = ["id", "title", "date", "url"]
    static let parameter = ["value", "description", "cites"]
    static let field = ["type", "values", "element", "description"]
    static let entity = ["name", "aliases", "class", "from", "until", "note"]
    static let vendorGroup = ["group", "origin", "aliases", "members", "note"]
    static let vendorMember = ["name", "aliases", "from", "until", "note"]
    static let scope = ["id", "title", "cites", "clause", "description", "when"]
    static let rule = [
        "id", "title", "scope", "cites", "clause", "rationale", "when", "unless", "outcome", "waivable", "version",
        "from", "until", "supersedes",
    ]
    static let exception = ["id", "title", "cites", "clause", "when"]
    static let exemption = [
        "id", "title", "authority", "approved_by", "approved_on", "status", "justification", "cites", "buyers",
        "rules", "valid_from", "valid_until", "capped_at", "when", "outcome",
    ]
}
