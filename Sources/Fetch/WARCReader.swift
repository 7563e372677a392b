#if canImport(Glibc)
import Glibc
#endif

/// One WARC record: its named header fields and its block (for a `response`, the HTTP message).
public struct WARCRecord: Sendable {
    /// Where the record starts: in a `.warc.gz`, the byte offset of its gzip member (as CDX indexes
    /// give it); in a plain `.warc`, the byte offset of its first line.
    public var offset: Int
    public var version: String
    /// Header fields in file order, names as written.
    public var fields: [(name: String, value: String)]
    public var block: [UInt8]

    /// The first field with this name, compared case-insensitively.
    public func field(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    public var type: String? { field("WARC-Type") }

    /// WARC 1.0 writers sometimes wrap the URI in angle brackets; they are not part of it.
    public var targetURI: String? {
        guard var uri = field("WARC-Target-URI") else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") && uri.count >= 2 { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }
}

/// A record that could not be read, and why. Reading goes on with the next record.
public struct WARCRecordError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var offset: Int
    public var reason: String
    public var description: String { "\(path): WARC record at byte \(offset): \(reason)" }
}

public enum WARCItem {
    case record(WARCRecord)
    /// A record larger than the limit: skipped without being kept in memory.
    case oversized(offset: Int, type: String?, length: Int)
    case damaged(WARCRecordError)
}

/// Reads the records of a `.warc` or `.warc.gz` file one at a time with a bounded window: memory stays
/// under about `maximumRecordBytes` however large the archive is.
///
/// A record whose Content-Length does not land on the blank line that must end it, or whose bytes a
/// damaged gzip member lost, is reported as damaged; reading resumes at the next line starting
/// `WARC/1.`, so a lie or a truncation costs only that record.
public final class WARCReader {
    public let path: String
    public let maximumRecordBytes: Int
    private let source: CompressedFileReader
    private var window: [UInt8]
    private var start = 0
    private var end = 0
    /// Stream offset of `window[0]`.
    private var base = 0
    private var endOfStream = false
    /// Stream offsets where decompressed bytes are missing (a damaged gzip member), with the reason.
    private var gaps: [(at: Int, memberOffset: Int, reason: String)] = []
    private static let maximumHeaderBytes = 1 << 16

    public init(path: String, maximumRecordBytes: Int = 32 << 20) throws(FetchError) {
        self.path = path
        self.maximumRecordBytes = maximumRecordBytes
        source = try CompressedFileReader(path: path)
        window = [UInt8](repeating: 0, count: 1 << 20)
    }

    /// Whether the file is gzip-compressed (offsets then name gzip members).
    public var isGzip: Bool { source.isGzip }

    // MARK: - Window

    private var available: Int { end - start }

    /// Reads more bytes into the window; false at the end of the stream.
    @discardableResult
    private func fill(minimumFree: Int = 1 << 16) throws(FetchError) -> Bool {
        if endOfStream { return false }
        if start > 0 && (start >= window.count / 2 || window.count - end < minimumFree) {
            let count = end - start
            if count > 0 { window.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, count) } }
            base += start
            end = count
            start = 0
        }
        if window.count - end < minimumFree {
            window.append(contentsOf: [UInt8](repeating: 0, count: max(window.count, minimumFree)))
        }
        while true {
            let result = try window.withUnsafeMutableBufferPointer { (p) throws(FetchError) -> CompressedRead in
                try source.read(into: p.baseAddress! + end, capacity: p.count - end)
            }
            switch result {
            case .bytes(let n): end += n; return true
            case .end: endOfStream = true; return false
            case .damaged(let memberOffset, let reason):
                gaps.append((base + end, memberOffset, reason))
            }
        }
    }

    /// Makes sure `count` bytes from `start` are in the window, if the stream has them.
    private func ensure(_ count: Int) throws(FetchError) -> Bool {
        while available < count {
            if !(try fill(minimumFree: max(1 << 16, count - available))) { return available >= count }
        }
        return true
    }

    /// Index (relative to `start`) of the next newline at or after relative index `from`, reading more
    /// as needed; nil when none comes within `limit` bytes of `start` or before the end of the stream.
    /// Relative indexes stay valid when `fill()` moves the window.
    private func lineEnd(from: Int, limit: Int) throws(FetchError) -> Int? {
        var scanFrom = from
        while true {
            let hit: Int? = window.withUnsafeBufferPointer { p in
                let at = start + scanFrom
                guard at < end, let h = memchr(p.baseAddress! + at, 0x0A, end - at) else { return nil }
                return UnsafeRawPointer(h).assumingMemoryBound(to: UInt8.self) - p.baseAddress! - start
            }
            if let hit { return hit }
            scanFrom = available
            if available > limit { return nil }
            if !(try fill()) { return nil }
        }
    }

    /// True when the window at index `i` starts a WARC version line ("WARC/1.").
    private func startsVersionLine(at i: Int) -> Bool {
        guard i + 7 <= end else { return false }
        return window[i] == 0x57 && window[i + 1] == 0x41 && window[i + 2] == 0x52 && window[i + 3] == 0x43
            && window[i + 4] == 0x2F && window[i + 5] == 0x31 && window[i + 6] == 0x2E
    }

    /// Moves `start` to the next line beginning "WARC/1." at or after stream offset `from`, or to the end
    /// of the stream. With `acceptAtStart`, a version line exactly at `from` counts even without a newline
    /// before it (after a damaged gzip member, the next member starts mid-line).
    private func resynchronize(from streamOffset: Int, acceptAtStart: Bool = false) throws(FetchError) {
        start = max(start, min(end, streamOffset - base))
        if acceptAtStart {
            _ = try ensure(7)
            if startsVersionLine(at: start) { return }
        }
        // Search for "\nWARC/1." beginning with the byte before `start`, so a line starting at `start` counts.
        var from = start > 0 ? start - 1 : start
        if start == 0 && base == 0, try ensure(7), startsVersionLine(at: start) { return }
        while true {
            let found: (index: Int, complete: Bool)? = window.withUnsafeBufferPointer { p in
                var i = from
                while i < end {
                    guard let h = memchr(p.baseAddress! + i, 0x0A, end - i) else { return nil }
                    let nl = UnsafeRawPointer(h).assumingMemoryBound(to: UInt8.self) - p.baseAddress!
                    if nl + 8 > end { return (nl, false) }
                    if p[nl + 1] == 0x57 && p[nl + 2] == 0x41 && p[nl + 3] == 0x52 && p[nl + 4] == 0x43
                        && p[nl + 5] == 0x2F && p[nl + 6] == 0x31 && p[nl + 7] == 0x2E { return (nl, true) }
                    i = nl + 1
                }
                return nil
            }
            if let found, found.complete { start = found.index + 1; return }
            // Keep an undecided newline near the end in the window; drop everything before it.
            start = found?.index ?? end
            if !(try fill()) { start = end; return }
            from = start
        }
    }

    // MARK: - Records

    /// The next record, or nil at the end of the file.
    public func next() throws(FetchError) -> WARCItem? {
        // Blank lines between records are tolerated.
        while true {
            if available == 0, !(try fill()) { break }
            while start < end && (window[start] == 0x0D || window[start] == 0x0A) { start += 1 }
            if start < end { break }
        }
        // A damaged member that no record claimed (it lost whole records, or only the end of the file).
        if let lost = gaps.first, lost.at <= base + start {
            gaps.removeFirst()
            return .damaged(WARCRecordError(path: path, offset: lost.memberOffset, reason: "\(lost.reason); the records in this gzip member are lost"))
        }
        if start == end { return nil }
        let recordStart = base + start
        let recordOffset = source.fileOffset(ofOutput: recordStart)
        func damaged(_ reason: String) -> WARCItem {
            .damaged(WARCRecordError(path: path, offset: recordOffset, reason: reason))
        }
        /// A damaged member inside this record: the record is lost; the next member starts the next one.
        func damagedByGap(before streamEnd: Int) throws(FetchError) -> WARCItem? {
            guard let index = gaps.firstIndex(where: { $0.at > recordStart && $0.at < streamEnd }) else { return nil }
            let g = gaps.remove(at: index)
            try resynchronize(from: g.at, acceptAtStart: true)
            return damaged("gzip member at byte \(g.memberOffset): \(g.reason)")
        }
        guard try ensure(7), startsVersionLine(at: start) else {
            if let lost = try damagedByGap(before: base + end + 1) { return lost }
            try resynchronize(from: recordStart + 1)
            return damaged("no WARC record starts here (expected a line beginning WARC/1.)")
        }
        // Header lines up to the blank line; positions are relative to `start`, which stays at the record.
        var fields: [(name: String, value: String)] = []
        var version = ""
        var cursor = 0
        while true {
            guard let nl = try lineEnd(from: cursor, limit: WARCReader.maximumHeaderBytes) else {
                if let lost = try damagedByGap(before: base + end + 1) { return lost }
                let atEnd = endOfStream
                try resynchronize(from: recordStart + 1)
                return damaged(atEnd ? "the file ends inside the record header" : "record header longer than \(WARCReader.maximumHeaderBytes) bytes")
            }
            var lineStop = start + nl
            if lineStop > start + cursor && window[lineStop - 1] == 0x0D { lineStop -= 1 }
            let folded = window[start + cursor] == 0x20 || window[start + cursor] == 0x09
            let line = String(decoding: window[(start + cursor)..<lineStop], as: UTF8.self)
            cursor = nl + 1
            if version.isEmpty { version = line; continue }
            if line.isEmpty { break }
            if folded, !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingSpaces()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((String(line[..<colon]).trimmingSpaces(), String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        let headerBytes = cursor
        let blockStart = recordStart + headerBytes
        let lengthText = fields.first { $0.name.lowercased() == "content-length" }?.value
        guard let lengthText, let length = Int(lengthText), length >= 0 else {
            if let lost = try damagedByGap(before: blockStart) { return lost }
            try resynchronize(from: blockStart)
            return damaged(lengthText == nil ? "no Content-Length" : "Content-Length is not a number")
        }
        let type = fields.first { $0.name.lowercased() == "warc-type" }?.value
        if length > maximumRecordBytes {
            // Too large to keep: stream past it without holding it.
            start += headerBytes
            var remaining = length
            while remaining > 0 {
                if available == 0, !(try fill()) { break }
                let take = min(remaining, available)
                start += take
                remaining -= take
            }
            _ = try ensure(4)
            if let lost = try damagedByGap(before: base + start + 4) { return lost }
            if remaining > 0 { return damaged("Content-Length \(length) runs past the end of the file") }
            if available >= 4, window[start] == 0x0D, window[start + 1] == 0x0A, window[start + 2] == 0x0D, window[start + 3] == 0x0A {
                start += 4
                return .oversized(offset: recordOffset, type: type, length: length)
            }
            try resynchronize(from: base + start)
            return damaged("Content-Length \(length) does not end at the blank line that closes the record")
        }
        let complete = try ensure(headerBytes + length + 4)
        let recordEnd = blockStart + length + 4
        let blockIndex = start + headerBytes
        let terminated = complete && window[blockIndex + length] == 0x0D && window[blockIndex + length + 1] == 0x0A
            && window[blockIndex + length + 2] == 0x0D && window[blockIndex + length + 3] == 0x0A
        let firstGap = gaps.first { $0.at > recordStart && $0.at < recordEnd }
        if !terminated || firstGap != nil, isGzip,
           let nextMember = source.memberStart(after: recordStart, before: firstGap.map { $0.at + 1 } ?? recordEnd) {
            // Something is wrong and the record runs into the next gzip member: writers give each record its
            // own member, so the length is what lied. The next member starts the next record.
            try resynchronize(from: nextMember, acceptAtStart: true)
            return damaged("Content-Length \(length) runs past the end of the record's gzip member")
        }
        if let lost = try damagedByGap(before: recordEnd) { return lost }
        guard terminated else {
            // The length lied (or the file was cut): look for the next record after this header.
            try resynchronize(from: blockStart)
            return damaged(complete
                ? "Content-Length \(length) does not end at the blank line that closes the record"
                : "Content-Length \(length) runs past the end of the file")
        }
        let block = Array(window[blockIndex..<(blockIndex + length)])
        start = blockIndex + length + 4
        return .record(WARCRecord(offset: recordOffset, version: version, fields: fields, block: block))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
