#if canImport(Glibc)
import Glibc
#endif
import WhosaidCore

/// One URL of a list, with the line it came from.
public struct URLListEntry: Equatable, Sendable {
    public var line: Int
    public var url: String
    public init(line: Int, url: String) {
        self.line = line
        self.url = url
    }
}

/// A file of URLs, one a line; blank lines and lines starting with `#` are ignored, and so is anything
/// after white space on a line (room for a note beside the URL).
public enum URLList {
    public struct Parsed: Sendable {
        public var entries: [URLListEntry] = []
        /// Lines that are not http or https URLs, with why.
        public var invalid: [(line: Int, text: String, reason: String)] = []
        /// Lines repeating an earlier URL, with the line it first appeared on.
        public var duplicates: [(line: Int, url: String, firstLine: Int)] = []
    }

    public static func read(_ path: String) throws(FetchError) -> Parsed {
        let reader: LineReader
        do { reader = try LineReader(path: path, maximumLineBytes: 1 << 16) } catch {
            throw .cannotRead(path: path, reason: error.description)
        }
        var lines: [(Int, String)] = []
        do {
            while let item = try reader.next() {
                switch item {
                case .line(let number, let bytes): lines.append((number, String(decoding: bytes, as: UTF8.self)))
                case .tooLong(let number, _): lines.append((number, "\u{0}line too long"))
                }
            }
        } catch {
            throw .cannotRead(path: path, reason: error.description)
        }
        return parse(lines)
    }

    public static func parse(_ lines: [(Int, String)]) -> Parsed {
        var parsed = Parsed()
        var firstLine: [String: Int] = [:]
        for (number, raw) in lines {
            if raw.hasPrefix("\u{0}") { parsed.invalid.append((number, "", "line longer than 65536 bytes")); continue }
            let text = raw.trimmingSpaces().replacingTabs()
            if text.isEmpty || text.hasPrefix("#") { continue }
            let url = String(text.prefix { $0 != " " })
            if let reason = FetchURL.problem(url) {
                parsed.invalid.append((number, url, reason))
                continue
            }
            if let first = firstLine[url] {
                parsed.duplicates.append((number, url, first))
                continue
            }
            firstLine[url] = number
            parsed.entries.append(URLListEntry(line: number, url: url))
        }
        return parsed
    }
}

extension String {
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
