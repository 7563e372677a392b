import Foundation
import WhosaidCore

/// The form of a name that two mentions of the same thing share: "Antony Blinken", "ANTONY BLINKEN",
/// "Antony Blinken's" and "Mr. Antony Blinken" all give "antony blinken"; "U.S." and "US" give "us";
/// "Nagorno-Karabakh" and "Nagorno Karabakh" give "nagorno karabakh".
struct NameKey {
    /// Case, accents and width folded; possessive "'s" dropped; dots and apostrophes inside a word dropped;
    /// every other non-alphanumeric run becomes one space.
    static func words(_ name: String) -> [Substring] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var cleaned = String.UnicodeScalarView()
        var previousWasSeparator = true
        let scalars = Array(folded.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "'" || s == "\u{2019}" {
                // A possessive ending: "Blinken's" → "blinken".
                if i + 1 < scalars.count, scalars[i + 1] == "s", i + 2 == scalars.count || !isWordScalar(scalars[i + 2]) {
                    i += 2
                    continue
                }
                i += 1
                continue  // "O'Brien" → "obrien"
            }
            if s == "." {
                i += 1
                continue  // "U.S." → "us"
            }
            if isWordScalar(s) {
                cleaned.append(s)
                previousWasSeparator = false
            } else if !previousWasSeparator {
                cleaned.append(" ")
                previousWasSeparator = true
            }
            i += 1
        }
        return String(cleaned).split(separator: " ")
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Titles that come before a person's name and say nothing about which person it is.
    static let honorifics: Set<Substring> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "lord", "lady"]
    /// Generational suffixes, dropped so the surname is the family name.
    static let suffixes: Set<Substring> = ["jr", "sr", "ii", "iii", "iv"]

    /// The key an entity is known by across the corpus, for its type.
    static func key(_ name: String, type: EntityType) -> String {
        var words = words(name)
        if type == .person {
            while words.count > 1, honorifics.contains(words[0]) { words.removeFirst() }
            while words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
        } else if words.count > 1, words[0] == "the" {
            words.removeFirst()  // "the State Department" is the State Department.
        }
        return words.joined(separator: " ")
    }

    /// The family name of a person named in full (two words or more); nil for a bare surname or first name.
    static func surname(ofKey key: String) -> String? {
        guard let space = key.lastIndex(of: " ") else { return nil }
        return String(key[key.index(after: space)...])
    }

    /// Two roles agree when, as words, one contains the other: "Secretary of State" and
    /// "US Secretary of State" agree; "Secretary of State" and "Secretary of Defense" do not.
    static func rolesAgree(_ a: String, _ b: String) -> Bool { rolesAgree(words(a), words(b)) }

    /// `rolesAgree` over the roles' `words`.
    static func rolesAgree(_ x: [Substring], _ y: [Substring]) -> Bool {
        guard !x.isEmpty, !y.isEmpty else { return false }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short.count == long.count { return short == long }
        for start in 0...(long.count - short.count) where Array(long[start..<start + short.count]) == short {
            return true
        }
        return false
    }
}
