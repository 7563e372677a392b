import WhosaidCore

/// Why a document did not become an article.
public enum NormalizeError: Error, Equatable, CustomStringConvertible {
    case empty
    case notText(String)
    case noArticle(String)

    public var description: String {
        switch self {
        case .empty: "empty document"
        case .notText(let why): "not a text or HTML document: \(why)"
        case .noArticle(let why): "no article found: \(why)"
        }
    }
}

/// Turns the bytes of one document into a clean article record.
public struct Normalizer: Sendable {
    public init() {}

    public func normalize(_ document: RawDocument) throws(NormalizeError) -> Article {
        guard !document.bytes.isEmpty else { throw .empty }
        let text = String(decoding: document.bytes, as: UTF8.self)
        let isPlainText = document.contentType == "text/plain"
        guard isPlainText else { throw .notText("HTML normalisation is not built yet") }
        return try PlainTextArticle.parse(text, source: document.source, url: document.url)
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
