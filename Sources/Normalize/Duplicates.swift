import WhosaidCore

/// Finds articles already seen in this run: the same article reached twice (same id, which comes from
/// the canonical URL, or the same body) and near-identical copies of one text across outlets (wire stories).
///
/// It keeps a few integers per article, never the texts, so memory stays small on large corpora.
public final class DuplicateDetector {
    public enum Verdict: Equatable {
        /// Not seen before.
        case new
        /// The same article as an earlier record: write it once.
        case sameArticle(as: String, reason: String)
        /// A near-identical copy of an earlier record's body (another outlet's print of a wire story).
        case nearCopy(of: String)
    }

    /// Fingerprints differing in at most this many of their 64 bits are near copies.
    public static let maximumDistance = 3
    /// Bodies shorter than this many words are too short for their fingerprints to mean anything.
    public static let minimumWords = 50

    private var ids = Set<String>()
    private var bodies: [BodyKey: String] = [:]
    /// One table per 16-bit quarter of the fingerprint: two fingerprints within 3 bits share a quarter.
    private var bands: [[UInt16: [Int]]] = Array(repeating: [:], count: 4)
    private var fingerprints: [(value: UInt64, id: String)] = []

    public init() {}

    struct BodyKey: Hashable { var a: UInt64; var b: UInt64 }

    /// Checks an article and remembers it when it is to be written.
    public func check(_ article: Article) -> Verdict {
        if ids.contains(article.id) { return .sameArticle(as: article.id, reason: "same URL") }
        let key = Self.bodyKey(article.text)
        if let earlier = bodies[key] { return .sameArticle(as: earlier, reason: "same body") }
        ids.insert(article.id)
        bodies[key] = article.id
        guard let fingerprint = Self.fingerprint(article.text) else { return .new }
        var nearest: (distance: Int, index: Int)?
        for band in 0..<4 {
            let part = UInt16(truncatingIfNeeded: fingerprint >> (16 * UInt64(band)))
            for index in bands[band][part] ?? [] {
                let distance = (fingerprints[index].value ^ fingerprint).nonzeroBitCount
                if distance <= Self.maximumDistance, distance < (nearest?.distance ?? Int.max) || (distance == nearest?.distance && index < nearest!.index) {
                    nearest = (distance, index)
                }
            }
        }
        let index = fingerprints.count
        fingerprints.append((fingerprint, article.id))
        for band in 0..<4 {
            bands[band][UInt16(truncatingIfNeeded: fingerprint >> (16 * UInt64(band))), default: []].append(index)
        }
        if let nearest { return .nearCopy(of: fingerprints[nearest.index].id) }
        return .new
    }

    /// Two independent 64-bit FNV-1a hashes of the body bytes.
    static func bodyKey(_ text: String) -> BodyKey {
        var a: UInt64 = 0xcbf29ce484222325
        var b: UInt64 = 0x84222325cbf29ce4
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x100000001b3
                b = (b ^ UInt64(byte ^ 0x5A)) &* 0x100000001b3
            }
        }
        return BodyKey(a: a, b: b)
    }

    /// SimHash of the body's word 4-grams (ASCII letters and digits lowercased, other bytes kept), or nil
    /// for a short body.
    static func fingerprint(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { fingerprint(utf8: $0) }
    }

    // The state lives in a local struct and SIMD lanes, not in variables captured by nested functions:
    // captured, every word paid dynamic exclusivity checks on them.
    static func fingerprint(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var counter = GramBitCounter()
        var word: UInt64 = 0xcbf29ce484222325
        var inWord = false
        for byte in bytes {
            let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if isWordByte {
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                word = (word ^ UInt64(lowered)) &* 0x100000001b3
                inWord = true
            } else if inWord {
                counter.endWord(word)
                word = 0xcbf29ce484222325
                inWord = false
            }
        }
        if inWord { counter.endWord(word) }
        guard counter.words >= minimumWords else { return nil }
        counter.emptyLanes()
        let grams = counter.words - 3
        var value: UInt64 = 0
        for bit in 0..<64 where 2 * counter.ones[bit] > grams { value |= 1 << UInt64(bit) }
        return value
    }
}

/// How many of a text's word 4-gram hashes have each bit set (a bit's vote is ones - (grams - ones)).
/// Counting bit by bit costs 64 steps per word, so the bits are counted eight at a time: lane j holds,
/// in each of its eight bytes, the count for bit j of that byte of the hash. A byte holds at most 255,
/// so the lanes are emptied into `ones` every 255 grams.
private struct GramBitCounter {
    var ones = [Int](repeating: 0, count: 64)
    var lanes = SIMD8<UInt64>()
    var inLanes = 0
    /// The last four words' hashes, oldest first.
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    var words = 0

    static let laneShifts = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)

    @inline(__always) static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let m = (h ^ w) &* 0xff51afd7ed558ccd
        return m ^ (m >> 33)
    }

    mutating func endWord(_ word: UInt64) {
        words += 1
        (w0, w1, w2, w3) = (w1, w2, w3, word)
        guard words >= 4 else { return }
        let h = Self.mix(Self.mix(Self.mix(Self.mix(0x9E3779B97F4A7C15, w0), w1), w2), w3)
        lanes &+= (SIMD8(repeating: h) &>> Self.laneShifts) & SIMD8(repeating: 0x0101_0101_0101_0101)
        inLanes += 1
        if inLanes == 255 { emptyLanes() }
    }

    mutating func emptyLanes() {
        for j in 0..<8 {
            for byte in 0..<8 { ones[8 * byte + j] += Int((lanes[j] >> UInt64(8 * byte)) & 0xFF) }
        }
        lanes = SIMD8()
        inLanes = 0
    }
}
