/// A media type header split into its parts: `text/html; charset=ISO-8859-1` → ("text/html", "iso-8859-1").
public struct MediaType: Equatable, Sendable {
    /// Lower-cased type/subtype, without parameters.
    public var essence: String
    /// The charset parameter, lower-cased and unquoted, or nil.
    public var charset: String?

    public init?(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let essence = String(parts[0]).trimmingSpaces().lowercased()
        guard !essence.isEmpty else { return nil }
        self.essence = essence
        for parameter in parts.dropFirst() {
            guard let eq = parameter.firstIndex(of: "=") else { continue }
            let name = String(parameter[..<eq]).trimmingSpaces().lowercased()
            var value = String(parameter[parameter.index(after: eq)...]).trimmingSpaces()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if name == "charset", !value.isEmpty { charset = value.lowercased() }
        }
    }

    /// The media types an article can come in: HTML, XHTML and plain text. Anything else (images, PDF,
    /// JSON, feeds) is refused before it reaches the normalizer.
    public static let articleTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain"]

    public var isArticleType: Bool { MediaType.articleTypes.contains(essence) }
}

/// The status line and header fields of an HTTP response stored in a WARC `response` record.
public struct HTTPResponseHead: Sendable {
    public var status: Int
    public var fields: [(name: String, value: String)]
    /// Where the body starts in the bytes the head was read from.
    public var bodyOffset: Int

    public func field(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// Reads "HTTP/1.x NNN reason", the header lines, and the blank line; nil if the bytes do not start so.
    public static func parse(_ bytes: [UInt8]) -> HTTPResponseHead? {
        var lines: [String] = []
        var position = 0
        let limit = min(bytes.count, 1 << 16)
        var lineStart = 0
        while position < limit {
            if bytes[position] == 0x0A {
                var stop = position
                if stop > lineStart && bytes[stop - 1] == 0x0D { stop -= 1 }
                let line = String(decoding: bytes[lineStart..<stop], as: UTF8.self)
                position += 1
                lineStart = position
                if line.isEmpty {
                    if lines.isEmpty { continue }
                    return build(lines, bodyOffset: position)
                }
                lines.append(line)
                continue
            }
            position += 1
        }
        // A head without a body and without the closing blank line still says something.
        if position == bytes.count, !lines.isEmpty, lineStart == bytes.count { return build(lines, bodyOffset: bytes.count) }
        return nil
    }

    private static func build(_ lines: [String], bodyOffset: Int) -> HTTPResponseHead? {
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/"), let status = Int(statusParts[1]),
              (100...999).contains(status) else { return nil }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingSpaces()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((String(line[..<colon]).trimmingSpaces(), String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        return HTTPResponseHead(status: status, fields: fields, bodyOffset: bodyOffset)
    }
}

/// Why an HTTP body stored in an archive could not be decoded.
public enum BodyDecodingError: Error, Equatable, CustomStringConvertible {
    case badChunking
    case unsupportedEncoding(String)
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .badChunking: "Transfer-Encoding chunked, but the body is not validly chunked"
        case .unsupportedEncoding(let e): "unsupported Content-Encoding \(e)"
        case .corrupt(let why): "Content-Encoding: \(why)"
        case .tooLarge(let limit): "decoded body larger than \(limit) bytes"
        }
    }
}

public enum HTTPBody {
    /// Undoes `Transfer-Encoding: chunked`. Trailers after the last chunk are ignored.
    public static func dechunk(_ bytes: ArraySlice<UInt8>) throws(BodyDecodingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while true {
            // Size line: hex digits, optional ";extensions", CRLF.
            var size = 0
            var digits = 0
            while i < bytes.endIndex, let d = hexValue(bytes[i]) {
                size = size * 16 + d
                digits += 1
                i += 1
                if digits > 12 { throw .badChunking }
            }
            guard digits > 0 else { throw .badChunking }
            while i < bytes.endIndex && bytes[i] != 0x0A { i += 1 }
            guard i < bytes.endIndex else { throw .badChunking }
            i += 1
            if size == 0 { return output }
            guard bytes.endIndex - i >= size else { throw .badChunking }
            output.append(contentsOf: bytes[i..<(i + size)])
            i += size
            // CRLF after the chunk data.
            if i < bytes.endIndex && bytes[i] == 0x0D { i += 1 }
            guard i < bytes.endIndex, bytes[i] == 0x0A else { throw .badChunking }
            i += 1
        }
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x41...0x46: Int(b - 0x41 + 10)
        case 0x61...0x66: Int(b - 0x61 + 10)
        default: nil
        }
    }

    /// Undoes the body's `Transfer-Encoding` and `Content-Encoding` as the head declares them.
    public static func decode(_ block: [UInt8], head: HTTPResponseHead, limit: Int) throws(BodyDecodingError) -> [UInt8] {
        var body = Array(block[head.bodyOffset...])
        if let transfer = head.field("Transfer-Encoding")?.lowercased(), transfer.contains("chunked") {
            body = try dechunk(body[...])
        }
        let encodings = (head.field("Content-Encoding") ?? "").lowercased().split(separator: ",").map { String($0).trimmingSpaces() }
        for encoding in encodings.reversed() where !encoding.isEmpty && encoding != "identity" {
            do {
                switch encoding {
                case "gzip", "x-gzip": body = try Gzip.decompress(body, source: "body", limit: limit)
                case "deflate": body = try Gzip.decompressDeflate(body, source: "body", limit: limit)
                default: throw BodyDecodingError.unsupportedEncoding(encoding)
                }
            } catch let error as FetchError {
                if case .tooLarge = error { throw .tooLarge(limit: limit) }
                if case .gzipCorrupt(_, let reason) = error { throw .corrupt("\(encoding) data is corrupt: \(reason)") }
                throw .corrupt("\(encoding) data is corrupt")
            } catch let error as BodyDecodingError {
                throw error
            } catch {
                throw .corrupt(encoding)
            }
        }
        return body
    }
}
