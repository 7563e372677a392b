@testable import Normalize
import Testing

/// Minimum lengths are in characters (grapheme clusters), checked without counting the whole text.
@Suite("Character minimums")
struct TextLengthTests {
    @Test func countsCharactersNotBytesOrScalars() {
        // 100 characters of 2 scalars and 3 bytes each.
        let accented = String(repeating: "e\u{301}", count: 100)
        #expect(accented.hasAtLeastCharacters(100))
        #expect(!accented.hasAtLeastCharacters(101))
        #expect("abc".hasAtLeastCharacters(3))
        #expect(!"abc".hasAtLeastCharacters(4))
        #expect("".hasAtLeastCharacters(0))
        #expect(!"".hasAtLeastCharacters(1))
    }

    @Test func aBodyOfCombiningCharactersBelowTheMinimumIsRefused() {
        // 150 characters, 450 bytes: long enough in bytes, too short in characters.
        let text = String(repeating: "a\u{308}", count: 150)
        let html = "<html><head><title>T</title></head><body><article><p>\(text)</p></article></body></html>"
        #expect(throws: NormalizeError.self) { try Normalizer().normalize(Fixture.document(html)) }
    }
}

/// The ASCII paths of the text clean-up give what the Unicode paths give.
@Suite("Text clean-up fast paths")
struct TextCleanerPathTests {
    @Test func asciiWhitespaceCollapsesLikeUnicodeWhitespace() {
        #expect(TextCleaner.collapseWhitespace(" \tA\n\u{0B}\u{0C}b  c\r\n") == "A b c")
        #expect(TextCleaner.collapseWhitespace("   ") == "")
        // Non-ASCII text takes the scalar path, with Unicode spaces.
        #expect(TextCleaner.collapseWhitespace(" é\u{A0}\u{2003}b\u{85}c ") == "é b c")
    }

    @Test func printableASCIIIsReturnedAsItIs() {
        #expect(TextCleaner.clean("Plain text, nothing to do.") == "Plain text, nothing to do.")
        #expect(TextCleaner.clean("tab\there") == "tab here")
        #expect(TextCleaner.clean("del\u{7F}ete") == "delete")
    }
}
