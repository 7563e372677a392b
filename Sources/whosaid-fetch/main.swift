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
        in a stable order), web archives (.warc, .warc.gz: every HTML response record), and the URLs of \
        each --urls list (downloaded once into the --cache folder), and writes one article record per line: \
        id, source, url, title, authors, published, site, language and the body text, paragraphs separated \
        by a blank line. An input that is not an article is reported on stderr as `source: reason` (and in \
        --failures, with HTTP status and attempts) and skipped; the exit status is then 65.
        """)

    @OptionGroup var stage: StageOptions
    @OptionGroup var inputs: InputOptions

    @Argument(help: ArgumentHelp("Article files, .warc/.warc.gz archives, and folders of them.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && inputs.urlLists.isEmpty { throw ValidationError("Give at least one file or folder to read, or --urls.") }
    }

    func run() throws {
        let reporter = try StageReporter(command: "whosaid-fetch", quiet: stage.quiet, rejectsPath: stage.rejects)
        let output = try OutputStream(path: stage.output)
        var failures: OutputStream? = nil
        if let path = inputs.failures { failures = try OutputStream(path: path) }
        var progress: (@Sendable (String) -> Void)? = nil
        if !stage.quiet { progress = { message in DiagnosticSink.standardError.write("whosaid-fetch: \(message)\n") } }
        let corpus = CorpusInputs(paths: paths, options: inputs.inputOptions(progress: progress))
        let normalizer = Normalizer()
        var seenIDs = Set<String>()
        while let item = corpus.next() {
            reporter.countIn()
            guard case .document(let document) = item else {
                guard case .failure(let failure) = item else { continue }
                if stage.strict { throw failure }
                reporter.reject(source: failure.source, reason: failure.reason)
                try failures?.write(line: failure.json)
                continue
            }
            if inputs.listDocuments {
                try output.write(line: document.listing)
                reporter.countOut()
                continue
            }
            do {
                let article = try normalizer.normalize(document)
                guard seenIDs.insert(article.id).inserted else {
                    reporter.note("\(document.source): same article as an earlier input (id \(article.id)); written once")
                    continue
                }
                try output.write(line: article.json())
                reporter.countOut()
            } catch let error as NormalizeError {
                if stage.strict { throw error }
                reporter.reject(source: document.source, reason: error.description)
                try failures?.write(line: InputFailure(source: document.source, url: document.url, reason: error.description, step: "normalize").json)
            }
        }
        try output.commit()
        try failures?.commit()
        throw stageExit(try reporter.finish(extra: corpus.summary))
    }
}

FetchCommand.main()
