import ArgumentParser
import Store
import WhosaidCore

struct WhosaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid",
        abstract: "Ask the whosaid database who said what.",
        discussion: "Examples: whosaid quotes --speaker Blinken; whosaid quotes --search \"peace talks\"; whosaid people --top 20",
        subcommands: [QuotesCommand.self, PeopleCommand.self, ArticleCommand.self])
}

struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The database to read.", valueName: "path"))
    var db = "out/whosaid.db"

    @Flag(help: "Write one JSON object per line (NDJSON), for programs, instead of text.")
    var json = false

    func open() throws -> Queries {
        do {
            return Queries(database: try DatabaseSchema.openForReading(path: db))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func write(_ values: [JSONValue]) {
        print(values.map { $0.serialized() + "\n" }.joined(), terminator: "")
    }
}

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "List quotes: by speaker, about something, or containing words; newest first.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: ArgumentHelp("Words of the speaker's name (\"Blinken\").", valueName: "name")) var speaker: String?
    @Option(help: ArgumentHelp("An entity or words the quote is about (\"Nagorno-Karabakh\").", valueName: "name")) var about: String?
    @Option(help: ArgumentHelp("Words the quote contains, all of them, stems matched (\"peace talks\").", valueName: "words")) var search: String?
    @Option(help: ArgumentHelp("Only quotes from articles of this site.", valueName: "site")) var site: String?
    @Option(help: ArgumentHelp("direct, indirect or mixed.", valueName: "type")) var type: String?
    @Option(help: ArgumentHelp("At most this many quotes (0: all).", valueName: "n")) var limit = 50

    func run() throws {
        var quoteType: QuoteType?
        if let type {
            guard let t = QuoteType(rawValue: type) else { throw ValidationError("--type must be direct, indirect or mixed") }
            quoteType = t
        }
        let rows = try options.open().quotes(QuoteFilter(speaker: speaker, about: about, search: search, site: site,
                                                         type: quoteType, limit: limit > 0 ? limit : nil))
        if options.json { options.write(rows.map(\.json)) } else { print(TextReport.quotes(rows), terminator: "") }
    }
}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "The most quoted speakers.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: ArgumentHelp("How many (0: all).", valueName: "n")) var top = 20
    @Option(help: ArgumentHelp("PERSON, ORG, GPE, LOC, NORP, or all.", valueName: "type")) var type = "PERSON"

    func run() throws {
        var entityType: EntityType?
        if type.lowercased() != "all" {
            guard let t = EntityType(rawValue: type.uppercased()) else { throw ValidationError("--type must be PERSON, ORG, GPE, LOC, NORP or all") }
            entityType = t
        }
        let rows = try options.open().speakers(top: top > 0 ? top : nil, type: entityType)
        if options.json { options.write(rows.map(\.json)) } else { print(TextReport.speakers(rows), terminator: "") }
    }
}

struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "One article with its entities and quotes (--json: the extracted record as loaded).")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: ArgumentHelp("The article's record id.", valueName: "id")) var id: String

    func run() throws {
        guard let record = try options.open().article(recordID: id) else {
            throw ValidationError("no article with id \(id) in \(options.db)")
        }
        if options.json { options.write([record.json]) } else { print(TextReport.article(record), terminator: "") }
    }
}

WhosaidCommand.main()
