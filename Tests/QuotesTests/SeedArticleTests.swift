import Foundation
import Testing
import WhosaidCore

/// The seed article against what a careful reader takes from it (Tests/Fixtures/seed/expected.json): every
/// quote that is not optional is found once, with its speaker (fullest name), type, cue and crediting outlet.
@Suite struct SeedArticleTests {
    struct Expected {
        var speaker: String?
        var type: String
        var cue: String?
        var via: String?
        var mention: String?
        var contains: String
        var optional: Bool
    }

    func expectedQuotes() throws -> [Expected] {
        let data = try Data(contentsOf: fixturesFolder.appendingPathComponent("seed/expected.json"))
        let json = try JSONValue.parse([UInt8](data))
        return (json["quotes"]?.arrayValue ?? []).map { q in
            Expected(speaker: q["speaker"]?.stringValue, type: q["type"]?.stringValue ?? "", cue: q["cue"]?.stringValue,
                     via: q["via"]?.stringValue, mention: q["speaker_mention"]?.stringValue,
                     contains: q["contains"]?.stringValue ?? "", optional: q["optional"]?.boolValue ?? false)
        }
    }

    func seedQuotes() throws -> (String, [Quote]) {
        let text = try articleText(fromTitledFile: fixturesFolder.appendingPathComponent("seed/blinken-armenia-azerbaijan.txt"))
        return (text, extractQuotes(text))
    }

    @Test func findsEveryQuoteWithItsSpeakerTypeCueAndOutlet() throws {
        let expected = try expectedQuotes()
        #expect(expected.count == 10)
        let (_, quotes) = try seedQuotes()
        for e in expected where !e.optional {
            guard let q = quote(quotes, containing: e.contains) else {
                Issue.record("no single quote contains \"\(e.contains)\"")
                continue
            }
            #expect(q.speaker == e.speaker, "speaker of \"\(e.contains)\"")
            #expect(q.type.rawValue == e.type, "type of \"\(e.contains)\"")
            // The fixture writes cues in lower case; the extractor gives them as written ("According to").
            #expect(q.cue?.lowercased() == e.cue, "cue of \"\(e.contains)\"")
            #expect(q.via == e.via, "via of \"\(e.contains)\"")
            if let m = e.mention { #expect(q.speakerMention?.text == m, "speaker mention of \"\(e.contains)\"") }
        }
    }

    @Test func outletsCreditQuotesAndNeverSpeakThem() throws {
        let (_, quotes) = try seedQuotes()
        for q in quotes {
            #expect(!["Reuters", "Aljazeera", "Deutsche Welle"].contains(q.speaker ?? ""), "\(q.span.text)")
        }
    }

    @Test func spansAreTheTextAtTheirOffsets() throws {
        let (text, quotes) = try seedQuotes()
        let scalars = ScalarText(text)
        #expect(!quotes.isEmpty)
        for q in quotes {
            #expect(scalars.slice(q.span.start, q.span.end) == q.span.text)
            if let m = q.speakerMention { #expect(scalars.slice(m.start, m.end) == m.text) }
            if let c = q.cueSpan { #expect(scalars.slice(c.start, c.end) == c.text) }
        }
    }
}
