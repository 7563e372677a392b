import Normalize
import Testing
import WhosaidCore

/// The page is read from the parser's events, not from a tree: text that a tree would give as one
/// element's content has to be gathered across the events of its whole subtree.
@Suite("Reading the page from parser events")
struct EventWalkTests {
    @Test func bylineTextIsGatheredAcrossNestedElements() throws {
        let body = "<div class=\"byline\">By <a rel=\"author\" href=\"/jane\">Jane <b>Doe</b></a> and <span>John Roe</span></div>"
            + Fixture.article()
        let a = try Fixture.normalize(Fixture.page(body: body))
        #expect(a.authors == ["Jane Doe", "John Roe"])
    }

    @Test func jsonLDInTheBodyIsRead() throws {
        let a = try Fixture.normalize(Fixture.page(body: MetadataTests.jsonLD + Fixture.article()))
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.published == "2024-03-05T09:30:00-05:00")
        #expect(a.text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func onlyTheFirstTitleCountsAndItsTextIsNotBody() throws {
        let head = "<title>Council  approves\n budget</title><title>A second title</title>"
        let a = try Fixture.normalize(Fixture.page(head: head))
        #expect(a.title == "Council approves budget")
        #expect(!a.text.contains("second title"))
    }
}
