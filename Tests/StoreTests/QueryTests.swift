import Foundation
import Store
import Testing
import WhosaidCore

/// The queries behind the `whosaid` command, on a fixture database: the seed article plus synthetic ones.
@Suite struct QueryTests {
    let folder: TemporaryFolder
    let queries: Queries

    init() throws {
        folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([try seedArticle()] + (0..<12).map { SyntheticCorpus.article($0) }, into: db)
        queries = Queries(database: try DatabaseSchema.openForReading(path: folder.path("w.db")))
    }

    @Test func quotesBySpeakerFindTheFullNameFromTheSurname() throws {
        let rows = try queries.quotes(QuoteFilter(speaker: "Blinken"))
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.speaker == "Antony Blinken" })
        let seed = rows.filter { $0.article == "seed-blinken" }
        #expect(seed.count == 3)
        #expect(Set(seed.compactMap(\.via)) == ["Aljazeera", "Reuters"])
        // Newest first, the quote id breaking ties.
        let keys = rows.map { ($0.published ?? "") + String(format: "|%012d", 1_000_000_000 - $0.id) }
        #expect(keys == keys.sorted(by: >))
        #expect(try queries.quotes(QuoteFilter(speaker: "antony blinken")).count == rows.count)
        #expect(try queries.quotes(QuoteFilter(speaker: "Blink")).isEmpty, "whole words only")
        #expect(try queries.quotes(QuoteFilter(speaker: "Blinken", limit: 2)).count == 2)
    }

    @Test func quotesAboutAnEntityUseMentionsInsideTheQuoteAndItsWords() throws {
        let rows = try queries.quotes(QuoteFilter(about: "Nagorno-Karabakh"))
        // Synthetic quotes name the place inside the quote; the seed's quotes do not mention it.
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.text.contains("Nagorno-Karabakh") })
        let armenian = try queries.quotes(QuoteFilter(about: "Armenian"))
        #expect(armenian.map(\.speaker) == ["Ararat Mirzoyan"])
    }

    @Test func quotesBySearchMatchAllWordsWithStems() throws {
        let rows = try queries.quotes(QuoteFilter(search: "lives condolence"))
        #expect(rows.map(\.speaker) == ["Ned Price"])
        let stemmed = try queries.quotes(QuoteFilter(search: "meeting always"))
        #expect(stemmed.map(\.text) == ["We are always open for meetings"])
        // Operators and quotes in the user's words are words, not FTS syntax.
        #expect(try queries.quotes(QuoteFilter(search: "\"peace AND NOT process*")).isEmpty)
        #expect(try queries.quotes(QuoteFilter(search: "peace", site: "no-such-site")).isEmpty)
        #expect(try queries.quotes(QuoteFilter(speaker: "Bayramov", type: .direct)).count == 1)
    }

    @Test func peopleAreRankedByQuotes() throws {
        let rows = try queries.speakers(top: 3, type: .person)
        #expect(rows.count == 3)
        #expect(rows.map(\.quotes) == rows.map(\.quotes).sorted(by: >))
        let blinken = try #require(try queries.speakers(top: nil, type: .person).first { $0.name == "Antony Blinken" })
        // Three in the seed article; synthetic article n quotes people n % 6 and (7n + 3) % 6, Blinken being 0.
        let synthetic: [Int] = (0..<12).filter { n in n % 6 == 0 || (n * 7 + 3) % 6 == 0 }
        #expect(blinken.quotes == 3 + synthetic.count)
        #expect(blinken.role == "US Secretary of State")
        #expect(try queries.speakers(top: nil, type: .org).isEmpty)
    }

    @Test func articleComesBackWithItsEntitiesAndQuotes() throws {
        let record = try #require(try queries.article(recordID: "seed-blinken"))
        #expect(record == (try seedArticle()))
        #expect(try queries.article(recordID: "no-such-article") == nil)
    }

    @Test func textReportsAreTablesAndBlocks() throws {
        let table = TextReport.speakers(try queries.speakers(top: 2, type: .person))
        let lines = table.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("#  name"))
        #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
        let quotes = TextReport.quotes(try queries.quotes(QuoteFilter(speaker: "Price", search: "condolences")))
        #expect(quotes == """
            Ned Price saying [direct], via Deutsche Welle — example-news.test, 2022-09-19, article seed-blinken
                “Blinken conveyed condolences for the lives lost”

            """)
        #expect(TextReport.table(headers: ["a", "b"], rows: [["x\ny", "1"]], rightAligned: [1]) == "a    b\n---  -\nx y  1\n")
    }
}
