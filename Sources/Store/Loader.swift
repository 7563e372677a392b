import WhosaidCore

/// What loading one record did.
public enum LoadOutcome: Sendable, Equatable {
    /// A record id the database did not have.
    case inserted
    /// A record id the database had with different content (re-extracted): its old rows were replaced.
    case replaced
    /// The database already held this exact record.
    case unchanged
    /// The database held this record's content read from another source (the same article reached twice,
    /// as when a corpus holds two copies or a crawl fetched a URL again): only its `source` was updated.
    case moved
}

public struct LoadCounts: Sendable, Equatable {
    public var inserted = 0
    public var replaced = 0
    public var unchanged = 0
    public var moved = 0
    /// Entities rows this load created, and removed because no article names them any more.
    public var entitiesCreated = 0
    public var entitiesRemoved = 0

    public init() {}

    public var summary: String {
        "\(inserted) new, \(replaced) replaced, \(unchanged) unchanged articles"
            + (moved > 0 ? " (and \(moved) read from another source)" : "")
            + "; \(entitiesCreated) new entities"
            + (entitiesRemoved > 0 ? ", \(entitiesRemoved) removed" : "")
    }
}

/// Writes extracted records into an open database.
///
/// The caller runs the whole load inside one `Database.transaction` and calls `finish()` before it commits,
/// so a load killed at any moment leaves the database as it was before that load.
///
/// **Cross-article entity resolution.** Every article entity becomes an `article_entities` row that points
/// to one `entities` row, the real-world thing, shared by every article naming it. The rule, in order:
/// 1. Within the article, an entity whose name is an alias of exactly one other entity of the same type
///    (or, for a person, whose one-word name is the surname of exactly one fully named person) is that
///    entity: "Blinken" joins "Antony Blinken" when the same article names him in full.
/// 2. Across the corpus, a person named by one word only ("Blinken") joins the fully named person with that
///    surname only with evidence: the article gives a role that agrees with a role another article gives
///    that person, and exactly one such person exists. Without it, the bare name stays its own entity, so
///    two people sharing a surname in different articles are never merged on the surname alone.
/// 3. Otherwise an entity joins the one with the same type and the same name key (case, accents,
///    honorifics, possessive "'s", dots and punctuation folded: "Mr. Antony Blinken's" = "Antony Blinken"),
///    or a new row is created. Full names that agree are taken as the same person.
public final class Loader {
    let db: Database
    public private(set) var counts = LoadCounts()
    private var entityIDs: [EntityKey: Int64] = [:]
    private var replacedAny = false
    /// Names repeat across a corpus far more than they vary; folding one costs more than a lookup.
    private var nameKeys: [EntityKey: String] = [:]
    private var statements: [UnsafeRawPointer: Statement] = [:]
    private var bulkStatements = [Statement?](repeating: nil, count: BulkTable.allCases.count * Loader.rowsPerStatement)
    /// Known only inside the load's transaction; forgotten when rows are deleted and when the load ends.
    private var nextIDValues: (articleEntity: Int64, quote: Int64)?
    /// The distinct roles the article_entities rows give a person (rule 2), for the persons a bare surname was
    /// checked against: asking SQLite read every row naming that person, so a surname cost more the more
    /// articles the corpus already had. Kept exact as rows are inserted; forgotten when rows are deleted.
    private var rolesByEntity: [Int64: [String]] = [:]
    /// A role's words, as `NameKey.rolesAgree` compares them (folding a role costs more than a lookup).
    private var roleWords: [String: [Substring]] = [:]
    /// Rows written but not yet given to the full-text indexes. FTS5 gathers an index's new terms in a hash
    /// table of several MB; fed one article at a time between the other tables' writes, every term it looked
    /// up missed the processor's caches, and that lookup was the largest single cost of a load. Fed many
    /// articles in a row, the table stays warm. Given to the indexes before any index row is deleted and in
    /// `finish()`, so the indexes are complete whenever anything reads them, and in rowid order as before.
    private var unindexedArticles: [(id: Int64, title: String?, text: String)] = []
    private var unindexedQuotes: [(id: Int64, text: String)] = []
    static let articlesPerIndexBatch = 256
    private let foreignKeysWereOn: Bool

    struct EntityKey: Hashable {
        var type: EntityType
        var key: String
    }

    public init(database: Database) {
        db = database
        // Foreign-key checks cost a b-tree lookup per parent of every inserted row, and the loader only ever
        // writes rows whose parents it has just written or found, so it keeps the references right itself
        // (including removing a replaced article's mentions, which the ON DELETE CASCADE would do).
        // The pragma is a no-op inside a transaction: a loader made inside one keeps the checks on.
        foreignKeysWereOn = (try? db.scalar("PRAGMA foreign_keys")?.integer) == 1
        try? db.execute("PRAGMA foreign_keys = OFF")
    }

    deinit {
        // Statements go before the connection they were prepared on.
        statements.removeAll()
        bulkStatements.removeAll()
        if foreignKeysWereOn { try? db.execute("PRAGMA foreign_keys = ON") }
    }

    /// Loads one record: inserts it, replaces an older version of it, or leaves an identical one alone.
    @discardableResult
    public func load(_ record: ExtractedArticle) throws(DatabaseError) -> LoadOutcome {
        let digest = RecordDigest.of(record)
        let article = record.article
        let existing = try statement("SELECT id, record_digest, source FROM articles WHERE record_id = ?")
        try existing.bind(article.id, at: 1)
        var articleID: Int64
        let outcome: LoadOutcome
        if try existing.step() {
            articleID = existing.int64(0)
            let storedDigest = existing.string(1)
            let storedSource = existing.string(2)
            existing.rewind()
            if storedDigest == digest {
                guard storedSource != article.source else {
                    counts.unchanged += 1
                    return .unchanged
                }
                // The same content from another place: the rows and the full-text entries stand as they are.
                try setSource(article.source, of: articleID)
                counts.moved += 1
                return .moved
            }
            outcome = .replaced
            replacedAny = true
            try indexPending()
            // The FTS indexes are told what they held before the rows change (see the schema), a row per
            // statement: an INSERT ... SELECT runs in a statement transaction, and opening one makes FTS5
            // write its pending terms out as a new small segment for every replaced article.
            try unindex(select: "SELECT id, text FROM quotes WHERE article_id = ?",
                        delete: "INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)", articleID)
            try unindex(select: "SELECT id, title, text FROM articles WHERE id = ?",
                        delete: "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)", articleID)
            try execute("DELETE FROM quotes WHERE article_id = ?", articleID)
            // Deleted here rather than by ON DELETE CASCADE, which does not fire while the loader has
            // foreign-key enforcement off.
            try execute("DELETE FROM mentions WHERE article_entity_id IN (SELECT id FROM article_entities WHERE article_id = ?)", articleID)
            try execute("DELETE FROM article_entities WHERE article_id = ?", articleID)
            nextIDValues = nil
            rolesByEntity.removeAll()
            let update = try statement("""
                UPDATE articles SET title = ?, published = ?, site = ?, url = ?, authors = ?, language = ?, source = ?,
                    text = ?, extra = ?, record_digest = ? WHERE id = ?
                """)
            try bindArticleColumns(update, article, digest: digest)
            try update.bind(articleID, at: 11)
            try update.runKeepingBindings()
        } else {
            existing.rewind()
            outcome = .inserted
            let insert = try statement("""
                INSERT INTO articles (title, published, site, url, authors, language, source, text, extra, record_digest, record_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try bindArticleColumns(insert, article, digest: digest)
            try insert.bind(article.id, at: 11)
            try insert.runKeepingBindings()
            articleID = db.lastInsertedRowID
        }
        unindexedArticles.append((articleID, article.title, article.text))

        let resolved = try resolveEntities(record.entities)
        try insertEntities(record.entities, globalIDs: resolved.globalIDs, articleID: articleID)
        try insertQuotes(record.quotes, article: article, articleID: articleID, resolved: resolved)
        if unindexedArticles.count >= Loader.articlesPerIndexBatch { try indexPending() }
        if outcome == .inserted { counts.inserted += 1 } else { counts.replaced += 1 }
        return outcome
    }

    /// Ends a load: completes the full-text indexes and removes the entities that replaced articles no longer
    /// name. The load is not complete without it.
    public func finish() throws(DatabaseError) {
        try indexPending()
        nextIDValues = nil
        guard replacedAny else { return }
        try db.execute("""
            DELETE FROM entities
            WHERE NOT EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = entities.id)
              AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = entities.id)
              AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.via_id = entities.id)
            """)
        counts.entitiesRemoved += db.changes
        entityIDs.removeAll()
        rolesByEntity.removeAll()
        replacedAny = false
    }

    /// Gives the full-text indexes the rows written since the last call, a row per statement: an INSERT of
    /// several rows into an FTS5 table is a statement transaction (see `insertRows`).
    private func indexPending() throws(DatabaseError) {
        let indexArticle = try statement("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)")
        for row in unindexedArticles {
            try indexArticle.bind(row.id, at: 1)
            try indexArticle.bind(row.title, at: 2)
            try indexArticle.bind(row.text, at: 3)
            try indexArticle.runKeepingBindings()
        }
        unindexedArticles.removeAll(keepingCapacity: true)
        let indexQuote = try statement("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)")
        for row in unindexedQuotes {
            try indexQuote.bind(row.id, at: 1)
            try indexQuote.bind(row.text, at: 2)
            try indexQuote.runKeepingBindings()
        }
        unindexedQuotes.removeAll(keepingCapacity: true)
    }

    /// Removes from an FTS index the rows `select` finds for `id`: each row's columns, exactly as stored,
    /// become the parameters of one `delete` command.
    private func unindex(select: StaticString, delete: StaticString, _ id: Int64) throws(DatabaseError) {
        let rows = try statement(select)
        defer { rows.rewind() }
        try rows.bind(id, at: 1)
        let remove = try statement(delete)
        while try rows.step() {
            for column in 0..<rows.columnCount { try remove.bind(columnOf: rows, column, at: column + 1) }
            try remove.runKeepingBindings()
        }
    }

    private func setSource(_ source: String, of articleID: Int64) throws(DatabaseError) {
        let update = try statement("UPDATE articles SET source = ? WHERE id = ?")
        try update.bind(source, at: 1)
        try update.bind(articleID, at: 2)
        try update.runKeepingBindings()
    }

    private func execute(_ sql: StaticString, _ id: Int64) throws(DatabaseError) {
        let prepared = try statement(sql)
        try prepared.bind(id, at: 1)
        try prepared.runKeepingBindings()
    }

    /// The loader's own prepared statement for `sql` (every use binds all its parameters), found by the literal's address: hashing the text of
    /// the SQL for every statement run, as `Database.cached` does, was a tenth of the load's time.
    private func statement(_ sql: StaticString) throws(DatabaseError) -> Statement {
        let address = UnsafeRawPointer(sql.utf8Start)
        if let prepared = statements[address] {
            // Every use binds all of a statement's parameters, so the old values need no clearing.
            prepared.rewind()
            return prepared
        }
        let text = sql.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        let prepared = try Statement(database: db, sql: text)
        statements[address] = prepared
        return prepared
    }

    private func bindArticleColumns(_ s: Statement, _ a: Article, digest: String) throws(DatabaseError) {
        try s.bind(a.title, at: 1)
        try s.bind(a.published, at: 2)
        try s.bind(a.site, at: 3)
        try s.bind(a.url, at: 4)
        try s.bind(JSONValue.array(a.authors.map(JSONValue.string)).serialized(), at: 5)
        try s.bind(a.language, at: 6)
        try s.bind(a.source, at: 7)
        try s.bind(a.text, at: 8)
        try s.bind(JSONValue.object(a.extra).serialized(), at: 9)
        try s.bind(digest, at: 10)
    }

    // MARK: - Entities

    struct ResolvedEntities {
        var globalIDs: [Int64]
        var byLocalID: [String: Int]
        var keys: [String]
        var aliasKeys: [Set<String>]
    }

    private func resolveEntities(_ entities: [Entity]) throws(DatabaseError) -> ResolvedEntities {
        let keys = entities.map { nameKey($0.name, type: $0.type) }
        let aliasKeys = entities.map { e in Set(e.aliases.map { nameKey($0, type: e.type) }) }
        var byLocalID: [String: Int] = [:]
        for (i, e) in entities.enumerated() where byLocalID[e.id] == nil { byLocalID[e.id] = i }

        // Rule 1: an entity that is another one of the same article under a shorter name. The entities each
        // name could be are listed once, by alias key and by surname, rather than every pair compared.
        var claims: [String: [Int]] = [:]
        for j in entities.indices {
            for alias in aliasKeys[j] { claims[alias, default: []].append(j) }
            if entities[j].type == .person, let surname = NameKey.surname(ofKey: keys[j]), !aliasKeys[j].contains(surname) {
                claims[surname, default: []].append(j)
            }
        }
        var target = [Int?](repeating: nil, count: entities.count)
        if !claims.isEmpty {
            for i in entities.indices where !keys[i].isEmpty {
                guard let claimants = claims[keys[i]] else { continue }
                let type = entities[i].type
                let isBareName = !keys[i].utf8.contains(0x20)
                var candidates = Set<String>()
                var first: Int?
                for j in claimants where j != i && entities[j].type == type && keys[j] != keys[i] {
                    // A surname claim counts only for a bare person name; an alias claim always does.
                    let byAlias = aliasKeys[j].contains(keys[i])
                    guard byAlias || (type == .person && isBareName) else { continue }
                    candidates.insert(keys[j])
                    if first == nil { first = j }  // claimants are listed in entity order
                }
                if candidates.count == 1 { target[i] = first }
            }
        }
        // Only one step: an entity that is itself merged away cannot take others in (this also breaks cycles).
        for i in target.indices { if let t = target[i], target[t] != nil { target[i] = nil } }

        var globalIDs = [Int64](repeating: 0, count: entities.count)
        for (i, e) in entities.enumerated() where target[i] == nil {
            globalIDs[i] = try globalEntity(name: e.name, key: keys[i], type: e.type, role: e.role)
        }
        for i in entities.indices { if let t = target[i] { globalIDs[i] = globalIDs[t] } }
        return ResolvedEntities(globalIDs: globalIDs, byLocalID: byLocalID, keys: keys, aliasKeys: aliasKeys)
    }

    private func nameKey(_ name: String, type: EntityType) -> String {
        let cacheKey = EntityKey(type: type, key: name)
        if let key = nameKeys[cacheKey] { return key }
        let key = NameKey.key(name, type: type)
        if nameKeys.count >= 1 << 18 { nameKeys.removeAll(keepingCapacity: true) }
        nameKeys[cacheKey] = key
        return key
    }

    /// The entities row for a name (rules 2 and 3), created if there is none.
    private func globalEntity(name: String, key rawKey: String, type: EntityType, role: String?) throws(DatabaseError) -> Int64 {
        // A name with nothing but punctuation keeps its own text as key rather than meeting every other one.
        let key = rawKey.isEmpty ? name : rawKey
        if type == .person, !key.utf8.contains(0x20), let role, let id = try personBySurname(key, role: role) {
            return id
        }
        let cacheKey = EntityKey(type: type, key: key)
        if let id = entityIDs[cacheKey] { return id }
        let find = try statement("SELECT id FROM entities WHERE type = ? AND name_key = ?")
        try find.bind(type.rawValue, at: 1)
        try find.bind(key, at: 2)
        if try find.step() {
            let id = find.int64(0)
            find.rewind()
            entityIDs[cacheKey] = id
            return id
        }
        find.rewind()
        let insert = try statement("INSERT INTO entities (name, type, name_key, surname_key) VALUES (?, ?, ?, ?)")
        try insert.bind(name, at: 1)
        try insert.bind(type.rawValue, at: 2)
        try insert.bind(key, at: 3)
        try insert.bind(type == .person ? NameKey.surname(ofKey: key) : nil, at: 4)
        try insert.runKeepingBindings()
        let id = db.lastInsertedRowID
        counts.entitiesCreated += 1
        entityIDs[cacheKey] = id
        return id
    }

    /// Rule 2: the one fully named person with this surname whose roles agree with `role`, if exactly one.
    private func personBySurname(_ surname: String, role: String) throws(DatabaseError) -> Int64? {
        let candidates = try statement("SELECT id FROM entities WHERE surname_key = ? AND type = 'PERSON' ORDER BY id")
        try candidates.bind(surname, at: 1)
        var ids: [Int64] = []
        while try candidates.step() { ids.append(candidates.int64(0)) }
        candidates.rewind()
        guard !ids.isEmpty else { return nil }
        let wanted = words(ofRole: role)
        var match: Int64?
        for id in ids {
            let agrees = try roles(of: id).contains { NameKey.rolesAgree(words(ofRole: $0), wanted) }
            if !agrees { continue }
            if match != nil { return nil }
            match = id
        }
        return match
    }

    /// The distinct roles that article_entities rows give entity `id`.
    private func roles(of id: Int64) throws(DatabaseError) -> [String] {
        if let known = rolesByEntity[id] { return known }
        let query = try statement("SELECT DISTINCT role FROM article_entities WHERE entity_id = ? AND role IS NOT NULL")
        try query.bind(id, at: 1)
        var roles: [String] = []
        while try query.step() { roles.append(query.string(0)) }
        query.rewind()
        if rolesByEntity.count >= 1 << 16 { rolesByEntity.removeAll(keepingCapacity: true) }
        rolesByEntity[id] = roles
        return roles
    }

    private func words(ofRole role: String) -> [Substring] {
        if let known = roleWords[role] { return known }
        let words = NameKey.words(role)
        if roleWords.count >= 1 << 16 { roleWords.removeAll(keepingCapacity: true) }
        roleWords[role] = words
        return words
    }

    private func insertEntities(_ entities: [Entity], globalIDs: [Int64], articleID: Int64) throws(DatabaseError) {
        let firstID = try nextIDs().articleEntity
        try insertRows(.articleEntities, count: entities.count) { (s, i, p) throws(DatabaseError) in
            let e = entities[i]
            try s.bind(firstID + Int64(i), at: p)
            try s.bind(articleID, at: p + 1)
            try s.bind(globalIDs[i], at: p + 2)
            try s.bind(e.id, at: p + 3)
            try s.bind(e.name, at: p + 4)
            try s.bind(e.role, at: p + 5)
            try s.bind(JSONValue.array(e.aliases.map(JSONValue.string)).serialized(), at: p + 6)
            try s.bind(e.isOutlet, at: p + 7)
        }
        nextIDValues?.articleEntity += Int64(entities.count)
        for (i, e) in entities.enumerated() {
            if let role = e.role, let known = rolesByEntity[globalIDs[i]], !known.contains(role) {
                rolesByEntity[globalIDs[i]]!.append(role)
            }
        }
        // Each mention row names its article entity by the id given above, entity by entity, in order.
        var owners: [(articleEntityID: Int64, mention: Span)] = []
        owners.reserveCapacity(entities.reduce(0) { $0 + $1.mentions.count })
        for (i, e) in entities.enumerated() {
            for m in e.mentions { owners.append((firstID + Int64(i), m)) }
        }
        try insertRows(.mentions, count: owners.count) { (s, i, p) throws(DatabaseError) in
            try s.bind(owners[i].articleEntityID, at: p)
            try s.bind(owners[i].mention.start, at: p + 1)
            try s.bind(owners[i].mention.end, at: p + 2)
            try s.bind(owners[i].mention.text, at: p + 3)
        }
    }

    // MARK: - Rows in bulk

    /// A table the loader writes several rows of per article, with the columns it binds, in order.
    enum BulkTable: Int, CaseIterable {
        case articleEntities, mentions, quotes

        var prefix: String {
            switch self {
            case .articleEntities: "INSERT OR FAIL INTO article_entities (id, article_id, entity_id, local_id, name, role, aliases, is_outlet) VALUES "
            case .mentions: "INSERT OR FAIL INTO mentions (article_entity_id, start, \"end\", text) VALUES "
            case .quotes: """
                INSERT OR FAIL INTO quotes (id, article_id, text, start, "end", type, speaker_id, speaker, speaker_entity, speaker_mention,
                    speaker_mention_start, speaker_mention_end, cue, cue_start, cue_end, via_id, via, via_entity, site, published) VALUES 
                """
            }
        }

        var columns: Int {
            switch self {
            case .articleEntities: 8
            case .mentions: 4
            case .quotes: 20
            }
        }
    }

    /// Most rows one statement inserts; an article with more takes several statements.
    static let rowsPerStatement = 32

    /// Inserts `count` rows into `table` with as few statements as possible: one multi-row INSERT runs
    /// the statement's setup (cursors, seeks to the end of each b-tree) once for all its rows, where a
    /// statement per row paid it for every row. `bind(statement, row, firstParameter)` binds one row.
    ///
    /// The statements say OR FAIL: a plain multi-row INSERT runs in a statement transaction (to undo its
    /// first rows if a later one fails), and opening one makes FTS5 write its pending terms out as a tiny
    /// segment, every article. On a failure the loader throws and the whole load's transaction is rolled
    /// back, so the rows a failed statement keeps never outlive it.
    private func insertRows(_ table: BulkTable, count: Int,
                            bind: (Statement, Int, Int) throws(DatabaseError) -> Void) throws(DatabaseError) {
        var row = 0
        while row < count {
            let rows = min(count - row, Loader.rowsPerStatement)
            let statement = try bulkStatement(table, rows: rows)
            for r in 0..<rows { try bind(statement, row + r, 1 + r * table.columns) }
            try statement.runKeepingBindings()
            row += rows
        }
    }

    private func bulkStatement(_ table: BulkTable, rows: Int) throws(DatabaseError) -> Statement {
        let slot = table.rawValue * Loader.rowsPerStatement + rows - 1
        if let prepared = bulkStatements[slot] { return prepared }
        let tuple = "(" + Array(repeating: "?", count: table.columns).joined(separator: ", ") + ")"
        let prepared = try Statement(database: db, sql: table.prefix + Array(repeating: tuple, count: rows).joined(separator: ", "))
        bulkStatements[slot] = prepared
        return prepared
    }

    /// The ids the next article entity and quote rows get: the loader gives them itself, so that mentions and
    /// quote index rows can name them without asking SQLite row by row. They are what SQLite would pick
    /// (one past the largest id), read again whenever rows were deleted, so the ids match a row-by-row load.
    private func nextIDs() throws(DatabaseError) -> (articleEntity: Int64, quote: Int64) {
        if let ids = nextIDValues { return ids }
        let ids = (articleEntity: try maxID("SELECT MAX(id) FROM article_entities") + 1,
                   quote: try maxID("SELECT MAX(id) FROM quotes") + 1)
        nextIDValues = ids
        return ids
    }

    private func maxID(_ sql: StaticString) throws(DatabaseError) -> Int64 {
        let query = try statement(sql)
        defer { query.rewind() }
        return try query.step() ? query.int64(0) : 0
    }

    // MARK: - Quotes

    /// The article entity a quote names by local id, or else by a name or alias it gives.
    private func articleEntity(localID: String?, name: String?, resolved: ResolvedEntities, types: [EntityType]) -> Int? {
        if let localID, let i = resolved.byLocalID[localID] { return i }
        guard let name else { return nil }
        for type in types {
            let key = nameKey(name, type: type)
            guard !key.isEmpty else { continue }
            for i in resolved.keys.indices {
                if resolved.keys[i] == key || resolved.aliasKeys[i].contains(key) { return i }
            }
        }
        return nil
    }

    private func insertQuotes(_ quotes: [Quote], article: Article, articleID: Int64, resolved: ResolvedEntities) throws(DatabaseError) {
        guard !quotes.isEmpty else { return }
        var speakerIDs: [Int64?] = []
        var viaIDs: [Int64?] = []
        speakerIDs.reserveCapacity(quotes.count)
        viaIDs.reserveCapacity(quotes.count)
        for q in quotes {
            let speakerIndex = articleEntity(localID: q.speakerEntity, name: q.speaker, resolved: resolved, types: [.person, .org, .gpe, .norp, .loc])
            var viaID = articleEntity(localID: q.viaEntity, name: q.via, resolved: resolved, types: [.org]).map { resolved.globalIDs[$0] }
            if viaID == nil, let via = q.via {
                // An outlet the extractor named without an entity is still an organisation worth counting.
                viaID = try globalEntity(name: via, key: nameKey(via, type: .org), type: .org, role: nil)
            }
            speakerIDs.append(speakerIndex.map { resolved.globalIDs[$0] })
            viaIDs.append(viaID)
        }
        let firstID = try nextIDs().quote
        try insertRows(.quotes, count: quotes.count) { (s, i, p) throws(DatabaseError) in
            let q = quotes[i]
            try s.bind(firstID + Int64(i), at: p)
            try s.bind(articleID, at: p + 1)
            try s.bind(q.span.text, at: p + 2)
            try s.bind(q.span.start, at: p + 3)
            try s.bind(q.span.end, at: p + 4)
            try s.bind(q.type.rawValue, at: p + 5)
            try s.bind(speakerIDs[i], at: p + 6)
            try s.bind(q.speaker, at: p + 7)
            try s.bind(q.speakerEntity, at: p + 8)
            try s.bind(q.speakerMention?.text, at: p + 9)
            try s.bind(q.speakerMention?.start, at: p + 10)
            try s.bind(q.speakerMention?.end, at: p + 11)
            try s.bind(q.cue ?? q.cueSpan?.text, at: p + 12)
            try s.bind(q.cueSpan?.start, at: p + 13)
            try s.bind(q.cueSpan?.end, at: p + 14)
            try s.bind(viaIDs[i], at: p + 15)
            try s.bind(q.via, at: p + 16)
            try s.bind(q.viaEntity, at: p + 17)
            try s.bind(article.site, at: p + 18)
            try s.bind(article.published, at: p + 19)
        }
        for (i, q) in quotes.enumerated() { unindexedQuotes.append((firstID + Int64(i), q.span.text)) }
        nextIDValues?.quote += Int64(quotes.count)
    }
}

extension Loader {
    /// Why a well-formed record still cannot be stored, or nil.
    public static func problem(in record: ExtractedArticle) -> String? {
        var seen = Set<String>()
        for e in record.entities where !seen.insert(e.id).inserted {
            return "entity id \"\(e.id)\" appears twice in the record"
        }
        return nil
    }
}
