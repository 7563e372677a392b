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
        Reads the files and folders given (.html, .htm, .html.gz, .txt; folders searched recursively in a \
        stable order), web archives (.warc, .warc.gz: every HTML response record) and the URLs of each --urls \
        list (downloaded once into --cache), and writes one article record per line: id, source, url, title, \
        authors, published, site, language and the body text, paragraphs separated by a blank line. An input \
        that is not an article is reported on stderr as `source: reason` (and in --failures, with HTTP status \
        and attempts) and skipped; the exit status is then 65.

        With --plan-shards N it only splits the corpus into N shard lists (for `make -j`), each rewritten \
        only when its files change; --files-from then reads one shard's list.
        """)

    @OptionGroup var stage: StageOptions
    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("Also read the paths listed in this file (one a line; a tab ends the path).", valueName: "file"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("Write N shard lists of the corpus into --shard-dir and stop.", valueName: "N"))
    var planShards: Int?

    @Option(help: ArgumentHelp("Where --plan-shards writes its lists.", valueName: "folder"))
    var shardDir = "out/shards"

    @Argument(help: ArgumentHelp("Article files, .warc/.warc.gz archives, and folders of them.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && filesFrom == nil && inputs.urlLists.isEmpty { throw ValidationError("Give a file or folder to read, or --urls.") }
        if let n = planShards, !(1...4096).contains(n) { throw ValidationError("--plan-shards takes a number from 1 to 4096.") }
    }

    func run() throws {
        try runStage(command: "whosaid-fetch") { try fetch() }
    }

    func fetch() throws -> ExitStatus {
        let reporter = try StageReporter(command: "whosaid-fetch", quiet: stage.quiet, rejectsPath: stage.rejects)
        var failures: OutputStream? = nil
        if let path = inputs.failures, planShards == nil { failures = try OutputStream(path: path) }
        var (files, missing) = InputFiles.expand(paths)
        if let filesFrom { files += try ShardPlan.paths(inList: filesFrom) }
        for item in missing {
            reporter.countIn()
            if stage.strict { throw StrictStop("\(item.path): \(item.reason)") }
            reporter.reject(source: item.path, reason: item.reason)
            try failures?.write(line: InputFailure(source: item.path, reason: item.reason, step: "read").json)
        }
        if let planShards {
            let rewritten = try ShardPlan(shardCount: planShards).write(files: files, into: shardDir)
            reporter.note("\(files.count) files in \(planShards) shards, \(rewritten) shard lists changed")
            return try reporter.finish()
        }
        let output = try OutputStream(path: stage.output)
        let corpus = CorpusInputs(files: files, options: inputs.inputOptions(quiet: stage.quiet))
        let normalizer = Normalizer()
        let duplicates = DuplicateDetector()
        while let item = corpus.next() {
            reporter.countIn()
            let document: RawDocument
            switch item {
            case .document(let d): document = d
            case .failure(let failure):
                if stage.strict { throw StrictStop("\(failure.source): \(failure.reason)") }
                reporter.reject(source: failure.source, reason: failure.reason)
                try failures?.write(line: failure.json)
                continue
            }
            if inputs.listDocuments { try output.write(line: document.listing); reporter.countOut(); continue }
            do {
                var article = try normalizer.normalize(document)
                switch duplicates.check(article) {
                case .new: break
                case .sameArticle(let earlier, let reason):
                    reporter.note("\(document.source): same article as an earlier input (id \(earlier), \(reason)); written once")
                    continue
                case .nearCopy(let earlier): article.extra["duplicate_of"] = .string(earlier)
                }
                try output.write(line: article.json())
                reporter.countOut()
            } catch let error as NormalizeError {
                if stage.strict { throw StrictStop("\(document.source): \(error)") }
                reporter.reject(source: document.source, reason: error.description)
                try failures?.write(line: InputFailure(source: document.source, url: document.url, reason: error.description, step: "normalize").json)
            }
        }
        try output.commit()
        try failures?.commit()
        return try reporter.finish(extra: corpus.summary)
    }
}

FetchCommand.main()
