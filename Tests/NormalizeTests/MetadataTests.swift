import Normalize
import Testing
import WhosaidCore

@Suite("Article metadata")
struct MetadataTests {
    static let jsonLD = """
    <script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Example"},
      {"@type":"NewsArticle","headline":"Council approves the city budget",
       "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
       "datePublished":"2024-03-05T09:30:00-05:00","dateModified":"2024-03-06T10:00:00Z",
       "publisher":{"@type":"Organization","name":"The Daily Example"},
       "mainEntityOfPage":"https://www.example.com/news/budget","inLanguage":"en-US"}]}
    </script>
    """

    @Test func jsonLDNewsArticleIsTrustedFirst() throws {
        let head = Self.jsonLD + """
        <meta property="og:title" content="OG title that loses">
        <meta property="article:published_time" content="2020-01-01T00:00:00Z">
        <meta name="author" content="Someone Else">
        """
        let a = try Fixture.normalize(Fixture.page(head: head))
        #expect(a.title == "Council approves the city budget")
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.published == "2024-03-05T09:30:00-05:00")
        #expect(a.site == "The Daily Example")
        #expect(a.url == "https://www.example.com/news/budget")
        #expect(a.id == String(SHA256.hex("https://www.example.com/news/budget").prefix(16)))
    }

    @Test func openGraphAndArticleMeta() throws {
        let head = """
        <title>Ignored | The Daily Example</title>
        <meta property="og:title" content="Council approves budget - The Daily Example">
        <meta property="og:site_name" content="The Daily Example">
        <meta property="og:url" content="https://example.com/news/budget">
        <meta property="article:published_time" content="2024-03-05T14:30:00.000Z">
        <meta name="author" content="By JANE DOE">
        """
        let a = try Fixture.normalize(Fixture.page(head: head))
        #expect(a.title == "Council approves budget")
        #expect(a.site == "The Daily Example")
        #expect(a.url == "https://example.com/news/budget")
        #expect(a.published == "2024-03-05T14:30:00Z")
        #expect(a.authors == ["Jane Doe"])
        #expect(a.language == "en")
    }

    @Test func canonicalLinkOutranksTheFetchURL() throws {
        let head = "<title>Budget</title><link rel=\"canonical\" href=\"/news/budget\">"
        let a = try Fixture.normalize(Fixture.page(head: head), url: "https://example.com/amp/news/budget?x=1")
        #expect(a.url == "https://example.com/news/budget")
    }

    @Test func titleLosesTheSiteSuffix() throws {
        let head = "<title>Council approves budget | The Daily Example</title><meta property=\"og:site_name\" content=\"The Daily Example\">"
        #expect(try Fixture.normalize(Fixture.page(head: head)).title == "Council approves budget")
    }

    @Test func theFirstHeadingIsTheTitleWhenNothingElseNamesOne() throws {
        // Words split over elements and lines keep one space between them.
        let html = "<html><head></head><body><article><h1>\n  Council <em>approves</em>\n the budget  </h1>"
            + Fixture.article() + "</article></body></html>"
        #expect(try Fixture.normalize(html).title == "Council approves the budget")
        #expect(try Fixture.normalize(Fixture.page(head: "")).title == "Council approves budget")
        let broken = "<html><head></head><body><article><h1>Council<br>approves <span>the</span><div>budget</div></h1>"
            + Fixture.article() + "</article></body></html>"
        #expect(try Fixture.normalize(broken).title == "Council approves the budget")
    }

    @Test func timeElementGivesThePublicationDate() throws {
        let body = "<time datetime=\"2024-03-06\">Updated</time><time itemprop=\"datePublished\" datetime=\"2024-03-05T08:00:00+01:00\">5 March</time>" + Fixture.article()
        #expect(try Fixture.normalize(Fixture.page(body: body)).published == "2024-03-05T08:00:00+01:00")
    }

    @Test func bylineElementsGiveNamesOnly() throws {
        let body = "<div class=\"byline\">By Jane Doe and John Roe, Reuters | Updated March 5, 2024</div>" + Fixture.article()
        let a = try Fixture.normalize(Fixture.page(body: body))
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(!a.text.contains("Jane Doe"))
    }

    @Test(arguments: [
        ("Analysis by Jane Doe, City Hall Editor-at-large", ["Jane Doe"]),
        ("Jane Doe. Riverside Ledger International", ["Jane Doe"]),
        ("John F. Kennedy Jr. and Jane Doe", ["John F. Kennedy Jr.", "Jane Doe"]),
        ("PTI, Washington", []),
        ("The Associated Press", []),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("By Jennifer Senior and Eyal Press", ["Jennifer Senior", "Eyal Press"]),
        ("By John Smith, photographs by Jane Doe", ["John Smith"]),
        ("By Mary-Kate Olsen and Jean de La Fontaine", ["Mary-Kate Olsen", "Jean de La Fontaine"]),
    ])
    func bylinesLoseLabelsJobsOutletsAndDatelines(byline: String, names: [String]) throws {
        let body = "<div class=\"byline\">\(byline)</div>" + Fixture.article()
        #expect(try Fixture.normalize(Fixture.page(body: body)).authors == names)
    }

    @Test func relAuthorLinks() throws {
        let body = "<p>Written by <a rel=\"author\" href=\"/staff/jd\">Jane Doe</a></p>" + Fixture.article()
        #expect(try Fixture.normalize(Fixture.page(body: body)).authors == ["Jane Doe"])
    }

    @Test func printedDateInAnElementNamedForPublishing() throws {
        let teaser = "<a class=\"post status-publish\" href=\"/old\">Older story, March 2, 2019</a>"
        let body = teaser + "<span class=\"article-publish-date\">November 18th, 2019, 9:02 AM</span>" + Fixture.article()
        #expect(try Fixture.normalize(Fixture.page(body: body)).published == "2019-11-18")
        // The URL's date comes first: sidebars print other stories' dates in elements named the same way.
        let a = try Fixture.normalize(Fixture.page(body: body), url: "https://example.com/2019/11/17/council-budget/")
        #expect(a.published == "2019-11-17")
    }

    @Test(arguments: [
        ("Updated 10:30 AM ET, Tue November 19, 2019", "2019-11-19"),
        ("Published 12:05 p.m. ET Nov. 18, 2019", "2019-11-18"),
        ("Published by Marketing Desk 5 June 2019", "2019-06-05"),
        ("Tue, 19 Nov 2019 09:00:00 GMT", "2019-11-19"),
        ("Sept. 3rd, 2019", "2019-09-03"),
    ])
    func printedDatesGiveTheDayBesideTheMonth(printed: String, date: String) throws {
        let body = "<span class=\"article-publish-date\">\(printed)</span>" + Fixture.article()
        #expect(try Fixture.normalize(Fixture.page(body: body)).published == date)
    }

    @Test func dateFromTheURLPathWhenNothingElseSaysIt() throws {
        let a = try Fixture.normalize(Fixture.page(), url: "https://example.com/2024/03/05/council-budget/")
        #expect(a.published == "2024-03-05")
        let b = try Fixture.normalize(Fixture.page(), url: "https://example.com/2023/12/council-budget/")
        #expect(b.published == nil)
    }

    @Test func languageFromTheHTMLTag() throws {
        #expect(try Fixture.normalize(Fixture.page()).language == "en")
    }
}
