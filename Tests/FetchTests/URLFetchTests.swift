import Foundation
import Testing
@testable import Fetch
import WhosaidCore

/// Every route the fetch tests need: good pages, slow ones, error statuses, redirect traps, a huge body,
/// a wrong content type and a page that is not UTF-8.
private func testRoutes(_ path: String, _ hit: Int) -> TestHTTPServer.Response {
    switch path {
    case "/page/1": return .html("<html><title>One</title><p>First page.</p></html>")
    case "/page/2": return .html("<html><title>Two</title><p>Second page.</p></html>")
    case "/slow": return TestHTTPServer.Response(body: Array("<p>late</p>".utf8), delay: 5)
    case "/missing": return .status(404)
    case "/broken": return .status(500)
    case "/busy-then-ok": return hit == 1 ? .status(429, headers: [("Retry-After", "0")]) : .html("<p>served after a 429</p>")
    case "/flaky": return hit == 1 ? .status(503) : hit == 2 ? .status(408) : .html("<p>served after a 503 and a 408</p>")
    case "/always-busy": return .status(429)
    case "/loop-a": return .redirect("/loop-b")
    case "/loop-b": return .redirect("/loop-a", status: 301)
    case "/to-file": return .redirect("file:///etc/passwd")
    case "/to-ftp": return .redirect("ftp://127.0.0.1/file")
    case "/relative": return .redirect("../page/1")
    case "/huge": return TestHTTPServer.Response(body: [UInt8](repeating: 0x61, count: 3 << 20))
    case "/huge-unannounced": return TestHTTPServer.Response(body: [UInt8](repeating: 0x61, count: 3 << 20), closeDelimited: true)
    case "/image": return TestHTTPServer.Response(headers: [("Content-Type", "image/png")], body: [0x89, 0x50, 0x4E, 0x47])
    case "/latin1":
        // "Café – “quoted”" in windows-1252.
        return TestHTTPServer.Response(headers: [("Content-Type", "text/html; charset=windows-1252")],
                                       body: [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94])
    case "/gzipped":
        return TestHTTPServer.Response(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                       body: Gzip.compress(Array("<p>compressed on the wire</p>".utf8)))
    case "/hang-up": return TestHTTPServer.Response(hangUp: true)
    case "/untyped": return TestHTTPServer.Response(headers: [], body: Array("<p>no content type</p>".utf8))
    case "/dated":
        return TestHTTPServer.Response(headers: [("Content-Type", "text/plain"), ("Date", "Tue, 03 Mar 2026 09:05:07 GMT")],
                                       body: Array("Title\n\nBody.".utf8))
    default:
        if path.hasPrefix("/chain/"), let n = Int(path.dropFirst(7)) { return .redirect("/chain/\(n + 1)") }
        return .status(404)
    }
}

/// A policy fast enough for tests: no politeness delay, short backoff and timeout.
private func testPolicy() -> FetchPolicy {
    var policy = FetchPolicy()
    policy.perHostDelay = 0
    policy.backoff = 0.05
    policy.timeout = 2
    policy.retries = 2
    policy.maximumRedirects = 3
    policy.maximumBodyBytes = 1 << 20
    return policy
}

/// Runs `paths` of a fresh server through a fresh cache; returns the results by path.
private func fetch(_ paths: [String], policy: FetchPolicy = testPolicy()) throws
    -> (server: TestHTTPServer, cache: RawCache, failures: [String: URLFetchFailure], counts: URLFetchCounts) {
    let server = try TestHTTPServer(route: testRoutes)
    let cache = try RawCache(root: temporaryFolder("cache"))
    let urls = paths.map { server.base + $0 }
    let run = URLFetcher(policy: policy, cache: cache).fetch(urls)
    var failures: [String: URLFetchFailure] = [:]
    for (index, failure) in run.failures { failures[paths[index]] = failure }
    return (server, cache, failures, run.counts)
}

@Suite struct URLFetchTests {
    @Test func everyOutcomeOfTheTestServer() throws {
        let paths = ["/page/1", "/page/2", "/slow", "/missing", "/broken", "/busy-then-ok", "/flaky", "/always-busy",
                     "/loop-a", "/chain/1", "/to-file", "/to-ftp", "/relative", "/huge", "/huge-unannounced", "/image",
                     "/latin1", "/gzipped", "/untyped", "/dated", "/hang-up"]
        let (server, cache, failures, counts) = try fetch(paths)
        defer { server.stop() }
        let url = { (path: String) in server.base + path }

        // Pages that arrive are cached with what the normalizer needs.
        for path in ["/page/1", "/page/2", "/busy-then-ok", "/flaky", "/relative", "/latin1", "/gzipped", "/untyped", "/dated"] {
            #expect(failures[path] == nil, "\(path): \(failures[path]?.reason ?? "")")
            #expect(cache.contains(url(path)), "\(path) not cached")
        }
        let first = try #require(cache.page(for: url("/page/1")))
        #expect(String(decoding: first.body, as: UTF8.self) == "<html><title>One</title><p>First page.</p></html>")
        #expect(first.contentType == "text/html" && first.charset == "utf-8" && first.status == 200)

        // Retries: a 429 (Retry-After: 0), a 503 and a 408 each cost one more request, then the page comes.
        #expect(server.hits("/busy-then-ok") == 2)
        #expect(server.hits("/flaky") == 3)
        #expect(cache.page(for: url("/flaky"))?.requests == 3)

        // Bounded retries: 1 + 2 attempts, then a failure record with the status and the count.
        let broken = try #require(failures["/broken"])
        #expect(broken.status == 500 && broken.attempts == 3 && server.hits("/broken") == 3)
        #expect(broken.reason.contains("HTTP 500"))
        #expect(failures["/always-busy"]?.status == 429 && failures["/always-busy"]?.attempts == 3)

        // Not retried: a 404.
        #expect(failures["/missing"]?.status == 404 && failures["/missing"]?.attempts == 1 && server.hits("/missing") == 1)

        // A slow server times out (and, being a network failure, is retried).
        let slow = try #require(failures["/slow"])
        #expect(slow.reason.contains("timed out") && slow.attempts == 3 && slow.status == nil)

        // Redirects: a loop is caught, a long chain is cut at the limit, a relative Location is followed.
        #expect(failures["/loop-a"]?.reason.contains("redirect loop") == true)
        #expect(server.hits("/loop-a") == 1 && server.hits("/loop-b") == 1)
        #expect(failures["/chain/1"]?.reason.contains("more than 3 redirects") == true)
        #expect(failures["/chain/1"]?.attempts == 4)
        #expect(cache.page(for: url("/relative"))?.finalURL == url("/page/1"))

        // A redirect to another scheme is refused, and nothing is asked for in its place.
        #expect(failures["/to-file"]?.reason.contains("file: URL refused") == true)
        #expect(failures["/to-file"]?.status == 302)
        #expect(server.hits("/etc/passwd") == 0)
        #expect(failures["/to-ftp"]?.reason.contains("ftp: URL refused") == true)

        // Size and type limits, whether the size is announced or not.
        #expect(failures["/huge"]?.reason.contains("larger than the limit of 1048576 bytes") == true)
        #expect(failures["/huge-unannounced"]?.reason.contains("larger than the limit") == true)
        #expect(failures["/image"]?.reason.contains("image/png is not an article type") == true)
        #expect(failures["/huge"]?.attempts == 1 && failures["/image"]?.attempts == 1)

        // A page that is not UTF-8 keeps its bytes and its declared charset for the normalizer.
        let latin1 = try #require(cache.page(for: url("/latin1")))
        #expect(latin1.body == [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94])
        #expect(latin1.charset == "windows-1252")
        #expect(latin1.document.declaredCharset == "windows-1252")

        // Content-Encoding is undone on the way in; a missing type is left for the normalizer to judge.
        #expect(cache.page(for: url("/gzipped")).map { String(decoding: $0.body, as: UTF8.self) } == "<p>compressed on the wire</p>")
        #expect(cache.page(for: url("/untyped"))?.contentType == nil)
        #expect(cache.page(for: url("/dated"))?.fetchDate == "2026-03-03T09:05:07Z")

        // The tool says who it is.
        #expect(server.allRequests.allSatisfy { $0.headers["user-agent"] == FetchPolicy.defaultUserAgent })

        // A server that closes the connection without a word is a network error: retried, then reported.
        let hangUp = try #require(failures["/hang-up"])
        #expect(hangUp.reason.hasPrefix("network error:") && hangUp.attempts == 3 && server.hits("/hang-up") == 3, "\(hangUp)")

        #expect(counts.downloaded == 9 && counts.failed == 12 && counts.fromCache == 0)
    }

    @Test func cachedPagesAreNeverDownloadedAgain() throws {
        let server = try TestHTTPServer(route: testRoutes)
        defer { server.stop() }
        let cache = try RawCache(root: temporaryFolder("rerun"))
        let fetcher = URLFetcher(policy: testPolicy(), cache: cache)
        // An interrupted run got as far as page 1 ...
        _ = fetcher.fetch([server.base + "/page/1"])
        // ... the next run fetches only what is missing ...
        let resumed = fetcher.fetch([server.base + "/page/1", server.base + "/page/2"])
        #expect(resumed.counts.fromCache == 1 && resumed.counts.downloaded == 1)
        // ... and a run after that downloads nothing.
        let again = fetcher.fetch([server.base + "/page/1", server.base + "/page/2"])
        #expect(again.counts.fromCache == 2 && again.counts.downloaded == 0 && again.counts.requests == 0)
        #expect(server.hits("/page/1") == 1 && server.hits("/page/2") == 1)
    }

    @Test func perHostLimitAndDelayAreKept() throws {
        let server = try TestHTTPServer { path, _ in TestHTTPServer.Response(body: Array("<p>\(path)</p>".utf8), delay: 0.1) }
        defer { server.stop() }
        var policy = testPolicy()
        policy.concurrency = 8
        policy.perHostConcurrency = 1
        policy.perHostDelay = 0.2
        let cache = try RawCache(root: temporaryFolder("polite"))
        let fetcher = URLFetcher(policy: policy, cache: cache)
        let run = fetcher.fetch((1...4).map { server.base + "/p\($0)" })
        #expect(run.failures.isEmpty && run.counts.downloaded == 4)
        #expect(server.maximumActive == 1)
        // The fetcher's own start times (the server's arrival times jitter with the machine's load).
        let starts = fetcher.requestStarts.map(\.time)
        #expect(starts.count == 4)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            #expect(later - earlier >= 0.2 - 1e-6, "requests \(later - earlier) s apart")
        }
    }

    @Test func concurrencyPerHostIsBounded() throws {
        let server = try TestHTTPServer { path, _ in TestHTTPServer.Response(body: Array("<p>\(path)</p>".utf8), delay: 0.2) }
        defer { server.stop() }
        var policy = testPolicy()
        policy.perHostConcurrency = 2
        let cache = try RawCache(root: temporaryFolder("parallel"))
        let run = URLFetcher(policy: policy, cache: cache).fetch((1...6).map { server.base + "/p\($0)" })
        #expect(run.counts.downloaded == 6)
        #expect(server.maximumActive <= 2)
    }
}

@Suite struct RawCacheTests {
    @Test func fileNamesAreDigestsWhateverTheURL() throws {
        let root = temporaryFolder("names")
        let cache = try RawCache(root: root)
        let url = "http://127.0.0.1/../../etc/passwd?x=/../..%2F..%2F&y=<script>"
        try cache.store(CachedPage(url: url, finalURL: url, status: 200, contentType: "text/html", charset: nil,
                                   fetchDate: nil, requests: 1, body: Array("../../escape".utf8)))
        #expect(cache.page(for: url)?.body == Array("../../escape".utf8))
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("/") && (try? FileManager.default.attributesOfItem(atPath: root + "/" + $0)[.type] as? FileAttributeType) == .typeRegular }
        #expect(files.count == 2)
        for file in files {
            let name = file.split(separator: "/").last.map(String.init) ?? ""
            let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            #expect(stem.count == 64 && stem.allSatisfy { "0123456789abcdef".contains($0) }, "\(file)")
            #expect(!file.contains(".."))
        }
    }

    @Test func aDamagedBodyCountsAsNotFetched() throws {
        let root = temporaryFolder("damaged")
        let cache = try RawCache(root: root)
        let body = Array("<p>page</p>".utf8)
        try cache.store(CachedPage(url: "http://127.0.0.1/a", finalURL: "http://127.0.0.1/a", status: 200, contentType: nil,
                                   charset: nil, fetchDate: nil, requests: 1, body: body))
        let digest = SHA256.hex(body)
        let bodyPath = "\(root)/bodies/\(digest.prefix(2))/\(digest)"
        try Data("<p>pag".utf8).write(to: URL(fileURLWithPath: bodyPath))
        #expect(cache.page(for: "http://127.0.0.1/a") == nil)
    }
}

@Suite struct URLListTests {
    @Test func commentsBlanksDuplicatesAndBadSchemes() {
        let parsed = URLList.parse([
            (1, "# a list"), (2, ""), (3, "https://example.org/a"), (4, "  http://example.org/b   note beside it"),
            (5, "file:///etc/passwd"), (6, "https://example.org/a"), (7, "not a url"), (8, "javascript:alert(1)"),
        ])
        #expect(parsed.entries == [URLListEntry(line: 3, url: "https://example.org/a"), URLListEntry(line: 4, url: "http://example.org/b")])
        #expect(parsed.invalid.map(\.line) == [5, 7, 8])
        #expect(parsed.invalid[0].reason.contains("not file:"))
        #expect(parsed.duplicates.map(\.line) == [6] && parsed.duplicates[0].firstLine == 3)
    }

    @Test func redirectTargets() throws {
        #expect(try FetchURL.redirectTarget("/b#frag", from: "http://h.test/a/x").get() == "http://h.test/b")
        #expect(try FetchURL.redirectTarget("https://other.test/c", from: "http://h.test/a").get() == "https://other.test/c")
        #expect(FetchURL.redirectTarget("file:///etc/passwd", from: "http://h.test/a") == .failure(.scheme("file")))
        #expect(FetchURL.redirectTarget("gopher://h.test/", from: "http://h.test/a") == .failure(.scheme("gopher")))
    }

    @Test func backoffDoublesAndHonoursRetryAfter() {
        var policy = FetchPolicy()
        policy.backoff = 1
        policy.maximumBackoff = 5
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil) == 1)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil) == 4)
        #expect(policy.delay(beforeRetry: 4, retryAfter: nil) == 5)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 120) == 5)
        #expect(policy.delay(beforeRetry: 2, retryAfter: 0) == 0)
    }

    @Test func httpDates() {
        #expect(HTTPDate.iso8601("Sun, 06 Nov 1994 08:49:37 GMT") == "1994-11-06T08:49:37Z")
        #expect(HTTPDate.iso8601("yesterday") == nil)
    }
}

@Suite struct URLListInputTests {
    /// What a run hands on, one summary string per item, in order.
    private func items(_ inputs: CorpusInputs) -> [String] {
        var out: [String] = []
        while let item = inputs.next() {
            switch item {
            case .document(let d): out.append("doc \(d.source) \(d.bytes.count)")
            case .failure(let f): out.append("fail line \(f.line ?? -1) status \(f.status ?? 0) attempts \(f.attempts ?? -1): \(f.reason)")
            }
        }
        return out
    }

    @Test func everyLineEndsAsADocumentOrAFailureInListOrder() throws {
        let server = try TestHTTPServer(route: testRoutes)
        defer { server.stop() }
        let folder = temporaryFolder("list")
        let list = """
        # pages of the test server
        \(server.base)/page/1

        \(server.base)/missing
        file:///etc/passwd
        \(server.base)/page/2
        \(server.base)/page/1
        """
        try Data(list.utf8).write(to: URL(fileURLWithPath: folder + "/urls.txt"))
        var options = CorpusInputs.Options()
        options.urlLists = [folder + "/urls.txt"]
        options.cacheFolder = folder + "/raw"
        options.policy = testPolicy()
        let expected = [
            "doc \(server.base)/page/1 49",
            "fail line 4 status 404 attempts 1: HTTP 404",
            "fail line 5 status 0 attempts 0: only http and https URLs are fetched, not file:",
            "doc \(server.base)/page/2 50",
            "fail line 7 status 0 attempts 0: the same URL as line 2; fetched once",
        ]
        let first = CorpusInputs(paths: [], options: options)
        #expect(items(first) == expected)
        #expect(first.summary.hasPrefix("URLs: 5 listed, 0 from the cache, 2 downloaded, 1 failed, 1 duplicate, 1 invalid"))

        // Offline, from the cache alone: the same documents, and nothing asked of the server.
        options.offline = true
        let offline = CorpusInputs(paths: [], options: options)
        let again = items(offline)
        #expect(again.filter { $0.hasPrefix("doc") } == expected.filter { $0.hasPrefix("doc") })
        #expect(again[1] == "fail line 4 status 0 attempts 0: not in the raw cache (offline run)")
        #expect(server.hits("/page/1") == 1 && server.hits("/missing") == 1)
    }
}
