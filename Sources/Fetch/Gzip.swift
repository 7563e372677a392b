import CZlib

/// gzip decompression over zlib, for `.html.gz` files and WARC members. Multi-member streams (as
/// Common Crawl writes them) are read member after member; the output is capped so a gzip bomb is
/// refused instead of filling memory.
public enum Gzip {
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    public static func decompress(_ input: [UInt8], source: String, limit: Int) throws(FetchError) -> [UInt8] {
        guard isGzip(input) else { throw .notGzip(path: source) }
        // 16 + MAX_WBITS: expect a gzip header and trailer.
        return try inflate(input, windowBits: 16 + 15, source: source, limit: limit)
    }

    /// HTTP's `deflate` is meant to be zlib-wrapped, but some servers send raw deflate: accept both.
    public static func decompressDeflate(_ input: [UInt8], source: String, limit: Int) throws(FetchError) -> [UInt8] {
        let zlibWrapped = input.count >= 2 && input[0] & 0x0F == 8 && (UInt16(input[0]) << 8 | UInt16(input[1])) % 31 == 0
        return try inflate(input, windowBits: zlibWrapped ? 15 : -15, source: source, limit: limit)
    }

    static func inflate(_ input: [UInt8], windowBits: Int32, source: String, limit: Int) throws(FetchError) -> [UInt8] {
        guard !input.isEmpty else { throw .gzipCorrupt(path: source, reason: "truncated") }
        var output: [UInt8] = []
        var stream = z_stream()
        guard whosaid_inflateInit2(&stream, windowBits) == Z_OK else { throw .gzipCorrupt(path: source, reason: "zlib init failed") }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var consumed = 0
        let status: Int32 = input.withUnsafeBufferPointer { inputPointer -> Int32 in
            while true {
                stream.next_in = UnsafeMutablePointer(mutating: inputPointer.baseAddress! + consumed)
                stream.avail_in = UInt32(input.count - consumed)
                var result: Int32 = Z_OK
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        result = CZlib.inflate(&stream, Z_NO_FLUSH)
                        return out.count - Int(stream.avail_out)
                    }
                    if result != Z_OK && result != Z_STREAM_END && !(result == Z_BUF_ERROR && produced > 0) { return result }
                    output.append(contentsOf: chunk[0..<produced])
                    if output.count > limit { return Z_MEM_ERROR }
                    if produced == 0 && result == Z_BUF_ERROR { return Z_DATA_ERROR }
                } while result != Z_STREAM_END && stream.avail_in > 0 || (result == Z_OK && stream.avail_out == 0)
                consumed = input.count - Int(stream.avail_in)
                if result != Z_STREAM_END { return stream.avail_in == 0 ? Z_BUF_ERROR : result }
                // Another member follows?
                if windowBits > 15, consumed < input.count, input[consumed] == 0x1F {
                    inflateReset(&stream)
                    continue
                }
                return Z_STREAM_END
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_MEM_ERROR: throw .tooLarge(path: source, limit: limit)
        case Z_BUF_ERROR: throw .gzipCorrupt(path: source, reason: "truncated")
        default: throw .gzipCorrupt(path: source, reason: stream.msg.map { String(cString: $0) } ?? "error \(status)")
        }
    }
}

extension Gzip {
    /// One gzip member holding `input`: what WARC writers emit per record. Used to build test archives.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard whosaid_deflateInit2(&stream, level, 16 + 15) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { inPointer in
            output.withUnsafeMutableBufferPointer { outPointer in
                stream.next_in = inPointer.baseAddress
                stream.avail_in = UInt32(inPointer.count)
                stream.next_out = outPointer.baseAddress
                stream.avail_out = UInt32(outPointer.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return outPointer.count - Int(stream.avail_out)
            }
        }
        return written < 0 ? [] : Array(output[0..<written])
    }
}
