import Normalize
import Testing
import WhosaidCore

@Suite("HTML body extraction")
struct BodyTests {
    @Test func keepsTheArticleParagraphsInOrder() throws {
        let article = try Fixture.normalize(Fixture.page())
        #expect(article.text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func dropsNavigationShareBarsRelatedStoriesAndFooters() throws {
        let text = try Fixture.normalize(Fixture.page()).text
        for furniture in ["Home", "Share on", "Related stories", "Mayor opens", "Copyright"] {
            #expect(!text.contains(furniture), "kept \(furniture)")
        }
    }

    @Test func keepsHeadingsListsAndQuotes() throws {
        let body = Fixture.article() + """
        <h2>What happens next</h2>
        <ul><li>Road repairs start in the spring across the northern districts.</li><li>Schools get new books.</li></ul>
        <blockquote>We did what the city asked of us, and we will keep doing it for as long as it takes.</blockquote>
        """
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text.contains("\n\nWhat happens next\n\n"))
        #expect(text.contains("Road repairs start in the spring across the northern districts.\n\nSchools get new books."))
        #expect(text.hasSuffix("We did what the city asked of us, and we will keep doing it for as long as it takes."))
    }

    @Test func dropsCaptionsCreditsCookieBannersAndHiddenText() throws {
        let body = """
        <div class="cookie-consent">We use cookies to improve your experience on this website. Accept all cookies?</div>
        <figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. Picture source - Reuters</figcaption></figure>
        \(Fixture.article())
        <p class="image-credit">Picture source - Reuters</p>
        <p style="display: none">This paragraph is hidden from readers and should never reach the record at all.</p>
        <div aria-hidden="true">Hidden helper text that screen readers skip and so should the article extractor.</div>
        """
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func anElementMarkedAsTheArticleBodyBeatsLongerTextElsewhere() throws {
        // A short news item, and a longer block of contact details at the foot of the page.
        let words = "The mayor said on Wednesday that the river path would reopen next week after the flood repairs. "
            + "Crews have rebuilt the two footbridges that the water carried away in March, and the lamps are working again."
        let item = "<p>\(words)</p>"
        let contact = (1...4).map { _ in
            "The reader service centre can be contacted with any questions or requests by telephone or email on weekdays between nine and five."
        }.joined(separator: " ")
        let body = "<div class=\"story\"><h2>River path</h2><div class=\"item\" itemprop=\"articleBody\">\(item)</div></div>"
            + "<div class=\"site-bottom\"><div class=\"links\"><a href=\"/a\">About us</a></div><div class=\"bottom-text\"><p>\(contact)</p></div></div>"
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text == words)
    }

    @Test func aMarkOnOneChunkOfTheArticleDoesNotCutItShort() throws {
        // Two marked chunks with an advertisement between them: the whole article is kept.
        let first = "<div itemprop=\"articleBody\">\(Fixture.article([Fixture.paragraphs[0]]))</div>"
        let second = "<div itemprop=\"articleBody\">\(Fixture.article(Array(Fixture.paragraphs.dropFirst())))</div>"
        let html = Fixture.page(body: "<div class=\"story\">\(first)<div class=\"ad-slot\">Advertisement</div>\(second)</div>")
        #expect(try Fixture.normalize(html).text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func aMarkOnTheLedeAloneDoesNotCutTheArticleShort() throws {
        // The page marks only its first paragraph as the body; the rest follows in a sibling element.
        let paragraphs = Fixture.paragraphs + [
            "The budget also sets aside money for two new libraries, which the council expects to open in the autumn of next year.",
            "Opponents said they would bring the matter back before the council when the first quarterly figures are published.",
        ]
        let lede = "<div itemprop=\"articleBody\"><p>\(paragraphs[0]) It passed by nine votes to four.</p></div>"
        let rest = "<div class=\"rest\">\(Fixture.article(Array(paragraphs.dropFirst())))</div>"
        let text = try Fixture.normalize(Fixture.page(body: "<div class=\"story\">\(lede)\(rest)</div>")).text
        #expect(text.hasSuffix(paragraphs.last!))
        #expect(text.components(separatedBy: "\n\n").count == paragraphs.count)
    }

    @Test func teasersCutShortWithAnEllipsisDoNotMakeABody() throws {
        // A list of other stories' teasers, longer together than the article.
        let teasers = (1...6).map { n in
            "<div class=\"story\"><p>Story \(n): the minister told the assembly on Monday that the new rules for rail fares would be published before...</p></div>"
        }.joined()
        let body = "<div class=\"list\">\(teasers)</div><div class=\"story-body\">\(Fixture.article())</div>"
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func theArticleMayLiveInsideAnElementNamedLikeFurniture() throws {
        // Whole-page wrappers with furniture-like classes do not hide the article inside them.
        let html = Fixture.page(body: "<div class=\"modal-enabled read-more\">\(Fixture.article())</div>")
        #expect(try Fixture.normalize(html).text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func normalisesTextToNFCAndKeepsTypographicQuotes() throws {
        let body = Fixture.article([
            "The cafe\u{0301} owner said \u{201C}we are ready\u{201D} and that the council\u{2019}s plan was fair to everyone in the district.",
            Fixture.paragraphs[1],
        ])
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text.contains("The caf\u{00E9} owner said \u{201C}we are ready\u{201D} and that the council\u{2019}s plan"))
        #expect(!text.unicodeScalars.contains("\u{0301}"))
    }

    @Test func collapsesWhitespaceAndDropsControlCharacters() throws {
        let body = Fixture.article([
            "The   council\u{00A0}voted \n\t on Tuesday\u{0007} to approve a new budget &#147;after weeks&#148; of debate over spending.",
            Fixture.paragraphs[1],
        ])
        let text = try Fixture.normalize(Fixture.page(body: body)).text
        #expect(text.hasPrefix("The council voted on Tuesday to approve a new budget \u{201C}after weeks\u{201D} of debate"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }

    @Test func deepNestingDoesNotLoseTheArticle() throws {
        let depth = 400
        let body = String(repeating: "<div>", count: depth) + Fixture.article() + String(repeating: "</div>", count: depth)
        let article = try Fixture.normalize(Fixture.page(body: body))
        #expect(article.text == Fixture.paragraphs.joined(separator: "\n\n"))
        #expect(article.extra["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("nested") == true } == true)
    }

    @Test func truncatedHTMLStillGivesTheTextItHas() throws {
        let html = "<html><body><article>" + Fixture.article() + "<p>The meeting ended af"
        let text = try Fixture.normalize(html).text
        #expect(text.hasPrefix(Fixture.paragraphs[0]))
        #expect(text.hasSuffix("The meeting ended af"))
    }

    @Test func bodyFallsBackToJSONLDWhenTheHTMLHasNone() throws {
        let ld = """
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves budget",
        "articleBody":"\(Fixture.paragraphs.joined(separator: "\\n"))"}</script>
        """
        let html = "<html><head>\(ld)</head><body><div id=\"app\"></div></body></html>"
        let article = try Fixture.normalize(html)
        #expect(article.text == Fixture.paragraphs.joined(separator: "\n\n"))
        #expect(article.extra["warnings"] == .array([.string("body taken from the page's JSON-LD articleBody")]))
    }

    @Test func sameInputGivesTheSameRecordBytes() throws {
        let a = try Fixture.normalize(Fixture.page(), url: "https://example.com/news/budget")
        let b = try Fixture.normalize(Fixture.page(), url: "https://example.com/news/budget")
        #expect(a.json().serialized() == b.json().serialized())
    }
}
