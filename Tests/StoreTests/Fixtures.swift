import Foundation
import Store
import Testing
import WhosaidCore

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = packageRoot.appendingPathComponent("Tests/Fixtures/seed")

    /// `make test` sets WHOSAID_BIN_DIR; a plain `swift test` finds the debug build beside the sources.
    static func binary(_ name: String) -> String {
        if let dir = ProcessInfo.processInfo.environment["WHOSAID_BIN_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir).appendingPathComponent(name).path
        }
        return packageRoot.appendingPathComponent(".build/debug/\(name)").path
    }
}

/// A folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Unicode-scalar offsets of every occurrence of `needle` in `text`, as the records count them.
func scalarOffsets(of needle: String, in text: String, wholeWord: Bool = false) -> [Int] {
    let hay = Array(text.unicodeScalars), pin = Array(needle.unicodeScalars)
    guard !pin.isEmpty, pin.count <= hay.count else { return [] }
    func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
    var found: [Int] = []
    for start in 0...(hay.count - pin.count) where Array(hay[start..<start + pin.count]) == pin {
        if wholeWord {
            if start > 0, isWord(hay[start - 1]) { continue }
            if start + pin.count < hay.count, isWord(hay[start + pin.count]) { continue }
        }
        found.append(start)
    }
    return found
}

/// Where `needle` occurs nearest to `near`, ignoring case; the span's text is as the article writes it.
func span(_ needle: String, in text: String, near: Int = 0) throws -> Span {
    let offsets = scalarOffsets(of: needle.lowercased(), in: text.lowercased())
    let start = try #require(offsets.min { abs($0 - near) < abs($1 - near) }, "\(needle) is not in the text")
    let scalars = Array(text.unicodeScalars)[start..<start + needle.unicodeScalars.count]
    return Span(start: start, end: start + scalars.count, text: String(String.UnicodeScalarView(scalars)))
}

/// The seed article as a perfect extractor would give it: the entities and quotes of its hand annotation
/// (Tests/Fixtures/seed/expected.json), placed at their offsets in the text.
func seedArticle(id: String = "seed-blinken") throws -> ExtractedArticle {
    let file = try String(contentsOf: Paths.seed.appendingPathComponent("blinken-armenia-azerbaijan.txt"), encoding: .utf8)
    let title = String(file.prefix { $0 != "\n" })
    let text = String(file.dropFirst(title.count).drop { $0 == "\n" })
    let expected = try JSONValue.parse(try String(contentsOf: Paths.seed.appendingPathComponent("expected.json"), encoding: .utf8))
    let quoteObjects = expected["quotes"]?.arrayValue ?? []
    let outlets = Set(quoteObjects.compactMap { $0["via"]?.stringValue })

    var entities: [Entity] = []
    var taken = Set<Int>()
    for (i, e) in (expected["entities"]?.arrayValue ?? []).enumerated() {
        let name = try #require(e["name"]?.stringValue)
        let aliases = (e["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
        var mentions: [Span] = []
        // Longest forms first, so "Antony Blinken" is one mention, not also "Blinken".
        for form in ([name] + aliases).sorted(by: { $0.count > $1.count }) {
            for start in scalarOffsets(of: form, in: text, wholeWord: true) {
                let range = start..<(start + form.unicodeScalars.count)
                if range.contains(where: taken.contains) { continue }
                taken.formUnion(range)
                mentions.append(Span(start: range.lowerBound, end: range.upperBound, text: form))
            }
        }
        entities.append(Entity(id: "E\(i + 1)", name: name, type: try #require(EntityType(rawValue: e["type"]?.stringValue ?? "")),
                               role: e["role"]?.stringValue, aliases: aliases, isOutlet: outlets.contains(name),
                               mentions: mentions.sorted()))
    }
    func localID(_ name: String?) -> String? { entities.first { $0.name == name }?.id }

    var quotes: [Quote] = []
    for q in quoteObjects {
        let content = try span(try #require(q["contains"]?.stringValue), in: text)
        let cueSpan = try q["cue"]?.stringValue.map { try span($0, in: text, near: content.start) }
        let speaker = q["speaker"]?.stringValue
        let via = q["via"]?.stringValue
        quotes.append(Quote(
            span: content, type: try #require(QuoteType(rawValue: q["type"]?.stringValue ?? "")), speaker: speaker,
            speakerEntity: localID(speaker), speakerMention: try q["speaker_mention"]?.stringValue.map { try span($0, in: text, near: content.start) },
            cue: cueSpan?.text, cueSpan: cueSpan, via: via, viaEntity: localID(via)))
    }
    return ExtractedArticle(
        article: Article(id: id, source: "blinken-armenia-azerbaijan.txt", title: title, published: "2022-09-19",
                         site: "example-news.test", language: "en", text: text),
        entities: entities, quotes: quotes)
}

/// Deterministic made-up articles in the shape of real ones: a few people (some sharing surnames), places,
/// outlets, mentions and quotes, about 30 rows each.
enum SyntheticCorpus {
    static let people = [("Antony Blinken", "US Secretary of State"), ("Ned Price", "State Department spokesperson"),
                         ("Maria Lopez", "mayor of Springfield"), ("Daniel Lopez", "football coach"),
                         ("Amara Okafor", "finance minister"), ("Chen Wei", "trade negotiator")]
    static let places = ["Armenia", "Azerbaijan", "Nagorno-Karabakh", "Springfield", "Lagos"]
    static let outlets = ["Reuters", "Aljazeera", "Deutsche Welle"]
    static let words = ["peace", "talks", "budget", "vote", "border", "ceasefire", "market", "schools", "election", "trade"]

    static func article(_ n: Int, version: Int = 1) -> ExtractedArticle {
        var text = ""
        var entities: [Entity] = []
        var quotes: [Quote] = []
        func append(_ s: String) -> Span {
            let start = text.unicodeScalars.count
            text += s
            return Span(start: start, end: text.unicodeScalars.count, text: s)
        }
        let speakers = [people[n % people.count], people[(n * 7 + 3) % people.count]]
        let place = places[n % places.count]
        let outlet = outlets[n % outlets.count]
        var mentionsByName: [String: [Span]] = [:]
        for (i, (name, _)) in speakers.enumerated() {
            mentionsByName[name, default: []].append(append(name))
            _ = append(" spoke about ")
            mentionsByName[place, default: []].append(append(place))
            _ = append(" on day \(n), version \(version). ")
            let surname = String(name.split(separator: " ").last!)
            let cue = append("said")
            _ = append(" ")
            let mention = append(surname)
            _ = append(": “")
            let content = append("The \(words[(n + i) % words.count]) and the \(words[(n * 3 + i) % words.count]) in \(place) matter now")
            _ = append("”, as reported by ")
            mentionsByName[outlet, default: []].append(append(outlet))
            _ = append(". ")
            mentionsByName[name, default: []].append(mention)
            quotes.append(Quote(span: content, type: i == 0 ? .direct : .mixed, speaker: name, speakerEntity: nil,
                                speakerMention: mention, cue: "said", cueSpan: cue, via: outlet, viaEntity: nil))
        }
        _ = append(String(repeating: "Officials met again to review the \(words[n % words.count]) plans. ", count: 3))
        var localIDs: [String: String] = [:]
        for name in mentionsByName.keys.sorted() {
            let id = "E\(entities.count + 1)"
            localIDs[name] = id
            let person = people.first { $0.0 == name }
            let type: EntityType = person != nil ? .person : (outlets.contains(name) ? .org : (name == "Nagorno-Karabakh" ? .loc : .gpe))
            entities.append(Entity(id: id, name: name, type: type, role: person?.1,
                                   aliases: person.map { [String($0.0.split(separator: " ").last!)] } ?? [],
                                   isOutlet: outlets.contains(name), mentions: mentionsByName[name]!.sorted()))
        }
        for i in quotes.indices {
            quotes[i].speakerEntity = localIDs[quotes[i].speaker!]
            quotes[i].viaEntity = localIDs[quotes[i].via!]
        }
        return ExtractedArticle(
            article: Article(id: "synthetic-\(n)", source: "synthetic/\(n).html", url: "https://news.example/\(n)",
                             title: "Day \(n) in \(place)", authors: ["Staff"], published: String(format: "2024-%02d-%02d", n % 12 + 1, n % 28 + 1),
                             site: "news.example", language: "en", text: text),
            entities: entities, quotes: quotes)
    }

    static func ndjson(_ range: Range<Int>, version: Int = 1) -> Data {
        var out = [UInt8]()
        for n in range {
            article(n, version: version).json.write(into: &out)
            out.append(0x0A)
        }
        return Data(out)
    }
}

/// Every row of every table, sorted, so two databases with the same content compare equal whatever order
/// pages ended up in. With `ftsInternals`, the FTS index's own tables too: equal only when the same writes
/// were made in the same transactions (the index is laid out in segments, one or more per commit).
func contentDump(_ db: Database, ftsInternals: Bool = true) throws -> [String] {
    var lines: [String] = []
    let tables = try db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    for table in tables.compactMap({ $0.first?.text }) where ftsInternals || !table.contains("_fts_") {
        let rows = try db.rows("SELECT * FROM \"\(table)\"")
        lines += rows.map { table + "|" + $0.map { "\($0)" }.joined(separator: "|") }.sorted()
    }
    lines.append("schema|" + (try db.rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name")).map { $0.map(\.description).joined(separator: " ") }.joined(separator: "\n"))
    lines.append("user_version|\(try db.scalar("PRAGMA user_version")!)")
    return lines
}

/// Fails the test if SQLite's own checks or the FTS indexes find a problem.
func expectConsistent(_ db: Database) throws {
    #expect(try db.scalar("PRAGMA integrity_check")?.text == "ok")
    #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
    // Raises an error if an external-content FTS index differs from its table.
    try db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    try db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")
}

func count(_ db: Database, _ table: String) throws -> Int {
    Int(try db.scalar("SELECT COUNT(*) FROM \(table)")?.integer ?? -1)
}

/// Loads records the way whosaid-load does: one transaction.
@discardableResult
func load(_ records: [ExtractedArticle], into db: Database) throws -> LoadCounts {
    let loader = Loader(database: db)
    try db.transaction {
        for r in records { try loader.load(r) }
        try loader.finish()
    }
    return loader.counts
}
