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
        // Function words are written in lowercase inside sentences; capitalised, the same letters are
        // names and abbreviations in English text ("UN", "La Liga", "Le Pen", "Des Moines").
        var capitalised = false
        // A lowercase one between two capitalised words is a particle of a name ("Atletico de Madrid",
        // "Celta de Vigo"), so it counts only once the next word shows it is not.
        var previousCapitalised = false
        var pendingOther = false
        var pendingAfterCapital = false

        func endWord() {
            guard inWord else { return }
            wordCount += 1
            if pendingOther {
                if !(pendingAfterCapital && capitalised) { otherWords += 1 }
                pendingOther = false
            }
            if length <= 8 {
                if englishFunctionWords.contains(packed) { englishWords += 1 }
                else if !capitalised, otherFunctionWords.contains(packed) {
                    pendingOther = true
                    pendingAfterCapital = previousCapitalised
                }
            }
            previousCapitalised = capitalised
            packed = 0
            length = 0
            inWord = false
            capitalised = false
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
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x80 && scalar.properties.isUppercase) { capitalised = true }
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
        if pendingOther { otherWords += 1 }

        guard letters >= minimumLetters else { return .tooShortToTell }
        if latinLetters * 2 < letters {
            return .notEnglish(reason: "\(100 - 100 * latinLetters / letters) % of its letters are not Latin")
        }
        guard wordCount >= minimumWords else { return .tooShortToTell }
        let read = min(wordCount, wordsRead)
        // At least 5 % of the words read, and more than twice as many as English ones.
        if otherWords * 20 >= read, otherWords > 2 * englishWords {
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
    /// (Spanish, Portuguese, Italian, French, German, Dutch, Indonesian), leaving out those that are
    /// English words too, in lowercase ("do", "die", "per", "den", "van", "et al.").
    static let otherFunctionWords: Set<UInt64> = Set([
        "de", "la", "que", "el", "en", "y", "los", "las", "del", "por", "con", "para", "una", "um", "uma", "não",
        "é", "da", "dos", "em", "il", "di", "che", "non", "le", "les", "des", "du", "une", "der", "und",
        "das", "ist", "von", "zu", "mit", "het", "een", "yang", "ini", "itu", "dengan", "untuk", "dari",
        "tidak", "ke", "pada",
    ].map(pack))
}
