import Language
import Testing
import WhosaidCore

@Suite struct TokenizerTests {
    func texts(_ s: String) -> [String] { Tokenizer().tokenize(ScalarText(s)).map(\.text) }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(texts("Mr. Smith met Gen. Lee in the U.S. on Jan. 5.") == ["Mr.", "Smith", "met", "Gen.", "Lee", "in", "the", "U.S.", "on", "Jan.", "5", "."])
    }

    @Test func initialsDecimalsAndThousands() {
        #expect(texts("J. K. Rowling paid $3.5 million, or 1,000 times more.") ==
                ["J.", "K.", "Rowling", "paid", "$", "3.5", "million", ",", "or", "1,000", "times", "more", "."])
    }

    @Test func possessivesAndNegationsSplitButNamesStayWhole() {
        #expect(texts("Pelosi’s aide didn't see O'Brien's face-to-face talk in Nagorno-Karabakh.") ==
                ["Pelosi", "’s", "aide", "did", "n't", "see", "O'Brien", "'s", "face-to-face", "talk", "in", "Nagorno-Karabakh", "."])
    }

    @Test func aNameInsideAHyphenatedWordIsATokenOfItsOwn() {
        #expect(texts("Australian-born pro-Israeli Minneapolis-based") ==
                ["Australian", "-", "born", "pro", "-", "Israeli", "Minneapolis", "-", "based"])
        // Parts of the same case, short capitalised parts and name prefixes stay whole.
        #expect(texts("Jean-Julien al-Assad X-ray Nagorno-Karabakh-based") == ["Jean-Julien", "al-Assad", "X-ray", "Nagorno-Karabakh", "-", "based"])
    }

    @Test func quotesBracketsAndDashesAreTokensOfTheirOwn() {
        #expect(texts("“Yes,” he said — (again)...") == ["“", "Yes", ",", "”", "he", "said", "—", "(", "again", ")", "..."])
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = ScalarText("Café 👍🏽 Blinken")
        let tokens = Tokenizer().tokenize(text)
        let blinken = tokens.last!
        #expect(blinken.text == "Blinken")
        #expect(text.slice(blinken.start, blinken.end) == "Blinken")
        #expect(blinken.start == 8)
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] {
        let text = ScalarText(s)
        let tokens = Tokenizer().tokenize(text)
        return SentenceSplitter().split(text, tokens: tokens).map { text.slice($0.start, $0.end) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("Mr. Blinken met Gen. Milley on Jan. 5 at 10 a.m. local time. They talked.") ==
                ["Mr. Blinken met Gen. Milley on Jan. 5 at 10 a.m. local time.", "They talked."])
    }

    @Test func aDottedAbbreviationEndsASentenceBeforeANewOne() {
        #expect(sentences("The troops came home to the U.S. The war was over.") == ["The troops came home to the U.S.", "The war was over."])
        #expect(sentences("He visited the U.S. Capitol today.") == ["He visited the U.S. Capitol today."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("“We are open for meetings.” He left. Did he? Yes!") ==
                ["“We are open for meetings.”", "He left.", "Did he?", "Yes!"])
    }

    @Test func headlinesAndParagraphsEndAtLineBreaks() {
        #expect(sentences("BLINKEN HOSTS TALKS\n\nThe meeting was held in New York") ==
                ["BLINKEN HOSTS TALKS", "The meeting was held in New York"])
    }

    @Test func sentencesCoverEveryTokenOnce() {
        let text = ScalarText("One. Two three! Four?\n\nFive (six). “Seven.”")
        let tokens = Tokenizer().tokenize(text)
        let split = SentenceSplitter().split(text, tokens: tokens)
        var next = 0
        for s in split { #expect(s.tokens.lowerBound == next); next = s.tokens.upperBound }
        #expect(next == tokens.count)
    }
}
