import Foundation
import Testing
@testable import WhosaidCore

/// Reading ahead on a second thread must be invisible: the same records, rejects, messages and errors, in
/// the same order, as reading on the caller's thread.
@Suite struct RecordInputReadAheadTests {
    /// Collects what the reporter says.
    final class Said: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    struct Run: Equatable {
        var records: [String] = []
        var said: [String] = []
        var error: String?
        var recordsIn = 0
        var rejected = 0
    }

    static func article(_ n: Int) -> String {
        Article(id: "a\(n)", source: "s\(n).txt", text: "Text number \(n).").json().serialized()
    }

    /// A file of NDJSON lines, removed when the test ends.
    final class TemporaryFile {
        let path = NSTemporaryDirectory() + "whosaid-readahead-\(UUID().uuidString).ndjson"
        init(_ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    func run(_ paths: [String], strict: Bool = false, readAhead: Int?, maximumLineBytes: Int = 64 << 20,
             stopAt: String? = nil) throws -> Run {
        let said = Said()
        let reporter = try StageReporter(command: "test", quiet: false, sink: DiagnosticSink { said.add($0) })
        var result = Run()
        let input = RecordInput(paths: paths, strict: strict, maximumLineBytes: maximumLineBytes)
        let body: (Article, String, Int) throws -> Void = { article, source, line in
            if article.id == stopAt { throw RecordInputError.badLine(source: source, line: line, reason: "stopped by the body") }
            result.records.append("\(article.id)@\((source as NSString).lastPathComponent):\(line)")
        }
        do {
            if let readAhead {
                try input.forEachReadingAhead(reporter: reporter, readAhead: readAhead,
                                              decode: { json throws(RecordError) in try Article(json: json) }, body: body)
            } else {
                try input.forEach(reporter: reporter, decode: Article.init(json:), body: body)
            }
        } catch {
            result.error = "\(error)"
        }
        result.said = said.all.map { $0.replacingOccurrences(of: NSTemporaryDirectory(), with: "") }
        result.recordsIn = reporter.recordsIn
        result.rejected = reporter.rejected
        return result
    }

    @Test func givesWhatReadingOnTheCallersThreadGives() throws {
        var lines = (0..<300).map(Self.article)
        lines[7] = "{not json"
        lines[50] = #"{"id":"x"}"#
        lines[51] = "   "
        lines[120] = String(repeating: "x", count: 300)
        let first = try TemporaryFile(lines)
        let second = try TemporaryFile((300..<310).map(Self.article))
        let paths = [first.path, "/nonexistent/folder/records.ndjson", second.path]
        let onThisThread = try run(paths, readAhead: nil, maximumLineBytes: 200)
        #expect(onThisThread.records.count == 306)
        #expect(onThisThread.rejected == 4)
        #expect(onThisThread.error == nil)
        // A queue smaller than the input, and one larger.
        for readAhead in [1, 3, 64, 1000] {
            #expect(try run(paths, readAhead: readAhead, maximumLineBytes: 200) == onThisThread, "read ahead \(readAhead)")
        }
    }

    @Test func strictModeStopsAtTheSameLineWithTheSameError() throws {
        var lines = (0..<200).map(Self.article)
        lines[150] = "{not json"
        let file = try TemporaryFile(lines)
        let onThisThread = try run([file.path], strict: true, readAhead: nil)
        #expect(onThisThread.records.count == 150)
        #expect(onThisThread.error?.contains(":151:") == true)
        #expect(try run([file.path], strict: true, readAhead: 4) == onThisThread)
        // An input that cannot be opened stops a strict run before any record.
        let missing = try run(["/nonexistent/records.ndjson", file.path], strict: true, readAhead: 4)
        #expect(missing.records.isEmpty && missing.error != nil)
        #expect(missing == (try run(["/nonexistent/records.ndjson", file.path], strict: true, readAhead: nil)))
    }

    @Test func anErrorInTheBodyStopsTheReaderAndReturns() throws {
        // The reading thread is far ahead and waiting on a full queue when the body throws: it must be
        // released and joined, not left blocked.
        let file = try TemporaryFile((0..<5000).map(Self.article))
        let stopped = try run([file.path], readAhead: 2, stopAt: "a10")
        #expect(stopped.records.count == 10)
        #expect(stopped.error?.contains("stopped by the body") == true)
        #expect(stopped == (try run([file.path], readAhead: nil, stopAt: "a10")))
    }

    /// Closes a file descriptor once, whichever of the test and its watchdog comes first.
    final class CloseOnce: @unchecked Sendable {
        private let lock = NSLock()
        private var fd: Int32?
        init(_ fd: Int32) { self.fd = fd }
        func close() {
            lock.lock(); defer { lock.unlock() }
            if let fd { _ = Foundation.close(fd) }
            fd = nil
        }
    }

    @Test func aStrictStopDoesNotWaitForAnInputThatStaysOpen() throws {
        // Standard input from a terminal or `tail -f`: the writing end stays open after a bad line.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writer = CloseOnce(ends[1])
        defer { writer.close(); _ = close(ends[0]) }
        // Should the stop wait for the input after all, the watchdog ends the input so the test fails, not hangs.
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { writer.close() }
        let lines = Self.article(1) + "\n{bad\n"
        _ = lines.withCString { write(ends[1], $0, strlen($0)) }
        let start = Date()
        let stopped = try run(["/dev/fd/\(ends[0])"], strict: true, readAhead: 4)
        #expect(Date().timeIntervalSince(start) < 5, "the stop waited for more input")
        #expect(stopped.records == ["a1@\(ends[0]):1"])
        #expect(stopped.error?.contains(":2:") == true)
    }

    @Test func aCostlyItemWaitsAloneInTheQueue() throws {
        // Room for ten items but a cost budget of 5: after an item of cost 10, the next put waits for a take.
        let handoff = Handoff<Int>(capacity: 10, maximumCost: 5)
        #expect(handoff.put(1, cost: 10))
        let secondPut = Said()
        let producer = WorkerThread {
            _ = handoff.put(2, cost: 1)
            secondPut.add("put")
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(secondPut.all.isEmpty, "a second item went in beside one over the budget")
        #expect(handoff.take() == 1)
        #expect(handoff.take() == 2)
        producer.join()
        #expect(secondPut.all == ["put"])
        handoff.close()
        #expect(handoff.take() == nil)
    }

    @Test func queuedRecordsAreBoundedByTheirBytesToo() throws {
        // Long lines and a small byte budget: the same result, with at most one long record waiting.
        let file = try TemporaryFile((0..<50).map { Article(id: "a\($0)", source: "s", text: String(repeating: "word ", count: 2000)).json().serialized() })
        let said = Said()
        let reporter = try StageReporter(command: "test", quiet: true, sink: DiagnosticSink { said.add($0) })
        var ids: [String] = []
        try RecordInput(paths: [file.path]).forEachReadingAhead(
            reporter: reporter, readAhead: 64, readAheadBytes: 1,
            decode: { json throws(RecordError) in try Article(json: json) }
        ) { article, _, _ in ids.append(article.id) }
        #expect(ids == (0..<50).map { "a\($0)" })
    }
}

