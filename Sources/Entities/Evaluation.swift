import Foundation
import Language
import WhosaidCore

/// Exact-span, exact-type scoring of named mentions against gold documents.
public struct MentionScore: Sendable {
    public var truePositives: [String: Int] = [:]
    public var predicted: [String: Int] = [:]
    public var gold: [String: Int] = [:]

    public init() {}

    public static func f1(_ tp: Int, _ predicted: Int, _ gold: Int) -> (p: Double, r: Double, f: Double) {
        let p = predicted == 0 ? 0 : Double(tp) / Double(predicted)
        let r = gold == 0 ? 0 : Double(tp) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// Adds one document: `label` maps a type to the label scored (nil: not scored).
    public mutating func add(gold goldSpans: [(start: Int, end: Int, type: EntityType)], predicted predictedSpans: [(start: Int, end: Int, type: EntityType)],
                             label: (EntityType) -> String?) {
        var goldSet = Set<String>()
        for g in goldSpans {
            guard let l = label(g.type) else { continue }
            let key = "\(g.start):\(g.end):\(l)"
            if goldSet.insert(key).inserted { gold[l, default: 0] += 1 }
        }
        var seen = Set<String>()
        for p in predictedSpans {
            guard let l = label(p.type) else { continue }
            let key = "\(p.start):\(p.end):\(l)"
            guard seen.insert(key).inserted else { continue }
            predicted[l, default: 0] += 1
            if goldSet.contains(key) { truePositives[l, default: 0] += 1 }
        }
    }

    /// The micro average over `labels`: precision, recall and F1 (0 to 1), and the gold mentions.
    public func overall(labels: [String]) -> (p: Double, r: Double, f: Double, gold: Int) {
        let g = labels.reduce(0) { $0 + (gold[$1] ?? 0) }
        let s = MentionScore.f1(labels.reduce(0) { $0 + (truePositives[$1] ?? 0) }, labels.reduce(0) { $0 + (predicted[$1] ?? 0) }, g)
        return (s.p, s.r, s.f, g)
    }

    /// A table: one line per label, then the micro average over all labels.
    public func table(title: String, labels: [String]) -> String {
        var lines = [title, "  type        P      R      F1    gold"]
        func row(_ name: String, _ labels: [String]) -> String {
            let s = overall(labels: labels)
            return "  " + name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: "%6.1f %6.1f %6.1f %6d", 100 * s.p, 100 * s.r, 100 * s.f, s.gold)
        }
        for l in labels { lines.append(row(l, [l])) }
        lines.append(row("all", labels))
        return lines.joined(separator: "\n")
    }
}

/// Runs the whole recognizer (tokenizer, splitter, tagger, rules, grouping) on a document.
public struct MentionPipeline: Sendable {
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    let recognizer: EntityRecognizer

    public init(recognizer: EntityRecognizer = EntityRecognizer()) { self.recognizer = recognizer }

    public func spans(_ text: String) -> [(start: Int, end: Int, type: EntityType)] {
        let scalars = ScalarText(text)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = splitter.split(scalars, tokens: tokens)
        var out: [(start: Int, end: Int, type: EntityType)] = []
        for e in recognizer.entities(in: scalars, tokens: tokens, sentences: sentences) {
            for m in e.mentions { out.append((m.start, m.end, e.type)) }
        }
        return out
    }
}

/// UNER's label set: GPE and LOC are both LOC, PERSON is PER, NORP is not annotated.
public func unerLabel(_ type: EntityType) -> String? {
    switch type {
    case .person: "PER"
    case .org: "ORG"
    case .gpe, .loc: "LOC"
    case .norp: nil
    }
}

/// The GPE-or-LOC decision for a UNER LOC span, from the gazetteers: a listed country, state, city or capital is
/// GPE; anything else (regions, and places the lists do not know) is LOC.
public func unerLocationType(_ surface: String) -> EntityType {
    let (h, _) = PhraseHasher().hash(surface)
    guard let kind = Lexicons.shared.phrases[h] else { return .loc }
    if kind.contains(.region), !kind.contains(.country) { return .loc }
    return kind.rawValue & LexiconKind.gpe.rawValue != 0 ? .gpe : .loc
}

/// NORP words UNER leaves unannotated, so that training on it does not teach the tagger they are O.
public func unerExtraType(_ token: String) -> EntityType? {
    guard let c = token.unicodeScalars.first, CharClass.isUpper(c) else { return nil }
    let (h, n) = PhraseHasher().hash(token)
    if n == 1, let kind = Lexicons.shared.phrases[h], kind.contains(.demonym) { return .norp }
    return nil
}
