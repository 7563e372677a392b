import Foundation
import Testing
@testable import WhosaidCore

@Suite struct LineReaderTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "whosaid-lines-\(UUID().uuidString).ndjson"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func lines(_ reader: LineReader) throws -> [String] {
        var out: [String] = []
        while let item = try reader.next() {
            switch item {
            case .line(let n, let bytes): out.append("\(n):\(String(decoding: bytes, as: UTF8.self))")
            case .tooLong(let n, let length): out.append("\(n):too long \(length)")
            }
        }
        return out
    }

    @Test func readsLinesWithAndWithoutFinalNewlineAndCRLF() throws {
        let path = try temporaryFile(Array("a\r\nbb\n\nccc".utf8))
        defer { unlink(path) }
        #expect(try lines(LineReader(path: path)) == ["1:a", "2:bb", "3:", "4:ccc"])
    }

    @Test func skipsOverlongLinesWithoutKeepingThem() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let path = try temporaryFile(Array("ok\n".utf8) + long + Array("\nafter\n".utf8))
        defer { unlink(path) }
        #expect(try lines(LineReader(path: path, maximumLineBytes: 1 << 20)) == ["1:ok", "2:too long \(3 << 20)", "3:after"])
    }

    @Test func reportsAMissingFile() {
        #expect(throws: StreamError.self) { try LineReader(path: "/nonexistent/whosaid.ndjson") }
    }

    @Test func outputAppearsOnlyOnCommit() throws {
        let path = NSTemporaryDirectory() + "whosaid-out-\(UUID().uuidString).ndjson"
        defer { unlink(path) }
        do {
            let out = try OutputStream(path: path)
            try out.write(line: .object(["b": .int(1), "a": .null]))
            try out.flush()
            #expect(!FileManager.default.fileExists(atPath: path))
            try out.commit()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":null,\"b\":1}\n")
        do {
            let abandoned = try OutputStream(path: path)
            try abandoned.write(line: .string("half"))
            try abandoned.flush()
        }
        // An output that was never committed leaves the earlier file alone and no temporary file behind.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":null,\"b\":1}\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix((path as NSString).lastPathComponent + ".tmp") }
        #expect(leftovers.isEmpty)
    }
}

@Suite struct SpecialOutputTests {
    @Test func writingToADeviceKeepsTheDevice() throws {
        let out = try OutputStream(path: "/dev/null")
        try out.write(line: .object(["a": .int(1)]))
        try out.commit()
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect((info.st_mode & S_IFMT) == S_IFCHR, "/dev/null must still be a character device")
    }
}
