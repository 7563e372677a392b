import Entities
import Language
import Quotes
import FuzzDriver
import WhosaidCore
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: any text (odd quotation marks, stray brackets, huge tokens) must give entities and
/// quotes whose offsets lie inside the text and whose span texts match it, never a crash.
func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let string = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let text = ScalarText(string)
    let tokens = Tokenizer().tokenize(text)
    let sentences = SentenceSplitter().split(text, tokens: tokens)
    let entities = EntityRecognizer().entities(in: text, tokens: tokens, sentences: sentences)
    let quotes = QuoteExtractor().quotes(in: text, tokens: tokens, sentences: sentences, entities: entities)
    func check(_ span: Span) {
        precondition(0 <= span.start && span.start <= span.end && span.end <= text.count, "span out of range")
        precondition(text.slice(span.start, span.end) == span.text, "span text differs from the text")
    }
    for entity in entities { entity.mentions.forEach(check) }
    for quote in quotes {
        check(quote.span)
        quote.speakerMention.map(check)
        quote.cueSpan.map(check)
    }
    return 0
}

@_cdecl("FuzzExtract_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzExtract(data, size) }
}
