import Language
import WhosaidCore

/// Finds the role or title an article gives a person:
/// - before the name: "US Secretary of State Antony Blinken", "State Department spokesperson Ned Price";
/// - shared over a pair: "foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun Bayramov";
/// - in apposition: "Mirzoyan, Armenia's foreign minister," (→ "foreign minister of Armenia"),
///   "Armenia's foreign minister, Ararat Mirzoyan".
/// A role must contain a role word (`roles.txt`); its other words are titles, places, organisations,
/// groups, capitalised words and a few modifiers ("foreign", "deputy", "former").
struct RoleFinder {
    let lexicons: Lexicons
    let text: ScalarText
    let tokens: [Token]
    let words: [UInt64]
    let mentions: [Mention]
    /// Token → index into `mentions`, or -1.
    let mentionAt: [Int]
    let sentenceOf: [Int]

    static let modifiers: Set<UInt64> = Set([
        "foreign", "house", "deputy", "former", "vice", "prime", "national", "security", "defense", "defence",
        "interior", "finance", "health", "state", "chief", "senior", "top", "general", "executive", "press",
        "acting", "assistant", "associate", "managing", "majority", "minority", "party", "department", "affairs",
        "justice", "economy", "trade", "energy", "education", "commerce", "agriculture", "labor", "labour",
        "transport", "communications", "campaign", "government", "military", "district", "federal", "regional",
        "opposition", "supreme", "high", "first", "principal", "special", "envoy", "white", "ministry", "office",
        "of", "for", "and", "on",
    ].map { WordHash.folded($0) })
    static let connectors: Set<UInt64> = Set(["of", "for", "and", "on", "the", "a", "an"].map { WordHash.folded($0) })
    static let possessive: Set<UInt64> = Set(["'s", "’s"].map { WordHash.folded($0) })
    static let and = WordHash.folded("and")
    static let of = WordHash.folded("of")
    static let comma = WordHash.folded(",")
    static let the = WordHash.folded("the")

    init(lexicons: Lexicons, text: ScalarText, tokens: [Token], sentences: [Sentence], mentions: [Mention], words: [UInt64] = []) {
        self.lexicons = lexicons
        self.text = text
        self.tokens = tokens
        self.mentions = mentions
        self.words = words.count == tokens.count ? words : tokens.map { WordHash.folded(text.scalars, $0.start, $0.end) }
        var at = [Int](repeating: -1, count: tokens.count)
        for (k, m) in mentions.enumerated() { for i in m.first..<m.end { at[i] = k } }
        self.mentionAt = at
        var sentenceOf = [Int](repeating: 0, count: tokens.count)
        for (k, s) in sentences.enumerated() { for i in s.tokens where i < tokens.count { sentenceOf[i] = k } }
        self.sentenceOf = sentenceOf
    }

    func role(of m: Mention) -> String? {
        distributive(m) ?? before(m) ?? appositive(m)
    }

    // MARK: Patterns

    func isRoleWord(_ i: Int) -> Bool { lexicons.roleWords.contains(words[i]) || lexicons.roleWords.contains(singular(i)) }

    func singular(_ i: Int) -> UInt64 {
        let t = tokens[i]
        guard t.end - t.start > 3, text.scalars[t.end - 1] == "s" else { return words[i] }
        return WordHash.folded(text.scalars, t.start, t.end - 1)
    }

    func isCapitalised(_ i: Int) -> Bool { CharClass.isUpper(text.scalars[tokens[i].start]) }

    /// A token that may be part of a role phrase.
    func allowed(_ i: Int) -> Bool {
        if mentionAt[i] >= 0 { return mentions[mentionAt[i]].type != .person }
        if isRoleWord(i) || lexicons.titles.contains(words[i]) || RoleFinder.modifiers.contains(words[i]) { return true }
        return isCapitalised(i) && CharClass.isLetter(text.scalars[tokens[i].start])
    }

    /// The role phrase ending just before token `end` (exclusive), walking back within the sentence.
    func phrase(endingBefore end: Int, allowPossessive: Bool = false) -> Range<Int>? {
        guard end > 0 else { return nil }
        let sentence = sentenceOf[end - 1]
        var a = end
        while a > 0, sentenceOf[a - 1] == sentence, allowed(a - 1) || (allowPossessive && RoleFinder.possessive.contains(words[a - 1])) { a -= 1 }
        return trim(a..<end)
    }

    /// Drops connectors and stray sentence-initial words at the edges; nil unless a role word remains.
    func trim(_ range: Range<Int>) -> Range<Int>? {
        var a = range.lowerBound, b = range.upperBound
        while a < b {
            if RoleFinder.connectors.contains(words[a]) { a += 1; continue }
            // A capitalised word that is neither a name, a title nor a role word ("Yesterday President ...").
            if mentionAt[a] < 0, isCapitalised(a), !isRoleWord(a), !lexicons.titles.contains(words[a]), a + 1 < b,
               !RoleFinder.modifiers.contains(words[a]), a == 0 || sentenceOf[a - 1] != sentenceOf[a] || !allowed(a - 1) {
                // Keep it only when a capitalised word follows (part of a name like "State Department").
                if !isCapitalised(a + 1) { a += 1; continue }
            }
            break
        }
        while b > a, RoleFinder.connectors.contains(words[b - 1]) || RoleFinder.possessive.contains(words[b - 1]) { b -= 1 }
        guard a < b, (a..<b).contains(where: { isRoleWord($0) && mentionAt[$0] < 0 }) else { return nil }
        // A bare honorific is a title, not a role.
        if b - a == 1, ["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"].contains(tokens[a].text.lowercased()) { return nil }
        return a..<b
    }

    func render(_ range: Range<Int>) -> String {
        var out = ""
        for k in range {
            if k > range.lowerBound, tokens[k].start > tokens[k - 1].end { out += " " }
            out += tokens[k].text
        }
        return out
    }

    /// "X's foreign minister" → "foreign minister of X"; otherwise the phrase as written.
    func renderPossessive(_ range: Range<Int>) -> String {
        if let p = range.firstIndex(where: { RoleFinder.possessive.contains(words[$0]) }), p > range.lowerBound, p + 1 < range.upperBound {
            return render((p + 1)..<range.upperBound) + " of " + render(range.lowerBound..<p)
        }
        return render(range)
    }

    func before(_ m: Mention) -> String? {
        guard let r = phrase(endingBefore: m.first) else { return nil }
        // The phrase must touch the name ("said spokesperson Ned Price" yes; a role word far back, no).
        guard r.upperBound == m.first else { return nil }
        return render(r)
    }

    func appositive(_ m: Mention) -> String? {
        // "Name, the/X's role ,|."
        if m.end + 1 < tokens.count, words[m.end] == RoleFinder.comma, sentenceOf[m.end] == sentenceOf[m.first] {
            var b = m.end + 1
            let sentence = sentenceOf[m.first]
            while b < tokens.count, b - m.end <= 10, sentenceOf[b] == sentence,
                  allowed(b) || RoleFinder.possessive.contains(words[b]) || words[b] == RoleFinder.the || RoleFinder.connectors.contains(words[b]) { b += 1 }
            let endsWell = b >= tokens.count || sentenceOf[b] != sentence || [",", ".", ";", ")", "—", "–"].contains(tokens[b].text)
            if endsWell, var r = trimPossessivePhrase((m.end + 1)..<b) {
                if r.isEmpty { r = (m.end + 1)..<b }
                return renderPossessive(r)
            }
        }
        // "X's role, Name"
        if m.first >= 2, words[m.first - 1] == RoleFinder.comma, let r = phrase(endingBefore: m.first - 1, allowPossessive: true) {
            if r.upperBound == m.first - 1 { return renderPossessive(r) }
        }
        return nil
    }

    func trimPossessivePhrase(_ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty else { return nil }
        // Allow a possessive inside, then trim as usual.
        var a = range.lowerBound
        while a < range.upperBound, words[a] == RoleFinder.the || words[a] == WordHash.folded("a") || words[a] == WordHash.folded("an") { a += 1 }
        guard a < range.upperBound else { return nil }
        let b = range.upperBound
        guard (a..<b).contains(where: { isRoleWord($0) && mentionAt[$0] < 0 }), !(a..<b).contains(where: { mentionAt[$0] >= 0 && mentions[mentionAt[$0]].type == .person }) else { return nil }
        return a..<b
    }

    /// "ministers of A and B, P1 and P2": P1's role is "minister of A", P2's "minister of B".
    func distributive(_ m: Mention) -> String? {
        // Find the pair (p1, p2) that m belongs to.
        let k = mentionAt[m.first]
        guard k >= 0 else { return nil }
        var p1 = k, position = 0
        if k >= 1, mentions[k - 1].type == .person, mentions[k - 1].end + 1 == m.first, words[m.first - 1] == RoleFinder.and {
            p1 = k - 1; position = 1
        } else if !(k + 1 < mentions.count && mentions[k + 1].type == .person && m.end + 1 == mentions[k + 1].first && words[m.end] == RoleFinder.and) {
            return nil
        }
        let first = mentions[p1].first
        guard first >= 5, words[first - 1] == RoleFinder.comma else { return nil }
        let g2 = mentionAt[first - 2]
        guard g2 >= 0, mentions[g2].type != .person else { return nil }
        let g2First = mentions[g2].first
        guard g2First >= 3, words[g2First - 1] == RoleFinder.and else { return nil }
        let g1 = mentionAt[g2First - 2]
        guard g1 >= 0, mentions[g1].type != .person else { return nil }
        let g1First = mentions[g1].first
        guard g1First >= 2, words[g1First - 1] == RoleFinder.of else { return nil }
        let headIndex = g1First - 2
        guard isRoleWord(headIndex), singular(headIndex) != words[headIndex] else { return nil }
        guard let r = phrase(endingBefore: headIndex + 1), r.upperBound == headIndex + 1 else { return nil }
        var head = render(r)
        if head.hasSuffix("s") { head.removeLast() }
        let place = position == 0 ? mentions[g1] : mentions[g2]
        return head + " of " + render(place.first..<place.end)
    }

    /// "the secretary", "the foreign minister": role nouns that may stand for a named person, with offsets.
    func roleNounPhrases() -> [(String, Int)] {
        var out: [(String, Int)] = []
        var i = 0
        while i + 1 < tokens.count {
            guard words[i] == RoleFinder.the else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, j - i <= 3, !isCapitalised(j), RoleFinder.modifiers.contains(words[j]) || isRoleWord(j) { j += 1 }
            // The last word must be a singular role word, and no name may follow it ("the secretary Blinken").
            if j > i + 1, isRoleWord(j - 1), lexicons.roleWords.contains(words[j - 1]), j >= tokens.count || !isCapitalised(j) || words[j] == WordHash.folded("of") {
                out.append((render(i..<j).lowercased() == render(i..<j) ? render(i..<j) : "the " + render((i + 1)..<j), tokens[i].start))
                i = j
                continue
            }
            i += 1
        }
        return out
    }
}
