import WhosaidCore

/// An input that gave no document, and why; it becomes a rejects line and a failures record.
public struct InputFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path, URL or archive the user gave.
    public var source: String
    public var url: String?
    /// The last HTTP status seen, for URLs.
    public var status: Int?
    /// Requests made, for URLs.
    public var attempts: Int?
    /// Line of the URL list, for URLs.
    public var line: Int?
    public var reason: String
    /// The step that failed: "read", "fetch", "warc" or (recorded by the caller) "normalize".
    public var step: String

    public init(source: String, url: String? = nil, status: Int? = nil, attempts: Int? = nil, line: Int? = nil,
                reason: String, step: String) {
        self.source = source
        self.url = url
        self.status = status
        self.attempts = attempts
        self.line = line
        self.reason = reason
        self.step = step
    }

    public var description: String { reason }

    public var json: JSONValue {
        .object([
            "source": .string(source), "url": .optionalString(url), "status": status.map(JSONValue.int) ?? .null,
            "attempts": attempts.map(JSONValue.int) ?? .null, "line": line.map(JSONValue.int) ?? .null,
            "reason": .string(reason), "step": .string(step),
        ])
    }
}

/// One input: a document for the normalizer, or the reason there is none.
public enum InputItem: Sendable {
    case document(RawDocument)
    case failure(InputFailure)
}

/// Every input of a run, one at a time and in a stable order: the files and folders named (a `.warc` or
/// `.warc.gz` gives one document per HTML response record), then the URLs of each list, in list order,
/// from the raw cache after the missing ones were fetched.
public final class CorpusInputs {
    public struct Options: Sendable {
        public var urlLists: [String] = []
        /// Where downloaded pages are kept; needed only with URL lists.
        public var cacheFolder: String = "out/raw"
        /// Use only what the cache holds; download nothing.
        public var offline = false
        public var policy = FetchPolicy()
        public var maximumDocumentBytes = 64 << 20
        public var progress: (@Sendable (String) -> Void)? = nil
        public init() {}
    }

    private let options: Options
    private var files: [String]
    private var fileIndex = 0
    private var pendingFailures: [InputFailure] = []
    private var warc: WARCDocuments?
    private var urlListIndex = 0
    private var urlItems: [URLItem] = []
    private var urlCache: RawCache?
    private var urlItemIndex = 0
    private var urlCounts = URLFetchCounts()
    private var urlTotals = (listed: 0, duplicates: 0, invalid: 0)
    private var warcCounts = WARCCounts()

    /// The files and folders named (folders expanded; a path that cannot be read becomes a failure).
    public convenience init(paths: [String], options: Options) {
        let (files, missing) = InputFiles.expand(paths)
        self.init(files: files, options: options)
        pendingFailures = missing.map { InputFailure(source: $0.path, reason: $0.reason, step: "read") }
    }

    /// Files already expanded (as `InputFiles.expand` gives them), then the URL lists of `options`.
    public init(files: [String], options: Options) {
        self.options = options
        self.files = files
    }

    public func next() -> InputItem? {
        while true {
            if !pendingFailures.isEmpty { return .failure(pendingFailures.removeFirst()) }
            if let warc {
                if let item = warc.next() { return item }
                warcCounts.add(warc.counts)
                self.warc = nil
                continue
            }
            if fileIndex < files.count {
                let path = files[fileIndex]
                fileIndex += 1
                if InputFiles.isArchive(path) {
                    do { warc = try WARCDocuments(path: path, maximumDocumentBytes: options.maximumDocumentBytes) } catch {
                        return .failure(InputFailure(source: path, reason: error.description, step: "read"))
                    }
                    continue
                }
                do { return .document(try InputFiles.read(path, limit: options.maximumDocumentBytes)) } catch {
                    return .failure(InputFailure(source: path, reason: error.description, step: "read"))
                }
            }
            if urlItemIndex < urlItems.count {
                let item = urlItems[urlItemIndex]
                urlItemIndex += 1
                switch item {
                case .failure(let failure): return .failure(failure)
                case .cached(let entry):
                    // Pages are read from the cache one at a time, as they are handed out.
                    if let page = urlCache?.page(for: entry.url) { return .document(page.document) }
                    return .failure(InputFailure(source: entry.url, url: entry.url, line: entry.line,
                                                 reason: "the page is no longer in the raw cache", step: "fetch"))
                }
            }
            guard urlListIndex < options.urlLists.count else { return nil }
            urlItems = loadURLList(options.urlLists[urlListIndex])
            urlItemIndex = 0
            urlListIndex += 1
        }
    }

    private enum URLItem {
        case cached(URLListEntry)
        case failure(InputFailure)
    }

    /// Fetches what the list needs, then turns each line into its item, in line order (only the
    /// outcomes are kept here; the pages stay in the cache).
    private func loadURLList(_ path: String) -> [URLItem] {
        let list: URLList.Parsed
        do { list = try URLList.read(path) } catch {
            return [.failure(InputFailure(source: path, reason: error.description, step: "read"))]
        }
        let cache: RawCache
        do { cache = try RawCache(root: options.cacheFolder) } catch {
            return [.failure(InputFailure(source: path, reason: error.description, step: "fetch"))]
        }
        urlTotals.listed += list.entries.count + list.invalid.count + list.duplicates.count
        urlTotals.duplicates += list.duplicates.count
        urlTotals.invalid += list.invalid.count
        var failures: [Int: URLFetchFailure] = [:]
        let urls = list.entries.map(\.url)
        if options.offline {
            for (index, url) in urls.enumerated() {
                if cache.contains(url) { urlCounts.fromCache += 1; continue }
                failures[index] = URLFetchFailure(url: url, status: nil, attempts: 0, reason: "not in the raw cache (offline run)")
                urlCounts.failed += 1
            }
        } else {
            let fetcher = URLFetcher(policy: options.policy, cache: cache, progress: options.progress)
            let run = fetcher.fetch(urls)
            failures = run.failures
            urlCounts.fromCache += run.counts.fromCache
            urlCounts.downloaded += run.counts.downloaded
            urlCounts.failed += run.counts.failed
            urlCounts.requests += run.counts.requests
            urlCounts.retries += run.counts.retries
        }
        // Every line of the list ends as an item, in line order.
        var items: [(line: Int, item: URLItem)] = []
        for (index, entry) in list.entries.enumerated() {
            if let f = failures[index] {
                items.append((entry.line, .failure(InputFailure(source: entry.url, url: f.finalURL ?? entry.url, status: f.status,
                                                                 attempts: f.attempts, line: entry.line, reason: f.reason, step: "fetch"))))
            } else {
                items.append((entry.line, .cached(entry)))
            }
        }
        for bad in list.invalid {
            items.append((bad.line, .failure(InputFailure(source: bad.text.isEmpty ? "\(path):\(bad.line)" : bad.text, attempts: 0,
                                                          line: bad.line, reason: bad.reason, step: "fetch"))))
        }
        for dup in list.duplicates {
            items.append((dup.line, .failure(InputFailure(source: dup.url, url: dup.url, attempts: 0, line: dup.line,
                                                          reason: "the same URL as line \(dup.firstLine); fetched once", step: "fetch"))))
        }
        items.sort { $0.line < $1.line }
        urlCache = cache
        return items.map(\.item)
    }

    /// A line of the summary: what the archives and URL lists gave beyond documents.
    public var summary: String {
        var parts: [String] = []
        if urlTotals.listed > 0 {
            parts.append("URLs: \(urlTotals.listed) listed, \(urlCounts.fromCache) from the cache, \(urlCounts.downloaded) downloaded, "
                + "\(urlCounts.failed) failed, \(urlTotals.duplicates) duplicate, \(urlTotals.invalid) invalid; "
                + "\(urlCounts.requests) requests, \(urlCounts.retries) retries")
        }
        var counts = warcCounts
        if let warc { counts.add(warc.counts) }
        if counts.records > 0 || counts.damaged > 0 { parts.append(counts.summary) }
        return parts.joined(separator: "; ")
    }
}

extension RawDocument {
    /// What a document is, without its bytes: for `--list-documents`.
    public var listing: JSONValue {
        .object([
            "source": .string(source), "url": .optionalString(url), "content_type": .optionalString(contentType),
            "charset": .optionalString(declaredCharset), "fetch_date": .optionalString(fetchDate), "bytes": .int(bytes.count),
        ])
    }
}
