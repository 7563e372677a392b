import WhosaidCore

/// What reading archives gave, for the summary line: documents, and the records skipped, by reason.
public struct WARCCounts: Equatable, Sendable {
    public var records = 0
    public var documents = 0
    public var damaged = 0
    /// Records that are not article pages, by reason ("warcinfo", "request", "HTTP 404", "image/jpeg").
    public var skipped: [String: Int] = [:]
    /// Documents whose payload the crawler cut short (WARC-Truncated); they are still handed on.
    public var truncated = 0

    public mutating func add(_ other: WARCCounts) {
        records += other.records
        documents += other.documents
        damaged += other.damaged
        truncated += other.truncated
        for (reason, n) in other.skipped { skipped[reason, default: 0] += n }
    }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    public var summary: String {
        let reasons = skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var text = "WARC: \(records) records, \(documents) documents, \(damaged) damaged, \(skippedTotal) skipped"
        if !reasons.isEmpty { text += " (\(reasons))" }
        if truncated > 0 { text += ", \(truncated) truncated by the crawler" }
        return text
    }
}

/// The article pages of one WARC file: `response` records whose HTTP status is 200 and whose payload is
/// HTML (or XHTML, or plain text), with the HTTP body decoded (chunked transfer, gzip/deflate content
/// encoding). Every other record is counted as skipped, by reason.
public final class WARCDocuments {
    public let path: String
    public private(set) var counts = WARCCounts()
    private let reader: WARCReader
    private let maximumDocumentBytes: Int

    public init(path: String, maximumDocumentBytes: Int = 64 << 20) throws(FetchError) {
        self.path = path
        self.maximumDocumentBytes = maximumDocumentBytes
        reader = try WARCReader(path: path, maximumRecordBytes: maximumDocumentBytes)
    }

    /// The next document or failure; nil at the end of the archive. Skipped records are only counted.
    public func next() -> InputItem? {
        while true {
            let item: WARCItem?
            do { item = try reader.next() } catch {
                // The file itself cannot be read any further.
                counts.damaged += 1
                return .failure(InputFailure(source: path, reason: error.description, step: "warc"))
            }
            guard let item else { return nil }
            switch item {
            case .damaged(let error):
                counts.damaged += 1
                return .failure(InputFailure(source: path, reason: "WARC record at byte \(error.offset): \(error.reason)", step: "warc"))
            case .oversized(_, let type, _):
                counts.records += 1
                counts.skipped["\(type ?? "untyped") over \(maximumDocumentBytes) bytes", default: 0] += 1
            case .record(let record):
                counts.records += 1
                if let result = document(from: record) { return result }
            }
        }
    }

    private func skip(_ reason: String) -> InputItem? {
        counts.skipped[reason, default: 0] += 1
        return nil
    }

    private func document(from record: WARCRecord) -> InputItem? {
        let type = record.type?.lowercased() ?? "untyped"
        guard type == "response" else { return skip(type) }
        let uri = record.targetURI ?? ""
        // Some writers leave out the record's Content-Type; an HTTP status line at the start says enough.
        let recordType = record.field("Content-Type").flatMap(MediaType.init)
        let startsHTTP = record.block.starts(with: Array("HTTP/".utf8))
        guard recordType?.essence == "application/http" || recordType == nil && startsHTTP else { return skip("response not HTTP") }
        func failure(_ reason: String) -> InputItem {
            counts.damaged += 1
            return .failure(InputFailure(source: path, url: uri.isEmpty ? nil : uri,
                                         reason: "WARC record at byte \(record.offset)\(uri.isEmpty ? "" : " (\(uri))"): \(reason)", step: "warc"))
        }
        guard let head = HTTPResponseHead.parse(record.block) else { return failure("the block is not an HTTP response") }
        guard head.status == 200 else { return skip("HTTP \(head.status / 100)xx") }
        let media = head.field("Content-Type").flatMap(MediaType.init)
        if let media, !media.isArticleType { return skip(media.essence) }
        let body: [UInt8]
        do { body = try HTTPBody.decode(record.block, head: head, limit: maximumDocumentBytes) } catch {
            return failure(error.description)
        }
        if record.field("WARC-Truncated") != nil { counts.truncated += 1 }
        counts.documents += 1
        return .document(RawDocument(source: uri.isEmpty ? "\(path)@\(record.offset)" : uri, bytes: body, url: uri.isEmpty ? nil : uri,
                                     contentType: media?.essence, declaredCharset: media?.charset, fetchDate: record.field("WARC-Date")))
    }
}

