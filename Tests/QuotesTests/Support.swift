import Entities
import Foundation
import Language
import Quotes
import WhosaidCore

/// Runs the whole extraction chain (tokenizer, splitter, recognizer, quotes) the way whosaid-extract does.
func extractQuotes(_ string: String, entities given: [Entity]? = nil) -> [Quote] {
    let text = ScalarText(string)
    let tokens = Tokenizer().tokenize(text)
    let sentences = SentenceSplitter().split(text, tokens: tokens)
    let entities = given ?? EntityRecognizer().entities(in: text, tokens: tokens, sentences: sentences)
    return QuoteExtractor().quotes(in: text, tokens: tokens, sentences: sentences, entities: entities)
}

/// The one quote whose content contains `piece`, if exactly one does.
func quote(_ quotes: [Quote], containing piece: String) -> Quote? {
    let hits = quotes.filter { $0.span.text.contains(piece) }
    return hits.count == 1 ? hits[0] : nil
}

/// The repository folder that holds `Tests/Fixtures`.
let fixturesFolder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// An article text as whosaid-fetch makes it from a title-line text file: the lines after the title, each
/// non-empty line a paragraph, joined with a blank line.
func articleText(fromTitledFile url: URL) throws -> String {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
}
