import Foundation
import Testing

@testable import Kensa

/// `schemas/policy.schema.json` publishes exactly the keys and operators the parser accepts, so an editor using the
/// schema neither flags a valid policy file nor lets a key through that `kensa check` rejects.
@Suite struct PolicySchemaTests {
    static func schema() throws -> [String: Any] {
        let url = Golden.packageRoot.appendingPathComponent("schemas/policy.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The property names of an object schema: the root when `path` is empty, else the `$defs` entry named by the
    /// path's first part, followed through `properties` for the rest.
    static func keys(_ path: [String]) throws -> Set<String> {
        var node = try schema()
        if let definition = path.first {
            node = try #require(
                (node["$defs"] as? [String: Any])?[definition] as? [String: Any], "no $defs/\(definition)")
        }
        for property in path.dropFirst() {
            node = try #require((node["properties"] as? [String: Any])?[property] as? [String: Any], "no \(property)")
        }
        if node["properties"] == nil, let choices = node["anyOf"] as? [[String: Any]] {
            node = try #require(choices.first { $0["properties"] != nil }, "no object choice in \(path)")
        }
        return Set(try #require(node["properties"] as? [String: Any], "no properties at \(path)").keys)
    }

    @Test(arguments: [
        ([], PolicyKeys.sections),
        (["policy"], PolicyKeys.metadata),
        (["source"], PolicyKeys.source),
        (["parameter"], PolicyKeys.parameter),
        (["fieldDeclaration"], PolicyKeys.field),
        (["entity"], PolicyKeys.entity),
        (["vendor"], PolicyKeys.vendorGroup),
        (["member"], PolicyKeys.vendorMember),
        (["scope"], PolicyKeys.scope),
        (["rule"], PolicyKeys.rule),
        (["exception"], PolicyKeys.exception),
        (["exemption"], PolicyKeys.exemption),
        (["fieldCondition"], ["field"] + ConditionParser.fieldOperators),
        (["vendorCondition"], ["vendor"] + ConditionParser.vendorOperators),
    ])
    func schemaPublishesTheKeysTheParserAccepts(path: [String], accepted: [String]) throws {
        #expect(try Self.keys(path) == Set(accepted))
    }

    @Test func theEffectiveSectionTakesTheWindowKeys() throws {
        let effective = try #require(
            (try Self.schema()["properties"] as? [String: Any])?["effective"] as? [String: Any])
        #expect(Set((effective["properties"] as? [String: Any] ?? [:]).keys) == Set(PolicyKeys.window))
    }
}
