import ArgumentParser
import StageCommand
import Store
import WhosaidCore

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid-load",
        abstract: "Load extracted records into the whosaid SQLite database.",
        discussion: """
        Reads extracted records (NDJSON) from the files given or standard input into the database, creating \
        it if missing: a new database is built in PATH.loading and appears at PATH once complete. Loading is \
        idempotent: a record already held unchanged is skipped, the same content read from another source only \
        updates the article's source, a record whose id is held with other content (re-extracted) replaces its \
        old rows, a new id is added. The whole load is one transaction: if it is interrupted, the database is \
        left as it was before it (a first load leaves no database). With --files-from, the files named in a \
        list are loaded after those given, each as soon as its name is read (make -j names each shard's \
        records to one load as its extraction ends).
        """)

    @OptionGroup var stage: StageOptions

    @Option(help: ArgumentHelp("The database file (created if missing).", valueName: "path"))
    var db = "out/whosaid.db"

    @Argument(help: ArgumentHelp("NDJSON files of extracted records (default, without --files-from: standard input).", valueName: "file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp(
        "Then load the files named in this file, one a line (a tab ends the name; '-': standard input), each as soon as its name is read: a list written while the load runs, through a pipe, is followed until it ends.",
        valueName: "list"))
    var filesFrom: String?

    func validate() throws {
        if filesFrom == "-" && inputs.contains("-") {
            throw ValidationError("Standard input cannot be both a file of records and --files-from -.")
        }
    }

    func run() throws {
        try runStage(command: "whosaid-load") { try load() }
    }

    func load() throws -> ExitStatus {
        let reporter = try StageReporter(command: "whosaid-load", quiet: stage.quiet, rejectsPath: stage.rejects)
        let counts: LoadCounts
        do {
            let newFile = try NewDatabaseFile.claim(path: db) {
                reporter.note("waiting for another load that is creating \(db)")
            }
            let database = try newFile?.open() ?? DatabaseSchema.openForWriting(path: db)
            counts = try load(into: database, reporter: reporter)
            try newFile?.install(database)
        } catch let error as DatabaseError {
            reporter.error(error.description)
            throw ExitCode(ExitStatus.ioFailure.rawValue)
        }
        return try reporter.finish(extra: counts.summary)
    }

    /// The load's one transaction. The loader, and the statements it prepared, end with it.
    private func load(into database: Database, reporter: StageReporter) throws -> LoadCounts {
        let loader = Loader(database: database)
        try database.transaction {
            // Records are read and decoded on a second thread while this one writes the ones before.
            try RecordInput(paths: inputs, list: filesFrom, strict: stage.strict).forEachReadingAhead(
                reporter: reporter, read: { ExtractedRecordReader.read($0) },
                decode: { json throws(RecordError) in try ExtractedArticle(json: json) }
            ) { record, source, line in
                if let problem = Loader.problem(in: record) {
                    if stage.strict { throw RecordInputError.badLine(source: source, line: line, reason: problem) }
                    reporter.reject(source: source, line: line, reason: problem)
                    return
                }
                try loader.load(record)
                reporter.countOut()
            }
            try loader.finish()
        }
        return loader.counts
    }
}

LoadCommand.main()
