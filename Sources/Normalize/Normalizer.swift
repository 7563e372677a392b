import WhosaidCore

/// Why a document did not become an article.
public enum NormalizeError: Error, Equatable, CustomStringConvertible {
    case empty
    case notText(String)
    case noArticle(String)
    /// HTML this large is not a news page; parsing it would take memory out of proportion.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: "empty document"
        case .notText(let why): "not a text or HTML document: \(why)"
        case .noArticle(let why): "no article found: \(why)"
        case .tooLarge(let bytes, let limit): "HTML of \(bytes) bytes without scripts, styles and unread attributes, more than the limit of \(limit)"
        }
    }
}

/// Turns the bytes of one document into a clean article record.
///
/// Warnings about the input that did not stop it (a guessed charset, repaired bytes, a body taken from
/// JSON-LD) go to the record's `warnings` field, a list of short sentences.
public struct Normalizer: Sendable {
    /// A body shorter than this (in characters) is not an article: a 404 page, a teaser, a login wall.
    public var minimumBodyLength = 200
    /// Pages larger than this once scripts and styles are cut are refused: the largest news pages are
    /// about 2 MB, and libxml2's tree takes some 30 times the page's size in memory.
    public var maximumHTMLBytes = 8 << 20

    public init() {}

    public func normalize(_ document: RawDocument) throws(NormalizeError) -> Article {
        guard document.bytes.contains(where: { $0 > 0x20 }) else { throw .empty }
        if document.contentType == "text/plain" {
            let text = String(decoding: document.bytes, as: UTF8.self)
            return try PlainTextArticle.parse(text, source: document.source, url: document.url)
        }
        if let signature = Charset.binarySignature(document.bytes) { throw .notText(signature) }
        return try HTMLArticle.parse(document, minimumBodyLength: minimumBodyLength, maximumHTMLBytes: maximumHTMLBytes)
    }
}

enum HTMLArticle {
    static func parse(_ document: RawDocument, minimumBodyLength: Int, maximumHTMLBytes: Int) throws(NormalizeError) -> Article {
        var warnings: [String] = []
        let charset = Charset.decide(document.bytes, declared: document.declaredCharset, isSupported: PageWalker.isSupported)
        if let declared = document.declaredCharset, charset.source != .declared {
            warnings.append("declared charset \"\(declared)\" is unknown; read as \(charset.name)")
        }
        if charset.source == .fallback { warnings.append("no charset given and not UTF-8: read as windows-1252") }
        if charset.source == .metaOverruled { warnings.append("the page's <meta> names another charset, but it is UTF-8: read as UTF-8") }
        var bytes = charset.skip > 0 ? Array(document.bytes[charset.skip...]) : document.bytes
        if charset.name == "windows-1252", Charset.blankUndefinedWindows1252(&bytes) > 0 {
            warnings.append("bytes undefined in windows-1252 replaced with spaces")
        }
        if charset.name == "UTF-8", charset.source != .validUTF8, charset.source != .metaOverruled, let repaired = Charset.repairUTF8(bytes) {
            bytes = repaired.bytes
            warnings.append("\(repaired.replaced) invalid UTF-8 sequences replaced with U+FFFD")
        }
        if !charset.name.hasPrefix("UTF-16") { bytes = Prefilter.strip(bytes) }
        guard bytes.count <= maximumHTMLBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumHTMLBytes) }
        var page: PageModel
        do {
            page = try bytes.withUnsafeBufferPointer { buffer throws(ParseFailure) in
                try PageWalker.walk(buffer, encoding: charset.name)
            }
        } catch {
            throw .notText("the HTML parser found no document in it")
        }
        if page.maxDepth > 256 { warnings.append("elements nested \(page.maxDepth) deep") }

        let metadata = MetadataReader.read(page, documentURL: document.url, fetchDate: document.fetchDate)
        let body = BodyExtractor.extract(&page, title: metadata.title)
        var text = body.paragraphs.joined(separator: "\n\n")
        if !text.hasAtLeastCharacters(minimumBodyLength), let ldBody = metadata.jsonLDBody.map(cleanParagraphs),
           ldBody.hasAtLeastCharacters(minimumBodyLength) {
            text = ldBody
            warnings.append("body taken from the page's JSON-LD articleBody")
        }
        guard text.hasAtLeastCharacters(minimumBodyLength) else {
            if body.proseBlocks == 0 { throw .noArticle("no paragraph of prose on the page") }
            throw .noArticle("the best candidate body has \(text.count) characters, fewer than \(minimumBodyLength)")
        }
        if metadata.title == nil { warnings.append("no title found") }

        let id = SHA256.hex(metadata.url ?? document.source).prefix(16)
        var extra: [String: JSONValue] = [:]
        if !warnings.isEmpty { extra["warnings"] = .array(warnings.map(JSONValue.string)) }
        return Article(id: String(id), source: document.source, url: metadata.url, title: metadata.title,
                       authors: metadata.authors, published: metadata.published, site: metadata.site,
                       language: metadata.language, text: text, extra: extra)
    }

    /// JSON-LD bodies come as one string; keep its line breaks as paragraph breaks.
    static func cleanParagraphs(_ raw: String) -> String {
        raw.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { TextCleaner.clean(MetadataReader.decodeEntities(String($0))) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }
}

/// A plain-text article: the first non-empty line is the title, then paragraphs separated by blank lines.
enum PlainTextArticle {
    static func parse(_ raw: String, source: String, url: String?) throws(NormalizeError) -> Article {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let title = lines.first else { throw .empty }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines.dropFirst() {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        guard !paragraphs.isEmpty else { throw .noArticle("only a title line") }
        let body = paragraphs.joined(separator: "\n\n")
        let id = SHA256.hex(url ?? source).prefix(16)
        return Article(id: String(id), source: source, url: url, title: title, text: body)
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
