import WhosaidCore

/// A token of article text with its code-point offsets.
public struct Token: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A sentence: a range of tokens and its code-point offsets.
public struct Sentence: Equatable, Sendable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int

    public init(tokens: Range<Int>, start: Int, end: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
    }
}

/// Character classes the tokenizer and splitter test on every scalar; ASCII is answered without a
/// property lookup because news text is mostly ASCII.
public enum CharClass {
    /// General punctuation (curly quotes, dashes, ellipsis, special spaces): no letters or digits, and
    /// common in news, so answered without the slower property lookup.
    @inlinable @inline(__always) public static func isGeneralPunctuation(_ v: UInt32) -> Bool { v >= 0x2000 && v <= 0x206F }

    /// Latin-1 letters (accented names are common in news): answered from the code point alone.
    @inlinable @inline(__always) public static func isLatin1Letter(_ v: UInt32) -> Bool {
        (v >= 0xC0 && v != 0xD7 && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA
    }

    @inlinable @inline(__always) public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x2010 && v <= 0x2027 { return false }  // dashes, curly quotes, bullets, ellipsis
        if v < 0x100 { return v == 0x85 || v == 0xA0 }
        return v == 0x2028 || v == 0x2029 || c.properties.isWhitespace
    }

    @inlinable @inline(__always) public static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if isGeneralPunctuation(v) { return false }
        if v < 0x100 { return isLatin1Letter(v) }
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }

    @inlinable @inline(__always) public static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if isGeneralPunctuation(v) { return false }
        if v < 0x100 { return false }
        return c.properties.numericType == .decimal
    }

    @inlinable @inline(__always) public static func isWordChar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }

    @inlinable @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if isGeneralPunctuation(v) { return false }
        if v < 0x100 { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        return c.properties.isUppercase
    }

    @inlinable @inline(__always) public static func isLower(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if isGeneralPunctuation(v) { return false }
        if v < 0x100 { return v == 0xAA || v == 0xB5 || v == 0xBA || (v >= 0xDF && v != 0xF7) }
        return c.properties.isLowercase
    }

    /// ' and ’ (and the modifier-letter apostrophe some sites use).
    @inlinable @inline(__always) public static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    /// - and the non-breaking hyphen; not en or em dashes, which separate words.
    @inlinable @inline(__always) public static func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2011}" || c == "\u{2010}" }
}

/// Splits news text into word, number and punctuation tokens.
///
/// Words keep inner hyphens ("Nagorno-Karabakh", "face-to-face") and inner apostrophes of names
/// ("O'Brien"), but clitics are their own tokens ("Pelosi" "’s", "do" "n't") so that names stay clean.
/// Abbreviations keep their period: dotted forms ("U.S.", "U.N.", "a.m."), single initials ("J."), and the
/// known abbreviations of `Abbreviations` ("Mr.", "Gen.", "Jan.", "Inc."). Numbers keep their decimal
/// point and thousands separators ("3.5", "1,000"). Every other symbol is a token of its own, except runs
/// of the same dot or dash ("...", "--").
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: ScalarText) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        let s = text.scalars
        let n = s.count
        var i = 0
        // Token texts are cut from the UTF-8 bytes (a copy, not a scalar-by-scalar rebuild): a cursor turns
        // the increasing scalar offsets into byte offsets.
        let utf8 = Array(text.string.utf8)
        var cursorScalar = 0, cursorByte = 0
        func byteOffset(_ scalar: Int) -> Int {
            while cursorScalar < scalar {
                let v = s[cursorScalar].value
                cursorByte += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                cursorScalar += 1
            }
            return cursorByte
        }
        func emit(_ start: Int, _ end: Int) {
            let a = byteOffset(start), b = byteOffset(end)
            let piece = utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
            tokens.append(Token(start: start, end: end, text: piece))
        }
        while i < n {
            let c = s[i]
            if CharClass.isSpace(c) { i += 1; continue }
            let start = i
            if CharClass.isDigit(c) {
                i += 1
                while i < n {
                    if CharClass.isWordChar(s[i]) { i += 1; continue }
                    // 3.5, 1,000, 9:30 — a separator between digits stays inside the number.
                    if (s[i] == "." || s[i] == "," || s[i] == ":"), i + 1 < n, CharClass.isDigit(s[i + 1]), CharClass.isDigit(s[i - 1]) {
                        i += 2; continue
                    }
                    if CharClass.isHyphen(s[i]), i + 1 < n, CharClass.isWordChar(s[i + 1]) { i += 2; continue }
                    break
                }
                emit(start, i)
                continue
            }
            if CharClass.isLetter(c) {
                i += 1
                var segment = start  // where the current hyphen-separated part begins
                while i < n {
                    let d = s[i]
                    if CharClass.isWordChar(d) { i += 1; continue }
                    if CharClass.isHyphen(d), i + 1 < n, CharClass.isWordChar(s[i + 1]) {
                        if Tokenizer.splitsAtHyphen(s, segmentStart: segment, hyphen: i) { break }
                        i += 2; segment = i - 1; continue
                    }
                    if d == "&", i + 1 < n, CharClass.isUpper(s[i + 1]), CharClass.isUpper(s[i - 1]) { i += 2; continue }  // AT&T
                    if CharClass.isApostrophe(d), i + 1 < n, CharClass.isLetter(s[i + 1]) {
                        // Clitics split off: 's 're 've 'll 'd 'm and n't; O'Brien stays whole.
                        if Tokenizer.isClitic(s, at: i) { break }
                        if i - start == 1, i + 1 < n, CharClass.isUpper(s[i + 1]) { i += 2; continue }  // O'Brien, D'Souza
                        break
                    }
                    break
                }
                // n't: "don't" → "do" "n't"
                if i < n, CharClass.isApostrophe(s[i]), i - start >= 2, s[i - 1] == "n" || s[i - 1] == "N",
                   i + 1 < n, s[i + 1] == "t" || s[i + 1] == "T", i + 2 >= n || !CharClass.isWordChar(s[i + 2]) {
                    emit(start, i - 1)
                    emit(i - 1, i + 2)
                    i += 2
                    continue
                }
                // A period that belongs to the word.
                if i < n, s[i] == "." {
                    let len = i - start
                    if len == 1, CharClass.isLetter(c) {
                        // U.S., U.N., a.m., e.g.: letter-period runs; or a lone initial "J."
                        var j = i + 1
                        while j + 1 < n, CharClass.isLetter(s[j]), s[j + 1] == "." { j += 2 }
                        if j > i + 1 || CharClass.isUpper(c) { i = j; emit(start, i); continue }
                    }
                    if Abbreviations.isAbbreviation(s, start, i) { i += 1 }
                }
                emit(start, i)
                continue
            }
            if CharClass.isApostrophe(c), Tokenizer.isClitic(s, at: i), i > 0, CharClass.isLetter(s[i - 1]) {
                i += 1
                while i < n, CharClass.isLetter(s[i]) { i += 1 }
                emit(start, i)
                continue
            }
            if c == "@" || c == "#", i + 1 < n, CharClass.isWordChar(s[i + 1]) {
                i += 1
                while i < n, CharClass.isWordChar(s[i]) || s[i] == "_" { i += 1 }
                emit(start, i)
                continue
            }
            // Runs of dots or hyphens ("...", "--") are one token; every other symbol stands alone.
            i += 1
            if c == "." || c == "-" { while i < n, s[i] == c { i += 1 } }
            emit(start, i)
        }
        return tokens
    }

    /// Prefixes of Arabic and other names written with a hyphen ("al-Assad", "bin-Salman"): never split off.
    static let namePrefixes: Set<String> = ["al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "abu", "abd", "bint"]

    /// A hyphen between a capitalised part and a lower-case one splits the word, so that a name inside it
    /// is a token of its own: "Australian-born", "Minneapolis-based", "pro-Israeli", "anti-Trump". Parts
    /// of the same case stay one word ("Nagorno-Karabakh", "Jean-Julien", "face-to-face"), and so do short
    /// capitalised parts ("X-ray", "Wi-fi") and name prefixes ("al-Assad").
    static func splitsAtHyphen(_ s: [Unicode.Scalar], segmentStart: Int, hyphen: Int) -> Bool {
        let before = s[segmentStart], after = s[hyphen + 1]
        if CharClass.isUpper(before) {
            return hyphen - segmentStart >= 3 && CharClass.isLower(after)
        }
        guard CharClass.isLower(before), CharClass.isUpper(after), hyphen + 2 < s.count, CharClass.isLower(s[hyphen + 2]) else { return false }
        var prefix = ""
        for k in segmentStart..<hyphen { prefix.unicodeScalars.append(s[k]) }
        return !namePrefixes.contains(prefix)
    }

    /// Whether the apostrophe at `i` starts a clitic: 's 're 've 'll 'd 'm followed by a non-letter.
    static func isClitic(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let n = s.count
        guard i + 1 < n else { return false }
        func lower(_ k: Int) -> UInt32 { k < n ? (s[k].value | 0x20) : 0 }
        func ends(_ k: Int) -> Bool { k >= n || !CharClass.isWordChar(s[k]) }
        switch lower(i + 1) {
        case 0x73, 0x64, 0x6D: return ends(i + 2)  // s d m
        case 0x72: return lower(i + 2) == 0x65 && ends(i + 3)  // re
        case 0x76: return lower(i + 2) == 0x65 && ends(i + 3)  // ve
        case 0x6C: return lower(i + 2) == 0x6C && ends(i + 3)  // ll
        default: return false
        }
    }
}

/// Abbreviations that keep their period, and which of them may also end a sentence.
public enum Abbreviations {
    /// Lower-cased, without the period.
    static let words: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "cmdr",
        "maj", "pres", "rev", "hon", "st", "jr", "sr", "messrs", "mt", "ft", "pvt", "cpl", "supt", "insp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        "inc", "corp", "co", "ltd", "llc", "bros", "plc", "dept", "univ", "assn", "intl",
        "vs", "etc", "approx", "est", "no", "nos", "vol", "pp", "fig", "al", "ave", "blvd", "rd",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
        "tex", "va", "vt", "wash", "wis", "wyo",
    ]
    /// Abbreviations that commonly end a sentence ("... of Acme Inc. The company said").
    static let sentenceFinal: Set<String> = ["inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "etc", "bros", "al"]

    static func isAbbreviation(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let len = end - start
        guard len >= 2, len <= 6 else { return false }
        // "no." is an abbreviation only before a number ("No. 10").
        var word = ""
        for k in start..<end { word.unicodeScalars.append(Unicode.Scalar(s[k].value | (s[k].value < 0x80 ? 0x20 : 0)) ?? s[k]) }
        guard words.contains(word) else { return false }
        if word == "no" || word == "nos" || word == "fig" || word == "vol" {
            var k = end + 1
            while k < s.count, CharClass.isSpace(s[k]) { k += 1 }
            return k < s.count && CharClass.isDigit(s[k])
        }
        // Lower-case "sun." / "wed." / "ill." / "wash." / "ind." etc. at a sentence end are words, not abbreviations.
        if !CharClass.isUpper(s[start]), !["vs", "etc", "approx", "al", "est", "pp"].contains(word) { return false }
        return true
    }

    /// Whether a token that ends in a period may end a sentence when a capitalised word follows it.
    public static func mayEndSentence(_ token: String) -> Bool {
        var t = token.lowercased()
        if t.hasSuffix(".") { t.removeLast() }
        if sentenceFinal.contains(t) { return true }
        // Dotted abbreviations of places and times end sentences often: "in the U.S." / "at 9 a.m."
        return t.contains(".")
    }
}

/// Splits a tokenized text into sentences.
///
/// A sentence ends at ".", "!", "?" or "..." (with any closing quotes and brackets after it), at a line
/// break (headlines and captions have no final stop), and after a dotted abbreviation such as "U.S." or
/// "Inc." when the next word starts a new sentence (capitalised, and not a name-like continuation).
public struct SentenceSplitter: Sendable {
    public init() {}

    /// Words that begin sentences and rarely follow an abbreviation inside one.
    static let openers: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
        "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "However", "Meanwhile", "There",
        "His", "Her", "Their", "Its", "Our", "Some", "Many", "Most", "One", "Two", "For", "According", "Still",
        "Yet", "So", "Also", "Earlier", "Later", "Now", "Last", "Since", "Although", "Under", "With",
    ]

    public func split(_ text: ScalarText, tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        let s = text.scalars
        var first = 0
        func close(_ last: Int) {
            guard last >= first else { return }
            sentences.append(Sentence(tokens: first..<(last + 1), start: tokens[first].start, end: tokens[last].end))
            first = last + 1
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            // A line break between this token and the next ends the sentence.
            if let next {
                var lineBreak = false
                var k = t.end
                while k < next.start { if s[k] == "\n" || s[k] == "\r" || s[k] == "\u{2029}" { lineBreak = true; break }; k += 1 }
                if lineBreak { close(i); i += 1; continue }
            }
            let len = t.end - t.start
            let c = s[t.start]
            var ends = false
            if c == "." || c == "!" || c == "?" || c == "\u{2026}" {
                ends = true
            } else if len > 1, s[t.end - 1] == ".", let next, Abbreviations.mayEndSentence(t.text) {
                ends = SentenceSplitter.openers.contains(next.text)
            }
            if ends {
                // Closing quotes and brackets, and more terminators, stay with the sentence.
                var last = i
                while last + 1 < tokens.count {
                    let u = s[tokens[last + 1].start]
                    let glued = tokens[last + 1].start == tokens[last].end
                    if u == "!" || u == "?" || u == "." || u == ")" || u == "]" || u == "\u{201D}" || u == "\u{2019}"
                        || ((u == "\"" || u == "'") && glued) {
                        last += 1
                    } else { break }
                }
                // "Mr. Smith" never reaches here (the period is in the token); a lone "." followed by a
                // lower-case word is usually an abbreviation the tokenizer did not know: do not split.
                if last + 1 < tokens.count, c == ".", CharClass.isLower(s[tokens[last + 1].start]), tokens[last + 1].start == tokens[last].end + 1, isLikelyAbbreviation(tokens, i) {
                    i += 1
                    continue
                }
                close(last)
                i = last + 1
                continue
            }
            i += 1
        }
        if first < tokens.count { close(tokens.count - 1) }
        return sentences
    }

    /// A short lower-case word before a lone period ("approx ." is tokenized as "approx" "."): an unknown abbreviation.
    private func isLikelyAbbreviation(_ tokens: [Token], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let prev = tokens[i - 1]
        return prev.end == tokens[i].start && prev.end - prev.start <= 4 && prev.text.first?.isLowercase == true
    }
}
