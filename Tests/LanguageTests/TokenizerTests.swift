import Language
import Testing
import WhosaidCore

@Suite struct TokenizerTests {
    func texts(_ s: String) -> [String] { Tokenizer().tokenize(ScalarText(s)).map(\.text) }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(texts("Mr. Smith met Gen. Lee in the U.S. on Jan. 5.") == ["Mr.", "Smith", "met", "Gen.", "Lee", "in", "the", "U.S.", "on", "Jan.", "5", "."])
    }
}
