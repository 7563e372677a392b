import Language
import WhosaidCore

/// A word or punctuation mark of the article as the quote rules see it.
///
/// The rules need a view the shared tokenizer does not promise: apostrophes and hyphens kept inside words
/// ("Mayer’s", "face-to-face"), quotation marks as their own items, and the paragraph each item is in.
struct QWord {
    var start: Int
    var end: Int
    var text: String
    var lower: String
    /// Letters or digits (not punctuation).
    var isWord: Bool
    /// Starts with an upper-case letter.
    var isCapitalised: Bool
    var paragraph: Int
    /// The quotation this item lies in (its marks included), or -1.
    var region: Int
    /// Ends in a possessive "’s", "'s" or "s’".
    var isPossessive: Bool
}

/// A pair of quotation marks and what lies between them.
struct QuotationRegion {
    /// Offset of the opening mark.
    var open: Int
    /// Offset of the closing mark, or the end of the last paragraph when the mark never closes.
    var close: Int
    /// The content without the marks and the whitespace next to them.
    var contentStart: Int
    var contentEnd: Int
    /// The last content character is `,` `.` `!` `?` or `…`: the quotation is a whole utterance.
    var endsUtterance: Bool
    var wordCount: Int
}

/// The article cut into items, quotations and sentences once, for every rule to read.
struct QuoteText {
    let text: ScalarText
    var words: [QWord] = []
    var regions: [QuotationRegion] = []
    /// Sentences as half-open ranges of `words`; a quotation never straddles one, except a
    /// quotation running over paragraphs, which a paragraph break splits.
    var sentences: [Range<Int>] = []
    /// Lower-case forms written in lower case somewhere in the article: a capitalised word whose lower-case
    /// form is among them is a common noun at a sentence start ("Teachers chanted").
    var lowercaseForms: Set<String> = []

    /// The text as UTF-8 and where each code point starts in it: words are made from bytes, which is many
    /// times faster than from scalars.
    let utf8: [UInt8]
    let byteOffsets: [Int]

    init(_ text: ScalarText) {
        self.text = text
        utf8 = Array(text.string.utf8)
        var offsets = [Int]()
        offsets.reserveCapacity(text.count + 1)
        var b = 0
        for byte in utf8 {
            if byte & 0xC0 != 0x80 { offsets.append(b) }
            b += 1
        }
        offsets.append(b)
        byteOffsets = offsets
        regions = QuoteText.pairQuotationMarks(text)
        tokenize()
        splitSentences()
        collectLowercaseForms()
    }

    /// Only words that open a sentence are ever asked about: collect the lower-case uses of those alone,
    /// which hashes a few dozen words instead of every word of the article.
    private mutating func collectLowercaseForms() {
        var openers: Set<String> = []
        var shapes = [UInt64](repeating: 0, count: 256)
        for s in sentences where !s.isEmpty {
            let w = words[s.lowerBound]
            guard w.isWord, w.isCapitalised else { continue }
            openers.insert(w.lower)
            let count = w.lower.utf8.count
            if let first = w.lower.utf8.first, count < 64 { shapes[Int(first)] |= 1 << UInt64(count) }
        }
        guard !openers.isEmpty else { return }
        for w in words where w.isWord && !w.isCapitalised && w.region < 0 {
            let count = w.lower.utf8.count
            guard count < 64, let first = w.lower.utf8.first, shapes[Int(first)] & (1 << UInt64(count)) != 0 else { continue }
            if openers.contains(w.lower) { lowercaseForms.insert(w.lower) }
        }
    }

    static func isOpeningMark(_ c: Unicode.Scalar) -> Bool { c == "\u{201C}" || c == "\u{201E}" || c == "\u{AB}" }
    static func isClosingMark(_ c: Unicode.Scalar) -> Bool { c == "\u{201D}" || c == "\u{BB}" || c == "\u{201F}" }
    static func isQuotationMark(_ c: Unicode.Scalar) -> Bool { c == "\"" || isOpeningMark(c) || isClosingMark(c) }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        // General punctuation (curly quotes, dashes, ellipsis, spaces): no letters or digits, and common in
        // news, so it skips the slower property lookup.
        if v >= 0x2000 && v <= 0x205E { return false }
        // Latin-1: letters, and the superscript digits and fractions that count as numbers.
        if v < 0x100 { return CharClass.isLatin1Letter(v) || v == 0xB2 || v == 0xB3 || v == 0xB9 || (v >= 0xBC && v <= 0xBE) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x2010 && v <= 0x2027 { return false }  // dashes, curly quotes, bullets, ellipsis
        if v < 0x100 { return v == 0x85 || v == 0xA0 }
        return c.properties.isWhitespace
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x2000 && v <= 0x206F { return false }
        if v < 0x100 { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        return c.properties.isUppercase
    }

    /// Pairs double quotation marks paragraph by paragraph. An unclosed quotation continues into the next
    /// paragraph when that paragraph opens with a mark (the news convention for long quotations); otherwise it
    /// ends with its paragraph, so an odd mark never swallows the rest of the article.
    /// Some publications (British tabloids among them) quote with single marks, ‘like this,’ and keep double
    /// marks for quotations inside quotations. An article with opening single marks and no double mark at all
    /// is read that way.
    static func quotesWithSingleMarks(_ s: [Unicode.Scalar]) -> Bool {
        var singles = 0
        for c in s {
            if c == "\"" || isOpeningMark(c) || isClosingMark(c) { return false }
            if c == "\u{2018}" { singles += 1 }
        }
        return singles >= 1
    }

    /// Whether the ’ at `i` closes a single-mark quotation rather than standing for an apostrophe: not inside
    /// a word ("don’t"), and after the utterance's punctuation or before punctuation, a capital or the end
    /// ("workers’ rights" goes on in lower case).
    static func closesSingleQuotation(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        if let n = next, isAlnum(n) { return false }
        guard i > 0 else { return false }
        let prev = s[i - 1]
        if isSpace(prev) { return false }
        if prev == "," || prev == "." || prev == "!" || prev == "?" || prev == "\u{2026}" { return true }
        var j = i + 1
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count, s[j] != "\n" else { return true }
        let c = s[j]
        if !isAlnum(c) { return true }
        return isUpper(c)
    }

    static func pairQuotationMarks(_ text: ScalarText) -> [QuotationRegion] {
        let s = text.scalars
        let singleMarks = quotesWithSingleMarks(s)
        var regions: [QuotationRegion] = []
        var openAt: Int? = nil
        var paragraphEnd = 0  // end of the content seen so far in the current paragraph
        var atParagraphStart = true
        var i = 0
        func close(at closeIndex: Int, contentEnd: Int) {
            guard let o = openAt else { return }
            var cs = o + 1, ce = contentEnd
            while cs < ce, QuoteText.isSpace(s[cs]) { cs += 1 }
            while ce > cs, QuoteText.isSpace(s[ce - 1]) { ce -= 1 }
            if ce > cs {
                let last = s[ce - 1]
                let ends = last == "," || last == "." || last == "!" || last == "?" || last == "\u{2026}"
                var words = 0, inWord = false
                for k in cs..<ce {
                    let w = isAlnum(s[k])
                    if w && !inWord { words += 1 }
                    inWord = w
                }
                regions.append(QuotationRegion(open: o, close: closeIndex, contentStart: cs, contentEnd: ce,
                                               endsUtterance: ends, wordCount: words))
            }
            openAt = nil
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                // A paragraph break: an open quotation continues only if the next paragraph opens with a mark.
                var j = i
                while j < s.count, QuoteText.isSpace(s[j]) { j += 1 }
                if openAt != nil {
                    let continues = j < s.count && (isOpeningMark(s[j]) || s[j] == "\"" || (singleMarks && s[j] == "\u{2018}"))
                    if continues {
                        i = j + 1  // skip the re-opening mark
                        atParagraphStart = false
                        paragraphEnd = i
                        continue
                    }
                    close(at: paragraphEnd, contentEnd: paragraphEnd)
                }
                i = j
                atParagraphStart = true
                continue
            }
            if !QuoteText.isSpace(c) { paragraphEnd = i + 1 }
            if c == "\"" {
                let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
                let prevIsSpace = prev == nil || QuoteText.isSpace(prev!) || "([{\u{2014}\u{2013}-/".unicodeScalars.contains(prev!)
                let nextIsSpace = next == nil || QuoteText.isSpace(next!)
                if openAt == nil {
                    // A straight mark glued to the word before it and followed by space closes nothing we saw.
                    if !(prevIsSpace == false && nextIsSpace && !atParagraphStart) { openAt = i }
                } else if prevIsSpace && !nextIsSpace && i > openAt! + 1 && !isAlnum(prev ?? " ") && prev != "," {
                    // Looks like an opening mark while one is open: the earlier mark was stray.
                    openAt = i
                } else {
                    close(at: i, contentEnd: i)
                }
            } else if isOpeningMark(c) || (singleMarks && c == "\u{2018}") {
                openAt = i  // a second opening mark means the earlier one was stray
            } else if singleMarks, c == "\u{2019}", openAt != nil, closesSingleQuotation(s, i) {
                close(at: i, contentEnd: i)
            } else if isClosingMark(c) {
                if openAt != nil { close(at: i, contentEnd: i) }
            }
            atParagraphStart = false
            i += 1
        }
        if openAt != nil { close(at: paragraphEnd, contentEnd: paragraphEnd) }
        return regions
    }

    private mutating func tokenize() {
        let s = text.scalars
        var i = 0, paragraph = 0, regionIndex = 0
        words.reserveCapacity(s.count / 5)
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                var j = i
                while j < s.count, QuoteText.isSpace(s[j]) { j += 1 }
                paragraph += 1
                i = j
                continue
            }
            if QuoteText.isSpace(c) { i += 1; continue }
            let start = i
            let isWord = QuoteText.isAlnum(c)
            if isWord {
                i += 1
                while i < s.count {
                    let d = s[i]
                    if QuoteText.isAlnum(d) { i += 1; continue }
                    // Keep apostrophes, hyphens, ampersands and inner dots inside a word ("U.S", "don’t").
                    if (d == "'" || d == "\u{2019}" || d == "-" || d == "&" || d == "." || d == "\u{2010}"),
                       i + 1 < s.count, QuoteText.isAlnum(s[i + 1]) {
                        i += 2
                        continue
                    }
                    // A thousands separator stays inside its number ("3,248"): it is no clause break.
                    if d == ",", i + 3 < s.count, QuoteText.isDigit(s[i - 1]), QuoteText.isDigit(s[i + 1]), QuoteText.isDigit(s[i + 2]), QuoteText.isDigit(s[i + 3]),
                       i + 4 >= s.count || !QuoteText.isDigit(s[i + 4]) {
                        i += 4
                        continue
                    }
                    break
                }
            } else {
                i += 1
            }
            while regionIndex < regions.count, regions[regionIndex].close < start { regionIndex += 1 }
            var region = -1
            if regionIndex < regions.count, regions[regionIndex].open <= start, start <= regions[regionIndex].close {
                region = regionIndex
            }
            let word = slice(start, i)
            let cap = QuoteText.isUpper(c)
            let lower = isWord && hasUpper(start, i) ? lowerCased(start, i) : word
            var possessive = false
            if isWord, i - start >= 2 {
                let last = s[i - 1], before = s[i - 2]
                possessive = ((last == "s" || last == "S") && (before == "'" || before == "\u{2019}"))
            }
            if isWord, !possessive, i < s.count, s[i] == "\u{2019}" || s[i] == "'", s[i - 1] == "s",
               i + 1 >= s.count || !QuoteText.isAlnum(s[i + 1]) {
                possessive = true  // "teachers’ union": the mark is outside the word
            }
            words.append(QWord(start: start, end: i, text: word, lower: lower, isWord: isWord, isCapitalised: cap,
                               paragraph: paragraph, region: region, isPossessive: possessive))

        }
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "st", "jr", "sr", "lt", "col", "gen", "sgt", "capt", "maj",
        "adm", "inc", "co", "corp", "ltd", "vs", "no", "prof", "rev", "u.s", "u.k", "u.n", "a.m", "p.m", "jan",
        "feb", "aug", "sept", "sep", "oct", "nov", "dec", "e.g", "i.e", "etc", "mt", "ft", "d.c", "n.y", "supt",
    ]

    /// Splits at `.` `!` `?` (and a quotation that ends in one) before a capital, a digit, a mark or a new
    /// paragraph. Marks inside a quotation never split: a quotation is kept whole in one sentence.
    private mutating func splitSentences() {
        var first = 0
        var k = 0
        while k < words.count {
            let w = words[k]
            var boundary = false
            if k + 1 < words.count, words[k + 1].paragraph != w.paragraph {
                boundary = true
            } else if k + 1 == words.count {
                boundary = true
            } else if w.region >= 0 {
                // The closing mark of a quotation whose content ends a sentence.
                let r = regions[w.region]
                if w.start == r.close, let last = text.scalars[safe: r.contentEnd - 1],
                   last == "." || last == "!" || last == "?", startsSentence(k + 1), !attributionFollows(k + 1) {
                    boundary = true
                }
            } else if !w.isWord, w.text == "." || w.text == "!" || w.text == "?" {
                let prev = k > 0 ? words[k - 1] : nil
                let isAbbreviation = prev.map { p in
                    p.end == w.start && (QuoteText.abbreviations.contains(p.lower)
                        || (p.text.unicodeScalars.count == 1 && p.isCapitalised)
                        || (isAllCaps(p) && p.text.unicodeScalars.count <= 3 && k + 2 < words.count
                            && isAllCaps(words[k + 1]) && isAllCaps(words[k + 2]) && words[k + 2].paragraph == w.paragraph))
                } ?? false
                if !isAbbreviation, startsSentence(k + 1) { boundary = true }
                // "U.S." closing a sentence before a capital is still a boundary after a lower-case word.
                if isAbbreviation, let p = prev, p.lower == "u.s", startsSentence(k + 1),
                   k + 1 < words.count, ["the", "but", "and", "it", "he", "she", "they", "in"].contains(words[k + 1].lower) {
                    boundary = true
                }
            }
            if boundary {
                sentences.append(first..<(k + 1))
                first = k + 1
            }
            k += 1
        }
        if first < words.count { sentences.append(first..<words.count) }
    }

    /// A word of two or more capital letters and no lower-case one ("ID", "SPACE"): a model name in capitals
    /// after an abbreviation's dot ("the ID. SPACE VIZZION") goes on in the same sentence.
    private func isAllCaps(_ x: QWord) -> Bool {
        x.isWord && x.isCapitalised && x.text.utf8.count >= 2 && !x.text.utf8.contains { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
    }

    /// `“...?” Brooke tearfully asked`: a reporting verb within the next few words, before any punctuation;
    /// or `“...?” Jane Doe, a professor at the institute, said`: a name, its appositive, then the verb.
    private func attributionFollows(_ k: Int) -> Bool {
        var j = k
        while j < words.count, j < k + 6, words[j].isWord, words[j].paragraph == words[k].paragraph {
            if !words[j].isCapitalised, let kind = Lexicon.cues[words[j].lower], kind != .participle { return true }
            j += 1
        }
        guard j > k, j < words.count, words[j].text == ",", (k..<j).allSatisfy({ words[$0].isCapitalised }) else { return false }
        var c = j + 1
        while c + 1 < words.count, c - j <= 24, words[c].paragraph == words[k].paragraph, words[c].region < 0,
              words[c].text != ".", words[c].text != ";" {
            if words[c].text == ",", !words[c + 1].isCapitalised, let kind = Lexicon.cues[words[c + 1].lower], kind != .participle { return true }
            c += 1
        }
        return false
    }

    /// The first word that starts at or after `offset`.
    func wordIndex(at offset: Int) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func startsSentence(_ k: Int) -> Bool {
        guard k < words.count else { return true }
        let n = words[k]
        if n.isCapitalised { return true }
        if n.isWord, let c = n.text.unicodeScalars.first, c.properties.numericType != nil { return true }
        if !n.isWord, let c = n.text.unicodeScalars.first, QuoteText.isQuotationMark(c) || c == "(" || c == "\u{2018}" { return true }
        return false
    }

    func slice(_ start: Int, _ end: Int) -> String {
        let a = byteOffsets[max(0, min(start, text.count))], b = byteOffsets[max(0, min(end, text.count))]
        return b > a ? String(decoding: utf8[a..<b], as: UTF8.self) : ""
    }

    func span(_ start: Int, _ end: Int) -> Span { Span(start: start, end: end, text: slice(start, end)) }

    private func hasUpper(_ start: Int, _ end: Int) -> Bool {
        for k in start..<end where QuoteText.isUpper(text.scalars[k]) { return true }
        return false
    }

    private func lowerCased(_ start: Int, _ end: Int) -> String {
        let a = byteOffsets[start], b = byteOffsets[end]
        var ascii = true
        for k in a..<b where utf8[k] >= 0x80 { ascii = false; break }
        guard ascii else { return slice(start, end).lowercased() }
        return String(unsafeUninitializedCapacity: b - a) { buffer in
            for k in a..<b {
                let byte = utf8[k]
                buffer[k - a] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            }
            return b - a
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
