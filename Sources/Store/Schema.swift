/// The whosaid database schema and its migrations.
///
/// `PRAGMA user_version` holds the schema version; `PRAGMA application_id` marks the file as a whosaid
/// database so a load never writes its tables into somebody else's database. A later version appends a
/// migration to `DatabaseSchema.migrations`; opening for writing applies the missing ones, each in its own
/// transaction, so a database is always at one version or the next, never between them.
public enum DatabaseSchema {
    /// "whos" in ASCII.
    public static let applicationID: Int64 = 0x7768_6F73

    public static var currentVersion: Int { migrations.count }

    /// Migration `i` takes the database from version `i` to version `i + 1`.
    static let migrations: [String] = [version1, version2, version3]

    static let version1 = """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        site TEXT,
        url TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        source TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        extra TEXT NOT NULL DEFAULT '{}',
        record_digest TEXT NOT NULL
    );

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP')),
        name_key TEXT NOT NULL,
        surname_key TEXT,
        UNIQUE (type, name_key)
    );
    CREATE INDEX entities_surname_key ON entities(surname_key) WHERE surname_key IS NOT NULL;

    CREATE TABLE article_entities (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        local_id TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT,
        aliases TEXT NOT NULL DEFAULT '[]',
        is_outlet INTEGER NOT NULL DEFAULT 0 CHECK (is_outlet IN (0, 1)),
        UNIQUE (article_id, local_id)
    );
    CREATE INDEX article_entities_entity_id ON article_entities(entity_id);

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_entity_id INTEGER NOT NULL REFERENCES article_entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_article_entity_id ON mentions(article_entity_id);

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('direct', 'indirect', 'mixed')),
        speaker_id INTEGER REFERENCES entities(id),
        speaker TEXT,
        speaker_entity TEXT,
        speaker_mention TEXT,
        speaker_mention_start INTEGER,
        speaker_mention_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        via_id INTEGER REFERENCES entities(id),
        via TEXT,
        via_entity TEXT,
        site TEXT,
        published TEXT
    );
    CREATE INDEX quotes_article_id ON quotes(article_id);
    CREATE INDEX quotes_speaker_id ON quotes(speaker_id) WHERE speaker_id IS NOT NULL;
    CREATE INDEX quotes_via_id ON quotes(via_id) WHERE via_id IS NOT NULL;

    -- Full-text indexes over external content. whosaid-load keeps them in sync itself, row by row, rather
    -- through triggers: a trigger into FTS5 makes every INSERT a statement transaction, and FTS5 then
    -- flushes a tiny index segment per row (ten times slower). Another writer that edits articles or
    -- quotes re-syncs with: INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild').
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content="articles", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2"
    );
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content="quotes", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2"
    );
    -- FTS5 writes its pending terms out as a new segment, to be merged later, whenever they pass
    -- 'hashsize' bytes (1 MB by default); 16 MB makes a bulk load write and re-merge fewer segments.
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 16777216);

    CREATE VIEW who_said AS
    SELECT q.id AS quote_id, COALESCE(s.name, q.speaker) AS speaker, q.speaker_id, q.text AS quote, q.type, q.cue,
           COALESCE(v.name, q.via) AS via, q.via_id, a.record_id AS article, a.title, a.site, a.published, a.url
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN entities s ON s.id = q.speaker_id
    LEFT JOIN entities v ON v.id = q.via_id;

    CREATE VIEW speakers AS
    SELECT e.id, e.name, e.type, COUNT(*) AS quotes, COUNT(DISTINCT q.article_id) AS articles,
           COUNT(DISTINCT q.via_id) AS outlets, MIN(q.published) AS first_published, MAX(q.published) AS last_published
    FROM quotes q JOIN entities e ON e.id = q.speaker_id
    GROUP BY e.id;

    CREATE VIEW entity_aliases AS
    SELECT ae.entity_id, j.value AS alias, COUNT(DISTINCT ae.article_id) AS articles
    FROM article_entities ae, json_each(ae.aliases) j
    GROUP BY ae.entity_id, j.value;

    CREATE VIEW entity_roles AS
    SELECT entity_id, role, COUNT(DISTINCT article_id) AS articles
    FROM article_entities WHERE role IS NOT NULL
    GROUP BY entity_id, role;

    CREATE VIEW outlets AS
    SELECT e.id, e.name,
           (SELECT COUNT(*) FROM quotes q WHERE q.via_id = e.id) AS quotes_credited,
           (SELECT COUNT(DISTINCT q.article_id) FROM quotes q WHERE q.via_id = e.id) AS articles
    FROM entities e
    WHERE e.id IN (SELECT via_id FROM quotes WHERE via_id IS NOT NULL)
       OR e.id IN (SELECT entity_id FROM article_entities WHERE is_outlet = 1);
    """

    /// Version 2: the full-text indexes keep no per-row column sizes (`columnsize=0`). Storing them cost every
    /// article and every quote a row in a shadow table; bm25 ranking, the only reader of those sizes,
    /// now counts the tokens of the (short) matching rows instead. Matching, phrases included, is unchanged.
    static let version2 = """
    DROP TABLE articles_fts;
    DROP TABLE quotes_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content="articles", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2", columnsize=0
    );
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content="quotes", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2", columnsize=0
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
    """

    /// Version 3: the type checks of entities and quotes compare with each allowed value in turn instead of
    /// an IN list. SQLite checks `x IN (three or more constants)` against a temporary index of the list that
    /// it builds for every statement and empties again for every row, about a twentieth of a load's
    /// instructions. The allowed values are the same. A CHECK constraint cannot be altered, and rebuilding the tables would mean dropping tables that
    /// others reference; the constraint's text is edited in place instead, as SQLite documents for changes
    /// that leave the stored rows valid, and the schema is read again.
    static let version3 = """
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (type IN (''PERSON'', ''ORG'', ''GPE'', ''LOC'', ''NORP''))',
                      'CHECK (type = ''PERSON'' OR type = ''ORG'' OR type = ''GPE'' OR type = ''LOC'' OR type = ''NORP'')')
    WHERE type = 'table' AND name = 'entities';
    UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (type IN (''direct'', ''indirect'', ''mixed''))',
                      'CHECK (type = ''direct'' OR type = ''indirect'' OR type = ''mixed'')')
    WHERE type = 'table' AND name = 'quotes';
    PRAGMA writable_schema = RESET;
    """

    /// Opens a database for loading: WAL journal, migrated to the current schema.
    public static func openForWriting(path: String) throws(DatabaseError) -> Database {
        let db = try Database(path: path)
        // Refused before anything is set: the journal mode is written into the file, and somebody else's
        // database must come back as it was.
        try checkApplication(db, version: try userVersion(db))
        // WAL lets readers (Datasette, the query CLI) work during a load; a killed writer leaves only an
        // uncommitted WAL tail, which the next open discards. NORMAL sync is safe against a killed process.
        try prepareForLoading(db, journal: "WAL", synchronous: "NORMAL")
        return db
    }

    /// The settings of a connection that loads, then the schema brought up to date.
    private static func prepareForLoading(_ db: Database, journal: String, synchronous: String) throws(DatabaseError) {
        // 16 KB pages for a new file (an existing one keeps its own; the pragma does nothing there): an
        // article's text of a few KB fits in one page instead of spilling into overflow pages, so the file is
        // a tenth smaller and a load writes fewer pages and b-tree cells.
        try db.execute("PRAGMA page_size = 16384")
        try db.execute("PRAGMA journal_mode = \(journal); PRAGMA synchronous = \(synchronous); PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        try migrate(db)
    }

    /// Opens the file a new database is built in before it is put in place (see `NewDatabaseFile`). Nobody
    /// reads that file until it is complete, and a load that fails or is killed leaves nothing of it that
    /// counts: so the load writes its pages once, straight into the file (not into a WAL and again into the
    /// file at the checkpoint), keeps its rollback journal in memory, and syncs nothing until the end.
    static func openStaged(path: String) throws(DatabaseError) -> Database {
        let db = try Database(path: path)
        try prepareForLoading(db, journal: "MEMORY", synchronous: "OFF")
        return db
    }

    /// Opens a database for queries; it must already be a whosaid database at the current version.
    public static func openForReading(path: String) throws(DatabaseError) -> Database {
        if let absence = NewDatabaseFile.absence(at: path) { throw DatabaseError(code: 0, message: absence, path: path) }
        let db = try Database(path: path, readOnly: true)
        let version = try userVersion(db)
        try checkApplication(db, version: version)
        if version == 0 {
            throw DatabaseError(code: 0, message: "not a whosaid database yet (load records into it with whosaid-load)", path: path)
        }
        if version < currentVersion {
            throw DatabaseError(code: 0, message: "schema version \(version) is older than this whosaid's \(currentVersion); run whosaid-load on it to upgrade", path: path)
        }
        if version > currentVersion {
            throw DatabaseError(code: 0, message: "schema version \(version) was written by a newer whosaid (this one reads \(currentVersion))", path: path)
        }
        return db
    }

    static func userVersion(_ db: Database) throws(DatabaseError) -> Int {
        Int(try db.scalar("PRAGMA user_version")?.integer ?? 0)
    }

    private static func checkApplication(_ db: Database, version: Int) throws(DatabaseError) {
        let application = try db.scalar("PRAGMA application_id")?.integer ?? 0
        if application == applicationID { return }
        let tables = try db.scalar("SELECT COUNT(*) FROM sqlite_schema")?.integer ?? 0
        if application != 0 || version != 0 || tables != 0 {
            throw DatabaseError(code: 0, message: "not a whosaid database (it has other tables or another application id)", path: db.path)
        }
    }

    /// Brings the schema to the current version.
    public static func migrate(_ db: Database) throws(DatabaseError) {
        var version = try userVersion(db)
        try checkApplication(db, version: version)
        if version > currentVersion {
            throw DatabaseError(code: 0, message: "schema version \(version) was written by a newer whosaid (this one writes \(currentVersion))", path: db.path)
        }
        while version < currentVersion {
            let next = version + 1
            do {
                try db.transaction {
                    // Checked again under the write lock: another process may have migrated meanwhile.
                    guard try userVersion(db) == version else { return }
                    let cookie = try db.scalar("PRAGMA schema_version")?.integer ?? 0
                    try db.execute(migrations[version])
                    // A migration that only edits the schema's text leaves the schema cookie as it was, and
                    // other connections would go on with the schema they had read: moving it makes them reread.
                    if try db.scalar("PRAGMA schema_version")?.integer == cookie {
                        try db.execute("PRAGMA schema_version = \(cookie + 1)")
                    }
                    try db.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(next)")
                }
            } catch let error as DatabaseError {
                throw error
            } catch {
                throw DatabaseError(code: 0, message: "\(error)", path: db.path)
            }
            version = try userVersion(db)
        }
    }
}
