import Entities
import Foundation
import Language
import Testing
import WhosaidCore

/// The seed article against what a careful reader takes from it (Tests/Fixtures/seed/expected.json).
@Suite struct SeedArticleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed")

    static func load() throws -> (entities: [Entity], expected: JSONValue) {
        let raw = try String(contentsOf: fixtures.appendingPathComponent("blinken-armenia-azerbaijan.txt"), encoding: .utf8)
        let expected = try JSONValue.parse(try String(contentsOf: fixtures.appendingPathComponent("expected.json"), encoding: .utf8))
        let text = ScalarText(raw)
        let tokens = Tokenizer().tokenize(text)
        let sentences = SentenceSplitter().split(text, tokens: tokens)
        return (EntityRecognizer().entities(in: text, tokens: tokens, sentences: sentences), expected)
    }

    @Test func everyExpectedEntityIsFoundWithItsTypeAndFullestName() throws {
        let (entities, expected) = try Self.load()
        for e in expected["entities"]?.arrayValue ?? [] {
            let name = e["name"]!.stringValue!, type = e["type"]!.stringValue!
            let found = entities.first { $0.name == name }
            #expect(found != nil, "missing \(name)")
            #expect(found?.type.rawValue == type, "\(name) typed \(found?.type.rawValue ?? "-")")
        }
    }

    @Test func peopleHaveTheirRolesAndShortFormsMerged() throws {
        let (entities, expected) = try Self.load()
        for e in expected["entities"]?.arrayValue ?? [] where e["type"]?.stringValue == "PERSON" {
            let name = e["name"]!.stringValue!
            guard let found = entities.first(where: { $0.name == name }) else { Issue.record("missing \(name)"); continue }
            #expect(found.role?.lowercased() == e["role"]?.stringValue?.lowercased(), "\(name): role \(found.role ?? "nil")")
            for alias in e["aliases"]?.arrayValue ?? [] {
                #expect(found.aliases.contains(alias.stringValue!), "\(name) lacks alias \(alias.stringValue!)")
            }
            // The short forms are not entities of their own.
            for alias in found.aliases { #expect(!entities.contains { $0.name == alias && $0.type == .person }) }
        }
    }

    @Test func outletsAreOrganisationsMarkedAsOutlets() throws {
        let (entities, _) = try Self.load()
        for name in ["Reuters", "Aljazeera", "Deutsche Welle"] {
            let e = entities.first { $0.name == name }
            #expect(e?.type == .org && e?.isOutlet == true, "\(name)")
        }
        #expect(entities.first { $0.name == "State Department" }?.isOutlet == false)
    }

    @Test func noPersonIsNamedByAWordThatIsNotAName() throws {
        let (entities, expected) = try Self.load()
        let persons = entities.filter { $0.type == .person }
        for word in expected["not_entities_of_type_person"]?.arrayValue ?? [] {
            let w = word.stringValue!
            #expect(!persons.contains { $0.name == w || $0.aliases.contains(w) }, "\(w) is a PERSON")
        }
    }

    @Test func unitedStatesGathersItsForms() throws {
        let (entities, _) = try Self.load()
        let us = entities.first { $0.name == "United States" }
        #expect(us?.aliases.contains("US") == true)
        #expect(us?.aliases.contains("Washington") == true)
    }

    @Test func mentionOffsetsAreExactScalarOffsets() throws {
        let (entities, _) = try Self.load()
        let raw = try String(contentsOf: Self.fixtures.appendingPathComponent("blinken-armenia-azerbaijan.txt"), encoding: .utf8)
        let text = ScalarText(raw)
        #expect(!entities.isEmpty)
        for e in entities {
            for m in e.mentions { #expect(text.slice(m.start, m.end) == m.text) }
        }
        #expect(entities.map(\.id) == entities.indices.map { "E\($0 + 1)" })
    }

    @Test func roleNounsResolveToThePersonWhoseRoleTheyName() throws {
        let (entities, _) = try Self.load()
        #expect(EntityRecognizer.entity(forRoleNoun: "the secretary", before: 1_000_000, in: entities)?.name == "Antony Blinken")
        #expect(EntityRecognizer.entity(forRoleNoun: "the spokesperson", before: 1_000_000, in: entities)?.name == "Ned Price")
        #expect(EntityRecognizer.entity(forRoleNoun: "the chancellor", before: 1_000_000, in: entities) == nil)
        let blinken = entities.first { $0.name == "Antony Blinken" }!
        #expect(EntityRecognizer.entity(for: Span(start: -1, end: -1, text: "Blinken"), in: entities)?.id == blinken.id)
    }
}
