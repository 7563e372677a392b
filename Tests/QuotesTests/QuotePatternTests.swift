import Testing
import WhosaidCore

/// One behaviour per test, on short made-up news text.
@Suite struct DirectQuoteTests {
    @Test func quoteThenNameAndVerb() {
        let qs = extractQuotes("Kevin Mayer runs the service.\n\n“We had some issues,” Mayer said. “Not everyone will succeed.”")
        let first = quote(qs, containing: "We had some issues")
        #expect(first?.type == .direct)
        #expect(first?.span.text == "We had some issues,")
        #expect(first?.speaker == "Kevin Mayer")
        #expect(first?.speakerMention?.text == "Mayer")
        #expect(first?.cue == "said")
        // The next quotation of the paragraph goes on with the same speaker.
        #expect(quote(qs, containing: "Not everyone")?.speaker == "Kevin Mayer")
        #expect(qs.count == 2)
    }

    @Test func speakerColonQuote() {
        let qs = extractQuotes("Parise said: \"We've been there. You could tell.\"")
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "We've been there. You could tell.")
        #expect(qs.first?.speaker == "Parise")
        #expect(qs.first?.type == .direct)
    }

    @Test func interruptedQuotationIsTwoQuotes() {
        let qs = extractQuotes("“It was a difficult situation for us,” Lopez said, “but we needed this win.”")
        #expect(qs.count == 2)
        #expect(quote(qs, containing: "difficult")?.speaker == "Lopez")
        #expect(quote(qs, containing: "needed this win")?.speaker == "Lopez")
    }

    @Test func invertedVerbAndRoleSpeaker() {
        let qs = extractQuotes("Actor James Van Der Beek spoke on Monday.\n\n“It makes you more human,” said the actor.")
        let q = quote(qs, containing: "more human")
        #expect(q?.speaker == "James Van Der Beek")
        #expect(q?.speakerMention?.text == "the actor")
    }

    @Test func quotationRunningOverParagraphsIsOneQuote() {
        let text = "Ms Persson said: “I would like to emphasise one thing.\n\n“Her statements have been coherent.”\n\nThe case is closed."
        let qs = extractQuotes(text)
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "I would like to emphasise one thing.\n\n“Her statements have been coherent.")
        #expect(qs.first?.speaker == "Persson")
    }

    @Test func nestedSingleMarksStayInside() {
        let qs = extractQuotes("“They might think, ‘Wow this is over the edge’ or not,” Graham said.")
        #expect(qs.first?.span.text == "They might think, ‘Wow this is over the edge’ or not,")
    }

    @Test func pronounGoesBackToThePersonOfThePreviousSentence() {
        let qs = extractQuotes("Wild defenseman Ryan Suter could see the frustration on his friend’s face.\n\n“He’s used to scoring goals,” he said.")
        #expect(quote(qs, containing: "scoring goals")?.speaker == "Ryan Suter")
        #expect(quote(qs, containing: "scoring goals")?.speakerMention?.text == "he")
    }

    @Test func unnamedSpeakerIsNull() {
        let qs = extractQuotes("NASA plans to spend $2.6 billion on the contracts through 2028, agency officials said.")
        #expect(qs.count == 1)
        #expect(qs.first?.speaker == nil)
        #expect(qs.first?.speakerMention?.text == "agency officials")
        #expect(qs.first?.type == .indirect)
    }

    @Test func scareQuotesAndTitlesAreNotQuotes() {
        let qs = extractQuotes("The film “Pose” won an award. The “masterpiece” drew crowds on its first night, the studio’s “biggest” yet.")
        #expect(qs.isEmpty)
    }
}

@Suite struct IndirectAndMixedQuoteTests {
    @Test func saidThat() {
        let qs = extractQuotes("Walt Disney Co. executive Kevin Mayer said overwhelming demand and a coding glitch led to problems.")
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "overwhelming demand and a coding glitch led to problems")
        #expect(qs.first?.type == .indirect)
        #expect(qs.first?.speaker == "Kevin Mayer")
    }

    @Test func accordingToBeforeAndAfter() {
        let before = extractQuotes("According to Price, Blinken highlighted the need to stop further combat.")
        #expect(before.count == 1)
        #expect(before.first?.speaker == "Price")
        #expect(before.first?.cue == "According to")
        #expect(before.first?.span.text == "Blinken highlighted the need to stop further combat")
        let after = extractQuotes("Nearly 300 school districts closed because of the rally, according to teachers unions.")
        #expect(after.first?.span.text == "Nearly 300 school districts closed because of the rally")
        #expect(after.first?.speaker == nil)
    }

    @Test func sharedSubjectGivesTwoQuotes() {
        let qs = extractQuotes("Bayramov stated that the nation is happy with the talks and further added that the dialogue was not exceptional.")
        #expect(qs.count == 2)
        #expect(quote(qs, containing: "happy with the talks")?.cue == "stated")
        #expect(quote(qs, containing: "not exceptional")?.cue == "added")
        #expect(quote(qs, containing: "not exceptional")?.speaker == "Bayramov")
        #expect(quote(qs, containing: "happy")?.span.text.contains("added") == false)
    }

    @Test func toldSkipsTheAddressee() {
        let qs = extractQuotes("Prosecutors told reporters the decision had been taken after interviews with seven witnesses.")
        #expect(qs.first?.span.text == "the decision had been taken after interviews with seven witnesses")
        #expect(qs.first?.speaker == nil)
    }

    @Test func quotedFragmentMakesAMixedQuote() {
        let qs = extractQuotes("Eichel said he was “just trying to spark some energy.”")
        #expect(qs.count == 1)
        #expect(qs.first?.type == .mixed)
        #expect(qs.first?.span.text == "he was “just trying to spark some energy.”")
        #expect(qs.first?.speaker == "Eichel")
    }

    @Test func thatBeforeAWholeQuotationIsDirect() {
        let qs = extractQuotes("Fifty-one percent say that “the president should be removed from office.”")
        #expect(qs.first?.type == .direct)
        #expect(qs.first?.span.text == "the president should be removed from office.")
    }

    @Test func calledSomethingInQuotationMarksIsAQuote() {
        let qs = extractQuotes("The Arab League called it an “extremely adverse development”.")
        #expect(qs.first?.span.text == "extremely adverse development")
        #expect(qs.first?.type == .direct)
        #expect(qs.first?.speaker == "Arab League")
    }

    @Test func quotedAsSaying() {
        let qs = extractQuotes("Smith was quoted as saying that the plan would fail within a year.")
        #expect(qs.first?.speaker == "Smith")
        #expect(qs.first?.span.text == "the plan would fail within a year")
    }

    @Test func roleResolvesToTheTitledName() {
        let qs = extractQuotes("Gov. Eric Holcomb skipped the rally.\n\nThe governor said he was waiting for a commission to report.")
        #expect(qs.first?.speaker == "Eric Holcomb")
        #expect(qs.first?.speakerMention?.text == "The governor")
    }
}

@Suite struct ChannelTests {
    @Test func reportedByAndCitedBy() {
        let qs = extractQuotes("“We are ready,” Blinken said, as reported by Aljazeera.\n\nAs cited by Reuters, he added that talks would go on.")
        #expect(quote(qs, containing: "ready")?.via == "Aljazeera")
        #expect(quote(qs, containing: "talks would go on")?.via == "Reuters")
        #expect(quote(qs, containing: "talks would go on")?.speaker == "Blinken")
    }

    @Test func theReportNamedEarlier() {
        let text = "A Deutsche Welle report cited Ned Price as saying that the talks went well.\n\nAccording to the report, Mirzoyan urged troops to leave the territory."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "talks went well")?.speaker == "Ned Price")
        #expect(quote(qs, containing: "talks went well")?.via == "Deutsche Welle")
        #expect(quote(qs, containing: "troops to leave")?.speaker == "Mirzoyan")
        #expect(quote(qs, containing: "troops to leave")?.via == "Deutsche Welle")
    }

    @Test func toldAnOutlet() {
        let qs = extractQuotes("“It is rare,” Dempsey told Gizmodo by email.")
        #expect(qs.first?.via == "Gizmodo")
        #expect(qs.first?.speaker == "Dempsey")
    }
}

@Suite struct RobustnessTests {
    @Test func unbalancedMarksDoNotLoseTheRestOfTheArticle() {
        let text = "He said “this never closes.\n\nThe next paragraph is plain.\n\n“We will win,” Smith said.\n\n\"Stray mark here.\n\nJones said the vote would pass."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "We will win")?.speaker == "Smith")
        #expect(quote(qs, containing: "vote would pass")?.speaker == "Jones")
    }

    @Test func emptyAndMarkOnlyTexts() {
        #expect(extractQuotes("").isEmpty)
        #expect(extractQuotes("\"").isEmpty)
        #expect(extractQuotes("“”").isEmpty)
    }

    @Test func offsetsCountCodePoints() {
        let text = "Ein Café 😀 — “Wir sind bereit,” sagte er. “We are ready,” Müller said."
        let qs = extractQuotes(text)
        let scalars = ScalarText(text)
        let q = quote(qs, containing: "We are ready")
        #expect(q?.speaker == "Müller")
        if let q { #expect(scalars.slice(q.span.start, q.span.end) == q.span.text) }
    }

    @Test func entityCoveringTheMentionNamesTheSpeaker() {
        let text = "“We will see,” Mayer said."
        let scalars = ScalarText(text)
        let start = text.unicodeScalars.count - " said.".unicodeScalars.count - "Mayer".unicodeScalars.count
        let entity = Entity(id: "E1", name: "Kevin Mayer", type: .person, mentions: [scalars.span(start, start + 5)])
        let qs = extractQuotes(text, entities: [entity])
        #expect(qs.first?.speaker == "Kevin Mayer")
        #expect(qs.first?.speakerEntity == "E1")
        // Without an entity the name itself speaks, with no entity id.
        let plain = extractQuotes(text, entities: [])
        #expect(plain.first?.speaker == "Mayer")
        #expect(plain.first?.speakerEntity == nil)
    }

    @Test func sameInputSameOutput() {
        let text = "“A,” he said. Officials said the plan would fail, according to Reuters."
        #expect(extractQuotes(text) == extractQuotes(text))
    }
}

/// Patterns from news the first rules were not tuned on.
@Suite struct GeneralisingPatternTests {
    @Test func timePhraseBetweenSubjectAndVerb() {
        let qs = extractQuotes("The European Union's top court last week ruled that EU countries must label the products.")
        #expect(quote(qs, containing: "must label")?.type == .indirect)
        let esper = extractQuotes("Defense Secretary Mark Esper on Wednesday said that the talks would go on.")
        #expect(quote(esper, containing: "talks would go on")?.speaker == "Mark Esper")
    }

    @Test func verbAfterADeterminerIsNoReport() {
        let qs = extractQuotes("Separately, the US is seeking Assange's extradition from the UK over his alleged role in the release of classified material.")
        #expect(qs.isEmpty)
    }

    @Test func pollFindsAndNamesItsOutlet() {
        let qs = extractQuotes("A new ABC News poll shows majority support for the measure among voters.")
        let q = quote(qs, containing: "majority support")
        #expect(q?.speaker == "ABC News")
        // Without a poll, study or report as subject the same verb reports nothing.
        #expect(extractQuotes("The chart shows majority support for the measure among voters.").isEmpty)
    }

    @Test func organisationNamedInAGroupSpeaks() {
        let qs = extractQuotes("PG&E officials said the outages would end by Friday evening.")
        #expect(quote(qs, containing: "outages would end")?.speaker == "PG&E")
        let places = extractQuotes("U.S. officials said the outages would end by Friday evening.", entities: [])
        #expect(quote(places, containing: "outages would end")?.speaker == nil)
    }

    @Test func titlesAreNotPartOfTheSpeakerName() {
        let text = "“We will see,” Robertson said."
        let scalars = ScalarText(text)
        let start = 15
        let entity = Entity(id: "E1", name: "Cmdr. Sean Robertson", type: .person, mentions: [scalars.span(start, start + 10)])
        #expect(extractQuotes(text, entities: [entity]).first?.speaker == "Sean Robertson")
    }

    @Test func progressiveAndPleadingReport() {
        let qs = extractQuotes("Consumer advocates are urging the commission to set backup power rules.")
        #expect(quote(qs, containing: "backup power")?.type == .indirect)
        let plea = extractQuotes("In a Nov. 5 letter, the doctors pleaded with the administration to reconsider its decision.")
        #expect(quote(plea, containing: "reconsider")?.span.text.hasPrefix("the administration") == true)
        #expect(plea.count == 1)
    }

    @Test func accusedAndPointedOut() {
        let qs = extractQuotes("Smith accused China of using coercion against its neighbours.")
        #expect(quote(qs, containing: "coercion")?.speaker == "Smith")
        let passive = extractQuotes("Russia and the Syrian government have been accused of creating a disaster.")
        #expect(passive.isEmpty)
        let out = extractQuotes("Pankaj Pandey, head of research at the firm, pointed out that this is a stock-specific market.")
        #expect(quote(out, containing: "stock-specific")?.speaker == "Pankaj Pandey")
    }
}
