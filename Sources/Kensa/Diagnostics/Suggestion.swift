/// Finds the closest known name to a misspelt one, for "did you mean …?" help lines.
///
/// The work is bounded so that a set with many long unknown names (a buyer pasted as a whole paragraph) is
/// checked in time proportional to its size: words longer than `longestWord` get no suggestion, and each
/// distance is computed only as far as it could still be a plausible typo.
enum Suggestion {
    /// Longer words are not typos of a name: no suggestion is sought for them.
    static let longestWord = 100

    /// The candidate nearest to `word` by edit distance, when it is close enough to be a plausible typo.
    ///
    /// At most a third of the shorter name may differ (two edits for short names), and never half of `word` or
    /// more, so that `1`, `~` or `日付` are not taken for `id`. Of equally near candidates the first in name order
    /// wins, so the help does not depend on input order.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= longestWord else { return nil }
        // No candidate further than this can pass the final check, whatever its length.
        let widest = max(2, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let limit = best?.distance ?? widest
            // A scalar takes at most 4 UTF-8 bytes and lowercasing never drops one: a candidate this long is
            // out of reach, and is passed over without the cost of lowercasing it.
            guard candidate.utf8.count <= 4 * (target.count + limit) else { continue }
            let other = Array(candidate.lowercased().unicodeScalars)
            guard let distance = editDistance(target, other, atMost: limit) else { continue }
            if let best, distance == best.distance, best.name < candidate { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = min(max(2, min(target.count, best.name.count) / 3), (target.count - 1) / 2)
        return best.distance <= allowed ? best.name : nil
    }

    /// "did you mean `x`?" or nil.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// "did you mean `x`?" for a dotted field path: the closest whole path, else the one path whose last part is
    /// what `word` ends with (`entity_class` → `buyer.entity_class`) or has it as one of its `_`-joined words
    /// (`buyer.class` → `buyer.entity_class`).
    static func didYouMeanPath(_ word: String, among paths: [String]) -> String? {
        if let close = closest(to: word, among: paths) { return "did you mean `\(close)`?" }
        let (parent, leaf) = split(word.lowercased())
        let matches = paths.filter {
            let candidate = split($0.lowercased()).leaf
            return candidate == leaf || candidate.split(separator: "_").contains(Substring(leaf))
        }
        let sameParent = matches.filter { split($0.lowercased()).parent == parent }
        guard let match = matches.count == 1 ? matches.first : sameParent.count == 1 ? sameParent.first : nil else {
            return nil
        }
        return "did you mean `\(match)`?"
    }

    /// A path's parts before its last dot, and its last part.
    private static func split(_ path: String) -> (parent: Substring, leaf: Substring) {
        guard let dot = path.lastIndex(of: ".") else { return ("", Substring(path)) }
        return (path[..<dot], path[path.index(after: dot)...])
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, or nil when more than
    /// `limit` are needed: a swap counts once, since `titel` for `title` is the commonest typo.
    ///
    /// Only cells within `limit` of the diagonal can hold a distance of at most `limit`, so rows are computed in
    /// that band alone (Ukkonen's cut-off): the cost is `a.count × (2 × limit + 1)`, not `a.count × b.count`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let beyond = limit + 1
        var twoBefore = [Int](repeating: beyond, count: b.count + 1)
        var previous = (0...b.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var rowBest = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBefore[j - 2] + 1)
                }
                current[j] = min(value, beyond)
                rowBest = min(rowBest, current[j])
            }
            if high < b.count { current[high + 1] = beyond }
            guard rowBest <= limit else { return nil }
            (twoBefore, previous, current) = (previous, current, twoBefore)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
