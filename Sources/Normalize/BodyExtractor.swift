/// Finds the article body among a page's text blocks.
///
/// Each block votes for the elements around it: long prose with few links adds its length, link lists
/// and short furniture text subtract. Summed over subtrees, the best element is the tightest one that
/// holds most of the prose and little else; its blocks, filtered once more, are the body.
enum BodyExtractor {
    /// A block at least this long (in UTF-8 bytes) with few links reads as prose.
    static let proseLength = 50
    /// Share of a block's text inside links above which it is navigation, not prose.
    static let proseLinkDensity = 0.25
    /// Blocks kept from the chosen element may carry more links than prose does (inline citations),
    /// but not more than this.
    static let keptLinkDensity = 0.8
    /// A long block reads as prose even with many links (a list of linked headlines, each with its story).
    static let longProseLength = 200
    static let longProseLinkDensity = 0.6

    struct Result {
        var paragraphs: [String]
        /// Prose blocks found on the whole page, to tell an article from a page without one.
        var proseBlocks: Int
    }

    static func extract(_ page: inout PageModel, title: String?) -> Result {
        var proseBlocks = 0
        for b in page.blocks {
            let teaser = isTeaser(b, in: page.arena)
            let prose = !teaser && isProse(b)
            if prose { proseBlocks += 1 }
            page.elements[b.element].score += teaser ? -teaserPenalty * Double(b.length) : score(b, isProse: prose)
            page.elements[b.element].textLength += Double(b.length)
            if prose { page.elements[b.element].proseLength += Double(b.length) }
        }
        guard !page.elements.isEmpty else { return Result(paragraphs: [], proseBlocks: 0) }
        // Furniture counts for itself but, seen from outside, only as text that is not the article.
        for i in stride(from: page.elements.count - 1, to: 0, by: -1) {
            let e = page.elements[i]
            guard e.parent >= 0 else { continue }
            page.elements[e.parent].score += e.isFurniture ? -furniturePenalty * e.textLength : e.score * ancestorDecay
            page.elements[e.parent].textLength += e.textLength
            page.elements[e.parent].proseLength += e.proseLength
        }
        var best = 0
        for i in page.elements.indices where page.elements[i].score > page.elements[best].score { best = i }
        // The page's own word beats the scores: an element marked itemprop="articleBody" that holds prose
        // is the body, unless the best-scored element lies inside it (the scores then only cut tighter).
        // On scores alone, a short news item loses to a longer block of furniture elsewhere on the page,
        // or to an ancestor that holds the item and that furniture together. Of several marked elements
        // (one per chunk of the article) the one with the most prose is taken; the chunks beside it join
        // it below, as they would join a best-scored element.
        let declared = page.elements.indices.filter { page.elements[$0].isDeclaredBody }
            .max { page.elements[$0].proseLength < page.elements[$1].proseLength }
        if let declared, page.elements[declared].proseLength >= Double(declaredBodyMinimumProse) {
            let bestInside = best >= declared && best < page.elements[declared].subtreeEnd
            if !bestInside { best = declared }
        }
        var ranges = [(root: best, range: best..<max(page.elements[best].subtreeEnd, best + 1))]
        let parent = page.elements[best].parent
        if parent >= 0 {
            var i = parent + 1
            while i < page.elements[parent].subtreeEnd {
                let e = page.elements[i]
                let end = max(e.subtreeEnd, i + 1)
                if i != best, !e.isFurniture, e.proseLength >= Double(proseLength) * 2,
                   e.proseLength >= siblingProseShare * e.textLength {
                    ranges.append((i, i..<end))
                }
                i = end
            }
        }

        var chosen: [TextBlock] = []
        for b in page.blocks {
            guard let owner = ranges.first(where: { $0.range.contains(b.element) }) else { continue }
            // Furniture inside the chosen element is dropped; furniture around it does not matter.
            if page.elements[b.element].nearestFurniture > owner.root { continue }
            if keep(b) { chosen.append(b) }
        }
        // Drop the short lines before the first prose block (kickers, dates, "Listen to this article").
        if let first = chosen.firstIndex(where: isProse) {
            chosen.removeSubrange(0..<first)
        }

        var paragraphs: [String] = []
        // Paragraphs already kept, by an FNV-1a hash of their bytes (cleaned text is NFC, so equal bytes
        // is equal text, and hashing bytes is cheaper than hashing a String).
        var seen: [UInt64: [String]] = [:]
        let titleKey = title.map(normalizedKey)
        for b in chosen {
            let text = TextCleaner.clean(page.text(b))
            if text.isEmpty { continue }
            if b.kind == .heading, let titleKey, normalizedKey(text) == titleKey { continue }
            if isFurniturePhrase(text) { continue }
            if text.hasAtLeastCharacters(31) {
                var key: UInt64 = 0xCBF2_9CE4_8422_2325
                for b in text.utf8 { key = (key ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
                if seen[key]?.contains(text) == true { continue }
                seen[key, default: []].append(text)
            }
            paragraphs.append(text)
        }
        return Result(paragraphs: paragraphs, proseBlocks: proseBlocks)
    }

    /// Prose (in UTF-8 bytes) an element marked as the article body must hold to be taken as it: some
    /// pages mark an empty or teaser box.
    static let declaredBodyMinimumProse = 150

    /// Each level up an element's score counts this much less: the element that directly holds the
    /// paragraphs beats an ancestor that also holds teasers of other stories.
    static let ancestorDecay = 0.85
    /// A sibling of the chosen element joins the body when this share of its text is prose (articles
    /// split into chunks by ads or inline embeds).
    static let siblingProseShare = 0.85
    /// How much each byte of furniture text counts against the elements around it.
    static let furniturePenalty = 0.3

    /// A block cut short with an ellipsis is a teaser of another story ("Home Minister Amit Shah on
    /// Wednesday said the government will restore Internet connection as soon as the local administration
    /// feels it is..."): lists of them fill the sidebars and section pages around an article, and each is
    /// as long as a paragraph of prose.
    static func isTeaser(_ b: TextBlock, in arena: [UInt8]) -> Bool {
        guard b.length >= proseLength, b.length <= teaserMaximumLength else { return false }
        // (The block is longer than the four bytes looked at.)
        let end = b.end
        if arena[end - 1] == 0x2E, arena[end - 2] == 0x2E, arena[end - 3] == 0x2E,
           arena[end - 4] != 0x2E, arena[end - 4] != 0x20 { return true }
        // "…" (U+2026) straight after a word.
        if arena[end - 3] == 0xE2, arena[end - 2] == 0x80, arena[end - 1] == 0xA6, arena[end - 4] != 0x20 { return true }
        return false
    }

    /// Teasers run to a few sentences at most.
    static let teaserMaximumLength = 600
    /// How much each byte of a teaser counts against the element holding it (as much as link lists do).
    static let teaserPenalty = 0.6

    static func isProse(_ b: TextBlock) -> Bool {
        guard b.kind != .heading1 else { return false }
        if b.length >= longProseLength && Double(b.linkBytes) < longProseLinkDensity * Double(b.length) { return true }
        return b.length >= proseLength && Double(b.linkBytes) < proseLinkDensity * Double(b.length)
    }

    static func score(_ b: TextBlock, isProse: Bool) -> Double {
        let length = Double(b.length)
        let links = Double(b.linkBytes)
        if b.kind == .heading1 { return 0 }
        if isProse { return length - links }
        if links >= proseLinkDensity * length { return -0.6 * length }
        return b.kind == .heading || b.kind == .paragraph || b.kind == .listItem ? 0 : -0.2 * length
    }

    static func keep(_ b: TextBlock) -> Bool {
        if b.kind == .heading1 { return false }
        // Quotes keep their links (embedded posts are mostly handles and links).
        let limit = b.kind == .quote ? 1.0 : keptLinkDensity
        if Double(b.linkBytes) > limit * Double(b.length) { return false }
        return true
    }

    static func normalizedKey(_ s: String) -> String {
        // ASCII text (most titles and headings) on its bytes: there only letters are alphabetic and
        // only digits numeric, and the scalar-by-scalar path cost tens of thousands of instructions.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var key: [UInt8] = []
            key.reserveCapacity(s.utf8.count)
            for c in s.utf8 {
                if c >= 0x41 && c <= 0x5A { key.append(c | 0x20) }
                else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) { key.append(c) }
            }
            return String(decoding: key, as: UTF8.self)
        }
        return String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Whole lines that are furniture (built once, not per call).
    static let furnitureLines: Set<[UInt8]> = Set(["advertisement", "advertisement:", "ad", "continue reading", "continue reading below",
                                                   "read more", "read more:", "share", "share this article", "share this", "related",
                                                   "related:", "story continues below advertisement", "story continues below",
                                                   "supported by", "sponsored", "skip advertisement", "listen to this article",
                                                   "click here", "subscribe", "sign up", "loading...", "loading"].map { Array($0.utf8) })

    /// Lines that are page furniture wherever they appear: ad labels, photo credits, share prompts.
    /// Every phrase is ASCII, so the text is compared with its ASCII letters lowercased.
    static func isFurniturePhrase(_ text: String) -> Bool {
        let length = text.utf8.count
        guard length < 300 else { return false }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = lowerASCII($0[i]) } }
        // Captions that end in their credit: "Protesters in the street (Image: GETTY)".
        if bytes.last == 0x29, creditOpeners.contains(where: { has(bytes, $0) }) { return true }
        // Sign-offs: "Follow us on Twitter and Facebook", "Email the author at ...", newsletter prompts.
        if followPhrases.contains(where: { has(bytes, $0) }) || (has(bytes, twitterWord) && has(bytes, facebookWord)) {
            return true
        }
        if length < 200, has(bytes, newsletterWord) || (bytes.contains(0x40) && (has(bytes, emailWord) || has(bytes, reachedAtPhrase))) {
            return true
        }
        if bytes.starts(with: imagePrefix), bytes.split(separator: 0x20).count == 4, has(bytes, ofWord) { return true }
        guard length < 90 else { return false }
        if bytes == slideshowLine { return true }
        if furnitureLines.contains(bytes) { return true }
        return furniturePrefixes.contains { bytes.starts(with: $0) }
    }

    @inline(__always) static func lowerASCII(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static let creditOpeners = ["(image:", "(photo:", "(picture:", "(credit:", "(pictured:"].map { Array($0.utf8) }
    static let followPhrases = ["follow us", "follow him", "follow her"].map { Array($0.utf8) }
    static let twitterWord = Array("twitter".utf8)
    static let facebookWord = Array("facebook".utf8)
    static let newsletterWord = Array("newsletter".utf8)
    static let emailWord = Array("email".utf8)
    static let reachedAtPhrase = Array("reached at".utf8)
    static let imagePrefix = Array("image ".utf8)
    static let ofWord = Array(" of ".utf8)
    static let slideshowLine = Array("this slideshow requires javascript.".utf8)
    static let furniturePrefixes = [
        "image copyright", "image caption", "picture source", "photo:", "photo by", "photograph:",
        "(photo", "image:", "image source", "copyright ©", "© ", "media playback is", "read more:",
        "related:", "also read:", "see also:", "recommended:", "click here to", "sign up for",
        "subscribe to", "follow us", "getty images", "credit:",
    ].map { Array($0.utf8) }

    /// Byte search (String.contains goes through Foundation here, which is slow on the hot path).
    static func has(_ hay: [UInt8], _ n: [UInt8]) -> Bool {
        guard !n.isEmpty, hay.count >= n.count else { return false }
        for i in 0...(hay.count - n.count) where hay[i] == n[0] {
            var k = 1
            while k < n.count && hay[i + k] == n[k] { k += 1 }
            if k == n.count { return true }
        }
        return false
    }
}
