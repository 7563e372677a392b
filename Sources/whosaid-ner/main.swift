import ArgumentParser
import Entities
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Language
import WhosaidCore

/// Trains, scores and times the named-entity recognizer. Wiring only: the work is in the Entities library.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid-ner",
        abstract: "Train, evaluate and benchmark the named-entity recognizer.",
        subcommands: [Train.self, Evaluate.self, Bench.self, Show.self])
}

/// Gold news files in a folder, sorted by name.
func newsFiles(_ folder: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    return names.map { folder + "/" + $0 }
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train the tagger and write the model file.")
    @Option(help: "UNER English-EWT IOB2 files to learn from.") var uner: [String] = []
    @Option(help: "Folder of news gold files; only their dev split is learned from.") var news: String?
    @Option(help: "Passes over the data.") var epochs = 12
    @Option(help: "Where to write the model.") var output: String

    func run() throws {
        var documents: [AnnotatedDocument] = []
        for path in uner { documents += try Corpora.uner(path, locType: unerLocationType, extra: unerExtraType) }
        if let news {
            for path in try newsFiles(news) {
                let (split, document) = try Corpora.newsGold(path)
                if split == "dev" { documents.append(document) }
            }
        }
        let weights = Trainer().train(documents, epochs: epochs) { FileHandle.standardError.write(($0 + "\n").data(using: .utf8)!) }
        try Data(Trainer.serialize(weights)).write(to: URL(fileURLWithPath: output))
        print("wrote \(output): \(weights.featureCount) features from \(documents.count) documents")
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score mentions (exact span and type).")
    @Option(help: "Folder of news gold files.") var news: String?
    @Option(help: "UNER English-EWT test file (scored as PER/ORG/LOC).") var unerTest: String?
    @Option(help: "A model file to use instead of the bundled one.") var model: String?
    @Option(help: "Print the missed and spurious mentions of this news split (dev only: the test split is not for tuning).")
    var errors: String?
    @Option(help: "Also write the overall figures (precision, recall, F1 from 0 to 1, gold mentions) to this JSON file.")
    var json: String?

    func run() throws {
        var figures: [String: JSONValue] = [:]
        func overall(_ score: MentionScore, _ labels: [String]) -> JSONValue {
            let all = score.overall(labels: labels)
            return .object(["precision": .double(all.p), "recall": .double(all.r), "f1": .double(all.f), "gold": .int(all.gold)])
        }
        let recognizer = try model.map { EntityRecognizer(weights: try PerceptronWeights.load(URL(fileURLWithPath: $0))) } ?? EntityRecognizer()
        let pipeline = MentionPipeline(recognizer: recognizer)
        if let errors, errors != "dev" { throw ValidationError("--errors is for the dev split only") }
        let five = EntityType.allCases.map(\.rawValue).sorted()
        if let news {
            var scores: [String: MentionScore] = [:]
            for path in try newsFiles(news) {
                let (split, document) = try Corpora.newsGold(path)
                let predicted = pipeline.spans(document.text)
                scores[split, default: MentionScore()].add(gold: document.spans, predicted: predicted) { $0.rawValue }
                if split == errors { printErrors(document, predicted) }
            }
            for split in scores.keys.sorted() {
                let note = split == "test" ? "held out" : "the tagger learned from it"
                print(scores[split]!.table(title: "news gold, \(split) split (\(note)):", labels: five))
                figures["news_\(split)"] = overall(scores[split]!, five)
            }
        }
        if let unerTest {
            var score = MentionScore()
            for document in try Corpora.uner(unerTest, locType: { _ in .gpe }) {
                score.add(gold: document.spans, predicted: pipeline.spans(document.text), label: unerLabel)
            }
            let scored = ["LOC", "ORG", "PER"]
            print(score.table(title: "UNER English-EWT test (not learned from; GPE+LOC scored as LOC, PERSON as PER, NORP not scored):",
                              labels: scored))
            figures["uner_test"] = overall(score, scored)
        }
        if let json {
            try (JSONValue.object(figures).serialized() + "\n").write(toFile: json, atomically: true, encoding: .utf8)
        }
    }
}

func printErrors(_ document: AnnotatedDocument, _ predicted: [(start: Int, end: Int, type: EntityType)]) {
    let text = ScalarText(document.text)
    let gold = Set(document.spans.map { "\($0.start):\($0.end):\($0.type.rawValue)" })
    let found = Set(predicted.map { "\($0.start):\($0.end):\($0.type.rawValue)" })
    func context(_ s: Int, _ e: Int) -> String {
        (text.slice(max(0, s - 30), s) + "[" + text.slice(s, e) + "]" + text.slice(e, min(text.count, e + 30))).replacingOccurrences(of: "\n", with: " ")
    }
    for g in document.spans where !found.contains("\(g.start):\(g.end):\(g.type.rawValue)") {
        let other = predicted.first { $0.start < g.end && g.start < $0.end }
        print("MISS \(g.type.rawValue) \(context(g.start, g.end))" + (other.map { "   got \($0.type.rawValue) '\(text.slice($0.start, $0.end))'" } ?? ""))
    }
    for p in predicted where !gold.contains("\(p.start):\(p.end):\(p.type.rawValue)") {
        if document.spans.contains(where: { $0.start < p.end && p.start < $0.end }) { continue }
        print("FALSE \(p.type.rawValue) \(context(p.start, p.end))")
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time tokenizing, sentence splitting, tagging and grouping on one core.")
    @Option(help: "Folder of news gold files whose texts are the workload.") var news: String
    @Option(help: "Words to process at least.") var words = 2_000_000

    func run() throws {
        // The texts are decoded to scalars, and their words counted, before the clock starts.
        let texts = try newsFiles(news).map { ScalarText(try Corpora.newsGold($0).document.text) }
        let wordsPerText = texts.map { $0.string.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        let tokenizer = Tokenizer(), splitter = SentenceSplitter(), recognizer = EntityRecognizer()
        // Warm up: loads the model and lexicons outside the timing.
        _ = recognizer.entities(in: ScalarText("Warm up."), tokens: [], sentences: [])
        var wordCount = 0, tokenCount = 0, entityCount = 0
        // CPU time of this thread, not wall time: on a shared machine the wall clock also counts the time
        // other processes had the core. Both are printed.
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let cpuStart = cpuSeconds()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            while wordCount < words {
                for (k, text) in texts.enumerated() {
                    let tokens = tokenizer.tokenize(text)
                    let sentences = splitter.split(text, tokens: tokens)
                    entityCount += recognizer.entities(in: text, tokens: tokens, sentences: sentences).count
                    tokenCount += tokens.count
                    wordCount += wordsPerText[k]
                }
            }
        }
        let cpu = cpuSeconds() - cpuStart
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "entities: %d words (%d tokens), tokenize + split + tag + group, one thread: %.0f words/s (%.0f tokens/s) by CPU time (%.2f s); %.0f words/s by wall time (%.2f s); %d entities",
                     wordCount, tokenCount, Double(wordCount) / cpu, Double(tokenCount) / cpu, cpu, Double(wordCount) / wall, wall, entityCount))
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the entities of text files, one JSON object a line.")
    @Option(help: "A model file to use instead of the bundled one.") var model: String?
    @Argument(help: "Text files.") var files: [String]

    func run() throws {
        let recognizer = try model.map { EntityRecognizer(weights: try PerceptronWeights.load(URL(fileURLWithPath: $0))) } ?? EntityRecognizer()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw CorpusError.unreadable(file) }
            let text = ScalarText(String(decoding: data, as: UTF8.self))
            let tokens = Tokenizer().tokenize(text)
            let sentences = SentenceSplitter().split(text, tokens: tokens)
            for e in recognizer.entities(in: text, tokens: tokens, sentences: sentences) {
                var o = e.json.objectValue ?? [:]
                o["mentions"] = .array(e.mentions.map { .string($0.text) })
                print(JSONValue.object(o).serialized())
            }
        }
    }
}

NERCommand.main()
