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
