import Testing
import Language

/// The fast paths of the character classes must answer exactly as the Unicode properties do.
@Suite struct CharClassTests {
    @Test func latin1AndGeneralPunctuationAgreeWithUnicode() {
        let ranges: [ClosedRange<UInt32>] = [0x80...0xFF, 0x2000...0x206F]
        for range in ranges {
            for v in range {
                guard let c = Unicode.Scalar(v) else { continue }
                let p = c.properties
                #expect(CharClass.isLetter(c) == (p.isAlphabetic || p.generalCategory == .nonspacingMark), "letter \(v)")
                #expect(CharClass.isUpper(c) == p.isUppercase, "upper \(v)")
                #expect(CharClass.isLower(c) == p.isLowercase, "lower \(v)")
                #expect(CharClass.isDigit(c) == (p.numericType == .decimal), "digit \(v)")
            }
        }
        #expect(CharClass.isSpace("\u{A0}"))
        #expect(CharClass.isSpace("\u{85}"))
        #expect(!CharClass.isSpace("é"))
    }
}
