import Foundation
import Testing
@testable import Fetch
import WhosaidCore

/// Builds WARC files record by record, plain or gzip (one member per record, as Common Crawl writes).
struct WARCBuilder {
    var records: [[UInt8]] = []
    private var counter = 0

    /// A record with a correct Content-Length, or the one given (to make it lie).
    mutating func record(type: String, uri: String? = nil, contentType: String? = nil, block: [UInt8],
                         date: String = "2026-03-01T12:00:00Z", claimedLength: Int? = nil, extra: [(String, String)] = []) {
        counter += 1
        var head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Date: \(date)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(counter).leftPadded(12))>\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(claimedLength ?? block.count)\r\n\r\n"
        records.append(Array(head.utf8) + block + Array("\r\n\r\n".utf8))
    }

    mutating func response(uri: String, status: String = "200 OK", headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                           body: [UInt8], claimedLength: Int? = nil) {
        var http = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { http += "\(name): \(value)\r\n" }
        http += "\r\n"
        let block = Array(http.utf8) + body
        record(type: "response", uri: uri, contentType: "application/http; msgtype=response", block: block, claimedLength: claimedLength)
    }

    var plain: [UInt8] { records.flatMap { $0 } }
    /// One gzip member per record; `members` lets a test damage one.
    var members: [[UInt8]] { records.map { Gzip.compress($0) } }
    var gzip: [UInt8] { members.flatMap { $0 } }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

func writeFixture(_ bytes: [UInt8], name: String) throws -> String {
    let path = temporaryFolder("warc") + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

func html(_ n: Int) -> [UInt8] { Array("<html><head><title>Article \(n)</title></head><body><p>Paragraph of article \(n).</p></body></html>".utf8) }

/// The outcomes of reading an archive: documents, and failures' reasons.
func readAll(_ path: String, maximumDocumentBytes: Int = 64 << 20) throws -> (documents: [RawDocument], failures: [String], counts: WARCCounts) {
    let reader = try WARCDocuments(path: path, maximumDocumentBytes: maximumDocumentBytes)
    var documents: [RawDocument] = []
    var failures: [String] = []
    while let item = reader.next() {
        switch item {
        case .document(let d): documents.append(d)
        case .failure(let f): failures.append(f.reason); #expect(f.source == path)
        }
    }
    return (documents, failures, reader.counts)
}

/// A crawl with one of everything a CC-NEWS file holds.
func sampleCrawl() -> WARCBuilder {
    var w = WARCBuilder()
    w.record(type: "warcinfo", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8))
    w.record(type: "request", uri: "https://news.test/a", contentType: "application/http; msgtype=request",
             block: Array("GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n".utf8))
    w.response(uri: "https://news.test/a", body: html(1))
    w.record(type: "metadata", uri: "https://news.test/a", contentType: "application/warc-fields", block: Array("fetchTimeMs: 12\r\n".utf8))
    w.response(uri: "https://news.test/gone", status: "404 Not Found", body: Array("<p>not here</p>".utf8))
    w.response(uri: "https://news.test/moved", status: "301 Moved", headers: [("Location", "https://news.test/a")], body: [])
    w.response(uri: "https://news.test/logo.jpg", headers: [("Content-Type", "image/jpeg")], body: [0xFF, 0xD8, 0xFF])
    // Chunked transfer and gzip content encoding, as a proxy-style WARC writer stores them.
    let gz = Gzip.compress(html(2))
    let chunked = Array("\(String(10, radix: 16))\r\n".utf8) + gz[0..<10] + Array("\r\n\(String(gz.count - 10, radix: 16))\r\n".utf8)
        + gz[10...] + Array("\r\n0\r\n\r\n".utf8)
    w.response(uri: "https://news.test/b", headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
               body: chunked)
    // A windows-1252 page: bytes untouched, charset passed on.
    w.response(uri: "https://news.test/c", headers: [("Content-Type", "text/html; charset=windows-1252")], body: [0x93, 0x48, 0x69, 0x94])
    w.record(type: "revisit", uri: "https://news.test/a", contentType: "application/http; msgtype=response", block: Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
    w.response(uri: "<https://news.test/d>", body: html(4))
    // A DNS lookup stored as a response, and an HTTP response whose record has no Content-Type.
    w.record(type: "response", uri: "dns:news.test", contentType: "text/dns", block: Array("20260301120000\nnews.test. 300 IN A 192.0.2.1\n".utf8))
    w.record(type: "response", uri: "https://news.test/e", block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + html(5))
    return w
}

@Suite struct WARCTests {
    @Test(arguments: ["plain", "gzip"])
    func takesHTMLResponsesAndCountsTheRest(format: String) throws {
        let crawl = sampleCrawl()
        let path = try writeFixture(format == "gzip" ? crawl.gzip : crawl.plain, name: format == "gzip" ? "crawl.warc.gz" : "crawl.warc")
        let (documents, failures, counts) = try readAll(path)
        #expect(failures.isEmpty, "\(failures)")
        #expect(documents.map(\.url) == ["https://news.test/a", "https://news.test/b", "https://news.test/c", "https://news.test/d", "https://news.test/e"])
        #expect(documents[0].bytes == html(1))
        #expect(documents[4].bytes == html(5))
        #expect(documents[0].contentType == "text/html" && documents[0].declaredCharset == "utf-8")
        #expect(documents[0].fetchDate == "2026-03-01T12:00:00Z")
        #expect(documents[0].source == "https://news.test/a")
        #expect(documents[1].bytes == html(2), "chunked + gzip body decoded")
        #expect(documents[2].bytes == [0x93, 0x48, 0x69, 0x94] && documents[2].declaredCharset == "windows-1252")
        #expect(counts.records == 13 && counts.documents == 5 && counts.damaged == 0)
        #expect(counts.skipped == ["warcinfo": 1, "request": 1, "metadata": 1, "revisit": 1, "HTTP 4xx": 1, "HTTP 3xx": 1, "image/jpeg": 1,
                                   "response not HTTP": 1])
    }

    @Test func aTruncatedGzipMemberCostsOnlyItsRecord() throws {
        var w = WARCBuilder()
        for n in 1...4 { w.response(uri: "https://news.test/\(n)", body: html(n)) }
        var members = w.members
        let damagedOffset = members[0].count + members[1].count
        members[2] = Array(members[2].prefix(members[2].count / 2))
        let path = try writeFixture(members.flatMap { $0 }, name: "truncated.warc.gz")
        let (documents, failures, counts) = try readAll(path)
        #expect(documents.map(\.url) == ["https://news.test/1", "https://news.test/2", "https://news.test/4"])
        #expect(documents.last?.bytes == html(4))
        #expect(failures.count == 1 && counts.damaged == 1)
        #expect(failures.first?.contains("WARC record at byte \(damagedOffset)") == true, "\(failures)")
        #expect(failures.first?.contains("gzip member") == true, "\(failures)")
    }

    @Test func aFileCutInsideItsLastMemberKeepsTheRecordsBefore() throws {
        var w = WARCBuilder()
        for n in 1...3 { w.response(uri: "https://news.test/\(n)", body: html(n)) }
        let bytes = w.gzip
        let path = try writeFixture(Array(bytes.prefix(bytes.count - 20)), name: "cut.warc.gz")
        let (documents, failures, _) = try readAll(path)
        #expect(documents.map(\.url) == ["https://news.test/1", "https://news.test/2"])
        #expect(failures.count == 1 && failures[0].contains("truncated"), "\(failures)")
    }

    @Test(arguments: ["plain", "gzip"])
    func aLyingContentLengthCostsOnlyItsRecord(format: String) throws {
        for lie in [-25, 40, 5000] {
            var w = WARCBuilder()
            w.response(uri: "https://news.test/1", body: html(1))
            let body = html(2)
            let honest = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8).count + body.count
            w.response(uri: "https://news.test/2", headers: [("Content-Type", "text/html")], body: body, claimedLength: honest + lie)
            w.response(uri: "https://news.test/3", body: html(3))
            w.response(uri: "https://news.test/4", body: html(4))
            let bytes = format == "gzip" ? w.gzip : w.plain
            let path = try writeFixture(bytes, name: format == "gzip" ? "lie.warc.gz" : "lie.warc")
            let (documents, failures, _) = try readAll(path)
            #expect(documents.map(\.url) == ["https://news.test/1", "https://news.test/3", "https://news.test/4"], "lie \(lie)")
            #expect(failures.count == 1, "lie \(lie): \(failures)")
            let offset = format == "gzip" ? w.members[0].count : w.records[0].count
            #expect(failures.first?.contains("WARC record at byte \(offset): Content-Length \(honest + lie)") == true, "lie \(lie): \(failures)")
        }
    }

    @Test func aLyingLengthThenACutMemberAreTwoSeparateFailures() throws {
        var w = WARCBuilder()
        w.response(uri: "https://news.test/1", body: html(1))
        let body = html(2)
        let honest = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8).count + body.count
        w.response(uri: "https://news.test/2", headers: [("Content-Type", "text/html")], body: body, claimedLength: honest + 500)
        w.response(uri: "https://news.test/3", body: [UInt8](repeating: 0x41, count: 20000) + html(3))
        w.response(uri: "https://news.test/4", body: html(4))
        var members = w.members
        members[2] = Array(members[2].prefix(members[2].count / 2))
        let path = try writeFixture(members.flatMap { $0 }, name: "two-faults.warc.gz")
        let (documents, failures, _) = try readAll(path)
        #expect(documents.map(\.url) == ["https://news.test/1", "https://news.test/4"])
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.first?.hasPrefix("WARC record at byte \(members[0].count): Content-Length \(honest + 500) runs past the end of the record's gzip member") == true, "\(failures)")
        #expect(failures.last?.hasPrefix("WARC record at byte \(members[0].count + members[1].count): ") == true, "\(failures)")
    }

    @Test func oneGzipStreamForTheWholeFileAlsoWorks() throws {
        let crawl = sampleCrawl()
        let path = try writeFixture(Gzip.compress(crawl.plain), name: "single.warc.gz")
        let (documents, failures, _) = try readAll(path)
        #expect(failures.isEmpty && documents.count == 5)
    }

    @Test func manyRecordsAcrossBufferBoundariesAndAnOversizedOne() throws {
        var w = WARCBuilder()
        for n in 0..<1500 { w.response(uri: "https://news.test/\(n)", body: html(n) + [UInt8](repeating: 0x20, count: n % 977)) }
        // Larger than the reader's first window (1 MiB), under the document limit: the window grows.
        w.response(uri: "https://news.test/big", body: [UInt8](repeating: 0x61, count: 3 << 20))
        // Over the document limit: skipped without being held.
        w.response(uri: "https://news.test/huge", body: [UInt8](repeating: 0x62, count: 9 << 20))
        w.response(uri: "https://news.test/last", body: html(9999))
        let path = try writeFixture(w.gzip, name: "many.warc.gz")
        let (documents, failures, counts) = try readAll(path, maximumDocumentBytes: 8 << 20)
        #expect(failures.isEmpty, "\(failures)")
        #expect(documents.count == 1502)
        #expect(documents[777].bytes == html(777) + [UInt8](repeating: 0x20, count: 777))
        #expect(documents[1500].bytes.count == 3 << 20)
        #expect(documents.last?.url == "https://news.test/last")
        #expect(counts.skipped.values.reduce(0, +) == 1)
    }

    @Test func garbageBetweenRecordsIsReportedAndSkipped() throws {
        var w = WARCBuilder()
        w.response(uri: "https://news.test/1", body: html(1))
        w.response(uri: "https://news.test/2", body: html(2))
        let bytes = w.records[0] + Array("this is not a WARC record\r\n".utf8) + w.records[1]
        let path = try writeFixture(bytes, name: "garbage.warc")
        let (documents, failures, _) = try readAll(path)
        #expect(documents.map(\.url) == ["https://news.test/1", "https://news.test/2"])
        #expect(failures == ["WARC record at byte \(w.records[0].count): no WARC record starts here (expected a line beginning WARC/1.)"])
    }

    @Test func corruptBodiesAreFailuresNamingTheRecord() throws {
        var w = WARCBuilder()
        w.response(uri: "https://news.test/bad-gzip", headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: Array("not gzip".utf8))
        w.response(uri: "https://news.test/bad-chunks", headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], body: Array("zz\r\n".utf8))
        w.response(uri: "https://news.test/brotli", headers: [("Content-Type", "text/html"), ("Content-Encoding", "br")], body: [1, 2, 3])
        w.response(uri: "https://news.test/ok", body: html(1))
        let path = try writeFixture(w.plain, name: "bodies.warc")
        let (documents, failures, counts) = try readAll(path)
        #expect(documents.map(\.url) == ["https://news.test/ok"])
        #expect(failures.count == 3 && counts.damaged == 3)
        #expect(failures[0].hasPrefix("WARC record at byte 0 (https://news.test/bad-gzip): Content-Encoding: gzip data is corrupt"), "\(failures)")
        #expect(failures[1].contains("not validly chunked"))
        #expect(failures[2].contains("unsupported Content-Encoding br"))
    }

    @Test func corpusInputsDispatchArchivesByName() throws {
        let crawl = sampleCrawl()
        let folder = temporaryFolder("corpus")
        try Data(crawl.gzip).write(to: URL(fileURLWithPath: folder + "/crawl.warc.gz"))
        try Data("Title\n\nBody.".utf8).write(to: URL(fileURLWithPath: folder + "/note.txt"))
        let inputs = CorpusInputs(paths: [folder], options: CorpusInputs.Options())
        var sources: [String] = []
        while let item = inputs.next() {
            if case .document(let d) = item { sources.append(d.source) }
        }
        #expect(sources == ["https://news.test/a", "https://news.test/b", "https://news.test/c", "https://news.test/d", "https://news.test/e",
                            folder + "/note.txt"])
        #expect(inputs.summary.hasPrefix("WARC: 13 records, 5 documents, 0 damaged, 8 skipped"))
    }
}

@Suite struct HTTPMessageTests {
    @Test func mediaTypes() {
        #expect(MediaType("Text/HTML; Charset=\"ISO-8859-1\"") == MediaType("text/html; charset=iso-8859-1"))
        #expect(MediaType("text/html; charset=\"ISO-8859-1\"")?.charset == "iso-8859-1")
        #expect(MediaType("application/pdf")?.isArticleType == false)
        #expect(MediaType("application/xhtml+xml")?.isArticleType == true)
    }

    @Test func responseHeads() throws {
        let head = try #require(HTTPResponseHead.parse(Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: a\r\n b\r\n\r\nbody".utf8)))
        #expect(head.status == 200 && head.field("content-type") == "text/html" && head.field("X-Long") == "a b")
        #expect(head.bodyOffset == 59)
        #expect(HTTPResponseHead.parse(Array("GET / HTTP/1.1\r\n\r\n".utf8)) == nil)
    }

    @Test func dechunking() throws {
        #expect(try HTTPBody.dechunk(Array("4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n".utf8)[...]) == Array("Wikipedia".utf8))
        #expect(throws: BodyDecodingError.badChunking) { try HTTPBody.dechunk(Array("9\r\nshort\r\n".utf8)[...]) }
    }
}
