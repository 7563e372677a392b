/// Tells English text from text in another language, so that the English entity model and quote rules
/// are not run where they can only produce noise (capitalised Portuguese words taken for people, and
/// so on). News corpora crawled from the web always hold some pages in other languages, whatever the
/// page's metadata says.
///
/// The test reads the text itself, never the metadata: a text is English unless
/// - most of its letters are outside the Latin alphabet (Cyrillic, Greek, Arabic, Hebrew, Devanagari,
///   Chinese, Japanese, Korean...), or
/// - its commonest short words are those of another Latin-script language ("de", "que", "und", "yang")
///   more than they are English ones ("the", "of", "said").
/// Counting English words alone would not do: lists of scores, recipes and deals in English have few
/// function words of any language, and must still be read as English.
/// A text too short to judge is taken as English, so nothing is ever skipped on a guess.
public enum EnglishCheck {
    public enum Verdict: Equatable, Sendable {
        case english
        case tooShortToTell
        case notEnglish(reason: String)
    }

    /// Below this many letters (or words, for the word test) a text is not judged. A hundred letters are
    /// a few lines of Chinese or Japanese, and a sentence or two of a European language.
    static let minimumLetters = 100
    static let minimumWords = 40
    /// The first words (and their letters) decide: a few hundred are plenty, and long pages cost no
    /// more than short ones.
    static let wordsRead = 400
    /// For scripts written without spaces, where letters run on without making words.
    static let lettersRead = 6000

    public static func judge(_ text: String) -> Verdict {
        var letters = 0
        var latinLetters = 0
        var wordCount = 0
        var englishWords = 0
        var otherWords = 0
        // The word being read, lowercased, packed into an integer (words longer than 8 bytes are never
        // function words, so they only need counting).
        var packed: UInt64 = 0
        var length = 0
        var inWord = false

        func endWord() {
            guard inWord else { return }
            wordCount += 1
            if length <= 8 {
                if englishFunctionWords.contains(packed) { englishWords += 1 }
                else if otherFunctionWords.contains(packed) { otherWords += 1 }
            }
            packed = 0
            length = 0
            inWord = false
        }

        for scalar in text.unicodeScalars {
            // The first words decide both tests.
            if wordCount >= wordsRead || letters >= lettersRead { break }
            let v = scalar.value
            let isLetter: Bool
            if v < 0x80 {
                isLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                if isLetter { latinLetters += 1 }
            } else {
                isLetter = scalar.properties.isAlphabetic
                // Latin-1 and Latin Extended letters (é, ã, ß, ł...) count as Latin.
                if isLetter, v <= 0x24F { latinLetters += 1 }
            }
            if isLetter {
                letters += 1
                inWord = true
                if v < 0x80 {
                    if length < 8 { packed |= UInt64(v >= 0x41 && v <= 0x5A ? v | 0x20 : v) << (8 * UInt64(length)) }
                    length += 1
                } else {
                    for byte in Unicode.UTF8.encode(scalar)! {
                        if length < 8 { packed |= UInt64(byte) << (8 * UInt64(length)) }
                        length += 1
                    }
                }
            } else if inWord {
                endWord()
            }
        }
        endWord()

        guard letters >= minimumLetters else { return .tooShortToTell }
        if latinLetters * 2 < letters {
            return .notEnglish(reason: "\(100 - 100 * latinLetters / letters) % of its letters are not Latin")
        }
        guard wordCount >= minimumWords else { return .tooShortToTell }
        let read = min(wordCount, wordsRead)
        // At least 5 % of the words read, and more of them than English ones.
        if otherWords * 20 >= read, otherWords > englishWords {
            return .notEnglish(reason: "\(otherWords) of its first \(read) words are function words of another language, \(englishWords) English ones")
        }
        return .english
    }

    static func pack(_ word: String) -> UInt64 {
        var packed: UInt64 = 0
        for (i, byte) in word.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(i)) }
        return packed
    }

    /// Short words that are common in English prose and rare in the other languages' text.
    static let englishFunctionWords: Set<UInt64> = Set([
        "the", "of", "and", "to", "that", "for", "with", "was", "were", "said", "this", "from", "have", "has",
        "are", "by", "it", "its", "at", "be", "which", "but", "not", "they", "their", "he", "she", "his", "her",
        "would", "will", "who", "been",
    ].map(pack))

    /// The commonest function words of the languages of Latin script most often met in news crawls
    /// (Spanish, Portuguese, Italian, French, German, Dutch, Indonesian), none of them an English word.
    static let otherFunctionWords: Set<UInt64> = Set([
        "de", "la", "que", "el", "en", "y", "los", "las", "del", "por", "con", "para", "una", "um", "uma", "não",
        "é", "da", "do", "das", "dos", "em", "il", "di", "che", "e", "per", "non", "le", "les", "des", "et",
        "est", "du", "un", "une", "der", "die", "und", "das", "ist", "den", "von", "zu", "mit", "het", "een",
        "van", "yang", "dan", "ini", "itu", "dengan", "untuk", "dari", "tidak", "ada", "ke", "pada",
    ].map(pack))
}
