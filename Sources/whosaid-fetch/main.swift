import ArgumentParser
import Fetch
import Normalize
import StageCommand
import WhosaidCore

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid-fetch",
        abstract: "Turn news pages into clean article records (NDJSON, one article per line).",
        discussion: """
        Reads the files and folders given (.html, .htm, .html.gz, .txt; folders are searched recursively \
        in a stable order) and writes one article record per line: id, source, url, title, authors, \
        published, site, language and the body text, paragraphs separated by a blank line. An input that \
        is not an article is reported on stderr as `path: reason` and skipped; the exit status is then 65.
        """)

    @OptionGroup var stage: StageOptions

    @Argument(help: ArgumentHelp("Article files and folders of them.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to read.") }
    }

    func run() throws {
        let reporter = try StageReporter(command: "whosaid-fetch", quiet: stage.quiet, rejectsPath: stage.rejects)
        let output = try OutputStream(path: stage.output)
        let (files, missing) = InputFiles.expand(paths)
        for item in missing { reporter.countIn(); reporter.reject(source: item.path, reason: item.reason) }
        let normalizer = Normalizer()
        let duplicates = DuplicateDetector()
        for file in files {
            reporter.countIn()
            do {
                var article = try normalizer.normalize(try InputFiles.read(file))
                switch duplicates.check(article) {
                case .new: break
                case .sameArticle(let earlier, let reason):
                    reporter.note("\(file): same article as an earlier input (id \(earlier), \(reason)); written once")
                    continue
                case .nearCopy(let earlier): article.extra["duplicate_of"] = .string(earlier)
                }
                try output.write(line: article.json())
                reporter.countOut()
            } catch let error as FetchError {
                if stage.strict { throw error }
                reporter.reject(source: file, reason: error.description)
            } catch let error as NormalizeError {
                if stage.strict { throw error }
                reporter.reject(source: file, reason: error.description)
            }
        }
        try output.commit()
        throw stageExit(try reporter.finish())
    }
}

FetchCommand.main()
