/// Reading records from NDJSON inputs with the pipeline's rules for bad lines: a line that is not a
/// usable record is reported as `file:line: reason` and skipped (or, in strict mode, stops the run).
public enum RecordInputError: Error, CustomStringConvertible {
    case stream(StreamError)
    /// Strict mode met a bad line.
    case badLine(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .stream(let e): e.description
        case .badLine(let s, let l, let r): "\(s):\(l): \(r)"
        }
    }
}

public struct RecordInput {
    public let paths: [String]
    public let strict: Bool
    public let maximumLineBytes: Int

    /// No paths means standard input.
    public init(paths: [String], strict: Bool = false, maximumLineBytes: Int = 64 << 20) {
        self.paths = paths.isEmpty ? ["-"] : paths
        self.strict = strict
        self.maximumLineBytes = maximumLineBytes
    }

    /// Calls `body` with every record that parses as a JSON object and is accepted by `decode`.
    /// `read`, if given, is tried first on a line's bytes: a faster reader for the common form of a record
    /// that returns nil for anything it does not handle, which then goes through `decode` as usual.
    public func forEach<Record>(
        reporter: StageReporter,
        read: ((ArraySlice<UInt8>) -> Record?)? = nil,
        decode: (JSONValue) throws(RecordError) -> Record,
        body: (Record, _ source: String, _ line: Int) throws -> Void
    ) throws {
        for path in paths {
            let reader: LineReader
            do {
                reader = try LineReader(path: path, maximumLineBytes: maximumLineBytes)
            } catch {
                if strict { throw RecordInputError.stream(error) }
                reporter.reject(source: path, reason: error.description)
                continue
            }
            while let item = try reader.next() {
                switch item {
                case .tooLong(let number, let length):
                    reporter.countIn()
                    try fail(reporter, reader.path, number, "line of \(length) bytes is longer than the limit of \(maximumLineBytes)")
                case .line(let number, let bytes):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    reporter.countIn()
                    if let read, let record = read(bytes) {
                        try body(record, reader.path, number)
                        continue
                    }
                    let record: Record
                    do {
                        record = try decode(try JSONValue.parse(bytes))
                    } catch let error as JSONParseError {
                        try fail(reporter, reader.path, number, error.description)
                        continue
                    } catch let error as RecordError {
                        try fail(reporter, reader.path, number, error.description)
                        continue
                    }
                    try body(record, reader.path, number)
                }
            }
        }
    }

    private func fail(_ reporter: StageReporter, _ source: String, _ line: Int, _ reason: String) throws {
        if strict { throw RecordInputError.badLine(source: source, line: line, reason: reason) }
        reporter.reject(source: source, line: line, reason: reason)
    }
}

/// Bytes of one input document and where they came from, as the fetch side hands them to the
/// normalizer (which knows nothing of files or the network).
public struct RawDocument: Sendable {
    /// The path or URL the user gave, or the WARC record's target.
    public var source: String
    public var bytes: [UInt8]
    /// The URL the page was fetched from, if known.
    public var url: String?
    /// The media type from an HTTP or WARC header, or nil (decided from the name and bytes).
    public var contentType: String?
    /// The charset from an HTTP or WARC header, which outranks what the page says of itself.
    public var declaredCharset: String?
    /// The date the page was fetched, from a WARC or HTTP header (ISO 8601), used only as a last resort.
    public var fetchDate: String?

    public init(source: String, bytes: [UInt8], url: String? = nil, contentType: String? = nil,
                declaredCharset: String? = nil, fetchDate: String? = nil) {
        self.source = source
        self.bytes = bytes
        self.url = url
        self.contentType = contentType
        self.declaredCharset = declaredCharset
        self.fetchDate = fetchDate
    }
}
