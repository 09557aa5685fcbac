/// Finds the closest known name to a misspelt one, for "did you mean …?" help lines.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance, when it is close enough to be a plausible typo.
    ///
    /// At most a third of the shorter name may differ (two edits for short names), and never half of `word` or
    /// more, so that `1`, `~` or `日付` are not taken for `id`.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
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

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: a swap counts once,
    /// since `titel` for `title` is the commonest typo.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
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
