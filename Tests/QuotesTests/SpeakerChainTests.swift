import Testing
import WhosaidCore

/// Speakers reached through pronouns, findings credited to an organisation, subjects set off by a clause, and
/// phrases that name nobody. Sentences written for the tests.
@Suite struct PronounChainTests {
    @Test func nameAfterTheSamePronounIsSomeoneElse() {
        let qs = extractQuotes("Lena Ortiz spent years writing songs in Austin. And despite her fame, she was more nervous on stage than Robin Ashdown has ever been. “It was terrifying,” she said.")
        #expect(quote(qs, containing: "terrifying")?.speaker == "Lena Ortiz")
    }

    @Test func latestSpeakerOfThePronounsGender() {
        let text = """
        “The tour starts in May,” Maria Delgado said.

        Her son, the filmmaker Paul Reyes, remembers the year well. “She sang all day,” Reyes said. “It drove me nuts. The neighbours complained. The dog hid under the bed. We all learned the chorus.”

        For months the house was loud. Nobody slept much. Despite the doubts, the actress kept going. “I had no plan at all,” she said.
        """
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "no plan at all")?.speaker == "Maria Delgado")
    }

    @Test func objectItIsNoSubjectOfTheParticiple() {
        let qs = extractQuotes("Mayor Joan Pike continues to believe the plan will be worth it, saying the city cannot wait any longer.")
        #expect(quote(qs, containing: "cannot wait")?.speaker == "Joan Pike")
    }
}

@Suite struct CreditedFindingTests {
    @Test func studyByAnOrganisationBeforeAnAppositive() {
        let qs = extractQuotes("A 2019 study by the Institute for Fiscal Studies, a London think tank, concluded that the tax hurt poor families.")
        #expect(quote(qs, containing: "tax hurt")?.speaker == "Institute for Fiscal Studies")
    }

    @Test func reportFromAnOrganisationAfterTheQuotation() {
        let qs = extractQuotes("“Growth will slow next year,” said a report from Harrow Capital Group.")
        #expect(quote(qs, containing: "Growth will slow")?.speaker == "Harrow Capital Group")
    }

    @Test func dataReleasedByAMinistry() {
        let qs = extractQuotes("According to data released by the Labour Ministry in May, unemployment fell to 4 percent.")
        #expect(quote(qs, containing: "unemployment fell")?.speaker == "Labour Ministry")
    }

    @Test func anOutletsReportHasNoSpeaker() {
        let qs = extractQuotes("“Sales fell sharply in the spring,” said a report from Reuters.")
        #expect(quote(qs, containing: "Sales fell")?.speaker == nil)
    }

    @Test func countedNounBeforeAPastFormIsNoSpeaker() {
        let qs = extractQuotes("According to the WHO, there were 412 cases reported across the region last year.")
        let q = quote(qs, containing: "412 cases")
        #expect(q?.speaker == "WHO")
        #expect(q?.span.text.hasPrefix("there were") == true)
    }
}

@Suite struct SubjectShapeTests {
    @Test func subjectBeforeAParticipleClause() {
        let qs = extractQuotes("The nurses offering to staff the night clinic noted that the wards were already full.")
        #expect(quote(qs, containing: "wards were")?.speakerMention?.text == "The nurses")
    }

    @Test func appositiveWithoutItsClosingComma() {
        let qs = extractQuotes("“The river is rising fast,” Ana Ruiz, a hydrologist at the Basin Water Institute think tank told reporters.")
        #expect(quote(qs, containing: "river is rising")?.speaker == "Ana Ruiz")
    }

    @Test func nameWithAnApostrophePrefixKeepsIt() {
        let first = "De’Andre Wallace studies cells in mice. "
        let qs = extractQuotes(first + "“Cells are always listening,” Wallace said.", entities: [
            Entity(id: "E1", name: "Andre Wallace", type: .person, mentions: [Span(start: 3, end: 16, text: "Andre Wallace")]),
        ])
        #expect(quote(qs, containing: "always listening")?.speaker == "De’Andre Wallace")
    }

    @Test func auxiliaryOpeningAHeadlineIsNoPartOfTheName() {
        let qs = extractQuotes("Would Dana Whitfield resign? Whitfield’s admission that she had lied stunned the room.")
        #expect(quote(qs, containing: "had lied")?.speaker == "Dana Whitfield")
    }
}

@Suite struct UnnamedSpeakerTests {
    @Test func withSomeReportsSuggesting() {
        let qs = extractQuotes("The group said 100 people had died, with some reports suggesting the toll was far higher.")
        #expect(quote(qs, containing: "far higher")?.speaker == nil)
        #expect(quote(qs, containing: "far higher")?.span.text == "the toll was far higher")
    }

    @Test func groupPlacedByAName() {
        let qs = extractQuotes("Officials in Lisbon announced that the bridge would close for a month.")
        #expect(quote(qs, containing: "bridge would close")?.speaker == nil)
    }

    @Test func groupNamedByAPlaceOpeningTheSentence() {
        let qs = extractQuotes("Riverton police have sealed the campus and threatened to arrest anyone who leaves.")
        #expect(quote(qs, containing: "arrest anyone")?.speaker == nil)
    }

    @Test func pluralGroupOpeningTheSentence() {
        let qs = extractQuotes("Businesses and residents have complained of delays and say that the outages were far too broad.")
        #expect(quote(qs, containing: "outages were")?.speaker == nil)
    }

    @Test func customerOfACompanyDoesNotSpeakForIt() {
        let qs = extractQuotes("“The app keeps crashing,” one Acme Bank customer said.")
        #expect(quote(qs, containing: "keeps crashing")?.speaker == nil)
    }
}

@Suite struct NounsThatAreNoCuesTests {
    @Test func nounAfterNo() {
        let qs = extractQuotes("Lopez announced that the city will buy a ferry. He said it would be delivered next year, but he gave no details on payment or exact timing.")
        let q = quote(qs, containing: "delivered next year")
        #expect(q?.span.text == "it would be delivered next year")
        #expect(q?.speaker == "Lopez")
        #expect(qs.count == 2)
    }

    @Test func thatAfterTheVerbIsNoInvertedSubject() {
        let qs = extractQuotes("A nurse at the clinic, who asked not to be named, said that the Dutch and Belgian health ministry’s claim is “plainly false.”")
        let q = quote(qs, containing: "plainly false")
        #expect(q?.speaker == nil)
        #expect(q?.span.text.hasPrefix("the Dutch and Belgian") == true)
    }

    @Test func restrictiveRelativeInsideAReport() {
        let qs = extractQuotes("The agency reported that the share of teenagers who have reported vaping rose to 9 percent.")
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "the share of teenagers who have reported vaping rose to 9 percent")
    }
}

/// Reports this round reads: findings and forecasts, subjects interrupted by their attribution, portrayals
/// with "called". Sentences written for the tests.
@Suite struct FindingAndForecastTests {
    @Test func pluralStudiesThatHaveShown() {
        let qs = extractQuotes("Studies have shown that children sleep less in summer.")
        let q = quote(qs, containing: "children sleep")
        #expect(q?.span.text == "children sleep less in summer")
        #expect(q?.speaker == nil)
    }

    @Test func pollsThatShow() {
        let qs = extractQuotes("Polls show that the mayor is losing ground.")
        #expect(quote(qs, containing: "losing ground")?.speaker == nil)
    }

    @Test func bodyThatProjects() {
        let qs = extractQuotes("The Budget Office projects that the deficit will shrink by 2030.")
        #expect(quote(qs, containing: "deficit will shrink")?.speaker == "Budget Office")
    }

    @Test func foundWithABareObjectReportsNothing() {
        #expect(extractQuotes("The 2012 study found them in the lining of every organ.").isEmpty)
        #expect(quote(extractQuotes("The 2012 study found that the cells line every organ."), containing: "cells line") != nil)
    }

    @Test func declaredWithABareObjectReportsNothing() {
        #expect(extractQuotes("Local courts have declared most of the contracts void.").isEmpty)
    }
}

@Suite struct InterruptedSubjectTests {
    @Test func demonstrativeSubjectBeforeTheAttribution() {
        let qs = extractQuotes("That, Acme says, allows the battery to charge in ten minutes.")
        #expect(qs.count == 2)
        #expect(quote(qs, containing: "battery to charge")?.span.text == "allows the battery to charge in ten minutes")
        #expect(quote(qs, containing: "battery to charge")?.speaker == "Acme")
    }

    @Test func sentenceAdverbBetweenSubjectAndVerb() {
        let qs = extractQuotes("Many historians, however, argue that the treaty failed.")
        #expect(qs.count == 1)
        #expect(quote(qs, containing: "treaty failed")?.span.text == "the treaty failed")
    }

    @Test func calledAnObjectAQuotedPhraseIsMixed() {
        let qs = extractQuotes("The coach called the new stadium a “cathedral of noise,” and fans agreed.")
        let q = quote(qs, containing: "cathedral")
        #expect(q?.type == .mixed)
        #expect(q?.span.text == "the new stadium a “cathedral of noise,”")
    }

    @Test func calledItAQuotedPhraseStaysDirect() {
        let qs = extractQuotes("The coach called it a “cathedral of noise,” and fans agreed.")
        #expect(quote(qs, containing: "cathedral")?.type == .direct)
    }
}

/// Outlets' pieces, web addresses and beliefs. Sentences written for the tests.
@Suite struct OutletPieceAndBeliefTests {
    @Test func anOutletsReportAsSubjectHasNoSpeaker() {
        let qs = extractQuotes("The Verge’s report today claims that the console will ship in May.")
        let q = quote(qs, containing: "console will ship")
        #expect(q?.speaker == nil)
        #expect(q?.via == "The Verge")
    }

    @Test func webAddressSpeakerKeepsItsSuffix() {
        // The recognizer may stop a web address at its dot.
        let qs = extractQuotes("Prices on Acmequotes.com are delayed by a day. Acmequotes.com advises readers to check with a broker first.", entities: [
            Entity(id: "E1", name: "Acmequotes", type: .org, mentions: [Span(start: 10, end: 20, text: "Acmequotes"), Span(start: 47, end: 57, text: "Acmequotes")]),
        ])
        #expect(quote(qs, containing: "with a broker")?.speaker == "Acmequotes.com")
    }

    @Test func asManyAsIsAQuantityNotAPreposition() {
        let qs = extractQuotes("The group counted 100 deaths, with some reports suggesting as many as 200 people have died.")
        let q = quote(qs, containing: "200 people")
        #expect(q?.span.text == "as many as 200 people have died")
        #expect(q?.speaker == nil)
    }

    @Test func aBeliefIsNoQuote() {
        #expect(extractQuotes("The mayor believes that the bridge is safe.").isEmpty)
        #expect(extractQuotes("Ortiz thinks the plan will fail.").isEmpty)
    }
}

/// Contents that run past a relative clause or a preposition, and "indicated that". Sentences written for the tests.
@Suite struct ContentReachTests {
    @Test func relativeClauseInsideTheSubjectOfTheContent() {
        let qs = extractQuotes("According to Ortiz, her former employer, which owns the patents, is blocking the sale.")
        #expect(quote(qs, containing: "employer")?.span.text == "her former employer, which owns the patents, is blocking the sale")
    }

    @Test func admittedToAGerund() {
        let qs = extractQuotes("Shortly before the trial, Webb admitted to hiding the money in a storage unit.")
        #expect(quote(qs, containing: "hiding the money")?.span.text == "hiding the money in a storage unit")
        #expect(extractQuotes("Harlan admitted to the flaw in a statement.").isEmpty)
    }

    @Test func indicatedThat() {
        let qs = extractQuotes("The singer has indicated that she will record the album again.")
        #expect(quote(qs, containing: "record the album")?.span.text == "she will record the album again")
    }
}
