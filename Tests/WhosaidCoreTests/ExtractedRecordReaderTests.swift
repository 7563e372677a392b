import Foundation
import Testing
@testable import WhosaidCore

@Suite struct ExtractedRecordReaderTests {
    static let extracted: ExtractedArticle = {
        let article = Article(id: "a", source: "s.txt", url: "https://x.example/1", title: "T \"quoted\"", authors: ["A B", "Ç D"],
                              published: "2024-01-02", site: "x.example", language: "en",
                              text: "Blinken said hi.\n\u{1F600} «ok»", extra: ["score": .number("0.50"), "tags": .array([.null, .bool(true)])])
        let blinken = Entity(id: "E1", name: "Antony Blinken", type: .person, role: "US Secretary of State",
                             aliases: ["Blinken"], mentions: [Span(start: 0, end: 7, text: "Blinken")])
        let reuters = Entity(id: "E2", name: "Reuters", type: .org, isOutlet: true, mentions: [Span(start: -1, end: 12, text: "")])
        let quote = Quote(span: Span(start: 13, end: 15, text: "hi"), type: .indirect, speaker: "Antony Blinken",
                          speakerEntity: "E1", speakerMention: Span(start: 0, end: 7, text: "Blinken"), cue: "said",
                          cueSpan: Span(start: 8, end: 12, text: "said"), via: "Reuters", viaEntity: "E2")
        return ExtractedArticle(article: article, entities: [blinken, reuters], quotes: [quote, Quote(span: Span(start: 0, end: 1, text: "B"), type: .direct)])
    }()

    /// What the general path makes of a line.
    func general(_ line: String) throws -> ExtractedArticle {
        try ExtractedArticle(json: try JSONValue.parse(line))
    }

    @Test func readsWhatTheGeneralPathReads() throws {
        let line = Self.extracted.json.serialized()
        let read = try #require(ExtractedRecordReader.read(Array(line.utf8)))
        #expect(read == Self.extracted)
        #expect(read == (try general(line)))
        // White space between tokens, nulls for optional fields, an empty record's lists.
        let spaced = #" { "id" : "x" , "text" : "y" , "title" : null , "entities" : [ ] , "quotes" : null , "authors" : null } "#
        #expect(ExtractedRecordReader.read(Array(spaced.utf8)) == (try general(spaced)))
    }

    /// Each of these is a form the reader leaves to the general path, which may accept it (with its own
    /// reading) or refuse it (with its own message); the reader must never give a different record.
    @Test func leavesEveryUnusualFormToTheGeneralPath() {
        let unusual = [
            #"{"id":"x","text":"y","id":"z"}"#,                                      // a repeated key: the last wins there
            #"{"id":"x","text":"y","url":5}"#,                                       // a mistyped field: an error there
            #"{"id":"x","te\u0078t":"y"}"#,                                          // an escaped key
            #"{"id":"x","text":"y","entities":[{"id":"E1","name":"A","type":"ORG","mentions":[],"extra":1}]}"#,
            #"{"id":"x","text":"y","entities":[{"id":"E1","name":"A","type":"ORG","mentions":[{"start":1.0,"end":2,"text":"b"}]}]}"#,
            #"{"id":"x","text":"y","entities":[{"id":"E1","name":"A","type":"ORG","role":7,"mentions":[]}]}"#,
            #"{"id":"x","text":"y","quotes":[{"text":"a","start":0,"end":1,"type":"direct","speaker":false}]}"#,
            #"{"id":"x","text":"y","_schema":"whosaid.article/9"}"#,
            #"{"id":"","text":"y"}"#,
            #"{"id":"x"}"#,
            #"{"id":"x","text":"y"} x"#,
            #"{"id":"x","text":"y","more":{"a":[1,2}}"#,
        ]
        for line in unusual {
            #expect(ExtractedRecordReader.read(Array(line.utf8)) == nil, "\(line)")
        }
    }

    @Test func recordInputFallsBackToTheGeneralPath() throws {
        let lines = [Self.extracted.json.serialized(), #"{"id":"x","text":"y","id":"z"}"#, #"{"id":"x","text":5}"#]
        let path = NSTemporaryDirectory() + "whosaid-records-\(UUID().uuidString).ndjson"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reporter = try StageReporter(command: "test", quiet: true, rejectsPath: nil)
        var records: [ExtractedArticle] = []
        try RecordInput(paths: [path]).forEach(reporter: reporter, read: ExtractedRecordReader.read, decode: ExtractedArticle.init(json:)) { record, _, _ in
            records.append(record)
        }
        #expect(records == [Self.extracted, try general(lines[1])])
        #expect(records[1].article.id == "z")
    }
}
