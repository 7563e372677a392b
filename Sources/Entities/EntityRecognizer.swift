import Foundation
import Language
import WhosaidCore

/// A named mention found in the text, before mentions are grouped into entities. Token offsets are half-open.
public struct Mention: Equatable, Sendable {
    public var first: Int
    public var end: Int
    public var type: EntityType
    public var isOutlet: Bool

    public init(first: Int, end: Int, type: EntityType, isOutlet: Bool = false) {
        self.first = first
        self.end = end
        self.type = type
        self.isOutlet = isOutlet
    }
}

/// Finds the people, organisations, places and groups an article names, one entity per real-world thing.
///
/// A learned tagger (an averaged perceptron over word, shape, affix, context and gazetteer features; see
/// `Trainer`) proposes typed spans; gazetteers of countries, regions, groups and news outlets, where they are
/// more reliable than the tagger, fix or add spans; then the mentions are grouped per real-world thing
/// (`EntityGrouper`) with the roles and titles the article gives people. The model and lexicons load once
/// per process; the recognizer itself is a cheap value to copy and share.
public struct EntityRecognizer: Sendable {
    let lexicons: Lexicons
    let weights: PerceptronWeights

    public init() {
        self.lexicons = Lexicons.shared
        self.weights = EntityRecognizer.sharedWeights
    }

    /// A recognizer with other weights (training and evaluation use this).
    public init(weights: PerceptronWeights) {
        self.lexicons = Lexicons.shared
        self.weights = weights
    }

    static let sharedWeights: PerceptronWeights = {
        do {
            return try PerceptronWeights.load(try ResourceFiles.directory("models").appendingPathComponent("ner.model"))
        } catch { fatalError("\(error)") }
    }()

    public func entities(in text: ScalarText, tokens: [Token], sentences: [Sentence]) -> [Entity] {
        var words: [UInt64] = []
        let found = mentions(in: text, tokens: tokens, sentences: sentences, words: &words)
        return EntityGrouper(lexicons: lexicons, text: text, tokens: tokens, sentences: sentences, words: words).group(found)
    }

    /// The named mentions of the text, in text order, not yet grouped.
    public func mentions(in text: ScalarText, tokens: [Token], sentences: [Sentence]) -> [Mention] {
        var words: [UInt64] = []
        return mentions(in: text, tokens: tokens, sentences: sentences, words: &words)
    }

    /// The mentions, and each token's case-folded word hash (computed once, shared with the role finder).
    func mentions(in text: ScalarText, tokens: [Token], sentences: [Sentence], words: inout [UInt64]) -> [Mention] {
        let extractor = FeatureExtractor(lexicons: lexicons)
        var tags = [Int](repeating: 0, count: tokens.count)
        var infos = [TokenInfo]()
        infos.reserveCapacity(tokens.count)
        var sentenceStart = [Bool](repeating: false, count: tokens.count)
        for sentence in sentences where !sentence.tokens.isEmpty {
            let sentenceInfos = extractor.infos(text, tokens, sentence.tokens)
            let headline = EntityRecognizer.isHeadline(sentenceInfos)
            let sentenceTags = extractor.tag(sentenceInfos, weights: weights, headline: headline)
            for (k, i) in sentence.tokens.enumerated() { tags[i] = sentenceTags[k] }
            infos.append(contentsOf: sentenceInfos)
            sentenceStart[sentence.tokens.lowerBound] = true
        }
        guard infos.count == tokens.count else { return [] }  // sentences did not cover the tokens
        words = infos.map(\.word)
        var rules = MentionRules(lexicons: lexicons, text: text, tokens: tokens, infos: infos, sentenceStart: sentenceStart)
        return rules.apply(tags: tags)
    }

    /// A sentence whose words are mostly capitalised (a headline in title case or capitals).
    static func isHeadline(_ infos: [TokenInfo]) -> Bool {
        var words = 0, capitalised = 0
        for info in infos where info.hasLetter {
            words += 1
            if info.capitalized { capitalised += 1 }
        }
        return words >= 4 && capitalised * 10 >= words * 8
    }

    // MARK: Helpers for the quote extractor

    /// The entity a span of text names: the entity with a mention overlapping it, else the one whose name
    /// or an alias is the span's text (case-insensitive), else a person whose name ends with it ("Blinken").
    public static func entity(for span: Span, in entities: [Entity]) -> Entity? {
        if let e = entities.first(where: { $0.mentions.contains { $0.start < span.end && span.start < $0.end } }) { return e }
        let folded = span.text.lowercased()
        if let e = entities.first(where: { $0.name.lowercased() == folded || $0.aliases.contains { $0.lowercased() == folded } }) { return e }
        return entities.first { $0.type == .person && $0.name.lowercased().hasSuffix(" " + folded) }
    }

    /// The person a role noun phrase refers to: "the secretary", "the spokesperson", "the foreign minister".
    /// Among the people whose role contains the phrase's last word (or who have the phrase as an alias), the
    /// one mentioned last before `offset` wins; failing that, the first mentioned after it. Nil when no
    /// person's role matches.
    public static func entity(forRoleNoun phrase: String, before offset: Int, in entities: [Entity]) -> Entity? {
        let words = phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let content = words.drop(while: { ["the", "a", "an", "this", "that"].contains($0) })
        guard let head = content.last else { return nil }
        let normalizedPhrase = content.joined(separator: " ")
        let candidates = entities.filter { e in
            guard e.type == .person else { return false }
            if e.aliases.contains(where: { $0.lowercased().hasSuffix(normalizedPhrase) }) { return true }
            guard let role = e.role?.lowercased() else { return false }
            let roleWords = role.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            return roleWords.contains(head) || roleWords.contains(where: { $0 == head + "s" || head == $0 + "s" })
        }
        var best: (Entity, Int)? = nil
        for e in candidates {
            if let last = e.mentions.filter({ $0.end <= offset }).map(\.start).max(), best == nil || last > best!.1 { best = (e, last) }
        }
        if let best { return best.0 }
        return candidates.min { ($0.mentions.first?.start ?? Int.max) < ($1.mentions.first?.start ?? Int.max) }
    }
}
