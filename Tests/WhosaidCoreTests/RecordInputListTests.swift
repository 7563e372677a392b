import Foundation
import Testing
@testable import WhosaidCore

/// Inputs named in a list (whosaid-load --files-from): read after the paths given, in list order, each as
/// soon as it is named, so a list written while the stage runs is followed.
@Suite struct RecordInputListTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "whosaid-list-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// A file of `count` articles whose ids start with `prefix`.
        func records(_ name: String, prefix: String, count: Int) throws -> String {
            let lines = (0..<count).map { Article(id: "\(prefix)\($0)", source: "\(name).txt", text: "Text \($0).").json().serialized() }
            let file = path + "/" + name
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: false, encoding: .utf8)
            return file
        }
    }

    /// Ids read, and the reporter's lines, with the folder's path taken out.
    func read(_ input: RecordInput, folder: Folder) throws -> (ids: [String], said: [String]) {
        let said = RecordInputReadAheadTests.Said()
        let reporter = try StageReporter(command: "test", quiet: true, sink: DiagnosticSink { said.add($0) })
        var ids: [String] = []
        try input.forEachReadingAhead(reporter: reporter, decode: { json throws(RecordError) in try Article(json: json) }) { article, _, _ in
            ids.append(article.id)
        }
        return (ids, said.all.map { $0.replacingOccurrences(of: folder.path + "/", with: "") })
    }

    @Test func readsTheListedFilesAfterTheGivenOnesAsIfGivenInThatOrder() throws {
        let folder = try Folder()
        let first = try folder.records("first.ndjson", prefix: "f", count: 2)
        let second = try folder.records("second.ndjson", prefix: "s", count: 3)
        let third = try folder.records("third.ndjson", prefix: "t", count: 1)
        let missing = folder.path + "/missing.ndjson"
        let list = folder.path + "/list"
        // Blank lines are skipped, a tab ends a name (as in the shard lists), a CRLF line end is a line end.
        try "\(third)\n\n\(missing)\n\(second)\tmore columns\r\n".write(toFile: list, atomically: false, encoding: .utf8)

        let listed = try read(RecordInput(paths: [first], list: list), folder: folder)
        #expect(listed.ids == ["f0", "f1", "t0", "s0", "s1", "s2"])
        let given = try read(RecordInput(paths: [first, third, missing, second]), folder: folder)
        #expect(listed.ids == given.ids)
        #expect(listed.said == given.said)
        #expect(listed.said.count == 1 && listed.said[0].contains("missing.ndjson"))
    }

    @Test func aListThatCannotBeOpenedIsAnError() throws {
        let folder = try Folder()
        let first = try folder.records("first.ndjson", prefix: "f", count: 1)
        #expect(throws: StreamError.self) {
            _ = try read(RecordInput(paths: [first], list: folder.path + "/no-such-list"), folder: folder)
        }
    }

    /// The list is a FIFO: the second file is named only once the first one's records have reached the
    /// caller, which a reader that waited for the end of the list would never do.
    @Test func followsAListStillBeingWritten() throws {
        let folder = try Folder()
        let first = try folder.records("first.ndjson", prefix: "f", count: 3)
        let second = try folder.records("second.ndjson", prefix: "s", count: 2)
        let fifo = folder.path + "/names"
        #expect(mkfifo(fifo, 0o600) == 0)

        let firstArrived = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        final class Outcome: @unchecked Sendable { var namedSecondInTime = false }
        let outcome = Outcome()
        Thread {
            // Opening a FIFO for writing waits for its reader.
            guard let writer = FileHandle(forWritingAtPath: fifo) else { writerDone.signal(); return }
            writer.write(Data((first + "\n").utf8))
            outcome.namedSecondInTime = firstArrived.wait(timeout: .now() + 20) == .success
            writer.write(Data((second + "\n").utf8))
            try? writer.close()
            writerDone.signal()
        }.start()

        let reporter = try StageReporter(command: "test", quiet: true, sink: DiagnosticSink { _ in })
        var ids: [String] = []
        try RecordInput(paths: [], list: fifo).forEachReadingAhead(
            reporter: reporter, decode: { json throws(RecordError) in try Article(json: json) }
        ) { article, _, _ in
            ids.append(article.id)
            if article.id == "f2" { firstArrived.signal() }
        }
        writerDone.wait()
        #expect(outcome.namedSecondInTime, "the first file's records did not arrive before the list went on")
        #expect(ids == ["f0", "f1", "f2", "s0", "s1"])
    }
}
