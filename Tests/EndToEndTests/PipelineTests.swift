import Foundation
import Testing

/// The three stages run as real processes on the fixture corpus, as `make all` chains them.
@Suite(.serialized) struct PipelineTests {
    let corpus = Binaries.fixtures.appendingPathComponent("corpus").path

    @Test func fetchWritesOneRecordPerArticleAndRejectsTheRest() throws {
        let result = try run("whosaid-fetch", [corpus])
        // Bad files are reported and counted; the articles still come out; the status says inputs were rejected.
        #expect(result.status == 65)
        #expect(result.stderr.contains("empty.txt"))
        #expect(result.stderr.contains("broken.html.gz"))
        #expect(result.stderr.contains("random-binary.html"))
        #expect(result.stderr.contains("in, "))
        let records = try result.lines.map(jsonObject)
        let seed = try #require(records.first { ($0["source"] as? String)?.hasSuffix("blinken-armenia-azerbaijan.txt") == true })
        #expect(seed["_schema"] as? String == "whosaid.article/1")
        #expect(seed["title"] as? String == "Blinken hosts Armenia, Azeri foreign ministers, urges resumption of peace talks")
        let text = try #require(seed["text"] as? String)
        #expect(text.hasPrefix("Picture source - Reuters\n\nUS Secretary of State Antony Blinken") || text.hasPrefix("US Secretary of State Antony Blinken"))
        #expect(text.contains("\n\nAs cited by Reuters, he further added"))
        for record in records {
            for key in ["id", "source", "url", "title", "authors", "published", "site", "language", "text"] {
                #expect(record.keys.contains(key), "record lacks \(key)")
            }
        }
    }

    @Test func everyStageIsDeterministic() throws {
        let first = try run("whosaid-fetch", ["--quiet", corpus])
        let second = try run("whosaid-fetch", ["--quiet", corpus])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
        let extractedA = try run("whosaid-extract", ["--quiet"], stdin: first.stdout)
        let extractedB = try run("whosaid-extract", ["--quiet"], stdin: second.stdout)
        #expect(extractedA.status == 0)
        #expect(extractedA.stdout == extractedB.stdout)
        // Keys come out sorted in every record.
        for line in extractedA.lines {
            let keys = try jsonObject(line).keys.sorted()
            let firstKeys = line.dropFirst(2).prefix { $0 != "\"" }
            #expect(String(firstKeys) == keys.first)
        }
    }

    @Test func extractPassesUnknownFieldsThroughAndReportsBadLines() throws {
        let input = """
        {"id":"a","text":"The mayor spoke.","custom":{"keep":[1,"two"]}}
        {"id":"b","text":
        {"text":"no id here"}
        {"id":"c","text":"Fine again."}

        """
        let result = try run("whosaid-extract", [], stdin: Data(input.utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2:"))
        #expect(result.stderr.contains("<stdin>:3: record has no \"id\""))
        let records = try result.lines.map(jsonObject)
        #expect(records.count == 2)
        #expect(records.map { $0["id"] as? String } == ["a", "c"])
        #expect((records[0]["custom"] as? [String: Any])?["keep"] as? [AnyHashable] == [1, "two"])
        #expect(records[0]["_schema"] as? String == "whosaid.extracted/1")
        #expect(records[0]["entities"] is [Any])
        #expect(records[0]["quotes"] is [Any])
    }

    @Test func articlesNotInEnglishPassThroughWithAWarningAndNothingFound() throws {
        let portuguese = """
            O governador disse na segunda-feira que a nova estrada será aberta em março, depois de dois anos de \
            obras. "Esta estrada vai mudar a vida de quem mora no interior", afirmou Carlos Souza aos jornalistas. \
            Segundo a secretaria de transportes, o custo total da obra foi de quase trezentos milhões de reais, \
            e os moradores da região esperam que o trânsito nas cidades vizinhas fique mais leve com a mudança.
            """
        let english = "Mayor Helen Marsh opened the terminal. \"This is a great day,\" she said."
        let input = [
            ["id": "pt", "text": portuguese, "warnings": ["no title found"]],
            // An earlier run's verdict on its language, now wrong, goes.
            ["id": "en", "text": english, "warnings": ["not English (an old verdict): no entities or quotes extracted"]],
        ].map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            .joined(separator: "\n") + "\n"
        let result = try run("whosaid-extract", [], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 articles not English"))
        let records = try result.lines.map(jsonObject)
        #expect(records.count == 2)
        #expect((records[0]["entities"] as? [Any])?.isEmpty == true)
        #expect((records[0]["quotes"] as? [Any])?.isEmpty == true)
        let warnings = try #require(records[0]["warnings"] as? [String])
        #expect(warnings.count == 2 && warnings[0] == "no title found" && warnings[1].hasPrefix("not English ("))
        #expect((records[1]["quotes"] as? [Any])?.count == 1)
        #expect(records[1]["warnings"] == nil)
        // Extracting the output again changes nothing.
        let again = try run("whosaid-extract", [], stdin: result.stdout)
        #expect(again.stdout == result.stdout)
    }

    @Test func strictStopsAtTheFirstBadLine() throws {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"c\",\"text\":\"y\"}\n"
        let result = try run("whosaid-extract", ["--strict"], stdin: Data(input.utf8))
        // Stopped at line 2: status 65, the message says where and why, and line 3 was never read.
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2:"))
        #expect(result.stderr.contains("--strict"))
        #expect(!result.stdoutText.contains(#""id":"c""#))
    }

    @Test func outputFileAppearsOnlyWhenComplete() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("articles.ndjson").path
        let result = try run("whosaid-fetch", ["--quiet", "-o", output, "--rejects", folder.appendingPathComponent("rejects.ndjson").path, corpus])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty, "records go to the file, not stdout")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasSuffix("\n"))
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("rejects.ndjson").path, encoding: .utf8)
        for bad in ["empty.txt", "broken.html.gz", "random-binary.html"] {
            #expect(rejects.contains(bad), "rejects file names \(bad)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

@Suite struct CommandLineTests {
    @Test(arguments: ["whosaid-fetch", "whosaid-extract", "whosaid-load", "whosaid"])
    func helpExplainsTheCommand(_ name: String) throws {
        let result = try run(name, ["--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("USAGE:"))
        #expect(result.stdoutText.contains(name))
    }

    @Test(arguments: ["whosaid-fetch", "whosaid-extract", "whosaid-load"])
    func unknownOptionIsAUsageError(_ name: String) throws {
        let result = try run(name, ["--no-such-option", "x"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--no-such-option"))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let result = try run("whosaid-extract", ["--quiet"], stdin: Data("{\"id\":\"a\",\"text\":\"Hello.\"}\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test func summaryLineCountsRecords() throws {
        let result = try run("whosaid-extract", [], stdin: Data("{\"id\":\"a\",\"text\":\"Hello.\"}\n{\"id\":\"b\",\"text\":\"Bye.\"}\n".utf8))
        #expect(result.stderr.contains("whosaid-extract: 2 in, 2 out, 0 rejected"))
    }

    /// `whosaid-load FILE --files-from -`, as `make -j N all` runs it: the files named on standard input
    /// load after the ones given, into the same database as giving them all; a name that cannot be read is
    /// a reject naming it, and the rest still loads.
    @Test func loadTakesMoreFilesNamedOnStandardInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (n, text) in ["The mayor said the bridge would open in May.", "\"We are ready,\" said Chief Ana Ruiz."].enumerated() {
            let record = try JSONSerialization.data(withJSONObject: ["id": "a\(n)", "text": text], options: [.sortedKeys])
            let extracted = try run("whosaid-extract", ["--quiet"], stdin: record + Data("\n".utf8))
            let path = folder.appendingPathComponent("\(n).extracted.ndjson").path
            try extracted.stdout.write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let given = folder.appendingPathComponent("given.db").path
        #expect(try run("whosaid-load", ["--quiet", "--db", given] + paths).status == 0)

        let listed = folder.appendingPathComponent("listed.db").path
        let missing = folder.appendingPathComponent("missing.ndjson").path
        let result = try run("whosaid-load", ["--db", listed, paths[0], "--files-from", "-"], stdin: Data("\(missing)\n\(paths[1])\n".utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("missing.ndjson"))
        #expect(result.stderr.contains("2 in, 2 out, 1 rejected"))
        let ask = ["quotes", "--json", "--db"]
        #expect(try run("whosaid", ask + [listed]).stdout == run("whosaid", ask + [given]).stdout)
        #expect(try run("whosaid", ask + [listed]).stdoutText.contains("Ana Ruiz"))
        // Standard input cannot be both.
        let both = try run("whosaid-load", ["--db", listed, "-", "--files-from", "-"], stdin: Data())
        #expect(both.status == 64)
        #expect(both.stderr.contains("--files-from"))
    }
}

/// Bad NDJSON between stages, a full disk, and a killed run.
@Suite struct StageFailureTests {
    @Test func overlongLineIsReportedAndTheRestGoesThrough() throws {
        var input = Data("{\"id\":\"a\",\"text\":\"First.\"}\n".utf8)
        input.append(Data("{\"id\":\"big\",\"text\":\"".utf8))
        input.append(Data(repeating: UInt8(ascii: "x"), count: 100 << 20))
        input.append(Data("\"}\n{\"id\":\"c\",\"text\":\"Last.\"}\n".utf8))
        let result = try run("whosaid-extract", [], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2: line of"))
        #expect(try result.lines.map { try jsonObject($0)["id"] as? String } == ["a", "c"])
    }

    @Test func wrongSchemaVersionIsRejected() throws {
        let input = "{\"_schema\":\"whosaid.article/7\",\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"
        let result = try run("whosaid-extract", [], stdin: Data(input.utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:1: unsupported schema \"whosaid.article/7\""))
        #expect(result.lines.count == 1)
    }

    @Test func fullDiskIsAClearErrorNotACorruptOutput() throws {
        // Standard output on /dev/full: every write fails with "No space left on device".
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.path("whosaid-extract"))
        process.arguments = [Binaries.fixtures.appendingPathComponent("seed/articles.ndjson").path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let stderr = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr.contains("No space left on device"))
    }

    @Test func killedFetchLeavesNoOutputAndRerunGivesTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fixture corpus listed many times over: enough work that the run is still going when killed.
        let corpus = Binaries.fixtures.appendingPathComponent("corpus/nested/council-vote.html").path
        let seed = Binaries.fixtures.appendingPathComponent("seed/blinken-armenia-azerbaijan.txt").path
        let list = folder.appendingPathComponent("inputs.list")
        try String(repeating: "\(corpus)\n\(seed)\n", count: 4_000).write(to: list, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("articles.ndjson").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.path("whosaid-fetch"))
        process.arguments = ["--quiet", "-o", output, "--files-from", list.path]
        try process.run()
        usleep(100_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: output))
        let rerun = try run("whosaid-fetch", ["--quiet", "-o", output, "--files-from", list.path])
        #expect(rerun.status == 0)
        let clean = try run("whosaid-fetch", ["--quiet", corpus, seed])
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == clean.stdout)
    }

    @Test func killedRunLeavesNoOutputAndRerunGivesTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough input that the run is still going when it is killed.
        let seed = try String(contentsOf: Binaries.fixtures.appendingPathComponent("seed/articles.ndjson"), encoding: .utf8)
        let line = try #require(seed.split(separator: "\n").first)
        var big = ""
        for i in 0..<3_000 { big += line.replacingOccurrences(of: "\"id\":\"", with: "\"id\":\"\(i)-") + "\n" }
        let input = folder.appendingPathComponent("in.ndjson")
        try big.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.ndjson").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.path("whosaid-extract"))
        process.arguments = ["--quiet", "-o", output, input.path]
        try process.run()
        usleep(150_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // No half-written file under the output's name.
        #expect(!FileManager.default.fileExists(atPath: output))

        let first = try run("whosaid-extract", ["--quiet", "-o", output, input.path])
        #expect(first.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let second = try run("whosaid-extract", ["--quiet", input.path])
        #expect(second.stdout == bytes)
        #expect(bytes.split(separator: UInt8(ascii: "\n")).count == 3_000)
    }
}

/// Inputs that once broke a stage (found by `make fuzz` or by hand) are replayed through the stages forever.
@Suite struct FuzzRegressionTests {
    static let folder = Binaries.fixtures.appendingPathComponent("fuzz-regressions")
    static let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []

    @Test func thereAreRegressionInputs() { #expect(!Self.files.isEmpty) }

    @Test(arguments: files)
    func stagesSurvive(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name)
        let fetched = try run("whosaid-fetch", ["--quiet", path.path])
        #expect(fetched.status == 0 || fetched.status == 65, "fetch ended with \(fetched.status)")
        // The same bytes as an article's text, straight into extraction.
        let text = String(decoding: try Data(contentsOf: path), as: UTF8.self)
        let record = "{\"id\":\"r\",\"text\":" + String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast() + "}\n"
        let extracted = try run("whosaid-extract", ["--quiet"], stdin: Data(record.utf8))
        #expect(extracted.status == 0, "extract ended with \(extracted.status): \(extracted.stderr)")
        #expect(extracted.lines.count == 1)
    }
}

/// The three executables chained as `make all` chains them, checked on what a reader would look for.
@Suite(.serialized) struct WholePipelineTests {
    @Test func htmlPageBecomesACleanArticleWithItsMetadata() throws {
        let page = Binaries.fixtures.appendingPathComponent("corpus/nested/council-vote.html").path
        let result = try run("whosaid-fetch", ["--quiet", page])
        #expect(result.status == 0)
        let record = try jsonObject(try #require(result.lines.first))
        #expect(record["title"] as? String == "City council approves new bike lanes")
        #expect(record["authors"] as? [String] == ["Maria Lopez"])
        #expect((record["published"] as? String)?.hasPrefix("2024-03-12") == true)
        #expect(record["site"] as? String == "The Riverside Ledger")
        #expect(record["url"] as? String == "https://ledger.example.com/2024/03/12/council-bike-lanes")
        #expect(record["language"] as? String == "en")
        let text = try #require(record["text"] as? String)
        #expect(text.hasPrefix("The Riverside city council voted 7-2"))
        #expect(text.components(separatedBy: "\n\n").count == 4)
        for boilerplate in ["Related stories", "Parking fees", "All rights reserved", "Home", "By Maria Lopez"] {
            #expect(!text.contains(boilerplate), "body keeps \(boilerplate)")
        }
    }

    @Test func seedQuotesComeOutWithTheirSpeakersAndReachTheDatabase() throws {
        let seed = Binaries.fixtures.appendingPathComponent("seed/blinken-armenia-azerbaijan.txt").path
        let council = Binaries.fixtures.appendingPathComponent("corpus/nested/council-vote.html").path
        let fetched = try run("whosaid-fetch", ["--quiet", seed, council])
        let extracted = try run("whosaid-extract", ["--quiet"], stdin: fetched.stdout)
        #expect(extracted.status == 0)
        var quotes: [(speaker: String?, text: String, via: String?)] = []
        for line in extracted.lines {
            let record = try jsonObject(line)
            let text = try #require(record["text"] as? String)
            for quote in try #require(record["quotes"] as? [[String: Any]]) {
                let start = try #require(quote["start"] as? Int), end = try #require(quote["end"] as? Int)
                // Offsets count code points: the span's text is exactly that slice of the article.
                let scalars = Array(text.unicodeScalars)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[start..<end])
                #expect(String(slice) == quote["text"] as? String)
                quotes.append((quote["speaker"] as? String, quote["text"] as? String ?? "", quote["via"] as? String))
            }
        }
        func speaker(of words: String) -> (String?, String?)? {
            quotes.first { $0.text.contains(words) }.map { ($0.speaker, $0.via) }
        }
        #expect(speaker(of: "There is a path to a durable peace")?.0 == "Antony Blinken")
        #expect(speaker(of: "There is a path to a durable peace")?.1 == "Aljazeera")
        #expect(speaker(of: "We are always open for meetings")?.0 == "Jeyhun Bayramov")
        #expect(speaker(of: "This is the safest choice")?.0 == "Daniel Okafor")
        #expect(speaker(of: "We owe people a clear budget")?.0 == "Priya Shah")

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.db").path
        #expect(try run("whosaid-load", ["--quiet", "--db", db], stdin: extracted.stdout).status == 0)
        let asked = try run("whosaid", ["quotes", "--db", db, "--speaker", "Blinken", "--json"])
        #expect(asked.status == 0)
        let rows = try asked.lines.map(jsonObject)
        #expect(rows.count >= 2)
        #expect(rows.contains { ($0["via"] as? String) == "Reuters" })
    }
}
