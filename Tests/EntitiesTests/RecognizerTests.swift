import Entities
import Language
import Testing
import WhosaidCore

@Suite struct RecognizerTests {
    func entities(_ s: String) -> [Entity] {
        let text = ScalarText(s)
        let tokens = Tokenizer().tokenize(text)
        return EntityRecognizer().entities(in: text, tokens: tokens, sentences: SentenceSplitter().split(text, tokens: tokens))
    }

    @Test func titlesAreRolesNotPartOfTheName() {
        let found = entities("Prime Minister Boris Johnson spoke in London on Tuesday. Johnson said he was pleased.")
        let johnson = found.first { $0.name == "Boris Johnson" }
        #expect(johnson?.type == .person)
        #expect(johnson?.role == "Prime Minister")
        #expect(johnson?.mentions.count == 2)
        #expect(!found.contains { $0.name == "Tuesday" })
    }

    @Test func appositiveRoleWithPossessiveCountry() {
        let found = entities("The talks were led by Olaf Scholz, Germany's chancellor, in Berlin.")
        #expect(found.first { $0.name == "Olaf Scholz" }?.role == "chancellor of Germany")
        #expect(found.first { $0.name == "Germany" }?.type == .gpe)
    }

    @Test func countryFormsAreOneEntityAndOutletsAreMarked() {
        let found = entities("The U.S. said on Monday that the United States would act, Reuters reported. US officials agreed.")
        let us = found.filter { $0.type == .gpe }
        #expect(us.count == 1)
        #expect(us.first?.name == "United States")
        #expect(us.first?.mentions.count == 3)
        #expect(found.first { $0.name == "Reuters" }?.isOutlet == true)
    }

    @Test func groupWordsAreNORPAndOrganisationWordsMakeORG() {
        let found = entities("Palestinian officials met the International Court of Justice and Israeli diplomats.")
        #expect(found.first { $0.name == "Palestinian" }?.type == .norp)
        #expect(found.first { $0.name == "Israeli" }?.type == .norp)
        #expect(found.first { $0.name == "International Court of Justice" }?.type == .org)
    }

    @Test func sameInputSameOutput() {
        let text = "Antony Blinken met Ararat Mirzoyan in New York. Blinken urged talks."
        #expect(entities(text) == entities(text))
    }
}
