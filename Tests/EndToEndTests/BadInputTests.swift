import Foundation
import Testing

/// The hostile corpus of scripts/make_bad_corpus.py through every stage: nothing crashes, every bad input is
/// rejected with a reason naming it, every good input still comes out, and stderr carries only whosaid's lines.
@Suite(.serialized) struct BadInputCorpusTests {
    static let corpus: URL? = {
        guard let folder = try? temporaryFolder() else { return nil }
        let script = Binaries.packageRoot.appendingPathComponent("scripts/make_bad_corpus.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, folder.path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    @Test func everyInputIsWrittenOrRejectedWithAReason() throws {
        let corpus = try #require(Self.corpus, "the bad-input corpus could not be generated (python3 missing?)")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasSuffix(".ndjson") }.sorted()
        let rejectsPath = corpus.appendingPathComponent("rejects.ndjson").path
        let fetched = try run("whosaid-fetch", ["--rejects", rejectsPath, corpus.path])
        #expect(fetched.status == 65)
        for line in fetched.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("whosaid-fetch: "), "stray stderr line: \(line.prefix(200))")
        }
        let written = Set(try fetched.lines.map { try jsonObject($0)["source"] as? String ?? "" }.map { ($0 as NSString).lastPathComponent })
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8).split(separator: "\n").map { try jsonObject(String($0)) }
        let rejected = Set(rejects.compactMap { ($0["source"] as? String).map { ($0 as NSString).lastPathComponent } })
        for reject in rejects { #expect(!(reject["reason"] as? String ?? "").isEmpty) }
        for name in inputs {
            #expect(written.contains(name) != rejected.contains(name), "\(name) must be either written or rejected")
            if name.hasPrefix("good-") { #expect(written.contains(name), "\(name) is a good article") }
        }
        for name in ["bad-empty.html", "bad-random-binary.html", "bad-not-gzip.html.gz", "bad-gzip-bomb.html.gz", "bad-only-scripts.html"] {
            #expect(rejected.contains(name), "\(name) must be rejected")
        }

        // What fetch wrote goes through extract and load without a single reject.
        let extracted = try run("whosaid-extract", ["--quiet"], stdin: fetched.stdout)
        #expect(extracted.status == 0, "extract: \(extracted.stderr)")
        #expect(extracted.lines.count == fetched.lines.count)
        let db = corpus.appendingPathComponent("bad.db").path
        let loaded = try run("whosaid-load", ["--quiet", "--db", db], stdin: extracted.stdout)
        #expect(loaded.status == 0, "load: \(loaded.stderr)")
    }

    @Test func hostileTextIsDataOnly() throws {
        // SQL, shell and path syntax in an article are just text, end to end.
        let hostile = "Robert'); DROP TABLE quotes;-- said “$(rm -rf ~) `reboot` ../../etc/passwd %s %n \\0 ' \" ;”, he added."
        let record = try JSONSerialization.data(withJSONObject: ["id": "../../evil", "text": hostile, "title": "'; DELETE FROM articles; --"], options: [.sortedKeys])
        let extracted = try run("whosaid-extract", ["--quiet"], stdin: record + Data("\n".utf8))
        #expect(extracted.status == 0)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.db").path
        let loaded = try run("whosaid-load", ["--quiet", "--db", db], stdin: extracted.stdout)
        #expect(loaded.status == 0, "load: \(loaded.stderr)")
        // Only the database was created: the id was not used as a path.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0.hasPrefix("w.db") })
        let shown = try run("whosaid", ["article", "--db", db, "--json", "../../evil"])
        #expect(shown.status == 0, "whosaid article: \(shown.stderr)")
        #expect(shown.stdoutText.contains("DROP TABLE quotes"))
    }
}
