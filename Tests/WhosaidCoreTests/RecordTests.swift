import Testing
@testable import WhosaidCore

@Suite struct RecordTests {
    @Test func articleNeedsOnlyIdAndTextAndKeepsUnknownFields() throws {
        let json = try JSONValue.parse(#"{"id":"a1","text":"Hello.","custom":{"k":[1,2]},"score":0.50}"#)
        let article = try Article(json: json)
        #expect(article.id == "a1")
        #expect(article.authors.isEmpty)
        let out = article.json().serialized()
        #expect(out.contains(#""custom":{"k":[1,2]}"#))
        #expect(out.contains(#""score":0.50"#))
        #expect(out.hasPrefix(#"{"_schema":"whosaid.article/1","#))
    }

    @Test func reportsMissingAndMistypedFields() throws {
        #expect(throws: RecordError.missingField("id")) { try Article(json: try JSONValue.parse(#"{"text":"x"}"#)) }
        #expect(throws: RecordError.missingField("text")) { try Article(json: try JSONValue.parse(#"{"id":"x"}"#)) }
        #expect(throws: RecordError.wrongType(field: "text", expected: "a string")) {
            try Article(json: try JSONValue.parse(#"{"id":"x","text":5}"#))
        }
        #expect(throws: RecordError.notAnObject) { try Article(json: try JSONValue.parse("[1]")) }
        #expect(throws: RecordError.unsupportedSchema("whosaid.article/9")) {
            try Article(json: try JSONValue.parse(#"{"_schema":"whosaid.article/9","id":"x","text":"y"}"#))
        }
    }

    @Test func extractedRecordRoundTrips() throws {
        let article = Article(id: "a", source: "s.txt", title: "T", authors: ["A B"], text: "Blinken said hi.")
        let entity = Entity(id: "E1", name: "Antony Blinken", type: .person, role: "US Secretary of State",
                            aliases: ["Blinken"], mentions: [Span(start: 0, end: 7, text: "Blinken")])
        let quote = Quote(span: Span(start: 13, end: 15, text: "hi"), type: .indirect, speaker: "Antony Blinken",
                          speakerEntity: "E1", speakerMention: Span(start: 0, end: 7, text: "Blinken"), cue: "said")
        let extracted = ExtractedArticle(article: article, entities: [entity], quotes: [quote])
        let line = extracted.json.serialized()
        let back = try ExtractedArticle(json: try JSONValue.parse(line))
        #expect(back == extracted)
        #expect(back.json.serialized() == line)
    }
}
