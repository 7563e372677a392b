#if canImport(Glibc)
import Glibc
#endif
import WhosaidCore

/// Why an input could not be read.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notGzip(path: String)
    case gzipCorrupt(path: String, reason: String)
    case tooLarge(path: String, limit: Int)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let p, let r): "\(p): cannot read: \(r)"
        case .notGzip(let p): "\(p): not gzip data"
        case .gzipCorrupt(let p, let r): "\(p): corrupt gzip data: \(r)"
        case .tooLarge(let p, let limit): "\(p): larger than the limit of \(limit) bytes"
        case .cannotWrite(let p, let r): "\(p): cannot write: \(r)"
        }
    }
}

/// The local files a corpus is made of: the files named, and those below the folders named, with an
/// article extension, in a stable order (so the same corpus always gives the same output).
public enum InputFiles {
    public static let articleExtensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt", ".txt.gz"]
    /// Web archives: read record by record rather than as one document.
    public static let archiveExtensions = [".warc", ".warc.gz"]

    public static func isArticleFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return articleExtensions.contains { lower.hasSuffix($0) } || isArchive(path)
    }

    public static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return archiveExtensions.contains { lower.hasSuffix($0) }
    }

    /// Expands folders (recursively, sorted by path bytes); files named directly are kept whatever
    /// their extension. Unreadable paths are returned in `missing`.
    public static func expand(_ paths: [String]) -> (files: [String], missing: [(path: String, reason: String)]) {
        var files: [String] = []
        var missing: [(String, String)] = []
        for path in paths {
            var info = stat()
            if stat(path, &info) != 0 {
                missing.append((path, String(cString: strerror(errno))))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path, into: &found)
                files.append(contentsOf: found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            } else {
                files.append(path)
            }
        }
        return (files, missing)
    }

    private static func walk(_ folder: String, into found: inout [String]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &found)
            } else if isArticleFile(path) {
                found.append(path)
            }
        }
    }

    /// Reads a whole file, refusing files over `limit` bytes; `.gz` files are decompressed (also limited,
    /// so a small gzip bomb cannot fill memory).
    public static func read(_ path: String, limit: Int = 64 << 20) throws(FetchError) -> RawDocument {
        var bytes = try readBytes(path, limit: limit)
        if path.lowercased().hasSuffix(".gz") {
            bytes = try Gzip.decompress(bytes, source: path, limit: limit)
        }
        let lower = path.lowercased()
        let type: String? = lower.hasSuffix(".txt") || lower.hasSuffix(".txt.gz") ? "text/plain" : nil
        return RawDocument(source: path, bytes: bytes, contentType: type)
    }

    /// The bytes of a file as they are on disk, refusing files over `limit` bytes.
    public static func readBytes(_ path: String, limit: Int) throws(FetchError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var readError: Int32 = 0
        /// Reads into `buffer` until it is full or the file ends; returns the bytes read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    break
                }
                if n == 0 { break }
                count += n
            }
            return count
        }
        // A regular file is read straight into an array of its size (one byte more, to see the end
        // without growing): copying it over from a read buffer cost about an instruction a byte.
        var status = stat()
        let expected = fstat(fd, &status) == 0 && status.st_size > 0 && status.st_size <= limit ? Int(status.st_size) : 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in count = fill(buffer) }
        if readError != 0 { throw .cannotRead(path: path, reason: String(cString: strerror(readError))) }
        if bytes.count > limit { throw .tooLarge(path: path, limit: limit) }
        guard bytes.count == expected + 1 else { return bytes }
        // The file is longer than its size said (or has none, as a pipe): read on in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { fill($0) }
            if readError != 0 { throw .cannotRead(path: path, reason: String(cString: strerror(readError))) }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if bytes.count > limit { throw .tooLarge(path: path, limit: limit) }
            if n < chunk.count { break }
        }
        return bytes
    }
}
