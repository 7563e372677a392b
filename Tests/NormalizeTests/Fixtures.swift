import Normalize
import WhosaidCore

/// Small pages written for the tests: a head, then an article between page furniture.
enum Fixture {
    static let paragraphs = [
        "The city council voted on Tuesday to approve a new budget for the coming year, ending weeks of debate over spending on roads and schools.",
        "Council members said the plan would raise spending on maintenance by a tenth, while holding property taxes at the level set two years ago.",
        "Residents who spoke at the meeting were divided, with some praising the road repairs and others warning that the school budget was too thin.",
    ]

    static func article(_ paragraphs: [String] = paragraphs) -> String {
        paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func page(head: String = "<title>Council approves budget</title>", body: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8">\(head)</head>
        <body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
        <article><h1>Council approves budget</h1>
        \(body ?? article())
        </article>
        <div class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Mayor opens a new bridge over the river after two years of building work</a></li></ul></div>
        <footer>Copyright 2024 The Daily Example. All rights reserved. Contact us at the address below for any question.</footer>
        </body></html>
        """
    }

    static func document(_ html: String, url: String? = nil, charset: String? = nil) -> RawDocument {
        RawDocument(source: "test.html", bytes: Array(html.utf8), url: url, declaredCharset: charset)
    }

    static func normalize(_ html: String, url: String? = nil) throws -> Article {
        try Normalizer().normalize(document(html, url: url))
    }
}
