#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why reading or writing a stream failed. Carries where, never the data.
public enum StreamError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): "\(p): cannot open: \(r)"
        case .readFailed(let p, let r): "\(p): read failed: \(r)"
        case .writeFailed(let p, let r): "\(p): write failed: \(r)"
        }
    }
}

func systemErrorText(_ code: Int32) -> String { String(cString: strerror(code)) }

/// One line of an NDJSON stream, without its newline.
public enum NDJSONLine {
    case line(number: Int, bytes: ArraySlice<UInt8>)
    /// The line was longer than the reader's limit; its bytes were skipped, not kept.
    case tooLong(number: Int, length: Int)
}

/// Reads newline-separated lines from a file descriptor with a fixed-size buffer, so memory stays flat
/// however long the stream is, and a giant line costs at most the limit, not its size.
public final class LineReader {
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let maximumLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0

    /// `path` "-" reads standard input.
    public init(path: String, maximumLineBytes: Int = 64 << 20) throws(StreamError) {
        self.path = path == "-" ? "<stdin>" : path
        self.maximumLineBytes = maximumLineBytes
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            let d = open(path, O_RDONLY)
            if d < 0 { throw .cannotOpen(path: path, reason: systemErrorText(errno)) }
            fd = d
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: 1 << 20)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Bytes consumed so far, for progress reports.
    public private(set) var bytesRead = 0

    private func fill() throws(StreamError) {
        if start > 0 {
            // Move the unread tail to the front.
            let count = end - start
            if count > 0 { buffer.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, count) } }
            start = 0
            end = count
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let n = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + end, p.count - end) }
        if n < 0 {
            if errno == EINTR { return }
            throw .readFailed(path: path, reason: systemErrorText(errno))
        }
        if n == 0 { eof = true }
        end += n
        bytesRead += n
    }

    public func next() throws(StreamError) -> NDJSONLine? {
        var scanFrom = start
        var skipping = false
        var skipped = 0
        while true {
            let newline: Int? = buffer.withUnsafeBufferPointer { p in
                guard scanFrom < end, let hit = memchr(p.baseAddress! + scanFrom, 0x0A, end - scanFrom) else { return nil }
                return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p.baseAddress!
            }
            if let nl = newline {
                lineNumber += 1
                if skipping {
                    skipped += nl - start
                    start = nl + 1
                    return .tooLong(number: lineNumber, length: skipped)
                }
                if nl - start > maximumLineBytes {
                    let length = nl - start
                    start = nl + 1
                    return .tooLong(number: lineNumber, length: length)
                }
                var lineEnd = nl
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = nl + 1
                return .line(number: lineNumber, bytes: line)
            }
            if eof {
                guard start < end || skipping else { return nil }
                lineNumber += 1
                let line = buffer[start..<end]
                start = end
                if skipping { return .tooLong(number: lineNumber, length: skipped + line.count) }
                return .line(number: lineNumber, bytes: line)
            }
            if end - start > maximumLineBytes {
                // Drop what we have of this over-long line and keep scanning for its end.
                skipping = true
                skipped += end - start
                start = end
            }
            // fill() may move the unread bytes to the front: remember how many were already scanned.
            let scanned = end - start
            try fill()
            scanFrom = start + scanned
        }
    }
}

/// Writes a stream of lines to standard output or to a file that appears only when complete: the
/// bytes go to a temporary file beside it, renamed over the target by `commit()`. A run that dies
/// half-way leaves the previous file, never a truncated one.
public final class OutputStream {
    public let path: String
    private let fd: Int32
    private let temporaryPath: String?
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var committed = false

    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) != S_IFREG
    }

    /// `path` nil or "-" writes standard output.
    public init(path: String?) throws(StreamError) {
        if let path, path != "-", OutputStream.isSpecialFile(path) {
            // A device or pipe (/dev/null, a FIFO) is written in place: renaming over it would replace it.
            self.path = path
            let d = open(path, O_WRONLY)
            if d < 0 { throw .cannotOpen(path: path, reason: systemErrorText(errno)) }
            fd = d
            temporaryPath = nil
            ownsDescriptor = true
        } else if let path, path != "-" {
            self.path = path
            let tmp = path + ".tmp-\(getpid())"
            let d = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if d < 0 { throw .cannotOpen(path: path, reason: systemErrorText(errno)) }
            fd = d
            temporaryPath = tmp
            ownsDescriptor = true
            TemporaryFiles.register(tmp)
        } else {
            self.path = "<stdout>"
            fd = 1
            temporaryPath = nil
            ownsDescriptor = false
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if ownsDescriptor { close(fd) }
        if let temporaryPath {
            if !committed { unlink(temporaryPath) }
            TemporaryFiles.unregister(temporaryPath)
        }
    }

    public func write(line: JSONValue) throws(StreamError) {
        line.write(into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Bytes written as they are (no newline added).
    public func write(rawBytes: some Collection<UInt8>) throws(StreamError) {
        buffer.append(contentsOf: rawBytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(rawLine: some Collection<UInt8>) throws(StreamError) {
        buffer.append(contentsOf: rawLine)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func flush() throws(StreamError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBufferPointer { p in Glibc.write(fd, p.baseAddress! + offset, p.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: systemErrorText(errno))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and puts the file in place.
    public func commit() throws(StreamError) {
        try flush()
        guard let temporaryPath else { return }
        if fsync(fd) != 0 { throw .writeFailed(path: path, reason: systemErrorText(errno)) }
        if rename(temporaryPath, path) != 0 { throw .writeFailed(path: path, reason: systemErrorText(errno)) }
        committed = true
        TemporaryFiles.unregister(temporaryPath)
    }
}

/// Temporary output files still being written, removed if the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP) so an interrupted run leaves nothing behind. A SIGKILL cannot be caught: its temporary file is left
/// under a name that nothing reads (`.tmp-PID`, or a database's `.loading`), and the real output is untouched
/// either way.
public enum TemporaryFiles {
    /// C strings the signal handler can unlink without allocating.
    nonisolated(unsafe) static var paths: [UnsafeMutablePointer<CChar>?] = Array(repeating: nil, count: 16)
    nonisolated(unsafe) static var handlersInstalled = false

    public static func register(_ path: String) {
        if !handlersInstalled {
            handlersInstalled = true
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig) { received in
                    for case let p? in TemporaryFiles.paths { unlink(p) }
                    signal(received, SIG_DFL)
                    raise(received)
                }
            }
        }
        if let slot = paths.firstIndex(where: { $0 == nil }) { paths[slot] = strdup(path) }
    }

    public static func unregister(_ path: String) {
        for (i, p) in paths.enumerated() {
            if let p, String(cString: p) == path {
                paths[i] = nil
                free(p)
            }
        }
    }
}
