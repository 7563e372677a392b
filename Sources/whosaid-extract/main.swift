import ArgumentParser
import Entities
import Language
import Quotes
import StageCommand
import WhosaidCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid-extract",
        abstract: "Find the entities and quotes of article records.",
        discussion: """
        Reads article records (NDJSON; any record with at least "id" and "text") from the files given or \
        standard input, and writes each record with "entities" and "quotes" added; other fields pass \
        through untouched. Every span is given as code-point offsets into "text". An article whose text is \
        not English (judged from the text itself) is written with no entities or quotes and a warning \
        saying why. A line that is not a usable record is reported as `file:line: reason` and skipped; \
        the exit status is then 65.
        """)

    @OptionGroup var stage: StageOptions

    @Argument(help: ArgumentHelp("NDJSON files of article records (default: standard input).", valueName: "file"))
    var inputs: [String] = []

    func run() throws {
        try runStage(command: "whosaid-extract") { try extract() }
    }

    static let notEnglishWarning = "not English "

    func extract() throws -> ExitStatus {
        let reporter = try StageReporter(command: "whosaid-extract", quiet: stage.quiet, rejectsPath: stage.rejects)
        let output = try OutputStream(path: stage.output)
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        let recognizer = EntityRecognizer()
        let quoteExtractor = QuoteExtractor()
        var quoteCount = 0
        var notEnglishCount = 0
        try RecordInput(paths: inputs, strict: stage.strict).forEach(reporter: reporter, decode: Article.init(json:)) { input, _, _ in
            // A record extracted before carries an earlier run's verdict on its language: this run judges again.
            var article = input
            if let warnings = article.extra["warnings"]?.arrayValue {
                let kept = warnings.filter { !($0.stringValue?.hasPrefix(Self.notEnglishWarning) ?? false) }
                if kept.count != warnings.count { article.extra["warnings"] = kept.isEmpty ? nil : .array(kept) }
            }
            var entities: [Entity] = []
            var quotes: [Quote] = []
            if case .notEnglish(let reason) = EnglishCheck.judge(article.text) {
                // The record goes on, with nothing found and the reason, so no article is lost or
                // given entities and quotes the English model and rules would make up.
                var warnings = article.extra["warnings"]?.arrayValue ?? []
                warnings.append(.string("\(Self.notEnglishWarning)(\(reason)): no entities or quotes extracted"))
                article.extra["warnings"] = .array(warnings)
                notEnglishCount += 1
            } else {
                let text = ScalarText(article.text)
                let tokens = tokenizer.tokenize(text)
                let sentences = splitter.split(text, tokens: tokens)
                entities = recognizer.entities(in: text, tokens: tokens, sentences: sentences)
                quotes = quoteExtractor.quotes(in: text, tokens: tokens, sentences: sentences, entities: entities)
                quoteCount += quotes.count
            }
            try output.write(line: ExtractedArticle(article: article, entities: entities, quotes: quotes).json)
            reporter.countOut()
        }
        try output.commit()
        return try reporter.finish(extra: "\(quoteCount) quotes" + (notEnglishCount > 0 ? ", \(notEnglishCount) articles not English" : ""))
    }
}

ExtractCommand.main()
