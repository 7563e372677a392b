import Foundation
@testable import Store
import Testing
import WhosaidCore

@Suite struct LoadTests {
    @Test func emptyFileBecomesAWhosaidDatabaseAtTheCurrentVersion() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        #expect(try db.scalar("PRAGMA user_version")?.integer == Int64(DatabaseSchema.currentVersion))
        #expect(try db.scalar("PRAGMA application_id")?.integer == DatabaseSchema.applicationID)
        #expect(try db.scalar("PRAGMA journal_mode")?.text == "wal")
        #expect(try db.scalar("PRAGMA foreign_keys")?.integer == 1)
        // Opening again migrates nothing and changes nothing.
        let before = try contentDump(db)
        let again = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        #expect(try contentDump(again) == before)
        _ = try DatabaseSchema.openForReading(path: folder.path("w.db"))
    }

    /// Readers query while a load runs, the first one into a file the library opens included (whosaid-load
    /// builds a new database aside instead, see `NewDatabaseFile`): a read transaction held across the load's
    /// commit neither fails the load nor sees half of it.
    @Test func aReaderHeldAcrossAFirstLoadsCommitKeepsItsSnapshot() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let reader = try Database(path: folder.path("w.db"), readOnly: true)
        try reader.execute("BEGIN")
        #expect(try count(reader, "articles") == 0)
        try load((0..<5).map { SyntheticCorpus.article($0) }, into: db)
        #expect(try count(reader, "articles") == 0)
        try reader.execute("COMMIT")
        #expect(try count(reader, "articles") == 5)
    }

    @Test func newDatabasesGetLargePagesAndOlderOnesKeepTheirs() throws {
        let folder = try TemporaryFolder()
        let new = try DatabaseSchema.openForWriting(path: folder.path("new.db"))
        #expect(try new.scalar("PRAGMA page_size")?.integer == 16384)
        // A database made with small pages keeps them, and loads into it as before.
        let old = try Database(path: folder.path("old.db"))
        try old.execute("PRAGMA page_size = 4096")
        try DatabaseSchema.migrate(old)
        let reopened = try DatabaseSchema.openForWriting(path: folder.path("old.db"))
        #expect(try reopened.scalar("PRAGMA page_size")?.integer == 4096)
        try load((0..<3).map { SyntheticCorpus.article($0) }, into: reopened)
        #expect(try count(reopened, "articles") == 3)
    }

    @Test func replacedArticlesLeaveNothingOfTheirOldTextInTheSearchIndexes() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        func matches(_ table: String, _ query: String) throws -> Int64? {
            try db.scalar("SELECT COUNT(*) FROM \(table) WHERE \(table) MATCH ?", [.text(query)])?.integer
        }
        // An article without a title, and words only the first version has, in the text and in a quote.
        var first = (0..<4).map { SyntheticCorpus.article($0) }
        first[1].article.title = nil
        first[2].article.text += " Zanzibarian"
        first[3].quotes[0].span.text += " Zanzibarian"
        try load(first, into: db)
        #expect(try matches("articles_fts", "zanzibarian") == 1)
        #expect(try matches("quotes_fts", "zanzibarian") == 1)
        var second = (0..<4).map { SyntheticCorpus.article($0, version: 2) }
        second[1].article.title = nil
        let counts = try load(second, into: db)
        #expect(counts.replaced == 4)
        #expect(try matches("articles_fts", "zanzibarian") == 0)
        #expect(try matches("quotes_fts", "zanzibarian") == 0)
        try expectConsistent(db)
    }

    @Test func refusesDatabasesItDidNotWriteAndNewerVersions() throws {
        let folder = try TemporaryFolder()
        let other = try Database(path: folder.path("other.db"))
        try other.execute("CREATE TABLE notes (x)")
        #expect(throws: DatabaseError.self) { try DatabaseSchema.openForWriting(path: folder.path("other.db")) }
        // Refused as it was: still in its rollback-journal mode.
        #expect(try Database(path: folder.path("other.db")).scalar("PRAGMA journal_mode")?.text == "delete")
        let newer = try DatabaseSchema.openForWriting(path: folder.path("newer.db"))
        try newer.execute("PRAGMA user_version = \(DatabaseSchema.currentVersion + 1)")
        #expect(throws: DatabaseError.self) { try DatabaseSchema.openForWriting(path: folder.path("newer.db")) }
        #expect(throws: DatabaseError.self) { try DatabaseSchema.openForReading(path: folder.path("newer.db")) }
        #expect(throws: DatabaseError.self) { try DatabaseSchema.openForReading(path: folder.path("missing.db")) }
    }

    @Test func seedArticleLoadsIntoEveryTable() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let seed = try seedArticle()
        #expect(seed.entities.count == 17)
        #expect(seed.quotes.count == 10)
        let counts = try load([seed], into: db)
        #expect(counts.inserted == 1)
        #expect(try count(db, "articles") == 1)
        #expect(try count(db, "article_entities") == 17)
        #expect(try count(db, "entities") == 17)
        #expect(try count(db, "quotes") == 10)
        #expect(try count(db, "mentions") == seed.entities.reduce(0) { $0 + $1.mentions.count })
        // Every quote has its speaker; the three credited outlets are entities and in the outlets view.
        #expect(try db.scalar("SELECT COUNT(*) FROM quotes WHERE speaker_id IS NULL")?.integer == 0)
        let outlets = try db.rows("SELECT name, quotes_credited FROM outlets ORDER BY name").map { $0.map(\.description) }
        #expect(outlets == [["Aljazeera", "1"], ["Deutsche Welle", "2"], ["Reuters", "1"]])
        let roles = try db.rows("""
            SELECT r.role FROM entity_roles r JOIN entities e ON e.id = r.entity_id WHERE e.name = 'Antony Blinken'
            """)
        #expect(roles == [[.text("US Secretary of State")]])
        let aliases = try db.rows("""
            SELECT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.name = 'Antony Blinken' ORDER BY a.alias
            """)
        #expect(aliases == [[.text("Blinken")], [.text("the secretary")]])
        try expectConsistent(db)
    }

    @Test func recordComesBackExactlyAsLoaded() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let seed = try seedArticle()
        try load([seed], into: db)
        let back = try #require(try Queries(database: db).article(recordID: seed.article.id))
        #expect(back == seed)
        #expect(back.json.serialized() == seed.json.serialized())
    }

    /// Text with SQL and JSON metacharacters, quotes of every kind, controls, and scalars from many planes.
    static let nastyText = "Robert'); DROP TABLE articles;-- \"quoted\" 'single' `back` % _ \\ \\\\ [x] {y} ' OR 1=1 --\n"
        + "\t\r\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}\u{AD}\u{200B}\u{200D}\u{2028}\u{2029}\u{FEFF}\u{FFFD}\u{FFFF}"
        + "\u{E000}\u{F8FF}\u{10FFFF}\u{1F600}\u{1F1FA}\u{1F1F8}e\u{301}\u{0627}\u{0644}\u{05D0}\u{4E2D}\u{D55C} NEAR() AND OR NOT \"*\" ^ :"

    @Test func metacharactersAndOddUnicodeComeBackByteIdentical() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let nasty = LoadTests.nastyText
        let text = "Intro. " + nasty + " end."
        let start = 7, end = 7 + nasty.unicodeScalars.count
        let record = ExtractedArticle(
            article: Article(id: "id'\"; --\(nasty)", source: nasty, url: nasty, title: nasty, authors: [nasty, ""],
                             published: nasty, site: nasty, language: "", text: text, extra: ["x\(nasty)": .string(nasty)]),
            entities: [Entity(id: nasty, name: nasty, type: .person, role: nasty, aliases: [nasty, ""], isOutlet: false,
                              mentions: [Span(start: start, end: end, text: nasty)])],
            quotes: [Quote(span: Span(start: start, end: end, text: nasty), type: .mixed, speaker: nasty, speakerEntity: nasty,
                           speakerMention: Span(start: start, end: end, text: nasty), cue: nasty,
                           cueSpan: Span(start: start, end: end, text: nasty), via: nasty, viaEntity: nil)])
        try load([record], into: db)
        let back = try #require(try Queries(database: db).article(recordID: record.article.id))
        #expect(back == record)
        #expect(Array(back.json.serialized().utf8) == Array(record.json.serialized().utf8))
        #expect(Array((try db.scalar("SELECT text FROM quotes")?.text ?? "").utf8) == Array(nasty.utf8))
        // Empty strings stay empty strings, not NULL.
        #expect(try db.scalar("SELECT language FROM articles") == .text(""))
        // Reloading the identical record finds it unchanged.
        #expect(try load([record], into: db).unchanged == 1)
        try expectConsistent(db)
    }

    @Test func reloadingChangesNothing() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let records = try [seedArticle()] + (0..<40).map { SyntheticCorpus.article($0) }
        let first = try load(records, into: db)
        #expect(first.inserted == 41)
        let afterFirst = try contentDump(db)
        let second = try load(records, into: db)
        #expect(second.unchanged == 41)
        #expect(second.inserted == 0 && second.replaced == 0 && second.entitiesCreated == 0)
        #expect(try contentDump(db) == afterFirst)
        try load(records, into: db)
        #expect(try contentDump(db) == afterFirst)
        try expectConsistent(db)
    }

    @Test func theSameArticleFromAnotherSourceOnlyMovesItsSource() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let records = (0..<6).map { SyntheticCorpus.article($0) }
        try load(records, into: db)
        // Two of them again, read from copies elsewhere (a corpus with two copies, a crawl that came back).
        var copies = Array(records[2..<4])
        for i in copies.indices { copies[i].article.source = "copies/" + copies[i].article.source }
        let counts = try load(copies, into: db)
        #expect(counts.moved == 2)
        #expect(counts.inserted == 0 && counts.replaced == 0 && counts.unchanged == 0)
        #expect(counts.summary.contains("(and 2 read from another source)"))
        // The same database a fresh load of the final records makes, search indexes included.
        let fresh = try DatabaseSchema.openForWriting(path: folder.path("fresh.db"))
        try load(Array(records[0..<2]) + copies + Array(records[4...]), into: fresh)
        #expect(try contentDump(db, ftsInternals: false) == contentDump(fresh, ftsInternals: false))
        #expect(try db.scalar("SELECT COUNT(*) FROM articles WHERE source LIKE 'copies/%'")?.integer == 2)
        let search = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'peace' ORDER BY rowid"
        #expect(try db.rows(search) == fresh.rows(search))
        // Content that differs is still a re-extraction, whatever the source.
        var changed = copies[0]
        changed.article.text += " A sentence added later."
        #expect(try load([changed], into: db).replaced == 1)
        try expectConsistent(db)
    }

    @Test func newFileAddsOnlyWhatIsNew() throws {
        let folder = try TemporaryFolder()
        let incremental = try DatabaseSchema.openForWriting(path: folder.path("a.db"))
        try load((0..<20).map { SyntheticCorpus.article($0) }, into: incremental)
        let counts = try load((10..<30).map { SyntheticCorpus.article($0) }, into: incremental)
        #expect(counts.inserted == 10)
        #expect(counts.unchanged == 10)
        #expect(try count(incremental, "articles") == 30)
        let once = try DatabaseSchema.openForWriting(path: folder.path("b.db"))
        try load((0..<30).map { SyntheticCorpus.article($0) }, into: once)
        #expect(try contentDump(incremental, ftsInternals: false) == contentDump(once, ftsInternals: false))
        try expectConsistent(incremental)
        let search = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'peace' ORDER BY rowid"
        #expect(try incremental.rows(search) == once.rows(search))
    }

    @Test func reExtractedArticleReplacesItsRowsAndSearchFollows() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        var seed = try seedArticle()
        try load([seed] + (0..<5).map { SyntheticCorpus.article($0) }, into: db)
        let articleID = try db.scalar("SELECT id FROM articles WHERE record_id = ?", [.text(seed.article.id)])
        // A better extraction drops Pelosi entirely and rewords the text.
        seed.article.text = seed.article.text.replacingOccurrences(of: "trilateral", with: "threefold")
        seed.entities.removeAll { $0.name == "Nancy Pelosi" }
        seed.quotes.removeAll { $0.speaker == "Nancy Pelosi" }
        let counts = try load([seed], into: db)
        #expect(counts.replaced == 1)
        #expect(counts.entitiesRemoved == 1)
        #expect(try db.scalar("SELECT id FROM articles WHERE record_id = ?", [.text(seed.article.id)]) == articleID)
        #expect(try db.scalar("SELECT COUNT(*) FROM entities WHERE name = 'Nancy Pelosi'")?.integer == 0)
        #expect(try db.scalar("SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.record_id = ?", [.text(seed.article.id)])?.integer == 9)
        #expect(try db.rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'trilateral'").isEmpty)
        #expect(try db.rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'threefold'").count == 1)
        #expect(try Queries(database: db).article(recordID: seed.article.id) == seed)
        // The same content as a database that only ever saw the new version of the article, but for ids.
        try expectConsistent(db)
    }

    @Test func articleReExtractedWithinOneLoadLeavesTheSearchIndexesInStep() throws {
        // The first version is still waiting to be indexed when the second one replaces it.
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let counts = try load([SyntheticCorpus.article(0), SyntheticCorpus.article(1), SyntheticCorpus.article(0, version: 2)], into: db)
        #expect(counts.inserted == 2 && counts.replaced == 1)
        try expectConsistent(db)
        let indexed = try db.scalar("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", [.text(SyntheticCorpus.article(1).article.title!)])
        #expect(indexed?.integer ?? 0 >= 1)
        // Enough articles for the indexes to be fed in several batches, and all of them found.
        let many = (2..<(2 + Loader.articlesPerIndexBatch * 2 + 3)).map { SyntheticCorpus.article($0) }
        try load(many, into: db)
        try expectConsistent(db)
        #expect(try db.scalar("SELECT COUNT(*) FROM articles_fts")?.integer == Int64(many.count + 2))
        #expect(try db.scalar("SELECT COUNT(*) FROM quotes_fts")?.integer == db.scalar("SELECT COUNT(*) FROM quotes")?.integer)
    }

    @Test func sameInputsInTheSameOrderGiveTheSameDatabase() throws {
        let folder = try TemporaryFolder()
        let records = try [seedArticle()] + (0..<30).map { SyntheticCorpus.article($0) }
        let a = try DatabaseSchema.openForWriting(path: folder.path("a.db"))
        let b = try DatabaseSchema.openForWriting(path: folder.path("b.db"))
        try load(records, into: a)
        try load(records, into: b)
        #expect(try contentDump(a) == contentDump(b))
    }

    @Test func recordWithDuplicateEntityIdsIsRejectedBeforeWriting() throws {
        var seed = try seedArticle()
        #expect(Loader.problem(in: seed) == nil)
        seed.entities[1].id = seed.entities[0].id
        #expect(Loader.problem(in: seed)?.contains("appears twice") == true)
    }

    @Test func failedLoadLeavesTheDatabaseAsItWas() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load((0..<5).map { SyntheticCorpus.article($0) }, into: db)
        let before = try contentDump(db)
        struct Interrupted: Error {}
        let loader = Loader(database: db)
        #expect(throws: Interrupted.self) {
            try db.transaction {
                for n in 5..<10 { try loader.load(SyntheticCorpus.article(n)) }
                throw Interrupted()
            }
        }
        #expect(try contentDump(db) == before)
    }

    @Test func errorsNameTheStatementButNeverTheValues() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let statement = try db.cached("INSERT INTO articles (record_id, text, record_digest) VALUES (?, ?, ?)")
        try statement.bind([.text("secret-id"), .text("secret text"), .text("x")])
        try statement.run()
        try statement.bind([.text("secret-id"), .text("secret text"), .text("x")])
        do {
            try statement.run()
            Issue.record("a duplicate record_id must fail")
        } catch {
            #expect(error.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.sql?.contains("INSERT INTO articles") == true)
            #expect(!error.description.contains("secret"))
            #expect(error.description.contains("w.db"))
        }
    }
}
