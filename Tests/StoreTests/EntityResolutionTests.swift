import Store
import Testing
import WhosaidCore

@Suite struct EntityResolutionTests {
    func person(_ id: String, _ name: String, role: String? = nil, aliases: [String] = []) -> Entity {
        Entity(id: id, name: name, type: .person, role: role, aliases: aliases, mentions: [Span(start: 0, end: 1, text: "x")])
    }

    func article(_ id: String, _ entities: [Entity]) -> ExtractedArticle {
        ExtractedArticle(article: Article(id: id, source: id, text: "x"), entities: entities, quotes: [])
    }

    func entityNames(_ db: Database) throws -> [String] {
        try db.rows("SELECT name FROM entities ORDER BY id").compactMap { $0.first?.text }
    }

    func entityOf(_ db: Database, article: String, local: String) throws -> Int64? {
        try db.scalar("""
            SELECT ae.entity_id FROM article_entities ae JOIN articles a ON a.id = ae.article_id
            WHERE a.record_id = ? AND ae.local_id = ?
            """, [.text(article), .text(local)])?.integer
    }

    @Test func sameFullNameAcrossManyArticlesIsOneEntity() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let names = ["Antony Blinken", "ANTONY BLINKEN", "Mr. Antony Blinken", "Antony Blinken's", "Antony  Blinken"]
        try load((0..<500).map { n in article("a\(n)", [person("E1", names[n % names.count])]) }, into: db)
        #expect(try entityNames(db) == ["Antony Blinken"])
        #expect(try count(db, "article_entities") == 500)
    }

    @Test func bareSurnameJoinsTheFullNameInTheSameArticle() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        // The extractor left "Blinken" as a separate entity; the article also names Antony Blinken.
        try load([article("a", [person("E1", "Antony Blinken"), person("E2", "Blinken")])], into: db)
        #expect(try entityNames(db) == ["Antony Blinken"])
        #expect(try entityOf(db, article: "a", local: "E2") == entityOf(db, article: "a", local: "E1"))
    }

    @Test func aliasOfAnotherEntityInTheArticleJoinsIt() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let us = Entity(id: "E1", name: "United States", type: .gpe, aliases: ["US", "Washington"], mentions: [])
        let washington = Entity(id: "E2", name: "Washington", type: .gpe, mentions: [])
        try load([article("a", [us, washington])], into: db)
        #expect(try entityNames(db) == ["United States"])
    }

    @Test func sameSurnameInDifferentArticlesIsNotMergedWithoutEvidence() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([
            article("a", [person("E1", "Maria Lopez", role: "mayor of Springfield")]),
            article("b", [person("E1", "Daniel Lopez", role: "football coach")]),
            article("c", [person("E1", "Lopez")]),  // no role: could be either
            article("d", [person("E1", "Lopez", role: "city treasurer")]),  // a role neither has
        ], into: db)
        #expect(try entityNames(db) == ["Maria Lopez", "Daniel Lopez", "Lopez"])
        #expect(try entityOf(db, article: "c", local: "E1") == entityOf(db, article: "d", local: "E1"))
    }

    @Test func bareSurnameWithAgreeingRoleJoinsTheOnePersonWhoHasIt() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([
            article("a", [person("E1", "Maria Lopez", role: "mayor of Springfield")]),
            article("b", [person("E1", "Daniel Lopez", role: "football coach")]),
            article("c", [person("E1", "Lopez", role: "Springfield mayor")]),  // words in another order: no evidence
            article("d", [person("E1", "Lopez", role: "the football coach")]),
        ], into: db)
        #expect(try entityOf(db, article: "d", local: "E1") == entityOf(db, article: "b", local: "E1"))
        #expect(try entityOf(db, article: "c", local: "E1") != entityOf(db, article: "a", local: "E1"))
    }

    @Test func roleGivenLaterInTheSameLoadIsEvidenceForLaterArticles() throws {
        let articles = [
            article("a", [person("E1", "Antony Blinken", role: "spokesperson")]),
            article("b", [person("E1", "Blinken", role: "Secretary of State")]),  // no person has that role yet
            article("c", [person("E1", "Antony Blinken", role: "US Secretary of State")]),
            article("d", [person("E1", "Blinken", role: "Secretary of State")]),  // now he has
        ]
        let folder = try TemporaryFolder()
        let oneLoad = try DatabaseSchema.openForWriting(path: folder.path("one.db"))
        try load(articles, into: oneLoad)
        #expect(try entityOf(oneLoad, article: "b", local: "E1") != entityOf(oneLoad, article: "a", local: "E1"))
        #expect(try entityOf(oneLoad, article: "d", local: "E1") == entityOf(oneLoad, article: "a", local: "E1"))
        // The same as loading the articles one load each, where every role comes from the database.
        let loadEach = try DatabaseSchema.openForWriting(path: folder.path("each.db"))
        for a in articles { try load([a], into: loadEach) }
        #expect(try contentDump(oneLoad, ftsInternals: false) == contentDump(loadEach, ftsInternals: false))
    }

    @Test func roleTakenAwayByAReExtractionIsNoLongerEvidence() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([
            article("a", [person("E1", "Antony Blinken", role: "Secretary of State")]),
            article("b", [person("E1", "Blinken", role: "envoy")]),  // his roles are looked at, and disagree
            article("a", [person("E1", "Antony Blinken", role: "spokesperson")]),  // re-extracted in the same load
            article("c", [person("E1", "Blinken", role: "Secretary of State")]),
        ], into: db)
        let antony = try entityOf(db, article: "a", local: "E1")
        #expect(try entityOf(db, article: "b", local: "E1") != antony)
        #expect(try entityOf(db, article: "c", local: "E1") != antony)
    }

    @Test func twoPeopleWithTheSameSurnameInOneArticleStayApart() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([article("a", [person("E1", "Maria Lopez"), person("E2", "Daniel Lopez"), person("E3", "Lopez")])], into: db)
        #expect(try entityNames(db) == ["Maria Lopez", "Daniel Lopez", "Lopez"])
    }

    @Test func typesAreNeverMerged() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        try load([article("a", [Entity(id: "E1", name: "Washington", type: .gpe, mentions: []),
                                 person("E2", "Washington")])], into: db)
        #expect(try count(db, "entities") == 2)
    }

    @Test func quoteSpeakerAndOutletResolveByNameWhenTheRecordGivesNoEntityID() throws {
        let folder = try TemporaryFolder()
        let db = try DatabaseSchema.openForWriting(path: folder.path("w.db"))
        let record = ExtractedArticle(
            article: Article(id: "a", source: "a", text: "Blinken said hi."),
            entities: [person("E1", "Antony Blinken", aliases: ["Blinken"])],
            quotes: [Quote(span: Span(start: 13, end: 15, text: "hi"), type: .indirect, speaker: "Blinken", via: "The Associated Press")])
        try load([record], into: db)
        let row = try #require(try db.rows("""
            SELECT s.name, v.name, v.type FROM quotes q JOIN entities s ON s.id = q.speaker_id JOIN entities v ON v.id = q.via_id
            """).first)
        #expect(row == [.text("Antony Blinken"), .text("The Associated Press"), .text("ORG")])
    }
}
