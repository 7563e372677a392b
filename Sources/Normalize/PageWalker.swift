import CLibXML2

#if canImport(Glibc)
import Glibc
#endif

/// A text block of the page: the inline text between two block boundaries, whitespace collapsed.
struct TextBlock {
    enum Kind: UInt8 { case paragraph, heading1, heading, listItem, quote, preformatted, cell, other }
    /// Range of its UTF-8 bytes in `PageModel.arena`.
    var start: Int
    var end: Int
    /// The innermost element open when the block ended (index into `PageModel.elements`).
    var element: Int
    var kind: Kind
    /// Bytes of the block that were inside links.
    var linkBytes: Int
    var length: Int { end - start }
}

/// An element the walk entered, kept so text can be summed over subtrees.
struct ElementNode {
    var parent: Int
    /// One past the index of its last descendant: elements are numbered in document order.
    var subtreeEnd: Int
    /// Its class or id looks like page furniture (share bar, related links, header...). Whether that
    /// matters depends on where the article turns out to be: a page may wrap its whole article in a
    /// "modal-enabled" box, so the mark only counts below the element chosen as the body.
    var isFurniture: Bool
    /// The deepest furniture element on the path from the root to this one (itself included), or -1.
    var nearestFurniture: Int
    /// The page marks it as the article's body (schema.org `itemprop="articleBody"`).
    var isDeclaredBody = false
    var score: Double = 0
    /// Bytes of text in its subtree, and of prose text.
    var textLength: Double = 0
    var proseLength: Double = 0
}

/// What the walk keeps of a page: the text blocks in reading order and the metadata sources.
struct PageModel {
    var arena: [UInt8] = []
    var blocks: [TextBlock] = []
    var elements: [ElementNode] = []
    var titleTag: String?
    var headings1: [String] = []
    /// `<meta>` contents by lowercased property/name/itemprop; the first one of each wins.
    var meta: [String: String] = [:]
    var canonical: String?
    var htmlLang: String?
    var jsonLD: [[UInt8]] = []
    /// `<time datetime>` values; `published` when the element says it is the publication date.
    var times: [(value: String, published: Bool)] = []
    /// Text of byline-like elements (class or id with "byline"/"author", rel=author, itemprop=author).
    var bylines: [String] = []
    /// Text of elements whose class or id says they hold the publication date ("article-publish-date",
    /// "pubdate"), for pages that print the date without a `<time>` element.
    var dateTexts: [String] = []
    var maxDepth = 0

    func text(_ b: TextBlock) -> String { String(decoding: arena[b.start..<b.end], as: UTF8.self) }
}

/// Why libxml2 gave nothing back.
enum ParseFailure: Error { case noDocument, noRoot }

/// Parses the page with libxml2's SAX interface, collecting text blocks and metadata from the parser's
/// events as they come: no tree is built and freed per page (building and freeing it cost more than
/// the parsing itself). Every libxml2 pointer lives and dies inside `walk`: only Swift values leave it.
enum PageWalker {
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue) | Int32(XML_PARSE_HUGE.rawValue)

    static let setUp: Void = {
        xmlInitParser()
        whosaid_silenceXMLErrors()
    }()

    static func isSupported(_ encoding: String) -> Bool {
        _ = setUp
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    static func walk(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) throws(ParseFailure) -> PageModel {
        _ = setUp
        guard let base = bytes.baseAddress, bytes.count > 0, let context = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }) else { throw .noDocument }
        defer { htmlFreeParserCtxt(context) }
        // As htmlReadMemory does: options, then the encoding, named on the input so that a <meta charset>
        // in the page does not switch it half-way.
        _ = htmlCtxtUseOptions(context, parseOptions)
        if let handler = xmlFindCharEncodingHandler(encoding) {
            _ = xmlSwitchToEncoding(context, handler)
            if let input = context.pointee.input {
                if let old = input.pointee.encoding { whosaid_xmlFree(UnsafeMutableRawPointer(mutating: old)) }
                input.pointee.encoding = UnsafePointer(xmlCharStrdup(encoding))
            }
        }
        guard let sax = context.pointee.sax else { throw .noDocument }
        // Only the events the walk reads; with no startDocument handler no document is ever built.
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            Walker.state(context).pointee.startElement(name, attributes)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            Walker.state(context).pointee.endElement()
        }
        handler.characters = { context, text, length in
            guard let context, let text, length > 0 else { return }
            Walker.state(context).pointee.characters(text, Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = { _, _, _ in }
        handler.initialized = sax.pointee.initialized
        sax.pointee = handler
        // The walk's state lives behind a plain pointer, handed to the callbacks as the context's user
        // data: kept in a class instead, every parser event paid a dynamic exclusivity check (and a
        // retain and release) to reach it.
        let state = UnsafeMutablePointer<Walker>.allocate(capacity: 1)
        state.initialize(to: Walker())
        state.pointee.model.arena.reserveCapacity(bytes.count / 4)
        context.pointee.userData = UnsafeMutableRawPointer(state)
        _ = htmlParseDocument(context)
        context.pointee.userData = nil
        var walker = state.move()
        state.deallocate()
        if let doc = context.pointee.myDoc { xmlFreeDoc(doc); context.pointee.myDoc = nil }
        guard walker.sawRoot else { throw .noRoot }
        walker.finish()
        return walker.model
    }
}

/// A start tag's attributes as the SAX parser gives them: name, value, name, value, ..., NULL (a value
/// is NULL for an attribute written without one).
typealias SAXAttributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

/// Text being collected from an element's whole subtree (what xmlNodeGetContent gave on a tree).
private struct Capture {
    enum Target { case title, byline(slot: Int), dateText(slot: Int), jsonLD }
    var target: Target
    /// The element nesting level of the element whose text this is.
    var level: Int
    var bytes: [UInt8] = []
}

/// Tags whose whole subtree never holds article text.
private let skippedTags: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
    "audio", "select", "textarea", "button", "input", "nav", "aside", "footer", "figcaption", "dialog", "menu",
    "label", "option", "map", "head",
]

struct TagInfo {
    /// Tags the walk treats in a way of their own.
    enum Special { case none, head, meta, link, script, title, time, html, body, article, main, anchor, empty }
    var special = Special.none
    var skipped = false
    var block = false
    /// The kind of text block the element's text makes.
    var kind: TextBlock.Kind?
}

/// What the walk does with each tag, in one lookup (once per distinct name and page: see `tagNamed`).
private let tagTable: [String: TagInfo] = {
    var table: [String: TagInfo] = [:]
    for tag in blockTags { table[tag, default: TagInfo()].block = true }
    for tag in skippedTags { table[tag, default: TagInfo()].skipped = true }
    for tag in ["nav", "aside", "footer"] { table[tag, default: TagInfo()].block = true }
    let specials: [String: TagInfo.Special] = [
        "head": .head, "meta": .meta, "link": .link, "script": .script, "title": .title, "time": .time, "html": .html,
        "body": .body, "article": .article, "main": .main, "a": .anchor, "br": .empty, "hr": .empty, "img": .empty,
    ]
    for (tag, special) in specials { table[tag, default: TagInfo()].special = special }
    let kinds: [String: TextBlock.Kind] = [
        "p": .paragraph, "h1": .heading1, "h2": .heading, "h3": .heading, "h4": .heading, "h5": .heading, "h6": .heading,
        "li": .listItem, "dd": .listItem, "dt": .listItem, "blockquote": .quote, "pre": .preformatted, "td": .cell, "th": .cell,
    ]
    for (tag, kind) in kinds { table[tag, default: TagInfo()].kind = kind }
    return table
}()

/// `TagInfo`s by the address of the parser's interned tag name, in an open-addressing table hashed on
/// the address bits: a page has a few dozen distinct names, and a Dictionary ran every start tag's
/// pointer through SipHash.
struct TagsByPointer {
    private var keys = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var infos = [TagInfo](repeating: TagInfo(), count: 64)
    private var count = 0

    @inline(__always) private func slot(_ key: UnsafeRawPointer, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    subscript(key: UnsafeRawPointer) -> TagInfo? {
        let mask = keys.count - 1
        var i = slot(key, mask)
        while let k = keys[i] {
            if k == key { return infos[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ info: TagInfo, for key: UnsafeRawPointer) {
        if 2 * (count + 1) > keys.count {
            // Keep the table at most half full.
            let old = zip(keys, infos).compactMap { k, v in k.map { ($0, v) } }
            keys = [UnsafeRawPointer?](repeating: nil, count: 2 * keys.count)
            infos = [TagInfo](repeating: TagInfo(), count: keys.count)
            count = 0
            for (k, v) in old { insert(v, for: k) }
        }
        let mask = keys.count - 1
        var i = slot(key, mask)
        while let k = keys[i], k != key { i = (i + 1) & mask }
        if keys[i] == nil { count += 1 }
        keys[i] = key
        infos[i] = info
    }
}

/// Tags that end the current text block when they open or close.
private let blockTags: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "section", "article", "main", "header",
    "figure", "hr", "br", "address", "center", "form", "fieldset", "details", "summary", "body", "html",
    "picture", "hgroup", "legend", "img",
]

/// Class/id tokens starting with these are dropped wherever they are: comment threads, consent banners,
/// text for screen readers only, third-party recommendation widgets.
private let alwaysSkipped = [
    "comment", "cookie", "consent", "gdpr", "outbrain", "taboola", "disqus", "sr-only", "visually-hidden",
    "visuallyhidden", "screen-reader", "screenreader", "newsletter",
]

/// Class/id words that mark page furniture so surely that even an "article" word beside them does not save it.
private let strongNegatives = [
    "comment", "cookie", "consent", "gdpr", "related", "recommend", "newsletter", "share", "sharing", "social",
    "promo", "outbrain", "taboola", "advert", "sponsor", "breadcrumb", "popup", "modal", "subscribe", "signup",
    "sign-up", "mostpopular", "most-popular", "most-read", "mostread", "trending", "read-more", "readmore",
    "more-stories", "caption", "credit", "byline", "author", "tag-list", "taglist", "toolbar", "pullquote",
    "pull-quote", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "offscreen",
    "disqus", "recirc", "inline-link", "further-reading", "see-also", "hidden-print", "print-only",
    "skip-link", "login", "follow", "cta", "donate", "timestamp", "dateline", "article-meta", "post-meta",
    "entry-meta", "next-article", "prev-next", "pagination", "jump", "rating", "widget", "video-player",
]

private let jsonLDType = Array("ld+json".utf8)

/// Class/id parts that mark furniture unless the element also looks like content.
private let weakNegatives = [
    "header", "footer", "nav", "menu", "sidebar", "side-bar", "rail", "banner", "masthead", "supplement",
    "teaser", "hidden", "tools", "utility", "navbar", "navigation", "sidenav", "topbar",
]

private let positives = ["article", "content", "body", "story", "main", "post", "entry", "text", "prose", "paragraph"]

/// Whole class tokens (split at space, "-" and "_") that mean an advertisement.
private let adTokens = ["ad", "ads", "adv", "advert", "dfp", "adunit", "adslot", "gpt", "banner-ad"]

/// What one class or id token says of its element.
struct TokenMarks: OptionSet {
    let rawValue: UInt16
    /// Holds "byline" or "author".
    static let byline = TokenMarks(rawValue: 1 << 0)
    /// Starts with a word of `alwaysSkipped`.
    static let alwaysSkipped = TokenMarks(rawValue: 1 << 1)
    /// Holds a word of `strongNegatives`.
    static let strongNegative = TokenMarks(rawValue: 1 << 2)
    /// A part of it (split at "-" and "_") is an ad token.
    static let adPart = TokenMarks(rawValue: 1 << 3)
    /// A part of it is a word of `weakNegatives`.
    static let weakNegative = TokenMarks(rawValue: 1 << 4)
    /// Holds a word of `positives`.
    static let positive = TokenMarks(rawValue: 1 << 5)
    /// Names the publication date: holds "pubdate", or "publish" with "date" or "time" ("article-publish-date",
    /// "published_time"; not WordPress's "status-publish", which every post link carries).
    static let publicationDate = TokenMarks(rawValue: 1 << 6)
    // The words that make up `publicationDate`.
    static let pubdateWord = TokenMarks(rawValue: 1 << 7)
    static let publishWord = TokenMarks(rawValue: 1 << 8)
    static let dateOrTimeWord = TokenMarks(rawValue: 1 << 9)
}

/// Finds every word the furniture tests look for in a class or id token, in one pass over the token.
/// Nearly no position of a token starts a listed word, so the words are grouped by the pair of bytes
/// they start with, and a table of all 65536 pairs passes over a position with one lookup. (Searching
/// each list on its own, the tests cost more than the rest of the walk's code.)
struct TokenWords: Sendable {
    enum Place: UInt8 {
        /// Anywhere in the token.
        case anywhere
        /// At the token's start.
        case tokenStart
        /// As a whole part of the token, between its start or end or "-" or "_".
        case wholePart
    }
    struct Word {
        var start: Int
        var count: Int
        var place: Place
        var mark: TokenMarks
    }
    /// The words' bytes one after another.
    private let bytes: [UInt8]
    /// Ordered by their first two bytes.
    private let words: [Word]
    /// For the pair of bytes b0 << 8 | b1: 0 when no word starts with it, else g + 1 for the group
    /// of words words[groupStarts[g]..<groupStarts[g + 1]] that do.
    private let groupOfPair: [UInt8]
    private let groupStarts: [Int]

    init(_ lists: [(words: [String], place: Place, mark: TokenMarks)]) {
        var entries: [(word: [UInt8], place: Place, mark: TokenMarks)] = []
        for list in lists {
            for word in list.words.map({ Array($0.utf8) }) {
                precondition(word.count >= 2, "words are found by their first two bytes")
                // A part never holds a separator, so such a word can never be a whole part.
                if list.place == .wholePart, word.contains(0x2D) || word.contains(0x5F) { continue }
                entries.append((word, list.place, list.mark))
            }
        }
        func pair(_ word: [UInt8]) -> Int { Int(word[0]) << 8 | Int(word[1]) }
        entries.sort { pair($0.word) < pair($1.word) }
        var bytes: [UInt8] = []
        var words: [Word] = []
        var groupOfPair = [UInt8](repeating: 0, count: 1 << 16)
        var groupStarts: [Int] = []
        for (index, entry) in entries.enumerated() {
            if index == 0 || pair(entry.word) != pair(entries[index - 1].word) {
                groupStarts.append(index)
                precondition(groupStarts.count < 256, "too many word starts for a byte")
                groupOfPair[pair(entry.word)] = UInt8(groupStarts.count)
            }
            words.append(Word(start: bytes.count, count: entry.word.count, place: entry.place, mark: entry.mark))
            bytes.append(contentsOf: entry.word)
        }
        groupStarts.append(entries.count)
        (self.bytes, self.words, self.groupOfPair, self.groupStarts) = (bytes, words, groupOfPair, groupStarts)
    }

    /// The marks of the words found in the token (which holds no space).
    func marks(of token: UnsafeBufferPointer<UInt8>) -> TokenMarks {
        var marks = TokenMarks()
        let n = token.count
        var i = 0
        while i + 1 < n {
            let group = Int(groupOfPair[Int(token[i]) << 8 | Int(token[i + 1])])
            if group != 0 {
                let startsPart = i == 0 || token[i - 1] == 0x2D || token[i - 1] == 0x5F
                for k in groupStarts[group - 1]..<groupStarts[group] {
                    let word = words[k]
                    let end = i + word.count
                    guard end <= n else { continue }
                    switch word.place {
                    case .anywhere: break
                    case .tokenStart: guard i == 0 else { continue }
                    case .wholePart: guard startsPart, end == n || token[end] == 0x2D || token[end] == 0x5F else { continue }
                    }
                    var j = 2
                    while j < word.count && token[i + j] == bytes[word.start + j] { j += 1 }
                    if j == word.count { marks.insert(word.mark) }
                }
            }
            i += 1
        }
        if marks.contains(.pubdateWord) || marks.isSuperset(of: [.publishWord, .dateOrTimeWord]) { marks.insert(.publicationDate) }
        return marks
    }
}

private let tokenWords = TokenWords([
    (["byline", "author"], .anywhere, .byline),
    (alwaysSkipped, .tokenStart, .alwaysSkipped),
    (strongNegatives, .anywhere, .strongNegative),
    (adTokens, .wholePart, .adPart),
    (weakNegatives, .wholePart, .weakNegative),
    (positives, .anywhere, .positive),
    (["pubdate"], .anywhere, .pubdateWord),
    (["publish"], .anywhere, .publishWord),
    (["date", "time"], .anywhere, .dateOrTimeWord),
])

private let skippedRoles: Set<String> = [
    "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search",
]

private struct Walker {
    /// The walk's state from the parser context's user data (see `PageWalker.walk`).
    @inline(__always) static func state(_ userData: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Walker> {
        userData.assumingMemoryBound(to: Walker.self)
    }

    var model = PageModel()
    /// Open elements (indices into model.elements).
    var stack: [Int] = []
    /// For each open element: did it open a text block boundary, a link, a block kind, a doubtful zone?
    var frames: [Frame] = []
    var pendingSpace = false
    var blockStart = 0
    var blockLinkBytes = 0
    var linkDepth = 0
    var kindStack: [TextBlock.Kind] = []
    /// The class and id words of the element being judged (one buffer for the whole walk).
    var words: [UInt8] = []
    var inTitle = false
    var titleBytes: [UInt8] = []
    var h1Depth = 0
    var h1Bytes: [UInt8] = []
    /// Elements open in the document (skipped ones included).
    var level = 0
    /// Inside an element the walk does not descend into: how many elements are open inside it, plus one.
    var skipDepth = 0
    var inHead = false
    var sawRoot = false
    var captures: [Capture] = []
    /// Tag names by the parser's pointer to them: the parser interns names, so each distinct name is
    /// made a String and looked up in the tag table once per page.
    var tagsByPointer = TagsByPointer()

    mutating func tagNamed(_ raw: UnsafePointer<xmlChar>) -> TagInfo {
        let key = UnsafeRawPointer(raw)
        if let known = tagsByPointer[key] { return known }
        let info = tagTable[String(cString: raw)] ?? TagInfo()
        tagsByPointer.insert(info, for: key)
        return info
    }

    struct Frame {
        var isBlock: Bool
        var isLink: Bool
        var kind: TextBlock.Kind?
        var isH1: Bool
    }

    // MARK: parser events

    mutating func startElement(_ rawName: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {
        level += 1
        let info = tagNamed(rawName)
        if !sawRoot {
            sawRoot = true
            model.htmlLang = attribute(attributes, "lang")
        }
        if skipDepth > 0 {
            // The head is skipped as text but its own children are read for metadata.
            if inHead && skipDepth == 1 { readHeadChild(info, attributes) }
            skipDepth += 1
            return
        }
        if info.special == .head {
            inHead = true
            skipDepth = 1
            return
        }
        if !enter(info, attributes) { skipDepth = 1 }
    }

    mutating func endElement() {
        finishCaptures()
        level -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 { inHead = false }
            return
        }
        leave()
    }

    mutating func characters(_ text: UnsafePointer<xmlChar>, _ length: Int) {
        if !captures.isEmpty {
            let buffer = UnsafeBufferPointer(start: text, count: length)
            for i in captures.indices { captures[i].bytes.append(contentsOf: buffer) }
        }
        if skipDepth == 0 { appendText(text, length) }
    }

    /// Closes the captures of the element that is ending.
    @inline(__always) mutating func finishCaptures() {
        // Most elements end with no capture open: checked without copying a capture out.
        if !captures.isEmpty, captures[captures.count - 1].level >= level { closeCaptures() }
    }

    mutating func closeCaptures() {
        while let last = captures.last, last.level >= level {
            captures.removeLast()
            switch last.target {
            case .title: if model.titleTag == nil { model.titleTag = collapsedWhitespace(last.bytes) }
            case .byline(let slot): model.bylines[slot] = collapsedWhitespace(last.bytes)
            case .dateText(let slot): model.dateTexts[slot] = collapsedWhitespace(last.bytes)
            case .jsonLD: if model.jsonLD.count < 16, !last.bytes.isEmpty { model.jsonLD.append(last.bytes) }
            }
        }
    }

    mutating func capture(_ target: Capture.Target) {
        captures.append(Capture(target: target, level: level))
    }

    /// After the last event: elements left open are closed, and the last block flushed.
    mutating func finish() {
        while level > 0 { endElement() }
        flush()
    }

    // MARK: entering and leaving

    /// Handles an element on the way down; returns true when the walk should descend into its children
    /// (a frame was then pushed that `leave` pops).
    mutating func enter(_ info: TagInfo, _ node: SAXAttributes) -> Bool {
        switch info.special {
        case .meta: readMeta(node); return false
        case .link: readLink(node); return false
        case .script:
            if isJSONLD(node) { capture(.jsonLD) }
            return false
        case .title: if model.titleTag == nil { capture(.title) }; return false
        case .time: readTime(node)
        default: break
        }
        if info.skipped { if info.block { flush() }; return false }

        var furniture = false
        var declaredBody = false
        if info.special != .html && info.special != .body {
            let verdict = judgeAttributes(node, isContentTag: info.special == .article || info.special == .main)
            if verdict.byline, model.bylines.count < 8 {
                model.bylines.append("")
                capture(.byline(slot: model.bylines.count - 1))
            }
            if verdict.publicationDate, model.dateTexts.count < 8 {
                model.dateTexts.append("")
                capture(.dateText(slot: model.dateTexts.count - 1))
            }
            if verdict.skip {
                if info.block { flush() }
                return false
            }
            // What the page declares its article body is never furniture, whatever its classes say.
            declaredBody = verdict.declaredBody
            furniture = verdict.furniture && !declaredBody
        }

        let isBlock = info.block
        if isBlock { flush() }
        if info.special == .empty { return false }
        let kind = info.kind
        let isLink = info.special == .anchor
        if isLink { linkDepth += 1 }
        if let kind { kindStack.append(kind) }
        let isH1 = kind == .heading1
        if isH1 { h1Depth += 1 }
        let parent = stack.last ?? -1
        let index = model.elements.count
        let inherited = parent >= 0 ? model.elements[parent].nearestFurniture : -1
        model.elements.append(ElementNode(parent: parent, subtreeEnd: 0, isFurniture: furniture,
                                          nearestFurniture: furniture ? index : inherited, isDeclaredBody: declaredBody))
        stack.append(model.elements.count - 1)
        if stack.count > model.maxDepth { model.maxDepth = stack.count }
        frames.append(Frame(isBlock: isBlock, isLink: isLink, kind: kind, isH1: isH1))
        return true
    }

    mutating func leave() {
        guard let frame = frames.popLast() else { return }
        if frame.isBlock { flush() }
        if frame.isLink { linkDepth -= 1 }
        if frame.kind != nil { kindStack.removeLast() }
        if frame.isH1 {
            h1Depth -= 1
            if h1Depth == 0, !h1Bytes.isEmpty {
                if h1Bytes.last == 0x20 { h1Bytes.removeLast() }
                model.headings1.append(String(decoding: h1Bytes, as: UTF8.self))
                h1Bytes.removeAll(keepingCapacity: true)
            }
        }
        let index = stack.removeLast()
        model.elements[index].subtreeEnd = model.elements.count
    }


    // MARK: text

    /// Appends a text node's bytes to the current block, collapsing runs of whitespace (ASCII and the
    /// Unicode spaces news pages use) into one space.
    mutating func appendText(_ p: UnsafePointer<xmlChar>, _ length: Int) {
        let before = model.arena.count + (pendingSpace ? 1 : 0)
        // The text is collapsed into a scratch buffer and appended at once: appending byte by byte
        // checked the arena's uniqueness and capacity for every byte. Each byte gives at most one, plus
        // the space owed from before.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 1) { scratch in
            let out = scratch.baseAddress!
            var written = 0
            var pending = pendingSpace
            var blockHasText = model.arena.count > blockStart
            // The parser hands over whole characters, so a sequence's bytes are all within `length`.
            var i = 0
            while i < length {
                let c = p[i]
                if c <= 0x20 {
                    if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C { pending = true; i += 1; continue }
                } else if c >= 0xC2 {
                    if c == 0xC2 && i + 1 < length && p[i + 1] == 0xA0 { pending = true; i += 2; continue }
                    if c == 0xE2 && i + 2 < length && p[i + 1] == 0x80
                        && ((p[i + 2] >= 0x80 && p[i + 2] <= 0x8A) || p[i + 2] == 0xAF || p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
                        pending = true; i += 3; continue
                    }
                    if c == 0xE3 && i + 2 < length && p[i + 1] == 0x80 && p[i + 2] == 0x80 { pending = true; i += 3; continue }
                }
                if pending {
                    if blockHasText { out[written] = 0x20; written += 1 }
                    pending = false
                }
                out[written] = c
                written += 1
                blockHasText = true
                i += 1
            }
            pendingSpace = pending
            guard written > 0 else { return }
            let text = UnsafeBufferPointer(start: out, count: written)
            model.arena.append(contentsOf: text)
            // The heading gets the same text, words and the spaces between them, without a space to start.
            if h1Depth > 0 {
                let skip = text.first == 0x20 && (h1Bytes.isEmpty || h1Bytes.last == 0x20) ? 1 : 0
                h1Bytes.append(contentsOf: text.dropFirst(skip))
            }
        }
        if linkDepth > 0 { blockLinkBytes += max(0, model.arena.count - before) }
        if h1Depth > 0 && pendingSpace && !h1Bytes.isEmpty && h1Bytes.last != 0x20 { h1Bytes.append(0x20) }
    }

    mutating func flush() {
        pendingSpace = false
        // A block boundary inside the heading (a <br>, a <div>) separates words there too.
        if h1Depth > 0, let last = h1Bytes.last, last != 0x20 { h1Bytes.append(0x20) }
        var end = model.arena.count
        while end > blockStart, model.arena[end - 1] == 0x20 { end -= 1 }
        if end > blockStart {
            let kind = kindStack.last ?? .other
            model.blocks.append(TextBlock(start: blockStart, end: end, element: stack.last ?? 0, kind: kind,
                                          linkBytes: min(blockLinkBytes, end - blockStart)))
        }
        model.arena.removeSubrange(end...)
        blockStart = model.arena.count
        blockLinkBytes = 0
    }

    // MARK: attributes

    struct Verdict {
        var skip = false
        var furniture = false
        var byline = false
        var declaredBody = false
        var publicationDate = false
    }

    /// Decides from class, id, role, style and hidden flags whether an element is page furniture.
    mutating func judgeAttributes(_ attributes: SAXAttributes, isContentTag: Bool) -> Verdict {
        var verdict = Verdict()
        words.removeAll(keepingCapacity: true)
        var i = 0
        while let attributes, let n = attributes[i] {
            let value = attributes[i + 1]
            i += 2
            switch (n[0], n[1]) {
            case (0x63, 0x6C) where strcmp(n, "class") == 0, (0x69, 0x64) where n[2] == 0:
                if let value { appendLowered(value, to: &words); words.append(0x20) }
            case (0x68, 0x69) where strcmp(n, "hidden") == 0:
                verdict.skip = true
            case (0x61, 0x72) where strcmp(n, "aria-hidden") == 0:
                if let value, strcasecmp(value, "true") == 0 { verdict.skip = true }
            case (0x73, 0x74) where strcmp(n, "style") == 0:
                if let value, styleHides(value) { verdict.skip = true }
            case (0x72, 0x6F) where strcmp(n, "role") == 0:
                if let value, skippedRoles.contains(String(cString: value).lowercased()) { verdict.skip = true }
            case (0x72, 0x65) where strcmp(n, "rel") == 0:
                if let value, strcasecmp(value, "author") == 0 { verdict.byline = true }
            case (0x69, 0x74) where strcmp(n, "itemprop") == 0:
                if let value, strcasecmp(value, "author") == 0 || strcasecmp(value, "creator") == 0 { verdict.byline = true }
                if let value, strcasecmp(value, "articleBody") == 0 { verdict.declaredBody = true }
            default: break
            }
        }
        if words.isEmpty { return verdict }
        let fromWords = judgeWords(isContentTag: isContentTag)
        verdict.skip = verdict.skip || fromWords.skip
        verdict.furniture = fromWords.furniture
        verdict.byline = verdict.byline || fromWords.byline
        verdict.publicationDate = fromWords.publicationDate
        return verdict
    }

    /// The verdict of the class and id words in `words`. Every test is on one token at a time (split
    /// at spaces: no listed word holds a space), so the verdict is read from what the tokens say.
    func judgeWords(isContentTag: Bool) -> Verdict {
        var marks = TokenMarks()
        words.withUnsafeBufferPointer { words in
            var start = 0
            for i in 0...words.count where i == words.count || words[i] == 0x20 {
                if i - start >= 2 { marks.formUnion(tokenWords.marks(of: UnsafeBufferPointer(rebasing: words[start..<i]))) }
                start = i + 1
            }
        }
        var verdict = Verdict()
        verdict.byline = marks.contains(.byline)
        verdict.publicationDate = marks.contains(.publicationDate)
        if marks.contains(.alwaysSkipped) { verdict.skip = true; return verdict }
        if !marks.isDisjoint(with: [.strongNegative, .adPart]) {
            verdict.furniture = true
        } else if !isContentTag, marks.contains(.weakNegative), !marks.contains(.positive) {
            verdict.furniture = true
        }
        return verdict
    }

    func styleHides(_ value: UnsafePointer<xmlChar>) -> Bool {
        var s: [UInt8] = []
        var p = value
        while p.pointee != 0 { let c = p.pointee; if c != 0x20 { s.append(Charset.lower(c)) }; p += 1 }
        return contains(s, "display:none") || contains(s, "visibility:hidden")
    }

    // MARK: metadata

    /// A direct child of the head: metadata only.
    mutating func readHeadChild(_ info: TagInfo, _ node: SAXAttributes) {
        switch info.special {
        case .meta: readMeta(node)
        case .link: readLink(node)
        case .title: if model.titleTag == nil { capture(.title) }
        case .script:
            if isJSONLD(node) { capture(.jsonLD) }
        default: break
        }
    }

    /// The attributes a `<meta>` is keyed by, in order of precedence.
    static let metaKeys = ["property", "name", "itemprop", "http-equiv"].map { Array($0.utf8) }
    static let contentAttribute = Array("content".utf8)

    /// `strcasecmp(name, word) == 0` for an ASCII word given as bytes (a String passed to strcasecmp
    /// was made a C string on every call).
    @inline(__always) static func isName(_ name: UnsafePointer<xmlChar>, _ word: [UInt8]) -> Bool {
        // A shorter name fails at its NUL, which no word byte equals.
        for k in word.indices where Charset.lower(name[k]) != word[k] { return false }
        return name[word.count] == 0
    }

    mutating func readMeta(_ node: SAXAttributes) {
        // One pass over the attributes (the parser has dropped repeated ones): content and the keys.
        guard let node else { return }
        var content: String?
        var keys: [String?] = [nil, nil, nil, nil]
        var i = 0
        while let n = node[i] {
            // An attribute written without a value reads as "".
            func value() -> String { node[i + 1].map { String(cString: $0) } ?? "" }
            if Walker.isName(n, Walker.contentAttribute) { content = value() }
            else if let k = Walker.metaKeys.firstIndex(where: { Walker.isName(n, $0) }) { keys[k] = value() }
            i += 2
        }
        guard let content else { return }
        for key in keys {
            guard let lowered = key?.lowercased() else { continue }
            if model.meta[lowered] == nil { model.meta[lowered] = content }
        }
    }

    mutating func readLink(_ node: SAXAttributes) {
        guard model.canonical == nil, let rel = attribute(node, "rel"), rel.lowercased() == "canonical",
              let href = attribute(node, "href") else { return }
        model.canonical = href
    }

    mutating func readTime(_ node: SAXAttributes) {
        guard model.times.count < 16, let value = attribute(node, "datetime") ?? attribute(node, "content") else { return }
        let prop = (attribute(node, "itemprop") ?? "").lowercased()
        let cls = (attribute(node, "class") ?? "").lowercased()
        let published = prop == "datepublished" || attribute(node, "pubdate") != nil || cls.contains("publish")
            || cls.contains("pubdate")
        model.times.append((value, published))
    }

    // MARK: helpers

    /// A script whose type names JSON-LD ("application/ld+json"), read on the attribute's bytes.
    func isJSONLD(_ attributes: SAXAttributes) -> Bool {
        guard let attributes else { return false }
        var i = 0
        while let n = attributes[i] {
            if strcasecmp(n, "type") == 0 {
                guard let value = attributes[i + 1] else { return false }
                var lowered: [UInt8] = []
                appendLowered(value, to: &lowered)
                return contains(lowered, jsonLDType)
            }
            i += 2
        }
        return false
    }

    func attribute(_ attributes: SAXAttributes, _ key: String) -> String? {
        guard let attributes else { return nil }
        var i = 0
        while let n = attributes[i] {
            if strcasecmp(n, key) == 0 {
                guard let v = attributes[i + 1] else { return "" }
                return String(cString: v)
            }
            i += 2
        }
        return nil
    }

    /// `TextCleaner.collapseWhitespace` on the parser's UTF-8 bytes directly: the same Unicode white
    /// space (ASCII, U+0085, U+00A0, U+1680, U+2000–200A, U+2028/2029, U+202F, U+205F, U+3000), without
    /// a String and a property lookup per scalar.
    func collapsedWhitespace(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        var pending = false
        var bytes = raw
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
        var p = buffer.baseAddress!
        while true {
            let c = p.pointee
            if c == 0 { break }
            var space = 0
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) { space = 1 }
            else if c == 0xC2, p[1] == 0x85 || p[1] == 0xA0 { space = 2 }
            else if c == 0xE1, p[1] == 0x9A, p[2] == 0x80 { space = 3 }
            else if c == 0xE2, p[1] == 0x80, (p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF { space = 3 }
            else if c == 0xE2, p[1] == 0x81, p[2] == 0x9F { space = 3 }
            else if c == 0xE3, p[1] == 0x80, p[2] == 0x80 { space = 3 }
            if space > 0 { pending = !out.isEmpty; p += space; continue }
            if pending { out.append(0x20); pending = false }
            out.append(c)
            p += 1
        }
        return String(decoding: out, as: UTF8.self)
        }
    }

    func appendLowered(_ value: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        // Copied at once, then lowered in place (class lists are long on many sites).
        let start = out.count
        out.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
        out.withUnsafeMutableBufferPointer { bytes in
            for i in start..<bytes.count { bytes[i] = Charset.lower(bytes[i]) }
        }
    }

    func contains(_ hay: [UInt8], _ needle: String) -> Bool { contains(hay, Array(needle.utf8)) }

    func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool { contains(hay[...], needle) }

    func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard hay.count >= n, n > 0 else { return false }
        let first = needle[0]
        var i = hay.startIndex
        let last = hay.endIndex - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
