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
        /// The status make must end with (nil: any, the test looks itself).
        var expectedStatus: Int32? = 0

        @discardableResult
        func make(_ arguments: [String]) throws -> CommandResult {
            let result = try MakefileTests.make(arguments + [
                "CORPUS=\(corpus.path)", "OUT=\(out.path)", "SHARDS=3", "BIN_DIR=\(binaries.path)",
            ], in: Binaries.packageRoot)
            if let expectedStatus {
                #expect(result.status == expectedStatus, "make \(arguments) exited with \(result.status):\n\(result.stderr)")
            }
            return result
        }

        var database: URL { out.appendingPathComponent("whosaid.db") }
    }

    /// make with `arguments` in `directory`; its standard output and error together, as `stderr`.
    static func make(_ arguments: [String], in directory: URL) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "--no-print-directory"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: data, stderr: String(decoding: data, as: UTF8.self))
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

    /// A folder of binaries for make: the real ones, but a whosaid-load that writes to `log` "load" when it
    /// starts, each shard it is given (as an argument, or named on its standard input as `make -j N all`
    /// does, when it reads the name) and how it ended, and creates `loader-started` in `folder` once the
    /// real loader runs. It fails, with status 74, when a file `fail` is in `folder` (removing it, so the
    /// next load goes through).
    static func loggingBinaries(in folder: URL, log: URL) throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for name in ["whosaid-fetch", "whosaid-extract", "whosaid"] {
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(name).path, withDestinationPath: Binaries.path(name))
        }
        let script = """
            #!/bin/bash
            echo load >> '\(log.path)'
            for a in "$@"; do case "$a" in *.extracted.ndjson) echo "shard $(basename "$a" .extracted.ndjson)" >> '\(log.path)';; esac; done
            if [ -e '\(folder.path)/fail' ]; then rm -f '\(folder.path)/fail'; echo "failed" >> '\(log.path)'; exit 74; fi
            # The real loader runs in the background, and a TERM to this script is passed on to it.
            case " $* " in
              *" --files-from - "*)
                '\(Binaries.path("whosaid-load"))' "$@" < <(
                  while read -r name; do echo "shard $(basename "$name" .extracted.ndjson)" >> '\(log.path)'; echo "$name"; done) &;;
              *) '\(Binaries.path("whosaid-load"))' "$@" &;;
            esac
            loader=$!
            trap 'kill -TERM $loader 2>/dev/null' TERM
            touch '\(folder.path)/loader-started'
            status=0; wait $loader || status=$?
            while kill -0 $loader 2>/dev/null; do status=0; wait $loader || status=$?; done
            if [ $status = 0 ] || [ $status = 65 ]; then echo "done" >> '\(log.path)'; else echo "ended $status" >> '\(log.path)'; fi
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

    static let everyShardLoaded = ["load", "shard 0", "shard 1", "shard 2", "done"]

    @Test(arguments: ["-j1", "-j3", "-j"])
    func changedShardsLoadInOneProcessInShardOrder(_ jobs: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        let result = try run.make([jobs, "all"])
        #expect(try Self.logLines(log) == Self.everyShardLoaded)
        #expect(result.stderr.contains("load: shards 0 1 2 loaded into"))
        #expect(try Self.articleCount(run.database) == 5)
        // In parallel the load runs while make extracts: it is the script's, not the database target's.
        #expect(result.stderr.contains("load_while_extracting.sh") == (jobs != "-j1"))
    }

    /// Replaces the run's whosaid-extract by a bash script that runs `before` (which sees the arguments),
    /// then the real one.
    static func wrapExtract(in run: Run, _ before: String) throws {
        let extract = run.binaries.appendingPathComponent("whosaid-extract")
        try FileManager.default.removeItem(at: extract)
        try "#!/bin/bash\n\(before)\nexec '\(Binaries.path("whosaid-extract"))' \"$@\"\n".write(to: extract, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: extract.path)
    }

    /// In parallel the load runs beside the extractions: the last shard's extraction waits until the loader
    /// has been given shard 0, which a load after the extractions would never do.
    @Test func theLoadOverlapsTheExtractionsUnderParallelMake() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        try Self.wrapExtract(in: run, """
            case " $* " in *"/2.articles.ndjson "*)
              for i in $(seq 200); do grep -qx 'shard 0' '\(log.path)' 2>/dev/null && break; sleep 0.1; done
              grep -qx 'shard 0' '\(log.path)' || echo "no load before the last extraction" >> '\(log.path)';;
            esac
            """)
        try run.make(["-j3", "all"])
        #expect(try Self.logLines(log) == Self.everyShardLoaded)
        #expect(try Self.articleCount(run.database) == 5)
    }

    /// A TERM to make alone (as `kill` or a job runner sends it) stops a parallel run at once: make ends,
    /// the load is rolled back (a first load leaves no file) and no shard is marked loaded.
    @Test func aSignalToMakeStopsAParallelRunAndItsLoad() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        // Shards 1 and 2 take a minute to extract, or until the test ends. (make stops a recipe's shell, not
        // the commands it started: these go on, as any recipe's would, until `stop` appears or the folder goes.)
        let stop = folder.appendingPathComponent("stop").path
        try Self.wrapExtract(in: run, """
            case " $* " in *"/0.articles.ndjson "*) ;; *) for i in $(seq 600); do
              [ -e '\(stop)' ] || [ ! -d '\(folder.path)' ] && exit 1; sleep 0.1; done;; esac
            """)
        defer { _ = FileManager.default.createFile(atPath: stop, contents: nil) }
        // make's pid and status go through files: the process that ends must be make itself.
        let pidFile = folder.appendingPathComponent("make.pid").path, statusFile = folder.appendingPathComponent("make.status").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "make -s -j3 all CORPUS='\(run.corpus.path)' OUT='\(run.out.path)' SHARDS=3 BIN_DIR='\(run.binaries.path)' "
                             + "& echo $! > '\(pidFile)'; wait $!; echo $? > '\(statusFile).tmp'; mv '\(statusFile).tmp' '\(statusFile)'"]
        process.currentDirectoryURL = Binaries.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Once the loader runs, with shard 0, and the other extractions are under way, make alone is told to stop.
        let started = folder.appendingPathComponent("loader-started").path
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !FileManager.default.fileExists(atPath: started) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try Self.logLines(log).contains("shard 0"), "the load never started")
        // The first load builds the database beside its path; stopped, it removes that file.
        let staging = run.database.path + ".loading"
        while Date() < deadline, !FileManager.default.fileExists(atPath: staging) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(FileManager.default.fileExists(atPath: staging), "the load never began the database")
        Thread.sleep(forTimeInterval: 0.1)
        let makePID = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let stopped = Date()
        kill(makePID, SIGTERM)
        while !FileManager.default.fileExists(atPath: statusFile), Date().timeIntervalSince(stopped) < 30 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Date().timeIntervalSince(stopped) < 10, "make went on after TERM")
        let status = try String(contentsOfFile: statusFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status != "0")
        // The loader was stopped too (the script waits for it).
        #expect(try Self.logLines(log).contains { $0.hasPrefix("ended ") })
        let shards = run.out.appendingPathComponent("shards")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.hasSuffix(".loaded") }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: shards.appendingPathComponent("1.extracted.ndjson").path))
        #expect(!FileManager.default.fileExists(atPath: run.database.path))
        #expect(!FileManager.default.fileExists(atPath: staging), "the stopped load left the file it was building")
        #expect(!(try Self.logLines(log).contains("done")), "the load was committed")
    }

    /// Without BIN_DIR, make builds the release binaries when a source is newer. The second make of `all`
    /// trusts them (BINARIES_CHECKED), so the first must bring every one up to date: a stale extractor is
    /// rebuilt even when the fetcher is newer than every source. (`make -n`, in a copy of the Makefile with a
    /// stand-in for swift, prints what would run.)
    @Test func everyStaleBinaryIsRebuiltBeforeTheSecondMakeTrustsThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FileManager.default
        try files.copyItem(at: Binaries.packageRoot.appendingPathComponent("Makefile"), to: folder.appendingPathComponent("Makefile"))
        try files.createDirectory(at: folder.appendingPathComponent("Sources/Stage"), withIntermediateDirectories: true)
        let release = folder.appendingPathComponent(".build/release")
        try files.createDirectory(at: release, withIntermediateDirectories: true)
        let sourcesChanged = Date().addingTimeInterval(-100)
        for source in ["Package.swift", "Sources/Stage/main.swift"] {
            let url = folder.appendingPathComponent(source)
            try Data().write(to: url)
            try files.setAttributes([.modificationDate: sourcesChanged], ofItemAtPath: url.path)
        }
        for binary in ["whosaid-fetch", "whosaid-extract", "whosaid-load", "whosaid"] {
            try Data("#!/bin/sh\n".utf8).write(to: release.appendingPathComponent(binary))
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: release.appendingPathComponent(binary).path)
        }
        func dryRunOfPlan() throws -> String {
            try Self.make(["-n", "plan", "SWIFT=swift-stand-in", "CORPUS=corpus"], in: folder).stderr
        }
        #expect(!(try dryRunOfPlan()).contains("swift-stand-in build -c release"), "binaries newer than every source were rebuilt")
        try files.setAttributes([.modificationDate: sourcesChanged.addingTimeInterval(-50)],
                                ofItemAtPath: release.appendingPathComponent("whosaid-extract").path)
        let plan = try dryRunOfPlan()
        #expect(plan.contains("swift-stand-in build -c release"), "a stale whosaid-extract was not rebuilt:\n\(plan)")
    }

    /// `make -n -j2 all` shows what it would do and does nothing, even with every shard extracted and
    /// none loaded (the database deleted): no database, no loader started, no stamps.
    @Test func aDryRunUnderParallelMakeLoadsNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, log) = try Self.loggingRun(in: folder)
        try run.make(["-j2", "all"])
        #expect(try Self.logLines(log) == Self.everyShardLoaded)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: run.database.path + suffix) }
        let shards = run.out.appendingPathComponent("shards")
        for id in 0..<3 { try FileManager.default.removeItem(at: shards.appendingPathComponent("\(id).loaded")) }
        try run.make(["-n", "-j2", "all"])
        #expect(!FileManager.default.fileExists(atPath: run.database.path))
        #expect(try Self.logLines(log) == Self.everyShardLoaded, "a loader ran")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.hasSuffix(".loaded") }.isEmpty)
    }

    /// A shard whose extraction fails in a parallel run: the shards before it are loaded and stay loaded,
    /// the run fails, and the next one loads the rest.
    @Test func aFailedExtractionUnderParallelMakeKeepsTheShardsBeforeIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var (run, log) = try Self.loggingRun(in: folder)
        // Shard 1 fails once shard 0 is extracted (make may start them in either order).
        try Self.wrapExtract(in: run, """
            case " $* " in *"/1.articles.ndjson "*) if [ -e '\(folder.path)/fail-extract' ]; then
              for i in $(seq 100); do [ -e '\(folder.path)/out/shards/0.extracted.ndjson' ] && break; sleep 0.1; done
              echo "shard 1 fails" >&2; exit 74
            fi;; esac
            """)
        try Data().write(to: folder.appendingPathComponent("fail-extract"))
        run.expectedStatus = nil
        let failed = try run.make(["-j2", "all"])
        #expect(failed.status != 0, "a failed extraction must fail the run")
        #expect(try Self.logLines(log) == ["load", "shard 0", "done"])
        let shards = run.out.appendingPathComponent("shards")
        #expect(FileManager.default.fileExists(atPath: shards.appendingPathComponent("0.loaded").path))
        #expect(!FileManager.default.fileExists(atPath: shards.appendingPathComponent("1.loaded").path))
        // Shard 0's articles, all of them (the shard may hold none: a file's shard is a hash of its path).
        let shard0 = try String(contentsOf: shards.appendingPathComponent("0.extracted.ndjson"), encoding: .utf8)
        #expect(try Self.articleCount(run.database) == Int64(shard0.split(separator: "\n").count))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("fail-extract"))
        run.expectedStatus = 0
        try run.make(["-j2", "all"])
        #expect(try Self.logLines(log) == ["load", "shard 0", "done", "load", "shard 1", "shard 2", "done"])
        #expect(try Self.articleCount(run.database) == 5)
    }

    @Test(arguments: ["-j1", "-j2"])
    func aFailedLoadIsRedoneWholeByTheNextRun(_ jobs: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var (run, log) = try Self.loggingRun(in: folder)
        try Data().write(to: folder.appendingPathComponent("fail"))
        run.expectedStatus = nil
        let failed = try run.make([jobs, "all"])
        #expect(failed.status != 0, "a failed load must fail the run")
        // Serial, the load is given every shard; in parallel it fails at the first and is given no more.
        #expect(try Self.logLines(log) == (jobs == "-j1" ? ["load", "shard 0", "shard 1", "shard 2", "failed"] : ["load", "shard 0", "failed"]))
        let shards = run.out.appendingPathComponent("shards")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.hasSuffix(".loaded") }.isEmpty)
        run.expectedStatus = 0
        try run.make([jobs, "all"])
        #expect(try Array(Self.logLines(log).suffix(5)) == Self.everyShardLoaded)
        #expect(try Self.articleCount(run.database) == 5)
        // And then nothing is left to load.
        let lines = try Self.logLines(log).count
        try run.make([jobs, "all"])
        #expect(try Self.logLines(log).count == lines)
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
        for stage in ["whosaid-fetch --quiet --rejects", "whosaid-extract --quiet --rejects", "whosaid-load --rejects", "whosaid-load:"] {
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
        let loadedShards = added.stderr.components(separatedBy: "load: shards ").dropFirst().map { $0.prefix { $0 != "\n" }.components(separatedBy: " loaded into")[0] }
        #expect(loadedShards.count == 1 && loadedShards.first?.split(separator: " ").count == 1, "one shard loaded:\n\(added.stderr)")
        #expect(try Self.articleCount(run.database) == 6)

        // The database deleted: every shard is loaded again (row ids follow the new load order, so the
        // records and their quotes are compared, not the rows).
        let withNew = try Self.recordsAndQuotes(run.database)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: run.database.path + suffix) }
        try run.make(["-j2", "all"])
        #expect(try Self.articleCount(run.database) == 6)
        #expect(try Self.recordsAndQuotes(run.database) == withNew)

        // An empty file in its place (what sqlite3 leaves by opening the missing database) holds no rows
        // either: every shard is loaded again, into a new database that replaces it.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: run.database.path + suffix) }
        #expect(FileManager.default.createFile(atPath: run.database.path, contents: nil))
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
