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

public struct RecordInput: Sendable {
    public let paths: [String]
    /// A file naming more inputs, one a line (a tab ends the name; "-": standard input), read after `paths`,
    /// and only as far as the inputs before it have been read: a list still being written (a pipe) is
    /// followed, each input read as soon as it is named.
    public let list: String?
    public let strict: Bool
    public let maximumLineBytes: Int

    /// No paths and no list means standard input.
    public init(paths: [String], list: String? = nil, strict: Bool = false, maximumLineBytes: Int = 64 << 20) {
        self.paths = paths.isEmpty && list == nil ? ["-"] : paths
        self.list = list
        self.strict = strict
        self.maximumLineBytes = maximumLineBytes
    }

    /// What reading the inputs gives, in input order: a record, a line that is not one, an input that
    /// cannot be opened, or a read error that ends the input.
    enum Event<Record: Sendable>: Sendable {
        case record(Record, source: String, line: Int)
        case badLine(source: String, line: Int, reason: String)
        case unreadable(path: String, StreamError)
        case readFailed(StreamError)
    }

    /// Calls `body` with every record that parses as a JSON object and is accepted by `decode`.
    /// `read`, if given, is tried first on a line's bytes: a faster reader for the common form of a record
    /// that returns nil for anything it does not handle, which then goes through `decode` as usual.
    public func forEach<Record: Sendable>(
        reporter: StageReporter,
        read: ((ArraySlice<UInt8>) -> Record?)? = nil,
        decode: (JSONValue) throws(RecordError) -> Record,
        body: (Record, _ source: String, _ line: Int) throws -> Void
    ) throws {
        try readEvents(read: read, decode: decode) { event, _ in try handle(event, reporter: reporter, body: body) }
    }

    /// `forEach`, with the reading and decoding done on a second thread while `body` works on the records
    /// before: a stage whose `body` is the larger part of its work (the load, waiting on SQLite) then takes
    /// the wall time of `body` alone. At most `readAhead` records, and records from at most
    /// `readAheadBytes` of input (or one record, however long), wait decoded, so memory stays bounded. The
    /// events reach `body` and the reporter on the calling thread, in input order, as in `forEach`.
    public func forEachReadingAhead<Record: Sendable>(
        reporter: StageReporter,
        readAhead: Int = 64,
        readAheadBytes: Int = 16 << 20,
        read: (@Sendable (ArraySlice<UInt8>) -> Record?)? = nil,
        decode: @escaping @Sendable (JSONValue) throws(RecordError) -> Record,
        body: (Record, _ source: String, _ line: Int) throws -> Void
    ) throws {
        let handoff = Handoff<Event<Record>>(capacity: readAhead, maximumCost: readAheadBytes)
        let input = self
        let reader = WorkerThread {
            defer { handoff.close() }
            try? input.readEvents(read: read, decode: decode) { event, lineBytes in
                guard handoff.put(event, cost: lineBytes) else { throw HandoffCancelled() }
            }
        }
        var readToTheEnd = false
        defer {
            handoff.cancel()
            // Read to the end, the thread has finished its last put: wait for it. Stopped early (a strict
            // stop, a database error), it may be blocked reading a pipe or opening a FIFO that nobody will
            // write to: it is left to end on its own, or with the process.
            if readToTheEnd { reader.join() } else { reader.detach() }
        }
        while let event = handoff.take() {
            try handle(event, reporter: reporter, body: body)
        }
        readToTheEnd = true
    }

    /// Reads every input in order and hands `emit` what each line is, with the line's length in bytes; a
    /// read error ends the reading.
    private func readEvents<Record: Sendable>(
        read: ((ArraySlice<UInt8>) -> Record?)?,
        decode: (JSONValue) throws(RecordError) -> Record,
        emit: (Event<Record>, _ lineBytes: Int) throws -> Void
    ) throws {
        var given = paths[...]
        // Opened once the given paths are read: a list that is a FIFO may have no writer before then.
        var names: LineReader?
        while true {
            let path: String
            if let next = given.popFirst() {
                path = next
            } else {
                guard let list else { return }
                do {
                    if names == nil { names = try LineReader(path: list) }
                    guard let next = try names?.nextName() else { return }
                    path = next
                } catch {
                    try emit(.readFailed(error), 0)
                    return
                }
            }
            let reader: LineReader
            do {
                reader = try LineReader(path: path, maximumLineBytes: maximumLineBytes)
            } catch {
                try emit(.unreadable(path: path, error), 0)
                continue
            }
            while true {
                let item: NDJSONLine?
                do {
                    item = try reader.next()
                } catch {
                    try emit(.readFailed(error), 0)
                    return
                }
                guard let item else { break }
                switch item {
                case .tooLong(let number, let length):
                    try emit(.badLine(source: reader.path, line: number,
                                      reason: "line of \(length) bytes is longer than the limit of \(maximumLineBytes)"), 0)
                case .line(let number, let bytes):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    if let read, let record = read(bytes) {
                        try emit(.record(record, source: reader.path, line: number), bytes.count)
                        continue
                    }
                    do {
                        let record = try decode(try JSONValue.parse(bytes))
                        try emit(.record(record, source: reader.path, line: number), bytes.count)
                    } catch let error as JSONParseError {
                        try emit(.badLine(source: reader.path, line: number, reason: error.description), 0)
                    } catch let error as RecordError {
                        try emit(.badLine(source: reader.path, line: number, reason: error.description), 0)
                    }
                }
            }
        }
    }

    private func handle<Record: Sendable>(
        _ event: Event<Record>, reporter: StageReporter, body: (Record, _ source: String, _ line: Int) throws -> Void
    ) throws {
        switch event {
        case .record(let record, let source, let line):
            reporter.countIn()
            try body(record, source, line)
        case .badLine(let source, let line, let reason):
            reporter.countIn()
            if strict { throw RecordInputError.badLine(source: source, line: line, reason: reason) }
            reporter.reject(source: source, line: line, reason: reason)
        case .unreadable(let path, let error):
            if strict { throw RecordInputError.stream(error) }
            reporter.reject(source: path, reason: error.description)
        case .readFailed(let error):
            throw error
        }
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

extension LineReader {
    /// The next file name: a line up to its first tab, as in the shard lists; empty lines are skipped.
    fileprivate func nextName() throws(StreamError) -> String? {
        while let item = try next() {
            switch item {
            case .line(_, let bytes):
                let name = bytes.prefix { $0 != 0x09 }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            case .tooLong(let number, let length):
                throw .readFailed(path: path, reason: "line \(number) of \(length) bytes is no file name")
            }
        }
        return nil
    }
}
