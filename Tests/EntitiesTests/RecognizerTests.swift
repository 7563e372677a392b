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

    @Test func titlesBeforeANameGoToTheRole() {
        let found = entities("NASA Administrator Jim Bridenstine spoke. State schools Superintendent Jennifer McCormick agreed. "
            + "Director of Public Prosecution Eva-Marie Persson took the decision.")
        #expect(found.first { $0.name == "Jim Bridenstine" }?.type == .person)
        #expect(found.first { $0.name == "Jennifer McCormick" }?.type == .person)
        #expect(found.first { $0.name == "Eva-Marie Persson" }?.role == "Director of Public Prosecution")
        #expect(!found.contains { $0.name.hasPrefix("Administrator") || $0.name.hasPrefix("Superintendent") || $0.name.hasPrefix("Public") })
    }

    @Test func sportsTeamsAreOrganisations() {
        let found = entities("Wild coach Bruce Boudreau was pleased after the Wild beat the Buffalo Sabres. Lakers great Magic Johnson watched.")
        #expect(found.first { $0.name == "Wild" }?.type == .org)
        #expect(found.first { $0.name == "Wild" }?.mentions.count == 2)
        #expect(found.first { $0.name == "Buffalo Sabres" }?.type == .org)
        #expect(found.first { $0.name == "Bruce Boudreau" }?.type == .person)
        #expect(found.first { $0.name == "Magic Johnson" }?.type == .person)
    }

    @Test func aSurnameAfterASentenceOpeningWordIsThePerson() {
        let found = entities("Julian Assange was arrested in London. Now Assange faces charges. But Assange denies them.")
        let assange = found.first { $0.name == "Julian Assange" }
        #expect(assange?.mentions.count == 3)
        #expect(found.filter { $0.type == .person }.count == 1)
    }

    @Test func departmentsCountiesAndNamesInHyphenatedWords() {
        let found = entities("The Department of Homeland Security sent agents to Marin County. The Australian-born Assange was there.")
        #expect(found.first { $0.name == "Department of Homeland Security" }?.type == .org)
        #expect(found.first { $0.name == "Marin County" }?.type == .gpe)
        #expect(found.first { $0.name == "Australian" }?.type == .norp)
    }

    @Test func wordsOfATitleAreNotEntities() {
        let found = entities("Energy Secretary Rick Perry and former National Security Adviser John Bolton met Pankaj Pandey, Head of Research at ICICI Securities, in El Paso.")
        #expect(!found.contains { ["Energy", "National Security Adviser", "National Security", "Research"].contains($0.name) })
        #expect(found.first { $0.name == "Rick Perry" }?.type == .person)
        #expect(found.first { $0.name == "El Paso" }?.type == .gpe)
    }

    @Test func sameInputSameOutput() {
        let text = "Antony Blinken met Ararat Mirzoyan in New York. Blinken urged talks."
        #expect(entities(text) == entities(text))
    }
}
