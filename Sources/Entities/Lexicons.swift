import Foundation
import Language
import WhosaidCore

/// Where the recognizer's data cannot be read; says which file.
public enum EntityDataError: Error, CustomStringConvertible {
    case missingResource(String)
    case badModel(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingResource(let f): "entity data file \(f) is missing from the Entities resources"
        case .badModel(let f, let r): "model file \(f) is not usable: \(r)"
        }
    }
}

/// What a gazetteer says a phrase is. A phrase may be several things ("Georgia": country and US state).
public struct LexiconKind: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let country = LexiconKind(rawValue: 1 << 0)
    public static let state = LexiconKind(rawValue: 1 << 1)
    public static let city = LexiconKind(rawValue: 1 << 2)
    public static let capital = LexiconKind(rawValue: 1 << 3)
    public static let region = LexiconKind(rawValue: 1 << 4)
    public static let demonym = LexiconKind(rawValue: 1 << 5)
    public static let organization = LexiconKind(rawValue: 1 << 6)
    public static let outlet = LexiconKind(rawValue: 1 << 7)
    public static let gpeAlias = LexiconKind(rawValue: 1 << 8)
    /// A sports team's nickname ("Sabres"): an organisation.
    public static let team = LexiconKind(rawValue: 1 << 9)
    public static let count = 10

    /// GPE-like kinds: a phrase with one of these is a place with a government.
    public static let gpe: LexiconKind = [.country, .state, .city, .capital, .gpeAlias]
}

/// Hashes of words, computed over scalars without building strings (the tagger's hot path).
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func fold(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always) static func lower(_ v: UInt32) -> UInt32 {
        (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v
    }

    /// Case-folded (ASCII) hash of scalars[start..<end]; curly apostrophes count as straight ones.
    @inline(__always) static func folded(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        for k in start..<end {
            var v = s[k].value
            if v == 0x2019 { v = 0x27 }
            h = fold(h, lower(v))
        }
        return h
    }

    static func folded(_ string: String) -> UInt64 {
        let s = Array(string.unicodeScalars)
        return folded(s, 0, s.count)
    }

    /// Combines two hashes into one, order-sensitive.
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a ^ (b &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }
}

/// The gazetteers and word lists the recognizer uses, read once from the bundled `lexicons` folder.
public final class Lexicons: Sendable {
    /// Phrase (token hashes mixed in order) → kinds.
    let phrases: [UInt64: LexiconKind]
    /// Longest phrase in tokens.
    let maxPhraseTokens: Int
    let firstNames: Set<UInt64>
    let lastNames: Set<UInt64>
    let roleWords: Set<UInt64>
    let titles: Set<UInt64>
    let nonEntities: Set<UInt64>
    let orgSuffixes: Set<UInt64>
    let functionWords: Set<UInt64>
    let geoWords: Set<UInt64>
    let eventWords: Set<UInt64>
    /// For each word in the first-name, last-name, title, role or non-entity list, which of them hold it
    /// (bits `WordFlag.*`): the tagger asks all five of every token, and one lookup is cheaper than five.
    let wordFlags: [UInt64: UInt8]
    /// Folded alias → canonical country name ("u.s." → "United States").
    public let gpeCanonical: [String: String]
    /// Folded capital → its country ("washington" → "United States").
    public let capitalOf: [String: String]
    /// Single-word entries of three letters or fewer written in capitals ("WHO", "ICE"): they name an
    /// organisation only when the text writes them in capitals too (not "Who", "Ice").
    let shortAcronyms: Set<UInt64>
    /// Folded outlet names.
    let outlets: Set<String>

    public static let shared: Lexicons = {
        do { return try Lexicons(directory: try ResourceFiles.directory("lexicons")) } catch {
            fatalError("\(error)")
        }
    }()

    init(directory: URL) throws {
        func lines(_ name: String) throws -> [String] {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw EntityDataError.missingResource("lexicons/" + name) }
            // The lexicons are UTF-8 with LF or CRLF line ends. Cut at the line-feed bytes: splitting the
            // characters cost a grapheme-cluster check per character, a fifth of every extractor's start-up
            // (and make -j starts one per shard).
            let carriageReturn = UInt8(ascii: "\r")
            return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { bytes in
                let line = bytes.last == carriageReturn ? bytes.dropLast() : bytes[...]
                guard !line.isEmpty, line.first != UInt8(ascii: "#") else { return nil }
                return String(decoding: line, as: UTF8.self)
            }
        }
        let tokenizer = PhraseHasher()
        var phrases: [UInt64: LexiconKind] = [:]
        var maxLen = 1
        func add(_ phrase: String, _ kind: LexiconKind) {
            let (h, n) = tokenizer.hash(phrase)
            guard n > 0 else { return }
            phrases[h, default: []].insert(kind)
            maxLen = max(maxLen, n)
        }
        var capitalOf: [String: String] = [:]
        for line in try lines("places.tsv") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else { continue }
            switch f[2] {
            case "country": add(f[1], .country)
            case "us-state": add(f[1], .state)
            case "city": add(f[1], .city)
            default:
                if f[2].hasPrefix("capital:") {
                    add(f[1], .capital)
                    capitalOf[f[1].lowercased()] = String(f[2].dropFirst("capital:".count))
                }
            }
        }
        for w in try lines("provinces.txt") { add(w, .state) }
        for w in try lines("regions.txt") { add(w, .region) }
        for w in try lines("demonyms.txt") { add(w, .demonym) }
        let organizationNames = try lines("organizations.txt"), teamNames = try lines("teams.txt"), outletNames = try lines("outlets.txt")
        for w in organizationNames { add(w, .organization) }
        for w in teamNames { add(w, .team) }
        var outlets = Set<String>()
        for w in outletNames { add(w, [.outlet, .organization]); outlets.insert(w.lowercased()) }
        var shortAcronyms = Set<UInt64>()
        for w in organizationNames + outletNames + teamNames
        where w.count <= 3 && w.unicodeScalars.allSatisfy({ CharClass.isUpper($0) || CharClass.isDigit($0) }) {
            shortAcronyms.insert(WordHash.folded(w))
        }
        self.shortAcronyms = shortAcronyms
        var canonical: [String: String] = [:]
        for line in try lines("gpe-aliases.tsv") {
            let f = line.split(separator: "\t").map(String.init)
            guard let name = f.first else { continue }
            for form in f { add(form, .gpeAlias); canonical[form.lowercased()] = name }
        }
        self.phrases = phrases
        self.maxPhraseTokens = maxLen
        self.gpeCanonical = canonical
        self.capitalOf = capitalOf
        self.outlets = outlets
        self.firstNames = Set(try lines("first-names.txt").map { WordHash.folded($0) })
        self.lastNames = Set(try lines("last-names.txt").map { WordHash.folded($0) })
        self.roleWords = Set(try lines("roles.txt").map { WordHash.folded($0) })
        self.titles = Set(try lines("titles.txt").map { WordHash.folded($0) })
        self.nonEntities = Set(try lines("non-entities.txt").map { WordHash.folded($0) })
        self.orgSuffixes = Set(try lines("org-suffixes.txt").map { WordHash.folded($0) })
        self.functionWords = Set(try lines("function-words.txt").map { WordHash.folded($0) })
        self.geoWords = Set(try lines("geo-words.txt").map { WordHash.folded($0) })
        self.eventWords = Set(try lines("event-words.txt").map { WordHash.folded($0) })
        var flags: [UInt64: UInt8] = [:]
        for (set, flag) in [(firstNames, WordFlag.firstName), (lastNames, WordFlag.lastName), (titles, WordFlag.title),
                            (roleWords, WordFlag.role), (nonEntities, WordFlag.nonEntity)] {
            for h in set { flags[h, default: 0] |= flag }
        }
        self.wordFlags = flags
    }

    public func isOutlet(_ name: String) -> Bool { outlets.contains(name.lowercased()) }
}

/// The bits of `Lexicons.wordFlags`.
enum WordFlag {
    static let firstName: UInt8 = 1, lastName: UInt8 = 2, title: UInt8 = 4, role: UInt8 = 8, nonEntity: UInt8 = 16
}

/// Hashes a phrase the way the matcher hashes a run of tokens: each token folded, mixed in order.
struct PhraseHasher {
    let tokenizer = Tokenizer()

    func hash(_ phrase: String) -> (UInt64, Int) {
        let text = ScalarText(phrase)
        let tokens = tokenizer.tokenize(text)
        var h: UInt64 = 0
        for t in tokens { h = WordHash.mix(h, WordHash.folded(text.scalars, t.start, t.end)) }
        return (h, tokens.count)
    }
}

/// Finds the bundled data folders.
enum ResourceFiles {
    static func directory(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw EntityDataError.missingResource(name)
        }
        return url
    }
}
