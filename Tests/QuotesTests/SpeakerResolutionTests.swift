import Testing
import WhosaidCore

/// Speakers named by a role or a description rather than by name: organisations behind "the automaker" or
/// "a company spokesperson", people behind "the real estate agent" or "Norway's finance minister", and names
/// that only look like subjects (a time adverb, a place after "the", the last of a list).
@Suite struct OrganisationRoleTests {
    @Test func automakerIsTheCompanyNamedBefore() {
        let text = "Toyota unveiled a hydrogen van at the show in Geneva. The automaker says the van will reach buyers in Europe next year."
        #expect(quote(extractQuotes(text), containing: "reach buyers")?.speaker == "Toyota")
    }

    @Test func agencyNamedInAPossessive() {
        let text = "The probe is one of the most costly missions in NASA's history, according to the agency."
        #expect(quote(extractQuotes(text), containing: "most costly missions")?.speaker == "NASA")
    }

    @Test func companySpokespersonSpeaksForTheCompany() {
        let text = "Lyft is based in San Francisco. A company spokesperson said in an email that the drivers would be paid in full."
        #expect(quote(extractQuotes(text), containing: "drivers would be paid")?.speaker == "Lyft")
    }

    @Test func groupDescribedBeforeItIsNamed() {
        let text = "In a March letter, the doctors asked the hospital board to restore the night shift.\n\n"
            + "The doctors, members of the newly formed group Doctors for Safer Wards, have offered to work the first month without pay."
        #expect(quote(extractQuotes(text), containing: "restore the night shift")?.speaker == "Doctors for Safer Wards")
    }

    @Test func relativeClauseBetweenSubjectAndVerb() {
        let text = "Nissan showed a small truck in Tokyo. The automaker, which has cut jobs in Europe this year, says the truck will go on sale in 2025."
        let q = quote(extractQuotes(text), containing: "truck will go on sale")
        #expect(q?.speaker == "Nissan")
        #expect(quote(extractQuotes(text), containing: "cut jobs") == nil)
    }

    @Test func roleSubjectOfAParticiple() {
        let text = "The Oregon Water Resources Commission met on Friday. The water resources commission is unhappy with the farms, saying they ignored the limits."
        #expect(quote(extractQuotes(text), containing: "ignored the limits")?.speaker == "Oregon Water Resources Commission")
    }

    @Test func describedAgencyWithModifiers() {
        let text = "The fire began near a depot, said the Korean Fire Agency. Two workers were hurt, the national fire agency said."
        #expect(quote(extractQuotes(text), containing: "Two workers were hurt")?.speaker == "Korean Fire Agency")
    }
}

@Suite struct PersonRoleTests {
    @Test func describedPersonAfterASentenceAboutThem() {
        let text = "Maribel Okafor did not expect the senator at the fair. The veteran analyst said she liked his plan for clinics."
        #expect(quote(extractQuotes(text), containing: "liked his plan")?.speaker == "Maribel Okafor")
    }

    @Test func judgeAfterASentenceAboutADefendantIsNotTheDefendant() {
        let text = "Dmitri Volkov was sentenced to ten years in prison. The judge said the crime had shocked the town."
        #expect(quote(extractQuotes(text), containing: "shocked the town")?.speaker == nil)
    }

    @Test func roleBeforeTheAmbassadorsCountryIsNoSpeaker() {
        let text = "Japan's ambassador to Canada said the trade talks would resume in May."
        #expect(quote(extractQuotes(text), containing: "trade talks would resume")?.speaker != "Canada")
    }

    @Test func journalistOfAnOutletSpeaksForTheReport() {
        let text = "Tomas Lindqvist of the Guardian reports that the mine had been closed since March."
        let q = quote(extractQuotes(text), containing: "mine had been closed")
        #expect(q?.speaker == "Tomas Lindqvist")
    }

    @Test func longDescriptionBetweenQuotationAndName() {
        let text = "“We found the signal twice in one night,” lead author and ESA radio astronomer Hanna Lund said in a statement."
        let q = quote(extractQuotes(text), containing: "found the signal")
        #expect(q?.speaker == "Hanna Lund")
        #expect(q?.type == .direct)
    }

    @Test func dottedAbbreviationBeforeATitle() {
        let text = "“The sentence sends a clear message,” said U.S. Attorney Janelle Brooks."
        #expect(quote(extractQuotes(text), containing: "clear message")?.speaker == "Janelle Brooks")
    }
}

@Suite struct FalseSubjectTests {
    @Test func timeAdverbOpeningTheSentenceIsNoName() {
        let text = "Carlos Mendez fled the scene in a truck. Later that night, he admitted that he had taken the money."
        #expect(quote(extractQuotes(text), containing: "taken the money")?.speaker == "Carlos Mendez")
        #expect(quote(extractQuotes(text), containing: "Later that night") == nil)
    }

    @Test func placeAfterTheIsNoPerson() {
        let text = "Priya Natarajan opened the meeting. In a long speech at the Grand Pavilion, she said the deal was close."
        #expect(quote(extractQuotes(text), containing: "deal was close")?.speaker == "Priya Natarajan")
    }

    @Test func lastMemberOfAListIsNoSubject() {
        let text = "Governor Alan Pike has pressed several neighbours, including Ohio, Indiana and Michigan, publicly warning that the water deal would collapse."
        #expect(quote(extractQuotes(text), containing: "water deal would collapse")?.speaker != "Michigan")
    }

    @Test func participleAfterWithTakesTheNameBeforeIt() {
        let text = "Two neighbours criticised the new dam, with Interior Minister Rahel Tesfaye warning of “grave harm”."
        #expect(quote(extractQuotes(text), containing: "grave harm")?.speaker == "Rahel Tesfaye")
    }

    @Test func pluralGroupOpeningTheSentenceIsNoName() {
        let text = "The storm cut power for three days. Farmers and shop owners say the warnings came far too late."
        #expect(quote(extractQuotes(text), containing: "warnings came far too late")?.speaker == nil)
    }

    @Test func descriptiveTitleBeforeAName() {
        let text = "Volunteer Marta Oyelaran says the shelter ran out of blankets by midnight."
        #expect(quote(extractQuotes(text), containing: "ran out of blankets")?.speaker == "Marta Oyelaran")
    }

    @Test func shareOfAPeopleNamesNobody() {
        let text = "A new survey was published on Monday. Sixty percent of Canadians say the tax should be cut."
        #expect(quote(extractQuotes(text), containing: "tax should be cut")?.speaker == nil)
    }
}

@Suite struct OutletReportTests {
    @Test func reportInANewspaperAndTheReportLater() {
        let text = "Officials plan to close two schools, according to a report in the Morning Ledger.\n\n"
            + "The report says the district has lost 900 students since 2015."
        let q = quote(extractQuotes(text), containing: "lost 900 students")
        #expect(q?.via == "Morning Ledger")
        #expect(q?.speaker == nil)
    }

    @Test func toldThePaperCreditsTheNewspaperNamedBefore() {
        let text = "The Denver Courier says the fire started in a kitchen.\n\n"
            + "Cook Mara Ellis tells the paper that she smelled smoke before noon."
        #expect(quote(extractQuotes(text), containing: "smelled smoke")?.via == "Denver Courier")
    }
}

@Suite struct SpeechNounTests {
    @Test func possessiveSpeakerOfANounOfSpeech() {
        let text = "Despite Governor Lena Marsh’s May 3 announcement that the bridge would reopen by June, crews are still at work."
        let q = quote(extractQuotes(text), containing: "bridge would reopen")
        #expect(q?.speaker == "Lena Marsh")
        #expect(q?.cue == "announcement that")
    }

    @Test func nounOfSpeechWithoutAPossessiveReportsNothing() {
        let text = "The announcement that the bridge would reopen surprised the crews."
        #expect(quote(extractQuotes(text), containing: "bridge would reopen") == nil)
    }
}
