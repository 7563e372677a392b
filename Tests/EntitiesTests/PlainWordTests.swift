@testable import Entities
import Language
import Testing
import WhosaidCore

/// Which words the tagger leaves as O without scoring them.
@Suite struct PlainWordTests {
    /// `isPlainWord` for each token of the sentence, assuming the tag before each one was O.
    func plain(_ sentence: String) -> [String: Bool] {
        let text = ScalarText(sentence)
        let tokens = Tokenizer().tokenize(text)
        let infos = FeatureExtractor(lexicons: Lexicons.shared).infos(text, tokens, 0..<tokens.count)
        var out: [String: Bool] = [:]
        for (k, token) in tokens.enumerated() { out[token.text] = FeatureExtractor.isPlainWord(infos, k, prev: TagSet.outside) }
        return out
    }

    @Test func ordinaryLowercaseWordsAreNotScored() {
        let found = plain("The mayor said the bridge would open")
        #expect(found["mayor"] == true && found["said"] == true && found["bridge"] == true)
        #expect(found["The"] == false)
    }

    @Test func namesWrittenWithALowercaseInitialAreScored() {
        let found = plain("Sellers on eBay and iFixit praised my6sense and al-Tanf")
        for name in ["eBay", "iFixit", "my6sense", "al-Tanf"] { #expect(found[name] == false, "\(name) skipped") }
        #expect(found["praised"] == true)
    }

    @Test func particlesBeforeANameAreScored() {
        #expect(plain("Mayor Bill de Blasio spoke")["de"] == false)
        let leyen = plain("said Ursula von der Leyen today")
        #expect(leyen["von"] == false && leyen["der"] == false)
        // Not before a name: an ordinary word.
        #expect(plain("a piece de resistance")["de"] == true)
    }

    @Test func afterAnEntityTagEveryWordIsScored() {
        let text = ScalarText("Bank of America")
        let tokens = Tokenizer().tokenize(text)
        let infos = FeatureExtractor(lexicons: Lexicons.shared).infos(text, tokens, 0..<tokens.count)
        #expect(!FeatureExtractor.isPlainWord(infos, 1, prev: TagSet.begin(1)))
    }
}
