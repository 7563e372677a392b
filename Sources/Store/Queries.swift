import WhosaidCore

/// Which quotes to list; every filter given must hold.
public struct QuoteFilter: Sendable {
    /// Words of the speaker's name: "Blinken" finds Antony Blinken (and a bare "Blinken").
    public var speaker: String?
    /// An entity the quote speaks of (its span contains a mention of it), or words the quote contains.
    public var about: String?
    /// Full-text search of the quote text: every word must occur (stemmed: "talks" finds "talk").
    public var search: String?
    /// The site that published the article.
    public var site: String?
    public var type: QuoteType?
    /// At most this many quotes; nil for all.
    public var limit: Int?

    public init(speaker: String? = nil, about: String? = nil, search: String? = nil, site: String? = nil,
                type: QuoteType? = nil, limit: Int? = nil) {
        self.speaker = speaker
        self.about = about
        self.search = search
        self.site = site
        self.type = type
        self.limit = limit
    }
}

/// A quote with who said it, who it was credited to, and where it was published.
public struct QuoteRow: Equatable, Sendable {
    public var id: Int64
    public var text: String
    public var type: String
    public var cue: String?
    /// The speaker entity's name, or the article's own words for an unresolved speaker.
    public var speaker: String?
    public var speakerID: Int64?
    public var via: String?
    public var viaID: Int64?
    public var article: String
    public var title: String?
    public var site: String?
    public var published: String?
    public var url: String?

    public var json: JSONValue {
        .object([
            "id": .number(String(id)), "text": .string(text), "type": .string(type), "cue": .optionalString(cue),
            "speaker": .optionalString(speaker), "speaker_id": speakerID.map { .number(String($0)) } ?? .null,
            "via": .optionalString(via), "via_id": viaID.map { .number(String($0)) } ?? .null,
            "article": .string(article), "title": .optionalString(title), "site": .optionalString(site),
            "published": .optionalString(published), "url": .optionalString(url),
        ])
    }
}

/// One speaker and how often they are quoted.
public struct SpeakerRow: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var type: String
    public var quotes: Int
    public var articles: Int
    /// Distinct outlets their quotes were credited to.
    public var outlets: Int
    /// The role articles give them most often.
    public var role: String?

    public var json: JSONValue {
        .object([
            "id": .number(String(id)), "name": .string(name), "type": .string(type), "quotes": .int(quotes),
            "articles": .int(articles), "outlets": .int(outlets), "role": .optionalString(role),
        ])
    }
}

/// The questions the `whosaid` command asks, each one SQL statement over the schema.
public struct Queries {
    public let db: Database

    public init(database: Database) { db = database }

    /// The SQL LIKE pattern that finds `words` as whole words of a name key.
    static func wordPattern(_ text: String) -> String? {
        let key = NameKey.words(text).joined(separator: " ")
        return key.isEmpty ? nil : "% \(key) %"
    }

    /// An FTS5 query in which every word of `text` must occur (each one quoted, so no word is an operator).
    static func ftsAllWords(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingAll("\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// An FTS5 query for `text` as one phrase.
    static func ftsPhrase(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    public func quotes(_ filter: QuoteFilter) throws(DatabaseError) -> [QuoteRow] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        var fromFTS = false
        if let speaker = filter.speaker {
            var alternatives: [String] = []
            if let pattern = Queries.wordPattern(speaker) {
                alternatives.append("q.speaker_id IN (SELECT id FROM entities WHERE ' ' || name_key || ' ' LIKE ?)")
                arguments.append(.text(pattern))
            }
            // A speaker the extractor named but could not tie to an entity is still found by its words.
            alternatives.append("(q.speaker_id IS NULL AND q.speaker LIKE ? ESCAPE '\\')")
            arguments.append(.text("%" + Queries.likeEscaped(speaker) + "%"))
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        if let about = filter.about {
            var alternatives: [String] = []
            if let pattern = Queries.wordPattern(about) {
                alternatives.append("""
                    EXISTS (SELECT 1 FROM article_entities ae JOIN mentions m ON m.article_entity_id = ae.id
                            WHERE ae.article_id = q.article_id
                              AND ae.entity_id IN (SELECT id FROM entities WHERE ' ' || name_key || ' ' LIKE ?)
                              AND m.start >= q.start AND m."end" <= q."end")
                    """)
                arguments.append(.text(pattern))
            }
            alternatives.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            arguments.append(.text(Queries.ftsPhrase(about)))
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        if let search = filter.search, let match = Queries.ftsAllWords(search) {
            fromFTS = true
            conditions.append("quotes_fts MATCH ?")
            arguments.append(.text(match))
        }
        if let site = filter.site {
            conditions.append("q.site = ?")
            arguments.append(.text(site))
        }
        if let type = filter.type {
            conditions.append("q.type = ?")
            arguments.append(.text(type.rawValue))
        }
        var sql = """
            SELECT q.id, q.text, q.type, q.cue, COALESCE(s.name, q.speaker), q.speaker_id, COALESCE(v.name, q.via), q.via_id,
                   a.record_id, a.title, a.site, a.published, a.url
            FROM quotes q
            """
        if fromFTS { sql += " JOIN quotes_fts ON quotes_fts.rowid = q.id" }
        sql += """

            JOIN articles a ON a.id = q.article_id
            LEFT JOIN entities s ON s.id = q.speaker_id
            LEFT JOIN entities v ON v.id = q.via_id
            """
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: "\n  AND ") }
        // Best matches first for a search; otherwise newest first. The quote id makes the order total.
        sql += fromFTS ? "\nORDER BY quotes_fts.rank, q.id" : "\nORDER BY q.published DESC NULLS LAST, q.id"
        if let limit = filter.limit {
            sql += "\nLIMIT ?"
            arguments.append(.integer(Int64(limit)))
        }
        let statement = try db.cached(sql)
        try statement.bind(arguments)
        var rows: [QuoteRow] = []
        while try statement.step() {
            rows.append(QuoteRow(
                id: statement.int64(0), text: statement.string(1), type: statement.string(2), cue: statement.optionalString(3),
                speaker: statement.optionalString(4), speakerID: statement.optionalInt64(5), via: statement.optionalString(6),
                viaID: statement.optionalInt64(7), article: statement.string(8), title: statement.optionalString(9),
                site: statement.optionalString(10), published: statement.optionalString(11), url: statement.optionalString(12)))
        }
        statement.reset()
        return rows
    }

    /// The most quoted speakers of a type (all types when nil), most quotes first.
    public func speakers(top: Int?, type: EntityType?) throws(DatabaseError) -> [SpeakerRow] {
        var sql = """
            SELECT e.id, e.name, e.type, COUNT(*) AS quotes, COUNT(DISTINCT q.article_id), COUNT(DISTINCT q.via_id),
                   (SELECT role FROM article_entities WHERE entity_id = e.id AND role IS NOT NULL
                    GROUP BY role ORDER BY COUNT(*) DESC, role LIMIT 1)
            FROM quotes q JOIN entities e ON e.id = q.speaker_id
            """
        var arguments: [SQLValue] = []
        if let type {
            sql += "\nWHERE e.type = ?"
            arguments.append(.text(type.rawValue))
        }
        sql += "\nGROUP BY e.id ORDER BY quotes DESC, e.name, e.id"
        if let top {
            sql += "\nLIMIT ?"
            arguments.append(.integer(Int64(top)))
        }
        let statement = try db.cached(sql)
        try statement.bind(arguments)
        var rows: [SpeakerRow] = []
        while try statement.step() {
            rows.append(SpeakerRow(id: statement.int64(0), name: statement.string(1), type: statement.string(2),
                                   quotes: statement.int(3), articles: statement.int(4), outlets: statement.int(5),
                                   role: statement.optionalString(6)))
        }
        statement.reset()
        return rows
    }

    /// The extracted record as it was loaded, rebuilt from its rows; nil if the database does not have it.
    public func article(recordID: String) throws(DatabaseError) -> ExtractedArticle? {
        let articleRow = try db.cached("""
            SELECT id, record_id, source, url, title, authors, published, site, language, text, extra FROM articles WHERE record_id = ?
            """)
        try articleRow.bind(recordID, at: 1)
        guard try articleRow.step() else { articleRow.reset(); return nil }
        let articleID = articleRow.int64(0)
        let authors = (try? JSONValue.parse(articleRow.string(5)))?.arrayValue?.compactMap(\.stringValue) ?? []
        let extra = (try? JSONValue.parse(articleRow.string(10)))?.objectValue ?? [:]
        let article = Article(id: articleRow.string(1), source: articleRow.string(2), url: articleRow.optionalString(3),
                              title: articleRow.optionalString(4), authors: authors, published: articleRow.optionalString(6),
                              site: articleRow.optionalString(7), language: articleRow.optionalString(8),
                              text: articleRow.string(9), extra: extra)
        articleRow.reset()

        let entityRows = try db.cached("""
            SELECT ae.id, ae.local_id, ae.name, e.type, ae.role, ae.aliases, ae.is_outlet
            FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY ae.id
            """)
        try entityRows.bind(articleID, at: 1)
        var entities: [(Int64, Entity)] = []
        while try entityRows.step() {
            let aliases = (try? JSONValue.parse(entityRows.string(5)))?.arrayValue?.compactMap(\.stringValue) ?? []
            let entity = Entity(id: entityRows.string(1), name: entityRows.string(2),
                                type: EntityType(rawValue: entityRows.string(3)) ?? .person, role: entityRows.optionalString(4),
                                aliases: aliases, isOutlet: entityRows.int(6) != 0, mentions: [])
            entities.append((entityRows.int64(0), entity))
        }
        entityRows.reset()
        let mentionRows = try db.cached("SELECT start, \"end\", text FROM mentions WHERE article_entity_id = ? ORDER BY id")
        for index in entities.indices {
            try mentionRows.bind(entities[index].0, at: 1)
            while try mentionRows.step() {
                entities[index].1.mentions.append(Span(start: mentionRows.int(0), end: mentionRows.int(1), text: mentionRows.string(2)))
            }
            mentionRows.reset()
        }

        let quoteRows = try db.cached("""
            SELECT text, start, "end", type, speaker, speaker_entity, speaker_mention, speaker_mention_start, speaker_mention_end,
                   cue, cue_start, cue_end, via, via_entity
            FROM quotes WHERE article_id = ? ORDER BY id
            """)
        try quoteRows.bind(articleID, at: 1)
        var quotes: [Quote] = []
        while try quoteRows.step() {
            let s = quoteRows
            var mention: Span?
            if let start = s.optionalInt(7), let end = s.optionalInt(8) { mention = Span(start: start, end: end, text: s.string(6)) }
            let cue = s.optionalString(9)
            var cueSpan: Span?
            if let start = s.optionalInt(10), let end = s.optionalInt(11) { cueSpan = Span(start: start, end: end, text: cue ?? "") }
            quotes.append(Quote(span: Span(start: s.int(1), end: s.int(2), text: s.string(0)),
                                type: QuoteType(rawValue: s.string(3)) ?? .direct, speaker: s.optionalString(4),
                                speakerEntity: s.optionalString(5), speakerMention: mention, cue: cue, cueSpan: cueSpan,
                                via: s.optionalString(12), viaEntity: s.optionalString(13)))
        }
        quoteRows.reset()
        return ExtractedArticle(article: article, entities: entities.map(\.1), quotes: quotes)
    }
}

extension StringProtocol {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
