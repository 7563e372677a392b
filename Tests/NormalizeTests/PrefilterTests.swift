@testable import Normalize
import Testing

/// The prefilter cuts bytes libxml2 would read for nothing; whatever it leaves must parse to the same
/// elements, text and read attributes as the page did.
@Suite("Cutting unread bytes before the parse")
struct PrefilterTests {
    func strip(_ html: String, trimmingTags: Bool = true) -> String {
        String(decoding: Prefilter.strip(Array(html.utf8), trimmingTags: trimmingTags), as: UTF8.self)
    }

    @Test func tagsAreTrimmedOnlyForParsersThatTokenizeLikeLibxml2_9() {
        #expect(Prefilter.libxml2RuntimeVersion >= 20900)
        #expect(Prefilter.tokenizesLikeLibxml2_9(runtimeVersion: 20914))
        #expect(!Prefilter.tokenizesLikeLibxml2_9(runtimeVersion: 21400))
        #expect(!Prefilter.tokenizesLikeLibxml2_9(runtimeVersion: 0))
        #expect(Prefilter.tokenizesLikeLibxml2_9 == (Prefilter.libxml2RuntimeVersion < 21400))
    }

    @Test func withoutTagTrimmingOnlyScriptsStylesAndCommentsAreCut() {
        let page = "<title>Why x<y matters</title><p class=a data-x=1>Hi  there</p><!-- c --><script>var a;</script>"
        #expect(strip(page, trimmingTags: false) == "<title>Why x<y matters</title><p class=a data-x=1>Hi  there</p><script></script>")
    }

    @Test func attributesThePageWalkDoesNotReadAreDropped() {
        #expect(strip("<p><img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"x\">Text</p>") == "<p><img>Text</p>")
        #expect(strip("<DIV Data-Id=7 CLASS=\"story body\" onclick='go()' ID=main>x</DIV>") == "<DIV CLASS=\"story body\" ID=main>x</DIV>")
        #expect(strip("<a href=\"/story\" rel=\"author\" data-track>Jane</a>") == "<a rel=\"author\">Jane</a>")
    }

    @Test func attributesThePageWalkReadsAreKept() {
        let head = "<html lang=\"en\"><meta property=\"og:title\" content=\"T\"><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Type\" content=\"text/html\"><link rel=\"canonical\" href=\"https://e.com/a\">"
        #expect(strip(head) == head)
        let body = "<div hidden aria-hidden=\"true\" style=\"display:none\" role=\"navigation\" itemprop=\"author\">"
            + "<time datetime=\"2024-01-02\" pubdate>Jan 2</time><script type=\"application/ld+json\">{}</script></div>"
        #expect(strip(body) == body)
    }

    @Test func valuesAreReadAsTheParserReadsThem() {
        // A ">" inside quotes does not end the tag; an unquoted value ends at a blank or ">".
        #expect(strip("<div title=\"a > b\" class=c>x</div>") == "<div class=c>x</div>")
        #expect(strip("<div data-a = 'q' class=\"c\">x</div>") == "<div class=\"c\">x</div>")
        // An attribute glued to the dropped one keeps a blank before it.
        #expect(strip("<div data-a=\"1\"class=\"c\">x</div>") == "<div class=\"c\">x</div>")
        #expect(strip("<br data-x/>") == "<br/>")
    }

    @Test func whatTheParserReadsAsBogusIsLeftAlone() {
        // libxml2 skips a bogus attribute up to the next blank, so what follows is read differently.
        let bogus = "<div @click=\"open menu\" data-x=\"1\" class=\"c\">x</div>"
        #expect(strip(bogus) == bogus)
        // A quote that never closes runs to the end of the page in libxml2.
        let unclosed = "<div class=\"c\" data-x=\"1>x</div>"
        #expect(strip(unclosed) == unclosed)
        // A quote closed by the next attribute's quote: the parser reads `c` as a name and `"` as bogus.
        #expect(strip("<div data-x=\"1 class=\"c\">x</div>") == "<div \">x</div>")
        // "<" before anything but a letter is text to libxml2.
        #expect(strip("<p>a <_b data-x=1> c</p>") == "<p>a <_b data-x=1> c</p>")
    }

    @Test func runsOfBlanksInTextAreShortenedToTheirFirstByte() {
        #expect(strip("<div>\n    <p>A  b\t\t c</p>\n\n</div>  tail") == "<div>\n<p>A b\tc</p>\n</div> tail")
        // Not inside attribute values, and not after a tag the parser reads differently.
        #expect(strip("<p class=\"a   b\">x</p>") == "<p class=\"a   b\">x</p>")
        #expect(strip("<div @x=\"1\">a   b</div>") == "<div @x=\"1\">a   b</div>")
        // A form feed is not a blank to libxml2; it is left as it is.
        #expect(strip("<p>a\u{0C}\u{0C}b</p>") == "<p>a\u{0C}\u{0C}b</p>")
    }

    @Test func jsonLDIsKeptByteForByte() {
        let script = "<script type=\"application/ld+json\">{\"articleBody\": \"<p data-x=\\\"1\\\">A</p><!-- x -->\"}</script>"
        #expect(strip(script + "<p data-x=\"1\">B</p>") == script + "<p>B</p>")
    }

    @Test func scriptsStylesAndCommentsStillLoseTheirContent() {
        #expect(strip("<script src=\"a.js\">var a = '<p>';</script><style>p{}</style><!-- c --><p>x</p>")
            == "<script src=\"a.js\"></script><style></style><p>x</p>")
    }
}
