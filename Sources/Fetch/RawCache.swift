#if canImport(Glibc)
import Glibc
#endif
import WhosaidCore

/// A page as it was downloaded: enough to hand the normalizer the same document on every later run.
public struct CachedPage: Equatable, Sendable {
    /// The URL as the list gave it (the cache key).
    public var url: String
    /// Where the body came from after redirects.
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var charset: String?
    /// ISO 8601, from the response's Date header or, without one, the clock when it was fetched.
    public var fetchDate: String?
    /// Requests made for it, redirects included.
    public var requests: Int
    public var body: [UInt8]

    public init(url: String, finalURL: String, status: Int, contentType: String?, charset: String?,
                fetchDate: String?, requests: Int, body: [UInt8]) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.charset = charset
        self.fetchDate = fetchDate
        self.requests = requests
        self.body = body
    }

    public var document: RawDocument {
        RawDocument(source: url, bytes: body, url: finalURL, contentType: contentType, declaredCharset: charset, fetchDate: fetchDate)
    }
}

/// Downloaded pages on disk, so a later run (or a run resumed after an interruption) never downloads a
/// page again. File names are SHA-256 digests in hex, never parts of URLs or pages:
///
///     <root>/bodies/ab/ab12…  the body, named by the digest of its bytes (one copy per distinct body)
///     <root>/urls/cd/cd34…    a small JSON record for the URL, named by the digest of the URL
///
/// Each file is written to a temporary name and renamed into place, body first, so a record only ever
/// points to a complete body, and an interrupted run leaves no half-written entry behind.
public final class RawCache: @unchecked Sendable {
    public let root: String

    public init(root: String) throws(FetchError) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        for folder in [self.root, self.root + "/urls", self.root + "/bodies"] { try RawCache.makeFolder(folder) }
    }

    static func makeFolder(_ path: String) throws(FetchError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeFolder(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw .cannotWrite(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
    }

    private func path(kind: String, digest: String) -> String {
        "\(root)/\(kind)/\(digest.prefix(2))/\(digest)"
    }

    private func recordPath(for url: String) -> String { path(kind: "urls", digest: SHA256.hex(url)) + ".json" }

    public func contains(_ url: String) -> Bool {
        var info = stat()
        return stat(recordPath(for: url), &info) == 0
    }

    /// The cached page for `url`; nil if there is none, or if its body is missing or does not match its
    /// digest (then it counts as not fetched and is fetched again).
    public func page(for url: String) -> CachedPage? {
        guard let recordBytes = try? RawCache.readFile(recordPath(for: url)),
              let record = try? JSONValue.parse(recordBytes),
              record["url"]?.stringValue == url,
              let digest = record["body_sha256"]?.stringValue, digest.utf8.count == 64,
              digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
              let body = try? RawCache.readFile(path(kind: "bodies", digest: digest)),
              SHA256.hex(body) == digest
        else { return nil }
        return CachedPage(url: url, finalURL: record["final_url"]?.stringValue ?? url, status: record["status"]?.intValue ?? 200,
                          contentType: record["content_type"]?.stringValue, charset: record["charset"]?.stringValue,
                          fetchDate: record["fetch_date"]?.stringValue, requests: record["requests"]?.intValue ?? 1, body: body)
    }

    public func store(_ page: CachedPage) throws(FetchError) {
        let digest = SHA256.hex(page.body)
        let bodyPath = path(kind: "bodies", digest: digest)
        var info = stat()
        if stat(bodyPath, &info) != 0 {
            try RawCache.makeFolder(String(bodyPath[..<bodyPath.lastIndex(of: "/")!]))
            try RawCache.writeAtomically(page.body, to: bodyPath)
        }
        let record: JSONValue = .object([
            "url": .string(page.url), "final_url": .string(page.finalURL), "status": .int(page.status),
            "content_type": .optionalString(page.contentType), "charset": .optionalString(page.charset),
            "fetch_date": .optionalString(page.fetchDate), "requests": .int(page.requests),
            "body_sha256": .string(digest), "body_bytes": .int(page.body.count),
        ])
        let recordPath = recordPath(for: page.url)
        try RawCache.makeFolder(String(recordPath[..<recordPath.lastIndex(of: "/")!]))
        try RawCache.writeAtomically(Array(record.serialized().utf8) + [0x0A], to: recordPath)
    }

    static func readFile(_ path: String) throws(FetchError) -> [UInt8] {
        try InputFiles.readBytes(path, limit: Int.max)
    }

    /// Writes to a temporary file in the same folder, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FetchError) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { p in write(fd, p.baseAddress! + offset, p.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
            offset += n
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }
}
