import ArgumentParser
import StageCommand
import Store
import WhosaidCore

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid-load",
        abstract: "Load extracted records into the whosaid SQLite database.",
        discussion: "Reads extracted records (NDJSON) from the files given or standard input into the database.")

    @OptionGroup var stage: StageOptions

    @Option(help: ArgumentHelp("The database file (created if missing).", valueName: "path"))
    var db = "out/whosaid.db"

    @Argument(help: ArgumentHelp("NDJSON files of extracted records (default: standard input).", valueName: "file"))
    var inputs: [String] = []

    func run() throws {
        let reporter = try StageReporter(command: "whosaid-load", quiet: stage.quiet, rejectsPath: stage.rejects)
        _ = try Database(path: db)
        try RecordInput(paths: inputs, strict: stage.strict).forEach(reporter: reporter, decode: ExtractedArticle.init(json:)) { _, _, _ in
        }
        throw stageExit(try reporter.finish())
    }
}

LoadCommand.main()
