import Foundation
import Store
import Testing
import WhosaidCore

struct Finished {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String
}

/// A running whosaid executable with pipes on its three standard streams.
final class Running: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), output = Pipe(), errors = Pipe()
    nonisolated(unsafe) private var out = Data(), err = Data()
    private let group = DispatchGroup()

    init(_ name: String, _ arguments: [String]) throws {
        // A write to a pipe whose reader was killed must fail, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: Paths.binary(name))
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOut { out = data } else { err = data }
                group.leave()
            }
        }
    }

    /// Returns once the process has read all of `data` but the last pipe buffer: it cannot end before stdin does.
    func write(_ data: Data) throws { try input.fileHandleForWriting.write(contentsOf: data) }

    func finish() throws -> Finished {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Finished(status: process.terminationStatus, reason: process.terminationReason,
                        stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }
}

func runCommand(_ name: String, _ arguments: [String], stdin: Data = Data()) throws -> Finished {
    let running = try Running(name, arguments)
    try running.write(stdin)
    return try running.finish()
}

@Suite(.serialized) struct LoadCommandTests {
    @Test func loadIsAFilterAndReportsBadLines() throws {
        let folder = try TemporaryFolder()
        var input = SyntheticCorpus.ndjson(0..<3)
        input += Data("not json\n{\"id\":\"x\"}\n".utf8)
        let result = try runCommand("whosaid-load", ["--db", folder.path("w.db"), "--rejects", folder.path("rejects.ndjson")], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:4:"))
        #expect(result.stderr.contains("<stdin>:5: record has no \"text\""))
        #expect(result.stderr.contains("5 in, 3 out, 2 rejected"))
        #expect(result.stderr.contains("3 new, 0 replaced, 0 unchanged"))
        let db = try DatabaseSchema.openForReading(path: folder.path("w.db"))
        #expect(try count(db, "articles") == 3)
        let again = try runCommand("whosaid-load", ["--quiet", "--db", folder.path("w.db")], stdin: SyntheticCorpus.ndjson(0..<3))
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
    }

    @Test func loadRefusesADatabaseItDidNotWrite() throws {
        let folder = try TemporaryFolder()
        try Database(path: folder.path("other.db")).execute("CREATE TABLE notes (x)")
        let result = try runCommand("whosaid-load", ["--db", folder.path("other.db")], stdin: SyntheticCorpus.ndjson(0..<1))
        #expect(result.status == 74)
        #expect(result.stderr.contains("not a whosaid database"))
    }

    /// A load killed with SIGKILL part-way leaves the database as before it; loading again gives the same
    /// database as a load that was never interrupted.
    @Test func killedLoadLeavesTheDatabaseBeforeAndReloadCompletesIt() throws {
        let folder = try TemporaryFolder()
        let base = SyntheticCorpus.ndjson(0..<50)
        let more = SyntheticCorpus.ndjson(40..<1500) + SyntheticCorpus.ndjson(0..<20, version: 2)
        let basePath = folder.path("base.ndjson"), morePath = folder.path("more.ndjson")
        try base.write(to: URL(fileURLWithPath: basePath))
        try more.write(to: URL(fileURLWithPath: morePath))

        let interrupted = folder.path("interrupted.db")
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", interrupted, basePath]).status == 0)
        let beforeLoad = try contentDump(try Database(path: interrupted, readOnly: true))

        try killLoadPartway(into: interrupted, input: more)

        let afterKill = try Database(path: interrupted)
        #expect(try contentDump(afterKill) == beforeLoad)
        try expectConsistent(afterKill)

        #expect(try runCommand("whosaid-load", ["--quiet", "--db", interrupted, morePath]).status == 0)
        try expectSameAsUninterrupted(interrupted, loading: [basePath, morePath], articles: 1500, in: folder)
    }

    /// A first load killed halfway leaves no database, only the file it was building, which the query CLI
    /// names; the next load starts that file again and ends as an uninterrupted load.
    @Test func killedFirstLoadLeavesNoDatabaseAndReloadCompletesIt() throws {
        let folder = try TemporaryFolder()
        let records = SyntheticCorpus.ndjson(0..<1500)
        let recordsPath = folder.path("records.ndjson")
        try records.write(to: URL(fileURLWithPath: recordsPath))

        let interrupted = folder.path("interrupted.db")
        try killLoadPartway(into: interrupted, input: records)

        #expect(!FileManager.default.fileExists(atPath: interrupted))
        #expect(FileManager.default.fileExists(atPath: interrupted + ".loading"))
        let query = try runCommand("whosaid", ["people", "--db", interrupted])
        #expect(query.status == 64)
        #expect(query.stderr.contains("no database: a load was stopped while building it in \(interrupted).loading; load again"))

        #expect(try runCommand("whosaid-load", ["--quiet", "--db", interrupted, recordsPath]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: interrupted + ".loading"))
        try expectSameAsUninterrupted(interrupted, loading: [recordsPath], articles: 1500, in: folder)
    }

    /// While a first load runs, its database is built beside the path; when it ends, the database appears
    /// whole, in WAL mode, with nothing left beside it, holding what a load through the library writes.
    @Test func firstLoadBuildsTheDatabaseBesideItsPathAndPutsItThereWhole() throws {
        let folder = try TemporaryFolder()
        let records = SyntheticCorpus.ndjson(0..<300)
        let path = folder.path("new.db"), staging = path + ".loading"
        let load = try Running("whosaid-load", ["--quiet", "--db", path])
        try load.write(records.prefix(records.count / 2))
        #expect(try waitUntil { FileManager.default.fileExists(atPath: staging) })
        #expect(!FileManager.default.fileExists(atPath: path))
        let query = try runCommand("whosaid", ["people", "--db", path])
        #expect(query.status == 64)
        #expect(query.stderr.contains("no database yet: a first load is building it in \(staging)"))
        try load.write(records.suffix(from: records.count / 2))
        #expect(try load.finish().status == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("")).sorted()
        #expect(files == ["new.db"])
        let loaded = try DatabaseSchema.openForReading(path: path)
        #expect(try loaded.scalar("PRAGMA journal_mode")?.text == "wal")
        #expect(try loaded.scalar("PRAGMA page_size")?.integer == 16384)
        let byLibrary = try DatabaseSchema.openForWriting(path: folder.path("library.db"))
        try StoreTests.load((0..<300).map { SyntheticCorpus.article($0) }, into: byLibrary)
        #expect(try count(loaded, "articles") == 300)
        #expect(try contentDump(loaded) == contentDump(byLibrary))
        try expectConsistent(try Database(path: path))
    }

    /// A first load that fails leaves neither a database nor the file it was building.
    @Test func failedFirstLoadLeavesNoFile() throws {
        let folder = try TemporaryFolder()
        let input = SyntheticCorpus.ndjson(0..<5) + Data("not json\n".utf8)
        let result = try runCommand("whosaid-load", ["--strict", "--db", folder.path("w.db")], stdin: input)
        #expect(result.status != 0)
        #expect(result.stderr.contains("<stdin>:6:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).isEmpty)
    }

    /// Two loads creating the same database: the second waits for the first to put it in place, then loads
    /// into it, so both loads' records are there.
    @Test func twoFirstLoadsOfOneDatabaseTakeTurns() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        let secondRecords = folder.path("second.ndjson")
        try SyntheticCorpus.ndjson(100..<150).write(to: URL(fileURLWithPath: secondRecords))
        let first = try Running("whosaid-load", ["--quiet", "--db", path])
        try first.write(SyntheticCorpus.ndjson(0..<50))
        #expect(try waitUntil { FileManager.default.fileExists(atPath: path + ".loading") })
        let second = try Running("whosaid-load", ["--db", path, secondRecords])
        // Fifty records take the second load milliseconds: still running, it is waiting.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(second.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try first.finish().status == 0)
        let waited = try second.finish()
        #expect(waited.status == 0)
        #expect(waited.stderr.contains("waiting for another load that is creating \(path)"))
        #expect(waited.stderr.contains("50 new, 0 replaced, 0 unchanged"))
        let db = try DatabaseSchema.openForReading(path: path)
        #expect(try count(db, "articles") == 100)
        #expect(!FileManager.default.fileExists(atPath: path + ".loading"))
    }

    /// The WAL of a database deleted without it is not taken for a part of the new database made at its path.
    @Test func aWALLeftByADeletedDatabaseIsNotReplayedIntoANewOne() throws {
        let folder = try TemporaryFolder()
        let old = try DatabaseSchema.openForWriting(path: folder.path("old.db"))
        try old.execute("PRAGMA wal_autocheckpoint = 0")
        try StoreTests.load((0..<40).map { SyntheticCorpus.article($0) }, into: old)
        let wal = try Data(contentsOf: URL(fileURLWithPath: folder.path("old.db-wal")))
        #expect(wal.count > 100_000)
        let path = folder.path("w.db")
        try wal.write(to: URL(fileURLWithPath: path + "-wal"))
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", path], stdin: SyntheticCorpus.ndjson(500..<503)).status == 0)
        let db = try Database(path: path)
        try expectConsistent(db)
        #expect(try count(db, "articles") == 3)
    }

    /// What a killed load left in PATH.loading, whatever its bytes, is of no use and is started again.
    @Test func aLeftoverStagingFileIsStartedAgain() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        try Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: path + ".loading"))
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", path], stdin: SyntheticCorpus.ndjson(0..<5)).status == 0)
        try expectConsistent(try Database(path: path))
        #expect(try count(try DatabaseSchema.openForReading(path: path), "articles") == 5)
        #expect(!FileManager.default.fileExists(atPath: path + ".loading"))
    }

    /// A staging name that is a second name of a database (a load killed between putting its database in place
    /// and removing the name) is never emptied: that would empty the database.
    @Test func aStagingNameThatIsASecondNameOfADatabaseIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db"), kept = folder.path("kept.db")
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", path], stdin: SyntheticCorpus.ndjson(0..<20)).status == 0)
        #expect(link(path, path + ".loading") == 0)
        #expect(rename(path, kept) == 0)
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", path], stdin: SyntheticCorpus.ndjson(100..<105)).status == 0)
        #expect(try count(try DatabaseSchema.openForReading(path: kept), "articles") == 20)
        #expect(try count(try DatabaseSchema.openForReading(path: path), "articles") == 5)
    }

    /// A database another program makes at the path while a first load runs is left as it is, WAL included;
    /// the load fails and says so.
    @Test func aDatabaseMadeAtThePathMeanwhileIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        let running = try firstLoadUnderWay(path)
        let other = try Database(path: path)
        try other.execute("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE notes (x); INSERT INTO notes VALUES (1)")
        // Open until the load has ended: its close would fold the WAL into the file and remove it.
        try withExtendedLifetime(other) {
            let failed = try running.finish()
            #expect(failed.status == 74)
            #expect(failed.stderr.contains("another program created a database at this path while the load was creating it"))
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            try expectNotesKept(path)
        }
    }

    /// An empty file at the path on which another program has begun a transaction is not replaced: that
    /// program would commit into a file nobody finds any more. The load fails and says so.
    @Test func anEmptyFileWithATransactionOpenOnItIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        let running = try firstLoadUnderWay(path)
        let other = try Database(path: path)
        try other.execute("BEGIN IMMEDIATE; CREATE TABLE notes (x); INSERT INTO notes VALUES (1)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        let failed = try running.finish()
        #expect(failed.status == 74)
        #expect(failed.stderr.contains("another program has a transaction open on the empty file at this path"))
        try other.execute("COMMIT")
        try expectNotesKept(path)
    }

    /// Opening the missing database with sqlite3 or Python during a first load makes an empty file there;
    /// the load replaces it.
    @Test func anEmptyFileMadeAtThePathMeanwhileIsReplaced() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        let running = try firstLoadUnderWay(path)
        #expect(try count(try Database(path: path), "sqlite_schema") == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        let query = try runCommand("whosaid", ["people", "--db", path])
        #expect(query.stderr.contains("no database yet: a first load is building it"))
        #expect(try running.finish().status == 0)
        #expect(try count(try DatabaseSchema.openForReading(path: path), "articles") == 20)
    }
}

/// Starts a load into `db`, gives it two thirds of `input` (thousands of records: it has taken many in and
/// cannot have finished) and kills it with SIGKILL.
func killLoadPartway(into db: String, input: Data) throws {
    let load = try Running("whosaid-load", ["--quiet", "--db", db])
    try load.write(input.prefix(input.count * 2 / 3))
    load.kill()
    let killed = try load.finish()
    #expect(killed.reason == .uncaughtSignal)
    #expect(killed.status == SIGKILL)
}

/// `interrupted` holds, consistently, what loading `inputs` in turn into a new database gives.
func expectSameAsUninterrupted(_ interrupted: String, loading inputs: [String], articles: Int, in folder: TemporaryFolder) throws {
    let uninterrupted = folder.path("uninterrupted.db")
    for input in inputs {
        #expect(try runCommand("whosaid-load", ["--quiet", "--db", uninterrupted, input]).status == 0)
    }
    let reloaded = try DatabaseSchema.openForReading(path: interrupted)
    #expect(try count(reloaded, "articles") == articles)
    #expect(try contentDump(reloaded) == contentDump(try Database(path: uninterrupted, readOnly: true)))
    try expectConsistent(try Database(path: interrupted))
}

/// The other program's table at `path` holds its row, and the load left no staging file.
func expectNotesKept(_ path: String) throws {
    #expect(try Database(path: path, readOnly: true).scalar("SELECT COUNT(*) FROM notes")?.integer == 1)
    #expect(!FileManager.default.fileExists(atPath: path + ".loading"))
}

/// A first load of 20 records into `path`, its input still open, once it has begun its staging file.
func firstLoadUnderWay(_ path: String) throws -> Running {
    let running = try Running("whosaid-load", ["--quiet", "--db", path])
    try running.write(SyntheticCorpus.ndjson(0..<20))
    #expect(try waitUntil { FileManager.default.fileExists(atPath: path + ".loading") })
    return running
}

/// Polls `condition` every 10 ms for up to 10 s.
func waitUntil(_ condition: () throws -> Bool) throws -> Bool {
    for _ in 0..<1000 {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return false
}

@Suite struct SeedFixtureTests {
    /// Tests/Fixtures/store/seed-extracted.ndjson is the seed article as a perfect extractor would write it,
    /// for trying the database by hand: `whosaid-load --db demo.db Tests/Fixtures/store/seed-extracted.ndjson`.
    @Test func committedSeedRecordIsTheHandAnnotation() throws {
        let file = Paths.packageRoot.appendingPathComponent("Tests/Fixtures/store/seed-extracted.ndjson")
        let line = try String(contentsOf: file, encoding: .utf8)
        #expect(line == (try seedArticle()).json.serialized() + "\n")
    }
}

/// Every `whosaid` subcommand against a fixture database.
@Suite(.serialized) struct QueryCommandTests {
    static func fixtureDatabase() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.path("w.db")
        let db = try DatabaseSchema.openForWriting(path: path)
        try load([try seedArticle()] + (0..<12).map { SyntheticCorpus.article($0) }, into: db)
        return (folder, path)
    }

    @Test func quotesBySpeakerAsTextAndJSON() throws {
        let (folder, path) = try QueryCommandTests.fixtureDatabase()
        _ = folder
        let text = try runCommand("whosaid", ["quotes", "--db", path, "--speaker", "Blinken", "--limit", "0"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Antony Blinken said [direct], via Aljazeera — example-news.test, 2022-09-19, article seed-blinken"))
        #expect(text.stdout.contains("    “There is a path to a durable peace that resolves the differences through diplomacy”"))
        let json = try runCommand("whosaid", ["quotes", "--db", path, "--speaker", "Blinken", "--json", "--limit", "0"])
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        for line in lines {
            let object = try #require(try JSONValue.parse(String(line)).objectValue)
            #expect(object["speaker"]?.stringValue == "Antony Blinken")
            #expect(object.keys.sorted() == ["article", "cue", "id", "published", "site", "speaker", "speaker_id", "text", "title", "type", "url", "via", "via_id"])
        }
    }

    @Test func quotesAboutAndSearch() throws {
        let (folder, path) = try QueryCommandTests.fixtureDatabase()
        _ = folder
        let about = try runCommand("whosaid", ["quotes", "--db", path, "--about", "Armenian", "--json"])
        #expect(about.stdout.split(separator: "\n").count == 1)
        #expect(about.stdout.contains("\"speaker\":\"Ararat Mirzoyan\""))
        let search = try runCommand("whosaid", ["quotes", "--db", path, "--search", "always meetings", "--json"])
        #expect(search.stdout.contains("\"text\":\"We are always open for meetings\""))
        let bad = try runCommand("whosaid", ["quotes", "--db", path, "--type", "shouted"])
        #expect(bad.status == 64)
    }

    @Test func peopleTableAndJSON() throws {
        let (folder, path) = try QueryCommandTests.fixtureDatabase()
        _ = folder
        let table = try runCommand("whosaid", ["people", "--db", path, "--top", "3"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("#  name"))
        #expect(lines[2].hasPrefix("1  Antony Blinken"))
        let json = try runCommand("whosaid", ["people", "--db", path, "--top", "1", "--json"])
        #expect(json.stdout == #"{"articles":5,"id":1,"name":"Antony Blinken","outlets":2,"quotes":7,"role":"US Secretary of State","type":"PERSON"}"# + "\n")
    }

    @Test func articleAsTextAndAsTheLoadedRecord() throws {
        let (folder, path) = try QueryCommandTests.fixtureDatabase()
        _ = folder
        let json = try runCommand("whosaid", ["article", "--db", path, "--json", "seed-blinken"])
        #expect(json.stdout == (try seedArticle()).json.serialized() + "\n")
        let text = try runCommand("whosaid", ["article", "--db", path, "seed-blinken"])
        #expect(text.stdout.hasPrefix("Blinken hosts Armenia, Azeri foreign ministers, urges resumption of peace talks\n  id: seed-blinken\n"))
        #expect(text.stdout.contains("Quotes (10):"))
        let missing = try runCommand("whosaid", ["article", "--db", path, "nope"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no article with id nope"))
    }

    @Test func missingDatabaseIsAClearError() throws {
        let folder = try TemporaryFolder()
        let result = try runCommand("whosaid", ["people", "--db", folder.path("none.db")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("none.db"))
    }
}
