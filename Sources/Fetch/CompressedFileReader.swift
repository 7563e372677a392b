#if canImport(Glibc)
import Glibc
#endif
import CZlib

/// What one call to `CompressedFileReader.read` gave.
public enum CompressedRead: Equatable {
    /// This many decompressed bytes were written to the buffer.
    case bytes(Int)
    /// The gzip member starting at `memberOffset` (in the compressed file) is damaged; the bytes it gave
    /// so far may be incomplete. Reading goes on with the next intact member.
    case damaged(memberOffset: Int, reason: String)
    case end
}

/// Reads a file, plain or gzip (one member or many, as Common Crawl writes one member per record),
/// through fixed-size buffers: memory stays the same however large the file is.
///
/// A damaged member (truncated, corrupt, or cut short by the end of the file) is reported once, then
/// the reader looks for the next gzip header after it and goes on, so one bad member costs only itself.
public final class CompressedFileReader {
    public let path: String
    public let isGzip: Bool
    private let fd: Int32
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    /// File offset of `input[0]`.
    private var inputBase = 0
    private var endOfFile = false
    /// zlib keeps a pointer back to its stream, so the stream must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var inMember = false
    private var currentMemberOffset = 0
    /// While looking for the next member after damage, candidates that fail at once are skipped quietly.
    private var resynchronizing = false
    private var memberProducedOutput = false
    /// Decompressed bytes handed out so far.
    public private(set) var outputOffset = 0
    /// (decompressed offset, compressed offset) of each member start not yet collected by `members(upTo:)`.
    private var memberStarts: [(output: Int, file: Int)] = []

    public init(path: String, inputBufferBytes: Int = 1 << 18) throws(FetchError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        input = [UInt8](repeating: 0, count: inputBufferBytes)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        var magic: [UInt8] = [0, 0]
        let n = magic.withUnsafeMutableBufferPointer { pread(fd, $0.baseAddress!, 2, 0) }
        isGzip = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        if isGzip {
            guard whosaid_inflateInit2(stream, 16 + 15) == Z_OK else {
                close(fd)
                stream.deallocate()
                throw .gzipCorrupt(path: path, reason: "zlib init failed")
            }
        }
    }

    deinit {
        if isGzip { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        close(fd)
    }

    /// The compressed offset of the member that decompressed offset `output` came from (the latest
    /// member start at or before it); for a plain file, `output` itself. Forgets member starts before it.
    public func fileOffset(ofOutput output: Int) -> Int {
        guard isGzip else { return output }
        var best: Int? = nil
        var keepFrom = 0
        for (i, start) in memberStarts.enumerated() where start.output <= output {
            best = start.file
            keepFrom = i
        }
        if keepFrom > 0 { memberStarts.removeFirst(keepFrom) }
        return best ?? currentMemberOffset
    }

    /// The decompressed offset of the first member that starts strictly between `after` and `before`.
    public func memberStart(after: Int, before: Int) -> Int? {
        memberStarts.first { $0.output > after && $0.output < before }?.output
    }

    private func refill() throws(FetchError) {
        if inputStart > 0 {
            let count = inputEnd - inputStart
            if count > 0 { input.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + inputStart, count) } }
            inputBase += inputStart
            inputEnd = count
            inputStart = 0
        }
        while inputEnd < input.count {
            let n = input.withUnsafeMutableBufferPointer { p in Glibc.read(fd, p.baseAddress! + inputEnd, p.count - inputEnd) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { endOfFile = true; return }
            inputEnd += n
            return
        }
    }

    /// Moves the read position to file offset `offset` (used to look for the next member after damage).
    private func seek(to offset: Int) throws(FetchError) {
        if offset >= inputBase && offset <= inputBase + inputEnd {
            inputStart = offset - inputBase
            return
        }
        if lseek(fd, off_t(offset), SEEK_SET) < 0 { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        inputBase = offset
        inputStart = 0
        inputEnd = 0
        endOfFile = false
    }

    /// Skips to the next place that starts like a gzip member (1F 8B 08); false at the end of the file.
    private func findNextMember() throws(FetchError) -> Bool {
        while true {
            if inputEnd - inputStart < 3 {
                if endOfFile { inputStart = inputEnd; return false }
                try refill()
                continue
            }
            let found: Int? = input.withUnsafeBufferPointer { p in
                var i = inputStart
                while i + 2 < inputEnd {
                    guard let hit = memchr(p.baseAddress! + i, 0x1F, inputEnd - 2 - i) else { return nil }
                    let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p.baseAddress!
                    if p[at + 1] == 0x8B && p[at + 2] == 0x08 { return at }
                    i = at + 1
                }
                return nil
            }
            if let found { inputStart = found; return true }
            inputStart = inputEnd - 2
            if endOfFile { inputStart = inputEnd; return false }
            try refill()
        }
    }

    /// Fills `buffer` with up to `capacity` decompressed bytes.
    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(FetchError) -> CompressedRead {
        if !isGzip {
            while true {
                let n = Glibc.read(fd, buffer, capacity)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
                }
                outputOffset += n
                return n == 0 ? .end : .bytes(n)
            }
        }
        while true {
            if inputStart == inputEnd {
                if !endOfFile { try refill() }
                if inputStart == inputEnd {
                    guard inMember else { return .end }
                    inMember = false
                    if resynchronizing && !memberProducedOutput { return .end }
                    return .damaged(memberOffset: currentMemberOffset, reason: "truncated: the file ends inside this gzip member")
                }
            }
            if !inMember {
                // Between members: zero padding is allowed; anything else but a gzip header is damage.
                while inputStart < inputEnd && input[inputStart] == 0 { inputStart += 1 }
                if inputStart == inputEnd { continue }
                if inputEnd - inputStart < 2 && !endOfFile { try refill(); continue }
                let atMagic = inputEnd - inputStart >= 2 && input[inputStart] == 0x1F && input[inputStart + 1] == 0x8B
                if !atMagic {
                    let offset = inputBase + inputStart
                    let wasResynchronizing = resynchronizing
                    resynchronizing = true
                    inputStart += 1
                    guard try findNextMember() else {
                        return wasResynchronizing ? .end : .damaged(memberOffset: offset, reason: "data after the last gzip member is not gzip")
                    }
                    if !wasResynchronizing { return .damaged(memberOffset: offset, reason: "bytes between gzip members are not gzip") }
                    continue
                }
                inflateReset(stream)
                inMember = true
                memberProducedOutput = false
                currentMemberOffset = inputBase + inputStart
                memberStarts.append((outputOffset, currentMemberOffset))
            }
            let availableIn = inputEnd - inputStart
            let result: Int32 = input.withUnsafeMutableBufferPointer { p in
                stream.pointee.next_in = p.baseAddress! + inputStart
                stream.pointee.avail_in = UInt32(availableIn)
                stream.pointee.next_out = buffer
                stream.pointee.avail_out = UInt32(capacity)
                return inflate(stream, Z_NO_FLUSH)
            }
            let consumed = availableIn - Int(stream.pointee.avail_in)
            let produced = capacity - Int(stream.pointee.avail_out)
            inputStart += consumed
            outputOffset += produced
            if produced > 0 { memberProducedOutput = true }
            switch result {
            case Z_STREAM_END:
                inMember = false
                resynchronizing = false
                if produced > 0 { return .bytes(produced) }
            case Z_OK, Z_BUF_ERROR:
                if produced > 0 { return .bytes(produced) }
                if consumed == 0 && inputStart < inputEnd {
                    // No progress with input available: zlib wants more than the buffer holds.
                    try refill()
                }
            default:
                // What this call produced belongs to the damaged member: it is dropped, not handed out.
                outputOffset -= produced
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                let damagedAt = currentMemberOffset
                let report = !resynchronizing || memberProducedOutput
                inMember = false
                resynchronizing = true
                try seek(to: damagedAt + 1)
                if !(try findNextMember()) && !report { return .end }
                if report { return .damaged(memberOffset: damagedAt, reason: "corrupt gzip member: \(reason)") }
            }
        }
    }
}
