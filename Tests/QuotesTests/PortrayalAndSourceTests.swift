import Testing
import WhosaidCore

/// Portrayals ("described X as “Y”"), sources opening a sentence with "According to", attributions that
/// interrupt or follow a quotation, and sentence ends that are no ends. Sentences written for the tests.
@Suite struct PortrayalTests {
    @Test func infinitiveDescribeAsAQuotedPhrase() {
        let qs = extractQuotes("Governor Alma Reyes took to the radio on Friday to describe the budget as a “slow-motion disaster.”")
        let q = quote(qs, containing: "slow-motion")
        #expect(q?.type == .mixed)
        #expect(q?.span.text == "the budget as a “slow-motion disaster.”")
        #expect(q?.speaker == "Alma Reyes")
        #expect(q?.cue == "describe")
    }

    @Test func longObjectBeforeAs() {
        let qs = extractQuotes("The union leader, Dario Mendes, described the claim that the plant had been losing money for a decade as \"plainly untrue.\"")
        let q = quote(qs, containing: "plainly untrue")
        #expect(q?.speaker == "Dario Mendes")
        #expect(q?.span.text.hasPrefix("the claim that the plant") == true)
        #expect(q?.span.text.hasSuffix("\"plainly untrue.\"") == true)
    }

    @Test func seesAsAQuotedPhrase() {
        let qs = extractQuotes("Nadia Fort, an analyst at the bank, sees the merger as its \"last chance.\"")
        #expect(quote(qs, containing: "last chance")?.span.text == "the merger as its \"last chance.\"")
        #expect(quote(qs, containing: "last chance")?.speaker == "Nadia Fort")
    }

    @Test func participleAfterAReportEndsAtTheQuotation() {
        let qs = extractQuotes("The widow testified on Tuesday, describing her husband as \"kind, patient and brave\" before the judge read the sentence.")
        let q = quote(qs, containing: "kind, patient")
        #expect(q?.type == .mixed)
        #expect(q?.span.text == "her husband as \"kind, patient and brave\"")
    }

    @Test func passivePortrayalIsNoReport() {
        #expect(extractQuotes("The plant has been described as “a relic” by critics.").isEmpty)
    }
}

@Suite struct AccordingToSourceTests {
    @Test func documentWithAQualifierRunsToTheComma() {
        let qs = extractQuotes("According to a study published in the journal Cell on Tuesday, the virus mutates slowly.")
        let q = quote(qs, containing: "virus mutates")
        #expect(q?.span.text == "the virus mutates slowly")
        #expect(q?.speaker == nil)
        #expect(q?.cue == "According to")
    }

    @Test func outletOpeningTheSentenceSpeaks() {
        let qs = extractQuotes("According to Reuters, the company plans to cut 400 jobs.")
        #expect(quote(qs, containing: "cut 400 jobs")?.speaker == "Reuters")
        #expect(quote(qs, containing: "cut 400 jobs")?.via == nil)
    }

    @Test func reportsWithoutASourceHaveNoSpeaker() {
        let qs = extractQuotes("According to reports, the ferry will stop running in May.")
        #expect(quote(qs, containing: "ferry will stop")?.span.text == "the ferry will stop running in May")
        #expect(quote(qs, containing: "ferry will stop")?.speaker == nil)
    }

    @Test func reviewOfANamedPublisherHasNoSpeaker() {
        let qs = extractQuotes("According to Gamespot’s hands-on review, the console runs hot under load.")
        #expect(quote(qs, containing: "runs hot")?.span.text == "the console runs hot under load")
        #expect(quote(qs, containing: "runs hot")?.speaker == nil)
    }

    @Test func aSpeakerInsideTheReportKeepsTheQuote() {
        let qs = extractQuotes("According to the report, Okafor urged the council to delay the vote.")
        #expect(quote(qs, containing: "delay the vote")?.speaker == "Okafor")
    }
}

@Suite struct AttributionAroundQuotationTests {
    @Test func invertedCueWithAPlacePhraseBeforeTheSecondPart() {
        let qs = extractQuotes("“We are thrilled to be back,” comments Harlan in a statement, “and we will play every song.”")
        #expect(qs.count == 2)
        #expect(quote(qs, containing: "every song")?.speaker == "Harlan")
        #expect(quote(qs, containing: "every song")?.cue == "comments")
    }

    @Test func questionThenNameAndAppositiveThenVerb() {
        let qs = extractQuotes("Mayor Ines Kohl opened the forum.\n\n"
            + "“Why would anyone sign that deal now?” Li Wenbo, a former trade official at the ministry, said at a forum in Geneva.")
        #expect(quote(qs, containing: "sign that deal")?.speaker == "Li Wenbo")
        #expect(quote(qs, containing: "sign that deal")?.cue == "said")
    }

    @Test func surnameThatSpellsAPronoun() {
        let qs = extractQuotes("Carla Ruiz leads the fund.\n\n“We cannot wait much longer,” He Mingzhi, the fund’s deputy director, said on Monday.")
        #expect(quote(qs, containing: "wait much longer")?.speaker == "He Mingzhi")
    }

    @Test func pronounBeforeAWeekdayStaysAPronoun() {
        let qs = extractQuotes("He Monday said the plan was dead.")
        #expect(quote(qs, containing: "plan was dead")?.speakerMention?.text == "He")
    }

    @Test func twoRolesJoinedByAndAreOneSubject() {
        let qs = extractQuotes("After the encore, the singer and guitarist told the crowd, “we will be back next year.”")
        #expect(quote(qs, containing: "back next year")?.speakerMention?.text == "the singer and guitarist")
        #expect(quote(qs, containing: "back next year")?.cue == "told")
    }
}

@Suite struct CapitalisedModelNameTests {
    @Test func abbreviationDotBeforeCapitalsDoesNotEndTheSentence() {
        let qs = extractQuotes("VW says that the ID. SPACE VIZZION may reach production in 2022.")
        #expect(quote(qs, containing: "may reach production")?.span.text == "the ID. SPACE VIZZION may reach production in 2022")
        #expect(quote(qs, containing: "may reach production")?.speaker == "VW")
    }

    @Test func acronymEndingASentenceStillEndsIt() {
        let qs = extractQuotes("The fund sold its stake in the NBA. Officials said the sale closed on Friday.")
        #expect(quote(qs, containing: "sale closed")?.span.text == "the sale closed on Friday")
    }
}

@Suite struct CoordinatedClauseSubjectTests {
    @Test func nameOpeningTheSentenceSpeaksAfterAnd() {
        let qs = extractQuotes("Norway is one of the fiercest critics of the quotas in the North Sea and has accused Denmark of overfishing its waters.")
        #expect(quote(qs, containing: "overfishing")?.speaker == "Norway")
    }

    @Test func aLongerNameEndingInTheSameWordDoesNotLendItsTail() {
        let text = "The minister spoke at the Naval Academy of Norway on Monday.\n\n"
            + "Norway is one of the fiercest critics of the quotas in the North Sea and has accused Denmark of overfishing its waters."
        #expect(quote(extractQuotes(text), containing: "overfishing")?.speaker == "Norway")
    }

    @Test func adverbSinceBetweenAuxiliaryAndVerb() {
        let qs = extractQuotes("Ms. Varga has since said that the vote would take place in the spring.")
        #expect(quote(qs, containing: "vote would take place")?.speaker == "Varga")
    }
}
