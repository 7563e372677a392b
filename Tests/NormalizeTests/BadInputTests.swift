import Normalize
import Testing
import WhosaidCore

@Suite("Inputs that are not articles")
struct BadInputTests {
    func reject(_ bytes: [UInt8], type: String? = nil) -> NormalizeError? {
        do {
            _ = try Normalizer().normalize(RawDocument(source: "x", bytes: bytes, contentType: type))
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyAndBlankFiles() {
        #expect(reject([]) == .empty)
        #expect(reject(Array(" \n\t\n".utf8)) == .empty)
    }

    @Test func binaryFiles() {
        #expect(reject([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]) == .notText("a PNG image"))
        #expect(reject([0x3C, 0x70, 0x3E, 0x00, 0x01, 0x02]) == .notText("binary data (NUL bytes)"))
    }

    @Test func homePageOfLinksIsNoArticle() {
        let links = (1...40).map { "<li><a href=\"/story/\($0)\">Headline number \($0) about the news of the day in the city</a></li>" }
        let html = "<html><body><ul>\(links.joined())</ul></body></html>"
        #expect(reject(Array(html.utf8)) == .noArticle("no paragraph of prose on the page"))
    }

    @Test func notFoundPageIsNoArticle() {
        let html = "<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry, we could not find that page.</p></body></html>"
        guard case .noArticle = reject(Array(html.utf8)) else {
            Issue.record("a 404 page was taken for an article")
            return
        }
    }

    @Test func oversizedHTMLIsRefusedBeforeParsing() {
        var normalizer = Normalizer()
        normalizer.maximumHTMLBytes = 1000
        let html = Fixture.page() + String(repeating: "<div class=\"teaser\"><a href=\"/\">link</a></div>", count: 100)
        #expect(throws: NormalizeError.self) { try normalizer.normalize(Fixture.document(html)) }
        do {
            _ = try normalizer.normalize(Fixture.document(html))
        } catch {
            guard case .tooLarge(let bytes, 1000) = error else { Issue.record("refused for another reason: \(error)"); return }
            // The size counted is what the parser would read: the links' targets are not among it.
            #expect(bytes > 1000 && bytes <= html.utf8.count - 100 * " href=\"/\"".utf8.count)
        }
    }

    @Test func plainTextArticlesKeepTheirRules() throws {
        let text = "Council approves budget\n\nThe council voted on Tuesday.\nIt was close.\n\nResidents were divided.\n"
        let article = try Normalizer().normalize(RawDocument(source: "a.txt", bytes: Array(text.utf8), contentType: "text/plain"))
        #expect(article.title == "Council approves budget")
        #expect(article.text == "The council voted on Tuesday. It was close.\n\nResidents were divided.")
        #expect(article.id == String(SHA256.hex("a.txt").prefix(16)))
    }
}

@Suite("Duplicate detection")
struct DuplicateTests {
    func article(id: String, text: String) -> Article { Article(id: id, source: id, text: text) }

    /// A long story whose sentences differ, as a real one's do.
    static let story = (0..<60).map { "Item \($0) of the plan moves \($0 * 3) roads and \($0 * 7) schools forward." }
        .joined(separator: " ")

    @Test func sameIDIsTheSameArticle() {
        let d = DuplicateDetector()
        #expect(d.check(article(id: "a", text: Self.story)) == .new)
        #expect(d.check(article(id: "a", text: "other text")) == .sameArticle(as: "a", reason: "same URL"))
    }

    @Test func sameBodyIsTheSameArticle() {
        let d = DuplicateDetector()
        #expect(d.check(article(id: "a", text: Self.story)) == .new)
        #expect(d.check(article(id: "b", text: Self.story)) == .sameArticle(as: "a", reason: "same body"))
    }

    @Test func nearCopyIsFlagged() {
        let d = DuplicateDetector()
        #expect(d.check(article(id: "a", text: Self.story)) == .new)
        let edited = Self.story.replacingOccurrences(of: "Item 30 of", with: "Point 30 of") + "\n\nReporting by Jane Doe."
        #expect(d.check(article(id: "b", text: edited)) == .nearCopy(of: "a"))
        let unrelated = (0..<40).map { "word\($0) other\($0 * 7) thing\($0 * 13)" }.joined(separator: " ")
        #expect(d.check(article(id: "c", text: unrelated)) == .new)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
