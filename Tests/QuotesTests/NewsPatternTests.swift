import Testing
import WhosaidCore

/// Patterns of English news that generalise beyond any one article: outlets credited through journalists
/// and mastheads, speakers named by role or group, and quotations that go on without a verb.
@Suite struct OutletCreditTests {
    @Test func webAddressIsAnOutlet() {
        let qs = extractQuotes("Mark Ellison, a trade lawyer, told Factcheckers.info that the figures were invented.")
        #expect(quote(qs, containing: "figures were invented")?.via == "Factcheckers.info")
        #expect(quote(qs, containing: "figures were invented")?.speaker == "Mark Ellison")
    }

    @Test func newspaperNameEndingAndTrailingWeekday() {
        let qs = extractQuotes("“We will reopen the bridge by spring,” Mayor Dana Whitlock told the Cedar Falls Courier Tuesday.")
        #expect(quote(qs, containing: "reopen the bridge")?.via == "Cedar Falls Courier")
    }

    @Test func titleBeforeLeaderIsNoOutlet() {
        let qs = extractQuotes("Ramon Ortiz told the House Majority Leader that the vote would fail.")
        #expect(quote(qs, containing: "vote would fail")?.via == nil)
    }

    @Test func outletOpeningAJournalistsTitle() {
        let qs = extractQuotes("Colonel Hanna Berg told CNN security correspondent Tom Ridley that the base was never attacked.")
        #expect(quote(qs, containing: "never attacked")?.via == "CNN")
    }

    @Test func journalistReportingForAnOutletAndLaterCredits() {
        let text = "As Priya Raman reports for NPR, the first cases appeared in March.\n\n"
            + "Local doctors, per Raman, said the clinic had run out of masks."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "first cases appeared")?.via == "NPR")
        #expect(quote(qs, containing: "run out of masks")?.via == "NPR")
    }

    @Test func journalistOfAnOutlet() {
        let qs = extractQuotes("Officials ordered the plant closed, according to Lena Hart of the Washington Post.")
        #expect(quote(qs, containing: "plant closed")?.via == "Washington Post")
    }
}

@Suite struct InformalAttributionTests {
    @Test func perNamesTheSource() {
        let qs = extractQuotes("The fever spreads through fleas, per the WHO.")
        #expect(quote(qs, containing: "spreads through fleas")?.speaker == "WHO")
    }

    @Test func asSomeoneReportsOpensTheContent() {
        let qs = extractQuotes("As Omar Haddad notes, the tunnel was finished two years late.")
        #expect(quote(qs, containing: "tunnel was finished")?.speaker == "Omar Haddad")
        #expect(quote(qs, containing: "tunnel was finished")?.cue == "notes")
    }

    @Test func temporalAsIsNoReport() {
        let qs = extractQuotes("As the hearing continued, a second witness walked out of the room.")
        #expect(qs.isEmpty)
    }
}

@Suite struct SingleMarkQuotationTests {
    @Test func singleMarksQuoteWhenNoDoubleMarksAreUsed() {
        let text = "Rebecca Lowe said the workers’ union had failed them.\n\n"
            + "‘We were never told what was happening,’ she said. ‘It’s a disgrace.’\n\n"
            + "‘The workers’ rights matter and we won’t stop,’ said Tom Price, a union official."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "never told")?.type == .direct)
        #expect(quote(qs, containing: "never told")?.span.text == "We were never told what was happening,")
        #expect(quote(qs, containing: "never told")?.speaker == "Rebecca Lowe")
        #expect(quote(qs, containing: "disgrace")?.speaker == "Rebecca Lowe")
        #expect(quote(qs, containing: "rights matter")?.span.text == "The workers’ rights matter and we won’t stop,")
        #expect(quote(qs, containing: "rights matter")?.speaker == "Tom Price")
    }

    @Test func singleMarksInsideDoubleMarksStayNested() {
        let qs = extractQuotes("“He told me, ‘Go home,’ and I did,” Ana Ruiz said.")
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "He told me, ‘Go home,’ and I did,")
    }
}

@Suite struct SpeakerPhraseTests {
    @Test func roleThenNameInApposition() {
        let qs = extractQuotes("“We will appeal,” her lawyer, David Ross, told reporters outside the court.")
        #expect(qs.count == 1)
        #expect(qs.first?.type == .direct)
        #expect(qs.first?.span.text == "We will appeal,")
        #expect(qs.first?.speaker == "David Ross")
    }

    @Test func personIntroducingAQuotationWithAColon() {
        let qs = extractQuotes("Gloria Mendes put it bluntly: “This season is over.”")
        #expect(qs.first?.span.text == "This season is over.")
        #expect(qs.first?.speaker == "Gloria Mendes")
    }

    @Test func colonAfterANonPersonIsNoAttribution() {
        let qs = extractQuotes("The sign on the door was simple: “Closed until further notice.”")
        #expect(qs.isEmpty)
    }

    @Test func modifiersBeforeAnInvertedName() {
        let qs = extractQuotes("“It’s not fair,” said 17-year-old Jamie Lee. “Nobody asked us,” said planetary geologist Rosa Lind of the space agency.")
        #expect(quote(qs, containing: "not fair")?.speaker == "Jamie Lee")
        #expect(quote(qs, containing: "Nobody asked")?.speaker == "Rosa Lind")
    }

    @Test func roleFromAPlaceIsARolePhrase() {
        let qs = extractQuotes("“We will win,” the senator from Ohio said in a speech.")
        #expect(qs.count == 1)
        #expect(qs.first?.span.text == "We will win,")
        #expect(qs.first?.speakerMention?.text == "the senator from Ohio")
    }

    @Test func placeAfterTheAddresseeIsNoContent() {
        let qs = extractQuotes("Kara Singh told reporters outside the court.")
        #expect(qs.isEmpty)
    }

    @Test func groupNounOpeningASentenceIsNoAntecedent() {
        let qs = extractQuotes("Officials met on Monday.\n\nHe called the decision “a betrayal of our values.”")
        #expect(quote(qs, containing: "betrayal")?.speaker == nil)
    }

    @Test func verbsOfMannerReportAQuotation() {
        let qs = extractQuotes("“I was terrified,” Nina Park remembers. “It’s a tragedy,” commented Laura Beck. “Get out,” Ivo Stan screamed.")
        #expect(quote(qs, containing: "terrified")?.speaker == "Nina Park")
        #expect(quote(qs, containing: "tragedy")?.speaker == "Laura Beck")
        #expect(quote(qs, containing: "Get out")?.speaker == "Ivo Stan")
    }

    @Test func mannerVerbWithoutQuotationOrThatReportsNothing() {
        let qs = extractQuotes("The company shared the profits with its staff.")
        #expect(qs.isEmpty)
    }
}

@Suite struct ResolutionTests {
    @Test func pronounSkipsAPersonOfTheOtherGender() {
        let text = "Maria Lopez runs the clinic with her husband. Mr. Tom Baker, who joined in May, said he was proud.\n\n"
            + "“We were overwhelmed,” she said."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "overwhelmed")?.speaker == "Maria Lopez")
        #expect(quote(qs, containing: "he was proud")?.speaker == "Tom Baker")
    }

    @Test func roleWithoutANameGoesToThePersonTheStoryIsAbout() {
        let text = "Lars Eklund started the company in a garage in 2004.\n\nThe software founder has always argued that privacy is a right."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "privacy is a right")?.speaker == "Lars Eklund")
    }

    @Test func definitePluralNamesTheOrganisation() {
        let text = "The Ontario Nurses Association wrote to the hospital board on Monday.\n\n"
            + "The nurses said the shifts were unsafe."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "shifts were unsafe")?.speaker == "Ontario Nurses Association")
    }
}

@Suite struct ClauseShapeTests {
    @Test func participleSpeaksForTheSubjectNotTheObject() {
        let qs = extractQuotes("Governor Ellen Marsh toured the farms on Friday. She also criticised Harlan Voss over trade, saying the tariffs had hurt growers.")
        #expect(quote(qs, containing: "tariffs had hurt")?.speaker == "Ellen Marsh")
    }

    @Test func parenthesisBetweenVerbAndThat() {
        let qs = extractQuotes("Dario Conti has repeatedly claimed, without evidence, that the count was rigged.")
        #expect(quote(qs, containing: "count was rigged")?.span.text == "the count was rigged")
        #expect(quote(qs, containing: "count was rigged")?.speaker == "Dario Conti")
    }

    @Test func callingSomethingInQuotationMarks() {
        let qs = extractQuotes("The Interior Ministry denied the report, calling it “pure fiction.”")
        #expect(quote(qs, containing: "pure fiction")?.type == .direct)
        #expect(quote(qs, containing: "pure fiction")?.speaker == "Interior Ministry")
    }

    @Test func wholeQuotationSentenceInsideAParagraph() {
        let qs = extractQuotes("Senator Ann Walsh did not hold back in Dayton. “We have been forgotten by Washington for too long.” The crowd cheered.")
        #expect(quote(qs, containing: "forgotten by Washington")?.speaker == "Ann Walsh")
    }

    @Test func finalMarkOutsideTheQuotation() {
        let qs = extractQuotes("Rhona Kerr spoke after the vote.\n\n“We have lost this round but not the argument”.")
        #expect(quote(qs, containing: "lost this round")?.speaker == "Rhona Kerr")
    }
}

@Suite struct MoreOutletCreditTests {
    @Test func outletWrittenWithItsArticle() {
        let qs = extractQuotes("“It was a shambles,” Kevin Dunn told the Telegraph.")
        #expect(quote(qs, containing: "shambles")?.via == "Telegraph")
    }

    @Test func outletOpeningALongerName() {
        let qs = extractQuotes("“We never saw the memo,” Rita Vance told Fox News Digital.")
        #expect(quote(qs, containing: "never saw the memo")?.via?.hasPrefix("Fox News") == true)
    }

    @Test func writtenInAnOutlet() {
        let qs = extractQuotes("Paul Greer wrote in The Atlantic that the court had lost its way. In an op-ed for the Boston Globe, Ida Lamb argued that rents must fall.")
        #expect(quote(qs, containing: "lost its way")?.via == "The Atlantic")
        #expect(quote(qs, containing: "rents must fall")?.via == "Boston Globe")
    }
}

@Suite struct ContentExtentTests {
    @Test func sameSubjectAfterButGoesOn() {
        let qs = extractQuotes("Tim Alder said he was not worried about the audit, but he did fear a long delay.")
        #expect(quote(qs, containing: "not worried")?.span.text == "he was not worried about the audit, but he did fear a long delay")
    }

    @Test func otherSubjectAfterButEndsTheContent() {
        let qs = extractQuotes("Tim Alder said he was not worried about the audit, but the board disagreed.")
        #expect(quote(qs, containing: "not worried")?.span.text == "he was not worried about the audit")
    }

    @Test func nounPhraseAfterConfirmsIsNoReport() {
        let qs = extractQuotes("To start, it confirms recent polling on the bill. The agency confirmed the plant would close.")
        #expect(quote(qs, containing: "recent polling") == nil)
        #expect(quote(qs, containing: "plant would close")?.type == .indirect)
    }

    @Test func thousandsSeparatorIsNoClauseBreak() {
        let qs = extractQuotes("According to the health ministry, there were 3,248 cases reported in the region last year.")
        #expect(quote(qs, containing: "cases reported")?.span.text == "there were 3,248 cases reported in the region last year")
    }
}

@Suite struct ChannelClauseTests {
    @Test func accordingToClauseIsNotContentOfTheNextVerb() {
        let text = "Lena Ortiz spoke to the press. According to Ortiz, Marsh highlighted the necessity of stopping the strike."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "necessity of stopping")?.speaker == "Lena Ortiz")
        #expect(quote(qs, containing: "According to Ortiz") == nil)
    }
}

@Suite struct OpeningVerbAndPossessiveTests {
    @Test func verbOpeningTheSentenceBeforeItsSubject() {
        let qs = extractQuotes("Said Rita Vance: “We never saw the memo.”")
        #expect(qs.first?.span.text == "We never saw the memo.")
        #expect(qs.first?.speaker == "Rita Vance")
        #expect(qs.first?.cue == "Said")
    }

    @Test func possessiveSpeechNounBeforeAColon() {
        let qs = extractQuotes("Mark Dunn’s response: “That is simply untrue.”")
        #expect(qs.first?.span.text == "That is simply untrue.")
        #expect(qs.first?.speaker == "Mark Dunn")
    }

    @Test func theyGoesOnWithTheOrganisationJustQuoted() {
        let qs = extractQuotes("The Ontario Nurses Association said the deal was poor. They also said the strike would go ahead.")
        #expect(quote(qs, containing: "strike would go ahead")?.speaker == "Ontario Nurses Association")
    }
}

@Suite struct VerdictAndAddresseeTests {
    @Test func verdictAsAQuotedPhrase() {
        let qs = extractQuotes("The Interior Ministry dismissed the allegations as “pure invention.”")
        #expect(qs.first?.span.text == "pure invention.")
        #expect(qs.first?.type == .direct)
        #expect(qs.first?.speaker == "Interior Ministry")
    }

    @Test func passiveVerdictIsNoReport() {
        let qs = extractQuotes("The plan was dismissed as “unworkable” within days.")
        #expect(qs.isEmpty)
    }

    @Test func relativeWhoNamesTheSpeaker() {
        let qs = extractQuotes("Aid groups work with the Northern Relief Council, who have said they need a security review first.")
        #expect(quote(qs, containing: "security review")?.speaker == "Northern Relief Council")
    }

    @Test func assuredAnAddresseeThat() {
        let qs = extractQuotes("The health agency assured the public on Monday that the risk was “extremely low.”")
        #expect(quote(qs, containing: "extremely low")?.span.text == "the risk was “extremely low.”")
    }

    @Test func informedWithoutThatReportsNothing() {
        let qs = extractQuotes("Ida Lamb informed the committee of her decision.")
        #expect(qs.isEmpty)
    }
}

@Suite struct FirstNameGenderTests {
    @Test func firstNameTellsWhoSheIs() {
        let text = "Maria Lopez runs the clinic. Tom Baker, a nurse, joined in May.\n\n“We were overwhelmed,” she said."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "overwhelmed")?.speaker == "Maria Lopez")
    }

    @Test func unknownFirstNameKeepsTheNearestPerson() {
        let text = "Maria Lopez runs the clinic. Sasha Baker, a nurse, joined in May.\n\n“We were overwhelmed,” she said."
        let qs = extractQuotes(text)
        #expect(quote(qs, containing: "overwhelmed")?.speaker == "Sasha Baker")
    }
}
