import Foundation
import Language
import WhosaidCore

/// The tags of the sequence tagger: O, then B- and I- of each entity type (BIO encoding).
public enum TagSet {
    public static let types: [EntityType] = [.person, .org, .gpe, .loc, .norp]
    public static let count = 1 + 2 * types.count
    public static let outside = 0
    @inline(__always) public static func begin(_ t: Int) -> Int { 1 + 2 * t }
    @inline(__always) public static func inside(_ t: Int) -> Int { 2 + 2 * t }
    /// The type index of a tag, or -1 for O.
    @inline(__always) public static func typeIndex(_ tag: Int) -> Int { tag == 0 ? -1 : (tag - 1) / 2 }
    @inline(__always) public static func isInside(_ tag: Int) -> Bool { tag != 0 && (tag - 1) % 2 == 1 }
    public static func name(_ tag: Int) -> String {
        tag == 0 ? "O" : (isInside(tag) ? "I-" : "B-") + types[typeIndex(tag)].rawValue
    }
}

/// Weights of an averaged perceptron in an open-addressing table keyed by the feature hash. Each slot is
/// 16 floats (one 64-byte cache line): the 64-bit hash as two 32-bit patterns, then one weight per tag, so
/// a lookup touches one line.
public struct PerceptronWeights: Sendable {
    static let stride = 16
    var table: [Float]
    /// One 16-bit fingerprint per slot (0 when empty), probed before the table: most features of a text are
    /// not in the model, and this array is small enough to stay in cache where the table is not, so an
    /// absent feature costs no miss of the table.
    var fingerprints: [UInt16]
    var mask: Int
    public private(set) var featureCount: Int

    /// The fingerprint of a key: bits the slot index does not use, never 0.
    @inline(__always) static func fingerprint(_ key: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: key >> 48) | 1 }

    init(features: [(UInt64, [Float])]) {
        self.init(capacityFor: features.count)
        for (hash, row) in features { insert(hash) { row[$0] } }
    }

    /// An empty table with room for `count` features at most two-thirds full.
    private init(capacityFor count: Int) {
        var capacity = 16
        while capacity * 2 < count * 3 { capacity <<= 1 }
        table = [Float](repeating: 0, count: capacity * PerceptronWeights.stride)
        fingerprints = [UInt16](repeating: 0, count: capacity)
        mask = capacity - 1
        featureCount = 0
    }

    /// Adds a feature not in the table yet, with `weight(t)` for each tag t: called once per tag, in tag
    /// order (the model file's reader takes the weights from the file in that order).
    private mutating func insert(_ hash: UInt64, weight: (Int) -> Float) {
        let key = PerceptronWeights.key(hash)
        var slot = Int(truncatingIfNeeded: key) & mask
        while table[slot * PerceptronWeights.stride].bitPattern != 0 || table[slot * PerceptronWeights.stride + 1].bitPattern != 0 {
            slot = (slot + 1) & mask
        }
        let base = slot * PerceptronWeights.stride
        fingerprints[slot] = PerceptronWeights.fingerprint(key)
        table[base] = Float(bitPattern: UInt32(truncatingIfNeeded: key))
        table[base + 1] = Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
        for t in 0..<TagSet.count { table[base + 2 + t] = weight(t) }
        featureCount += 1
    }

    /// The table's key for a feature hash: never 0, which marks an empty slot.
    @inline(__always) static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// Every feature and its weights, ascending by hash.
    func features() -> [(UInt64, [Float])] {
        var out: [(UInt64, [Float])] = []
        for slot in 0...mask {
            let base = slot * PerceptronWeights.stride
            let key = UInt64(table[base].bitPattern) | UInt64(table[base + 1].bitPattern) << 32
            if key != 0 { out.append((key, Array(table[(base + 2)..<(base + 2 + TagSet.count)]))) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    // MARK: File format
    // "WSNER1\n", UInt32 tag count, UInt32 feature count, then per feature (ascending hash): UInt64 hash and
    // tag-count Float32 weights, all little-endian. Sorted and fixed-width: same weights, same bytes.
    static let magic = Array("WSNER1\n".utf8)

    public static func load(_ url: URL) throws -> PerceptronWeights {
        guard let data = try? Data(contentsOf: url) else { throw EntityDataError.missingResource(url.lastPathComponent) }
        let bytes = [UInt8](data)
        let file = url.lastPathComponent
        guard bytes.count >= magic.count + 8, Array(bytes[0..<magic.count]) == magic else {
            throw EntityDataError.badModel(file: file, reason: "not a whosaid NER model")
        }
        var p = magic.count
        func u32() -> UInt32 { defer { p += 4 }; return UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24 }
        func u64() -> UInt64 { let lo = UInt64(u32()); return lo | UInt64(u32()) << 32 }
        let tags = Int(u32()), count = Int(u32())
        guard tags == TagSet.count else { throw EntityDataError.badModel(file: file, reason: "has \(tags) tags, expected \(TagSet.count)") }
        guard bytes.count == p + count * (8 + 4 * tags) else { throw EntityDataError.badModel(file: file, reason: "truncated") }
        // Straight into the table: a weights array per feature was a quarter of the extractor's start-up.
        var weights = PerceptronWeights(capacityFor: count)
        for _ in 0..<count {
            let h = u64()
            weights.insert(h) { _ in Float(bitPattern: u32()) }
        }
        return weights
    }

    static func serialize(_ features: [(UInt64, [Float])]) -> [UInt8] {
        var out = magic
        func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
        u32(UInt32(TagSet.count))
        u32(UInt32(features.count))
        for (h, row) in features.sorted(by: { $0.0 < $1.0 }) {
            u32(UInt32(truncatingIfNeeded: h))
            u32(UInt32(truncatingIfNeeded: h >> 32))
            for w in row { u32(w.bitPattern) }
        }
        return out
    }
}

/// What the feature extractor knows of one token, computed once per token.
struct TokenInfo {
    var word: UInt64 = 0  // case-folded
    var exact: UInt64 = 0  // as written
    var shape: UInt64 = 0
    var prefix2: UInt64 = 0, prefix3: UInt64 = 0
    var suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    var capitalized = false
    var allCaps = false
    var hasLetter = false
    /// Gazetteer kinds of the longest phrase over this token, and whether the token begins it.
    var gazetteer: LexiconKind = []
    var gazetteerBegins = false
    var firstName = false, lastName = false, title = false, role = false, nonEntity = false
    /// Letters all in lowercase, and no digit: "said", not "eBay", "iFixit", "al-Tanf" or "my6sense".
    var plainLowercase = false
    /// A particle of names ("de", "van", "von", "al", "bin"...), which a capitalised word may follow.
    var nameParticle = false
}

/// Turns tokens into feature hashes and tags them.
struct FeatureExtractor {
    let lexicons: Lexicons

    static let boundary = WordHash.folded("<s>")

    static let nameParticles: Set<UInt64> = Set(["de", "del", "della", "der", "den", "van", "von", "da", "di", "do", "dos",
                                                 "das", "du", "la", "le", "al", "el", "bin", "ibn", "ben", "ter", "ten",
                                                 "zu", "af", "av"].map { WordHash.folded($0) })

    /// A word tagged O without scoring: after an O, in plain lowercase, outside any gazetteer phrase, and not
    /// a particle of a name that goes on ("de Blasio", "von der Leyen"). Most words of a text are such
    /// words, and the model almost never tags them otherwise. Training and tagging both apply it, so the
    /// history the model learns from is the one it will see.
    @inline(__always) static func isPlainWord(_ infos: [TokenInfo], _ k: Int, prev: Int) -> Bool {
        let info = infos[k]
        guard prev == TagSet.outside, info.plainLowercase, info.gazetteer.isEmpty else { return false }
        if info.nameParticle {
            var next = k + 1
            while next < infos.count, infos[next].nameParticle { next += 1 }
            if next < infos.count, infos[next].capitalized { return false }
        }
        return true
    }

    func infos(_ text: ScalarText, _ tokens: [Token], _ range: Range<Int>) -> [TokenInfo] {
        let s = text.scalars
        var infos = [TokenInfo](repeating: TokenInfo(), count: range.count)
        for (k, i) in range.enumerated() {
            let t = tokens[i]
            var info = TokenInfo()
            info.word = WordHash.folded(s, t.start, t.end)
            var exact = WordHash.seed
            var shape = WordHash.seed
            var lastClass: UInt32 = 0, run = 0
            var upper = 0, letters = 0, digits = 0
            for j in t.start..<t.end {
                let c = s[j]
                exact = WordHash.fold(exact, c.value)
                let cls: UInt32
                if CharClass.isUpper(c) { cls = 88; upper += 1; letters += 1 }  // X
                else if CharClass.isLower(c) { cls = 120; letters += 1 }  // x
                else if CharClass.isDigit(c) { cls = 100; digits += 1 }  // d
                else if CharClass.isLetter(c) { cls = 120; letters += 1 }
                else { cls = c.value }
                if cls == lastClass { run += 1 } else { run = 1; lastClass = cls }
                if run <= 2 { shape = WordHash.fold(shape, cls) }
            }
            info.exact = exact
            info.shape = shape
            let len = t.end - t.start
            if len >= 2 { info.prefix2 = WordHash.mix(1, WordHash.folded(s, t.start, t.start + 2)) }
            if len >= 3 { info.prefix3 = WordHash.mix(2, WordHash.folded(s, t.start, t.start + 3)) }
            if len >= 3 { info.suffix2 = WordHash.mix(3, WordHash.folded(s, t.end - 2, t.end)) }
            if len >= 4 { info.suffix3 = WordHash.mix(4, WordHash.folded(s, t.end - 3, t.end)) }
            if len >= 5 { info.suffix4 = WordHash.mix(5, WordHash.folded(s, t.end - 4, t.end)) }
            info.hasLetter = letters > 0
            info.capitalized = CharClass.isUpper(s[t.start])
            info.plainLowercase = CharClass.isLower(s[t.start]) && upper == 0 && digits == 0
            info.nameParticle = FeatureExtractor.nameParticles.contains(info.word)
            info.allCaps = letters > 1 && upper == letters
            let flags = lexicons.wordFlags[info.word] ?? 0
            info.firstName = info.capitalized && flags & WordFlag.firstName != 0
            info.lastName = info.capitalized && flags & WordFlag.lastName != 0
            info.title = flags & WordFlag.title != 0
            info.role = flags & WordFlag.role != 0
            info.nonEntity = flags & WordFlag.nonEntity != 0
            infos[k] = info
        }
        // Gazetteer: longest match starting at each token, capitalised first word only.
        var k = 0
        while k < infos.count {
            guard infos[k].capitalized else { k += 1; continue }
            var h: UInt64 = 0
            var best = 0
            var bestKind: LexiconKind = []
            var m = 0
            while m < lexicons.maxPhraseTokens, k + m < infos.count {
                h = WordHash.mix(h, infos[k + m].word)
                m += 1
                if let kind = lexicons.phrases[h] { best = m; bestKind = kind }
            }
            if best > 0 {
                for j in k..<(k + best) { infos[j].gazetteer = bestKind; infos[j].gazetteerBegins = j == k }
                k += best
            } else { k += 1 }
        }
        return infos
    }

    /// Calls `body` with each feature hash of token `k` of the sentence, given the two previous tags.
    @inline(__always)
    func features(_ infos: [TokenInfo], _ k: Int, prev: Int, prev2: Int, headline: Bool, _ body: (UInt64) -> Void) {
        let me = infos[k]
        let none = TokenInfo()
        let p1 = k >= 1 ? infos[k - 1] : none
        let p2 = k >= 2 ? infos[k - 2] : none
        let n1 = k + 1 < infos.count ? infos[k + 1] : none
        let n2 = k + 2 < infos.count ? infos[k + 2] : none
        let b = FeatureExtractor.boundary
        let pw = k >= 1 ? p1.word : b, p2w = k >= 2 ? p2.word : b
        let nw = k + 1 < infos.count ? n1.word : b, n2w = k + 2 < infos.count ? n2.word : b
        @inline(__always) func f(_ template: UInt64, _ value: UInt64) { body(WordHash.mix(template &* 0x1F3D_5B79, value)) }
        f(1, 0)
        f(2, me.word)
        f(3, me.exact)
        f(4, me.shape)
        if me.prefix2 != 0 { f(5, me.prefix2) }
        if me.prefix3 != 0 { f(6, me.prefix3) }
        if me.suffix2 != 0 { f(7, me.suffix2) }
        if me.suffix3 != 0 { f(8, me.suffix3) }
        if me.suffix4 != 0 { f(9, me.suffix4) }
        f(10, pw)
        f(11, nw)
        f(12, p2w)
        f(13, n2w)
        f(14, WordHash.mix(pw, me.word))
        f(15, WordHash.mix(me.word, nw))
        f(16, WordHash.mix(k >= 1 ? p1.shape : b, me.shape))
        f(17, WordHash.mix(me.shape, k + 1 < infos.count ? n1.shape : b))
        f(18, UInt64(prev))
        f(19, UInt64(prev) &* 31 &+ UInt64(prev2))
        f(20, WordHash.mix(UInt64(prev), me.word))
        f(21, WordHash.mix(UInt64(prev), me.shape))
        let kinds = me.gazetteer.rawValue
        if kinds != 0 {
            for bit in 0..<LexiconKind.count where kinds & (1 << bit) != 0 {
                f(22, UInt64(bit) * 2 + (me.gazetteerBegins ? 1 : 0))
                f(23, WordHash.mix(UInt64(bit), UInt64(prev)))
            }
        }
        if p1.gazetteer.rawValue != 0 { f(24, UInt64(p1.gazetteer.rawValue)) }
        if n1.gazetteer.rawValue != 0 { f(25, UInt64(n1.gazetteer.rawValue)) }
        if me.firstName { f(26, 1) }
        if me.lastName { f(27, 1) }
        if p1.firstName { f(28, me.lastName ? 2 : (me.capitalized ? 1 : 0)) }
        if n1.lastName && me.capitalized { f(29, me.firstName ? 1 : 0) }
        if p1.title { f(30, me.capitalized ? 1 : 0) }
        if p1.role { f(31, me.capitalized ? 1 : 0) }
        if me.title { f(32, n1.capitalized ? 1 : 0) }
        if me.role { f(33, 1) }
        if me.nonEntity { f(34, 1) }
        f(35, (k == 0 ? 1 : 0) | (me.capitalized ? 2 : 0) | (me.allCaps ? 4 : 0) | (headline ? 8 : 0))
        if k == 0 { f(36, me.word) }
        if headline { f(37, me.word) }
        f(38, WordHash.mix(p1.shape, WordHash.mix(me.shape, n1.shape)))
    }

    /// Tags a sentence greedily, left to right; an I- tag that does not continue its type becomes B-.
    func tag(_ infos: [TokenInfo], weights: PerceptronWeights, headline: Bool) -> [Int] {
        var tags = [Int](repeating: 0, count: infos.count)
        var scores = [Float](repeating: 0, count: TagSet.count)
        let mask = weights.mask
        let L = TagSet.count
        let stride = PerceptronWeights.stride
        weights.table.withUnsafeBufferPointer { table in
          weights.fingerprints.withUnsafeBufferPointer { fingerprints in
            let w = table.baseAddress!
            let fp = fingerprints.baseAddress!
            scores.withUnsafeMutableBufferPointer { buffer in
                let sp = buffer.baseAddress!
                for k in 0..<infos.count {
                    let prev = k >= 1 ? tags[k - 1] : 0, prev2 = k >= 2 ? tags[k - 2] : 0
                    if FeatureExtractor.isPlainWord(infos, k, prev: prev) {
                        tags[k] = TagSet.outside
                        continue
                    }
                    for t in 0..<L { sp[t] = 0 }
                    features(infos, k, prev: prev, prev2: prev2, headline: headline) { hash in
                        let key = PerceptronWeights.key(hash)
                        let lo = UInt32(truncatingIfNeeded: key), hi = UInt32(truncatingIfNeeded: key >> 32)
                        let want = PerceptronWeights.fingerprint(key)
                        var slot = Int(truncatingIfNeeded: key) & mask
                        while true {
                            let f = fp[slot]
                            if f == 0 { return }
                            if f == want {
                                let base = w + slot * stride
                                if base[0].bitPattern == lo && base[1].bitPattern == hi {
                                    for t in 0..<L { sp[t] += base[2 + t] }
                                    return
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                    var best = 0
                    for t in 1..<L where sp[t] > sp[best] { best = t }
                    if TagSet.isInside(best), TagSet.typeIndex(prev) != TagSet.typeIndex(best) { best -= 1 }
                    tags[k] = best
                }
            }
          }
        }
        return tags
    }
}
