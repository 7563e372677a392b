import Foundation
import Language
import WhosaidCore

/// A document with gold entity spans (code-point offsets), the unit of training and evaluation data.
public struct AnnotatedDocument: Sendable {
    public var id: String
    public var text: String
    public var spans: [(start: Int, end: Int, type: EntityType)]

    public init(id: String, text: String, spans: [(start: Int, end: Int, type: EntityType)]) {
        self.id = id
        self.text = text
        self.spans = spans
    }
}

/// Why a data file cannot be read; names the file and line.
public enum CorpusError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let f): "cannot read \(f)"
        case .malformed(let f, let l, let r): "\(f):\(l): \(r)"
        }
    }
}

/// Readers for the corpora the tagger learns from and is scored on.
public enum Corpora {
    /// A news gold file (data/eval/news/*.json): its split and its named mentions.
    public static func newsGold(_ path: String) throws -> (split: String, document: AnnotatedDocument) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError.unreadable(path) }
        let json: JSONValue
        do { json = try JSONValue.parse([UInt8](data)) } catch { throw CorpusError.malformed(file: path, line: 1, reason: error.description) }
        guard let text = json["text"]?.stringValue else { throw CorpusError.malformed(file: path, line: 1, reason: "no text") }
        var spans: [(start: Int, end: Int, type: EntityType)] = []
        for e in json["entities"]?.arrayValue ?? [] {
            guard let t = e["type"]?.stringValue, let type = EntityType(rawValue: t) else { continue }
            for m in e["mentions"]?.arrayValue ?? [] {
                if let s = m["start"]?.intValue, let x = m["end"]?.intValue { spans.append((s, x, type)) }
            }
        }
        spans.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return (json["split"]?.stringValue ?? "", AnnotatedDocument(id: json["id"]?.stringValue ?? path, text: text, spans: spans))
    }

    /// A UNER IOB2 file: one document per `# newdoc`, sentences on their own lines, tokens joined by spaces.
    /// UNER's types are PER, ORG and LOC; `locType` decides GPE or LOC for a LOC span from its text, and
    /// `relabel` may add spans UNER does not annotate (NORP words) where the tokens are O.
    public static func uner(_ path: String, locType: (String) -> EntityType,
                            extra: (String) -> EntityType? = { _ in nil }) throws -> [AnnotatedDocument] {
        guard let data = FileManager.default.contents(atPath: path), let content = String(data: data, encoding: .utf8) else {
            throw CorpusError.unreadable(path)
        }
        var documents: [AnnotatedDocument] = []
        var text = "", spans: [(start: Int, end: Int, type: EntityType)] = []
        var docID = ""
        var offset = 0  // in scalars
        var open: (start: Int, end: Int, label: String)? = nil
        var sentenceHasTokens = false
        func closeSpan() {
            guard let o = open else { return }
            let surface = String(String.UnicodeScalarView(Array(text.unicodeScalars)[o.start..<o.end]))
            let type: EntityType = switch o.label {
            case "PER": .person
            case "ORG": .org
            default: locType(surface)
            }
            spans.append((o.start, o.end, type))
            open = nil
        }
        func flushDocument() {
            closeSpan()
            if !text.isEmpty { documents.append(AnnotatedDocument(id: docID, text: text, spans: spans)) }
            text = ""; spans = []; offset = 0
        }
        var lineNumber = 0
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine)
            if line.hasPrefix("# newdoc") {
                flushDocument()
                docID = String(line.split(separator: "=").last ?? "").trimmingCharacters(in: .whitespaces)
                continue
            }
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                closeSpan()
                if sentenceHasTokens { text += "\n"; offset += 1; sentenceHasTokens = false }
                continue
            }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3 else { throw CorpusError.malformed(file: path, line: lineNumber, reason: "expected index, token, tag") }
            if cols[0].contains("-") || cols[0].contains(".") { continue }  // multiword or empty nodes
            let token = String(cols[1]), tag = String(cols[2])
            let clitic = ["'s", "’s", "n't", "n’t", "'re", "'ll", "'ve", "'d", "'m", "’re", "’ll", "’ve", "’d", "’m"].contains(token.lowercased())
            if sentenceHasTokens && !clitic { text += " "; offset += 1 }
            sentenceHasTokens = true
            let start = offset
            text += token
            offset += token.unicodeScalars.count
            if tag.hasPrefix("B-") {
                closeSpan()
                open = (start, offset, String(tag.dropFirst(2)))
            } else if tag.hasPrefix("I-"), open != nil, open!.label == String(tag.dropFirst(2)) {
                open!.end = offset
            } else {
                closeSpan()
                if tag == "O", let type = extra(token) { spans.append((start, offset, type)) }
            }
        }
        flushDocument()
        return documents
    }
}

/// Trains the tagger's averaged perceptron on annotated documents, deterministically.
public struct Trainer {
    let lexicons: Lexicons
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()

    public init() { self.lexicons = Lexicons.shared }

    struct Example {
        var infos: [TokenInfo]
        var gold: [Int]
        var headline: Bool
    }

    func examples(_ documents: [AnnotatedDocument]) -> [Example] {
        let extractor = FeatureExtractor(lexicons: lexicons)
        var out: [Example] = []
        for d in documents {
            let text = ScalarText(d.text)
            let tokens = tokenizer.tokenize(text)
            let sentences = splitter.split(text, tokens: tokens)
            // Gold tag per token: a token inside a span takes its type, B- on the span's first token.
            var gold = [Int](repeating: 0, count: tokens.count)
            var t = 0
            for span in d.spans {
                while t < tokens.count, tokens[t].end <= span.start { t += 1 }
                var k = t
                var first = true
                let type = TagSet.types.firstIndex(of: span.type)!
                while k < tokens.count, tokens[k].start < span.end {
                    gold[k] = first ? TagSet.begin(type) : TagSet.inside(type)
                    first = false
                    k += 1
                }
            }
            for s in sentences where !s.tokens.isEmpty {
                let infos = extractor.infos(text, tokens, s.tokens)
                var g = Array(gold[s.tokens])
                if TagSet.isInside(g[0]) { g[0] -= 1 }
                out.append(Example(infos: infos, gold: g, headline: EntityRecognizer.isHeadline(infos)))
            }
        }
        return out
    }

    /// Runs `epochs` passes in a fixed pseudo-random order and returns the averaged weights, pruned of
    /// features whose largest weight is below `prune`.
    public func train(_ documents: [AnnotatedDocument], epochs: Int, prune: Float = 0.01, log: (String) -> Void = { _ in }) -> PerceptronWeights {
        let data = examples(documents)
        let extractor = FeatureExtractor(lexicons: lexicons)
        let L = TagSet.count
        var index: [UInt64: Int] = [:]
        var w: [Double] = [], total: [Double] = [], stamp: [Int] = []
        var clock = 0
        func row(_ h: UInt64) -> Int {
            if let r = index[h] { return r }
            let r = index.count
            index[h] = r
            w.append(contentsOf: repeatElement(0, count: L))
            total.append(contentsOf: repeatElement(0, count: L))
            stamp.append(contentsOf: repeatElement(0, count: L))
            return r
        }
        func update(_ h: UInt64, _ tag: Int, _ delta: Double) {
            let i = row(h) * L + tag
            total[i] += Double(clock - stamp[i]) * w[i]
            stamp[i] = clock
            w[i] += delta
        }
        var order = Array(data.indices)
        var rng: UInt64 = 0x5EED
        var scores = [Float](repeating: 0, count: L)
        var feats: [UInt64] = []
        for epoch in 1...epochs {
            // Fisher–Yates with a fixed linear congruential generator: the same order on every machine.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                order.swapAt(i, Int((rng >> 33) % UInt64(i + 1)))
            }
            var correct = 0, seen = 0
            for e in order {
                let ex = data[e]
                var predicted = [Int](repeating: 0, count: ex.infos.count)
                for k in 0..<ex.infos.count {
                    clock += 1
                    let prev = k >= 1 ? predicted[k - 1] : 0, prev2 = k >= 2 ? predicted[k - 2] : 0
                    // What the tagger never scores, it is not taught (see isPlainWord).
                    if FeatureExtractor.isPlainWord(ex.infos, k, prev: prev) {
                        predicted[k] = TagSet.outside
                        if ex.gold[k] == TagSet.outside { correct += 1 }
                        seen += 1
                        continue
                    }
                    feats.removeAll(keepingCapacity: true)
                    extractor.features(ex.infos, k, prev: prev, prev2: prev2, headline: ex.headline) { feats.append($0) }
                    for t in 0..<L { scores[t] = 0 }
                    for h in feats {
                        if let r = index[h] { for t in 0..<L { scores[t] += Float(w[r * L + t]) } }
                    }
                    var best = 0
                    for t in 1..<L where scores[t] > scores[best] { best = t }
                    let gold = ex.gold[k]
                    if best != gold {
                        for h in feats { update(h, gold, 1); update(h, best, -1) }
                    } else { correct += 1 }
                    seen += 1
                    // The history is what the tagger predicted, as it will be when tagging.
                    predicted[k] = best
                }
            }
            log("epoch \(epoch): \(correct)/\(seen) tokens right (\(String(format: "%.2f", 100 * Double(correct) / Double(max(seen, 1))))%), \(index.count) features")
        }
        var features: [(UInt64, [Float])] = []
        for (h, r) in index {
            var rowWeights = [Float](repeating: 0, count: L)
            var largest: Float = 0
            for t in 0..<L {
                let i = r * L + t
                let avg = (total[i] + Double(clock - stamp[i]) * w[i]) / Double(clock)
                rowWeights[t] = Float(avg)
                largest = max(largest, abs(rowWeights[t]))
            }
            if largest >= prune { features.append((h, rowWeights)) }
        }
        features.sort { $0.0 < $1.0 }
        log("kept \(features.count) of \(index.count) features")
        return PerceptronWeights(features: features)
    }

    /// The model file's bytes for these weights.
    public static func serialize(_ weights: PerceptronWeights) -> [UInt8] {
        PerceptronWeights.serialize(weights.features())
    }
}
