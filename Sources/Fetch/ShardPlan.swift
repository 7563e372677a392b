#if canImport(Glibc)
import Glibc
#endif
import WhosaidCore

/// Splits a corpus into a fixed number of shards so `make -j` can fetch and extract them in parallel.
///
/// A file's shard depends only on its path (a hash of it), so adding articles changes only the shards they
/// fall into, and the work of every other shard is kept. Each shard's list names its files with their size and
/// modification time; a list file is rewritten only when that changes, so `make` redoes only those shards.
public struct ShardPlan {
    public let shardCount: Int

    public init(shardCount: Int) {
        precondition(shardCount > 0)
        self.shardCount = shardCount
    }

    public func shard(of path: String) -> Int {
        let digest = SHA256.digest(Array(path.utf8))
        let value = UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
        return Int(value % UInt32(shardCount))
    }

    /// The shard list files' names: 00.list, 01.list, ... (as wide as the largest number).
    public func listName(_ shard: Int) -> String {
        let width = String(shardCount - 1).count
        let digits = String(shard)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits + ".list"
    }

    /// The lines of each shard's list: `path<TAB>size<TAB>mtime-ns`, in path order.
    public func lists(for files: [String]) -> [[String]] {
        var lists = [[String]](repeating: [], count: shardCount)
        for file in files {
            var info = stat()
            let signature = stat(file, &info) == 0
                ? "\(info.st_size)\t\(Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))" : "-\t-"
            lists[shard(of: file)].append(file + "\t" + signature)
        }
        return lists
    }

    /// Writes every shard's list into `folder`, leaving a list untouched when its content is unchanged.
    /// Returns how many lists were rewritten.
    @discardableResult
    public func write(files: [String], into folder: String) throws(StreamError) -> Int {
        mkdir(folder, 0o755)
        var rewritten = 0
        for (index, lines) in lists(for: files).enumerated() {
            let path = folder + "/" + listName(index)
            let content = lines.map { $0 + "\n" }.joined()
            if (try? ShardPlan.read(path)) == content { continue }
            let output = try OutputStream(path: path)
            if !content.isEmpty { try output.write(rawBytes: Array(content.utf8)) }
            try output.commit()
            rewritten += 1
        }
        return rewritten
    }

    /// The file paths named by a shard list (or any file of paths, one a line; a tab ends the path).
    public static func paths(inList path: String) throws(StreamError) -> [String] {
        let reader = try LineReader(path: path)
        var paths: [String] = []
        while let item = try reader.next() {
            guard case .line(_, let bytes) = item, !bytes.isEmpty else { continue }
            let end = bytes.firstIndex(of: 0x09) ?? bytes.endIndex
            paths.append(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self))
        }
        return paths
    }

    static func read(_ path: String) throws(StreamError) -> String {
        let reader = try LineReader(path: path)
        var out = ""
        while let item = try reader.next() {
            if case .line(_, let bytes) = item { out += String(decoding: bytes, as: UTF8.self) + "\n" }
        }
        return out
    }
}
