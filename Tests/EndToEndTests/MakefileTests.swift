import Foundation
import Store
import Testing

/// The Makefile as users run it: `make all` on a corpus, in parallel or not, run again, after adding an
/// article, after deleting the database. It runs on the binaries this test run built (BIN_DIR), so no
/// release build is made.
@Suite(.serialized) struct MakefileTests {
    struct Run {
        let corpus: URL
        let out: URL
        var binaries = Binaries.directory

        @discardableResult
        func make(_ arguments: [String]) throws -> CommandResult {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["make", "--no-print-directory"] + arguments + [
                "CORPUS=\(corpus.path)", "OUT=\(out.path)", "SHARDS=3", "BIN_DIR=\(binaries.path)",
            ]
            process.currentDirectoryURL = Binaries.packageRoot
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            #expect(process.terminationStatus == 0, "make \(arguments) failed:\n\(text)")
            return CommandResult(status: process.terminationStatus, stdout: data, stderr: text)
        }

        var database: URL { out.appendingPathComponent("whosaid.db") }
    }

    /// A folder holding a copy of the sample corpus, with room for more articles.
    static func corpus(in folder: URL) throws -> URL {
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Binaries.packageRoot.appendingPathComponent("data/sample"), to: corpus)
        return corpus
    }

    /// Every row of every table, FTS5's own tables included, in rowid order.
    static func content(of database: URL) throws -> [String: [[SQLValue]]] {
        let db = try Database(path: database.path, readOnly: true)
        var tables: [String: [[SQLValue]]] = [:]
        for row in try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
            guard case .text(let name) = row[0] else { continue }
            // Virtual tables are read through their shadow tables (an FTS5 table reads as its content table).
            if try db.scalar("SELECT sql LIKE 'CREATE VIRTUAL%' FROM sqlite_master WHERE name = ?", [.text(name)]) == .integer(1) { continue }
            let withoutRowID = try db.scalar("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?", [.text(name)]) == .integer(1)
            tables[name] = try db.rows("SELECT * FROM \"\(name)\"" + (withoutRowID ? " ORDER BY 1, 2" : " ORDER BY rowid"))
        }
        return tables
    }

    /// A folder of binaries for make: the real ones, but a whosaid-load that writes to `log` the shards of
    /// each load, and how it ended, and that fails, with status 74, when a file `fail` is in `folder`
    /// (removing it, so the next load goes through).
    static func loggingBinaries(in folder: URL, log: URL) throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for name in ["whosaid-fetch", "whosaid-extract", "whosaid"] {
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(name).path, withDestinationPath: Binaries.path(name))
        }
        let script = """
            #!/bin/sh
            shards=""
            for a in "$@"; do case "$a" in *.extracted.ndjson) shards="$shards $(basename "$a" .extracted.ndjson)";; esac; done
            echo "load$shards" >> '\(log.path)'
            if [ -e '\(folder.path)/fail' ]; then rm -f '\(folder.path)/fail'; echo "failed" >> '\(log.path)'; exit 74; fi
            '\(Binaries.path("whosaid-load"))' "$@"; status=$?
            echo "done" >> '\(log.path)'
            exit $status

            """
        let load = bin.appendingPathComponent("whosaid-load")
        try script.write(to: load, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: load.path)
        return bin
    }

    static func logLines(_ log: URL) throws -> [String] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A run on a copy of the sample corpus with the logging loader, and the log it writes.
    static func loggingRun(in folder: URL) throws -> (run: Run, log: URL) {
        let log = folder.appendingPathComponent("loads.log")
        var run = Run(corpus: try corpus(in: folder), out: folder.appendingPathComponent("out"))
        run.binaries = try loggingBinaries(in: folder, log: log)
        return (run, log)
    }

    @Test func changedShardsLoadInOneProcessInShardOrderUnderParallelMake() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        try run.make(["-j3", "all"])
        #expect(try Self.logLines(log) == ["load 0 1 2", "done"])
    }

    @Test func aFailedLoadIsRedoneWholeByTheNextRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        try Data().write(to: folder.appendingPathComponent("fail"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-s", "-j1", "all", "CORPUS=\(run.corpus.path)", "OUT=\(run.out.path)", "SHARDS=3",
                             "BIN_DIR=\(run.binaries.path)"]
        process.currentDirectoryURL = Binaries.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0, "a failed load must fail the run")
        #expect(try Self.logLines(log) == ["load 0 1 2", "failed"])
        try run.make(["-j1", "all"])
        #expect(try Self.logLines(log) == ["load 0 1 2", "failed", "load 0 1 2", "done"])
        #expect(try Self.articleCount(run.database) == 5)
        // And then nothing is left to load.
        try run.make(["-j1", "all"])
        #expect(try Self.logLines(log).count == 4)
    }

    @Test func eachStageTargetRedoesEveryShard() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = Run(corpus: try Self.corpus(in: folder), out: folder.appendingPathComponent("out"))
        try run.make(["all"])
        func count(_ command: String, in result: CommandResult) -> Int { result.stderr.components(separatedBy: command).count - 1 }
        #expect(count("whosaid-fetch --quiet --rejects", in: try run.make(["fetch"])) == 3)
        #expect(count("whosaid-extract --quiet --rejects", in: try run.make(["extract"])) == 3)
        let load = try run.make(["load"])
        #expect(count("whosaid-load --rejects", in: load) == 1)
        #expect(load.stderr.contains("<shards 0 1 2>"))
        #expect(try Self.articleCount(run.database) == 5)
    }

    static func articleCount(_ database: URL) throws -> Int64? {
        let db = try Database(path: database.path, readOnly: true)
        if case .integer(let n) = try db.scalar("SELECT count(*) FROM articles") { return n }
        return nil
    }

    static func modificationDate(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    @Test func parallelRunGivesTheSameDatabaseAsASerialOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder)
        let serial = Run(corpus: corpus, out: folder.appendingPathComponent("out-j1"))
        let parallel = Run(corpus: corpus, out: folder.appendingPathComponent("out-j2"))
        try serial.make(["-j1", "all"])
        try parallel.make(["-j2", "all"])
        let extracted = "extracted.ndjson"
        #expect(try Data(contentsOf: serial.out.appendingPathComponent(extracted))
                == Data(contentsOf: parallel.out.appendingPathComponent(extracted)))
        let serialContent = try Self.content(of: serial.database)
        #expect(try Self.articleCount(serial.database) == 5)
        #expect(serialContent["quotes"]?.isEmpty == false)
        #expect(try Self.content(of: parallel.database) == serialContent)
    }

    @Test func rerunsRedoOnlyWhatChanged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder)
        let run = Run(corpus: corpus, out: folder.appendingPathComponent("out"))
        try run.make(["-j2", "all"])
        let before = try Self.content(of: run.database)

        // Nothing changed: nothing is fetched, extracted or loaded again.
        let again = try run.make(["-j2", "all"])
        for stage in ["whosaid-fetch --quiet --rejects", "whosaid-extract", "whosaid-load"] {
            #expect(!again.stderr.contains(stage), "an unchanged corpus ran \(stage) again")
        }
        #expect(try Self.content(of: run.database) == before)

        // One new article: only its shard is fetched, extracted and loaded, and the database gains it.
        let shards = run.out.appendingPathComponent("shards")
        let shardFiles = try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.hasSuffix(".articles.ndjson") }.sorted()
        var dates: [String: Date] = [:]
        for name in shardFiles { dates[name] = try Self.modificationDate(shards.appendingPathComponent(name)) }
        let article = """
            Harbour town opens its new ferry terminal

            The new ferry terminal in Port Ellis opened on Monday after three years of building work.

            "This terminal will bring visitors back to the whole coast," said Mayor Helen Marsh, who cut the ribbon.
            """
        try article.write(to: corpus.appendingPathComponent("ferry-terminal.txt"), atomically: true, encoding: .utf8)
        let added = try run.make(["-j2", "all"])
        let rerunShards = shardFiles.filter { (try? Self.modificationDate(shards.appendingPathComponent($0))) != dates[$0] }
        #expect(rerunShards.count == 1, "shards fetched again: \(rerunShards)")
        let loadedShards = added.stderr.components(separatedBy: "<shards ").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(loadedShards.count == 1 && loadedShards.first?.split(separator: " ").count == 1, "one shard loaded:\n\(added.stderr)")
        #expect(try Self.articleCount(run.database) == 6)

        // The database deleted: every shard is loaded again (row ids follow the new load order, so the
        // records and their quotes are compared, not the rows).
        let withNew = try Self.recordsAndQuotes(run.database)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: run.database.path + suffix) }
        try run.make(["-j2", "all"])
        #expect(try Self.articleCount(run.database) == 6)
        #expect(try Self.recordsAndQuotes(run.database) == withNew)
    }

    static func recordsAndQuotes(_ database: URL) throws -> [[SQLValue]] {
        let db = try Database(path: database.path, readOnly: true)
        return try db.rows("""
            SELECT a.record_id, q.text, q.start FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
            ORDER BY a.record_id, q.start
            """)
    }
}
