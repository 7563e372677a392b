import Foundation
@testable import Store
import Testing
import WhosaidCore

@Suite struct MigrationTests {
    /// The rows of the content tables, without the schema and its version.
    func rows(_ db: Database) throws -> [String] {
        try contentDump(db, ftsInternals: false).filter { !$0.hasPrefix("schema|") && !$0.hasPrefix("user_version|") }
    }

    func matches(_ db: Database, _ table: String, _ query: String) throws -> Int {
        Int(try db.scalar("SELECT COUNT(*) FROM \(table) WHERE \(table) MATCH ?", [.text(query)])?.integer ?? -1)
    }

    @Test func version1DatabaseGetsSearchIndexesWithoutColumnSizesAndFindsTheSameRows() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v1.db")
        do {
            let old = try Database(path: path)
            try old.execute("PRAGMA journal_mode = WAL")
            try old.transaction {
                try old.execute(DatabaseSchema.migrations[0])
                try old.execute("PRAGMA application_id = \(DatabaseSchema.applicationID); PRAGMA user_version = 1")
            }
            try load((0..<6).map { SyntheticCorpus.article($0) }, into: old)
        }
        let old = try Database(path: path)
        let quote = try #require(try old.scalar("SELECT text FROM quotes ORDER BY id")?.text)
        let phrase = "\"" + quote.split(separator: " ").prefix(2).joined(separator: " ") + "\""
        let title = try #require(try old.scalar("SELECT title FROM articles ORDER BY id")?.text)
        let word = String(title.split(separator: " ").first!)
        let before = (try rows(old), try matches(old, "quotes_fts", phrase), try matches(old, "articles_fts", word))
        #expect(before.1 > 0 && before.2 > 0)
        #expect(try old.scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'quotes_fts_docsize'")?.integer == 1)

        let db = try DatabaseSchema.openForWriting(path: path)
        #expect(try DatabaseSchema.userVersion(db) == DatabaseSchema.currentVersion)
        #expect(try rows(db) == before.0)
        #expect(try matches(db, "quotes_fts", phrase) == before.1)
        #expect(try matches(db, "articles_fts", word) == before.2)
        #expect(try db.scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE '%_fts_docsize'")?.integer == 0)
        try expectConsistent(db)
        // Ranked search still works, and later loads keep the indexes in step.
        _ = try db.rows("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank", [.text(phrase)])
        try load((3..<9).map { SyntheticCorpus.article($0, version: 2) }, into: db)
        try expectConsistent(db)
    }

    @Test func version2DatabaseChecksTypesWithoutATemporaryIndexAndKeepsItsRows() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v2.db")
        do {
            let old = try Database(path: path)
            try old.execute("PRAGMA journal_mode = WAL")
            try old.transaction {
                try old.execute(DatabaseSchema.migrations[0])
                try old.execute(DatabaseSchema.migrations[1])
                try old.execute("PRAGMA application_id = \(DatabaseSchema.applicationID); PRAGMA user_version = 2")
            }
            try load((0..<6).map { SyntheticCorpus.article($0) }, into: old)
        }
        let before = try rows(try Database(path: path))
        // A reader that has the version 2 schema open while the migration runs.
        let reader = try Database(path: path)
        #expect(try reader.scalar("SELECT COUNT(*) FROM quotes")?.integer ?? 0 > 0)

        let db = try DatabaseSchema.openForWriting(path: path)
        #expect(try DatabaseSchema.userVersion(db) == DatabaseSchema.currentVersion)
        #expect(try rows(db) == before)
        for table in ["entities", "quotes"] {
            let sql = try #require(try db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?", [.text(table)])?.text)
            #expect(!sql.contains(" IN ("))
            let plan = try db.rows("EXPLAIN INSERT INTO \(table) (id) VALUES (NULL)").map { $0[1].description }
            #expect(!plan.contains("OpenEphemeral"))
        }
        // The same values are allowed and refused as before, on this connection and on the reader's.
        for connection in [db, reader] {
            #expect(throws: DatabaseError.self) {
                try connection.execute("INSERT INTO entities (name, type, name_key) VALUES ('x', 'THING', 'x')")
            }
            #expect(throws: DatabaseError.self) {
                try connection.execute("INSERT INTO quotes (article_id, text, start, \"end\", type) VALUES (1, 'x', 0, 1, 'rumour')")
            }
        }
        struct Undo: Error {}
        #expect(throws: Undo.self) {
            try db.transaction {
                try db.execute("INSERT INTO entities (name, type, name_key) VALUES ('x', 'NORP', 'x-norp')")
                try db.execute("INSERT INTO quotes (article_id, text, start, \"end\", type) VALUES (1, 'x', 0, 1, 'mixed')")
                throw Undo()
            }
        }
        try expectConsistent(db)
        try load((3..<9).map { SyntheticCorpus.article($0, version: 2) }, into: db)
        try expectConsistent(db)
    }
}
