import ArgumentParser
import Fetch
import WhosaidCore

/// The options for inputs beyond files: URL lists (where pages are cached, how politely they are
/// fetched) and a listing mode that shows what the inputs hold without normalizing them.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("urls"), help: ArgumentHelp("A file of URLs to fetch, one a line (# comments and blank lines ignored). Repeatable.", valueName: "file"))
    var urlLists: [String] = []

    @Option(help: ArgumentHelp("Folder of downloaded pages; a page found there is never downloaded again.", valueName: "folder"))
    var cache = "out/raw"

    @Flag(help: "Download nothing: URLs not in the cache are reported as failures.")
    var offline = false

    @Option(help: ArgumentHelp("Write a record (source, url, line, status, attempts, reason, step) for every input that gave no article.", valueName: "file"))
    var failures: String?

    @Flag(help: "Write one line per input document (source, url, content type, charset, fetch date, bytes) instead of articles.")
    var listDocuments = false

    @Option(help: "Requests in flight at once.") var concurrency = 8
    @Option(help: "Requests in flight at once to one host.") var perHost = 2
    @Option(help: "Seconds between the starts of two requests to one host.") var delay = 1.0
    @Option(help: "Seconds a request may take.") var timeout = 30.0
    @Option(help: "Retries on 429, 5xx and network errors (with exponential backoff).") var retries = 3
    @Option(help: "Seconds before the first retry (doubling for each further one).") var backoff = 1.0
    @Option(help: "Redirects followed per URL (http and https only).") var maxRedirects = 5
    @Option(help: "Largest body accepted, in bytes.") var maxBytes = 8 << 20
    @Option(help: "User-Agent header.") var userAgent = FetchPolicy.defaultUserAgent

    func validate() throws {
        if concurrency < 1 || perHost < 1 { throw ValidationError("--concurrency and --per-host must be at least 1.") }
        if delay < 0 || timeout <= 0 || retries < 0 || backoff < 0 || maxRedirects < 0 || maxBytes < 1 {
            throw ValidationError("--delay, --retries, --backoff and --max-redirects cannot be negative; --timeout and --max-bytes must be positive.")
        }
    }

    /// Progress of a long fetch goes to stderr unless `quiet`.
    func inputOptions(quiet: Bool) -> CorpusInputs.Options {
        var options = CorpusInputs.Options()
        options.urlLists = urlLists
        options.cacheFolder = cache
        options.offline = offline
        options.policy.concurrency = concurrency
        options.policy.perHostConcurrency = perHost
        options.policy.perHostDelay = delay
        options.policy.timeout = timeout
        options.policy.retries = retries
        options.policy.backoff = backoff
        options.policy.maximumRedirects = maxRedirects
        options.policy.maximumBodyBytes = maxBytes
        options.policy.userAgent = userAgent
        if !quiet { options.progress = { message in DiagnosticSink.standardError.write("whosaid-fetch: \(message)\n") } }
        return options
    }
}
