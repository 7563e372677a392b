import Entities
import Language
import WhosaidCore

/// Finds direct, indirect and mixed quotes and who said them.
public struct QuoteExtractor: Sendable {
    public init() {}

    public func quotes(in text: ScalarText, tokens: [Token], sentences: [Sentence], entities: [Entity]) -> [Quote] {
        []  // The extractor is being built (see the quotes issue).
    }
}
