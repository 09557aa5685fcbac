import Foundation

/// The form in which company and body names are compared: compatibility-folded, case-folded, without
/// punctuation, spaces or legal suffixes, so `Huawei Technologies Co., Ltd.`, `ＨＵＡＷＥＩ ＴＥＣＨＮＯＬＯＧＩＥＳ`
/// and `huawei technologies` are one name while `ZTEX` stays apart from `ZTE`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// Legal-form words dropped from the end of a Latin-script name.
    static let latinSuffixes: Set<String> = [
        "co", "ltd", "corp", "corporation", "inc", "incorporated", "kk", "llc", "limited", "plc", "gmbh", "ag",
        "sa", "bv", "nv", "pte", "pty", "company",
    ]
    /// Legal-form words dropped from either end of a Japanese or Chinese name (longest first).
    static let cjkAffixes = ["股份有限公司", "有限责任公司", "株式会社", "有限会社", "合同会社", "有限公司", "公司"]

    public init(_ name: String) {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        var tokens: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "." || character == "'" || character == "’" {
                continue
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        while tokens.count > 1, let last = tokens.last, Self.latinSuffixes.contains(last) { tokens.removeLast() }
        tokens = tokens.map(Self.strippingCJKAffixes)
        text = tokens.joined()
    }

    private static func strippingCJKAffixes(_ token: String) -> String {
        var token = token
        for affix in cjkAffixes {
            if token.count > affix.count, token.hasSuffix(affix) { token.removeLast(affix.count) }
            if token.count > affix.count, token.hasPrefix(affix) { token.removeFirst(affix.count) }
        }
        return token
    }

    public var description: String { text }
}
