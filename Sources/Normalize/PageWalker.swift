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
            SAXWalker.from(context).walker.startElement(name, attributes)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            SAXWalker.from(context).walker.endElement()
        }
        handler.characters = { context, text, length in
            guard let context, let text, length > 0 else { return }
            SAXWalker.from(context).walker.characters(text, Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = { _, _, _ in }
        handler.initialized = sax.pointee.initialized
        sax.pointee = handler
        let box = SAXWalker()
        box.walker.model.arena.reserveCapacity(bytes.count / 4)
        withExtendedLifetime(box) {
            context.pointee.userData = Unmanaged.passUnretained(box).toOpaque()
            _ = htmlParseDocument(context)
            context.pointee.userData = nil
        }
        if let doc = context.pointee.myDoc { xmlFreeDoc(doc); context.pointee.myDoc = nil }
        guard box.walker.sawRoot else { throw .noRoot }
        box.walker.finish()
        return box.walker.model
    }
}

/// The walk's state, reached from the parser's callbacks through the context's user data.
private final class SAXWalker {
    var walker = Walker()

    static func from(_ context: UnsafeMutableRawPointer) -> SAXWalker {
        Unmanaged<SAXWalker>.fromOpaque(context).takeUnretainedValue()
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

/// Tags that end the current text block when they open or close.
private let blockTags: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "section", "article", "main", "header",
    "figure", "hr", "br", "address", "center", "form", "fieldset", "details", "summary", "body", "html",
    "picture", "hgroup", "legend", "img",
]

/// Class/id tokens starting with these are dropped wherever they are: comment threads, consent banners,
/// text for screen readers only, third-party recommendation widgets.
private let alwaysSkipped: [[UInt8]] = [
    "comment", "cookie", "consent", "gdpr", "outbrain", "taboola", "disqus", "sr-only", "visually-hidden",
    "visuallyhidden", "screen-reader", "screenreader", "newsletter",
].map { Array($0.utf8) }

/// Class/id words that mark page furniture so surely that even an "article" word beside them does not save it.
private let strongNegatives: [[UInt8]] = [
    "comment", "cookie", "consent", "gdpr", "related", "recommend", "newsletter", "share", "sharing", "social",
    "promo", "outbrain", "taboola", "advert", "sponsor", "breadcrumb", "popup", "modal", "subscribe", "signup",
    "sign-up", "mostpopular", "most-popular", "most-read", "mostread", "trending", "read-more", "readmore",
    "more-stories", "caption", "credit", "byline", "author", "tag-list", "taglist", "toolbar", "pullquote",
    "pull-quote", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "offscreen",
    "disqus", "recirc", "inline-link", "further-reading", "see-also", "hidden-print", "print-only",
    "skip-link", "login", "follow", "cta", "donate", "timestamp", "dateline", "article-meta", "post-meta",
    "entry-meta", "next-article", "prev-next", "pagination", "jump", "rating", "widget", "video-player",
].map { Array($0.utf8) }

private let strongNegativesByFirstByte: [[[UInt8]]] = {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for word in strongNegatives { table[Int(word[0])].append(word) }
    return table
}()

private let bylineWord = Array("byline".utf8)
private let publishWord = Array("publish".utf8)
private let pubdateWord = Array("pubdate".utf8)
private let pubWord = Array("pub".utf8)
private let dateWord = Array("date".utf8)
private let timeWord = Array("time".utf8)
private let jsonLDType = Array("ld+json".utf8)
private let authorWord = Array("author".utf8)

/// Class/id parts that mark furniture unless the element also looks like content.
private let weakNegatives: [[UInt8]] = [
    "header", "footer", "nav", "menu", "sidebar", "side-bar", "rail", "banner", "masthead", "supplement",
    "teaser", "hidden", "tools", "utility", "navbar", "navigation", "sidenav", "topbar",
].map { Array($0.utf8) }

private let positives: [[UInt8]] = [
    "article", "content", "body", "story", "main", "post", "entry", "text", "prose", "paragraph",
].map { Array($0.utf8) }

/// Whole class tokens (split at space, "-" and "_") that mean an advertisement.
private let adTokens: [[UInt8]] = ["ad", "ads", "adv", "advert", "dfp", "adunit", "adslot", "gpt", "banner-ad"].map { Array($0.utf8) }

private let skippedRoles: Set<String> = [
    "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search",
]

private struct Walker {
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
    /// Verdicts of class and id words, by an FNV-1a hash of the words (hashing a byte array through
    /// Hasher costs a call per byte); the words are kept to tell a collision from a hit.
    var verdictCache: [UInt64: (words: [UInt8], isContentTag: Bool, verdict: Verdict)] = [:]
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
    var tagsByPointer: [UnsafeRawPointer: TagInfo] = [:]

    mutating func tagNamed(_ raw: UnsafePointer<xmlChar>) -> TagInfo {
        if let known = tagsByPointer[UnsafeRawPointer(raw)] { return known }
        let info = tagTable[String(cString: raw)] ?? TagInfo()
        tagsByPointer[UnsafeRawPointer(raw)] = info
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
    mutating func finishCaptures() {
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
        // The parser hands over whole characters, so a sequence's bytes are all within `length`.
        var i = 0
        while i < length {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                pendingSpace = true; i += 1; continue
            }
            if c >= 0xC2 {
                if c == 0xC2 && i + 1 < length && p[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }
                if c == 0xE2 && i + 2 < length && p[i + 1] == 0x80
                    && ((p[i + 2] >= 0x80 && p[i + 2] <= 0x8A) || p[i + 2] == 0xAF || p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
                    pendingSpace = true; i += 3; continue
                }
                if c == 0xE3 && i + 2 < length && p[i + 1] == 0x80 && p[i + 2] == 0x80 { pendingSpace = true; i += 3; continue }
            }
            if pendingSpace {
                if model.arena.count > blockStart { model.arena.append(0x20) }
                pendingSpace = false
            }
            model.arena.append(c)
            if h1Depth > 0 { h1Bytes.append(c) }
            i += 1
        }
        if linkDepth > 0 { blockLinkBytes += max(0, model.arena.count - before) }
        if h1Depth > 0 && pendingSpace && !h1Bytes.isEmpty { h1Bytes.append(0x20) }
    }

    mutating func flush() {
        pendingSpace = false
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
        var key: UInt64 = isContentTag ? 0xCBF2_9CE4_8422_2324 : 0xCBF2_9CE4_8422_2325
        for b in words { key = (key ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let fromWords: Verdict
        if let cached = verdictCache[key], cached.isContentTag == isContentTag, cached.words == words {
            fromWords = cached.verdict
        } else {
            fromWords = judgeWords(words, isContentTag: isContentTag)
            verdictCache[key] = (words, isContentTag, fromWords)
        }
        verdict.skip = verdict.skip || fromWords.skip
        verdict.furniture = fromWords.furniture
        verdict.byline = verdict.byline || fromWords.byline
        verdict.publicationDate = fromWords.publicationDate
        return verdict
    }

    /// The verdict of a class and id alone (pages repeat the same classes, so it is cached per page).
    func judgeWords(_ words: [UInt8], isContentTag: Bool) -> Verdict {
        var verdict = Verdict()
        if contains(words, bylineWord) || contains(words, authorWord) { verdict.byline = true }
        if namesPublicationDate(words) { verdict.publicationDate = true }
        if hasTokenStarting(words, with: alwaysSkipped) { verdict.skip = true; return verdict }
        if containsAny(words, strongNegativesByFirstByte) || hasAdToken(words) {
            verdict.furniture = true
        } else if !isContentTag, hasSubtoken(words, in: weakNegatives), !positives.contains(where: { contains(words, $0) }) {
            verdict.furniture = true
        }
        return verdict
    }

    /// A class or id token that names the publication date: "article-publish-date", "date-published",
    /// "published_time", "pubdate"; not WordPress's "status-publish", which every post link carries.
    func namesPublicationDate(_ words: [UInt8]) -> Bool {
        // Most class lists never say "pub": one scan settles them.
        guard contains(words, pubWord) else { return false }
        var start = 0
        for end in 0...words.count where end == words.count || words[end] == 0x20 {
            let token = words[start..<end]
            start = end + 1
            if contains(token, pubdateWord) { return true }
            if contains(token, publishWord), contains(token, dateWord) || contains(token, timeWord) { return true }
        }
        return false
    }

    func styleHides(_ value: UnsafePointer<xmlChar>) -> Bool {
        var s: [UInt8] = []
        var p = value
        while p.pointee != 0 { let c = p.pointee; if c != 0x20 { s.append(Charset.lower(c)) }; p += 1 }
        return contains(s, "display:none") || contains(s, "visibility:hidden")
    }

    /// True when a class or id token starts with one of the words ("comments-list", not "has-comments").
    func hasTokenStarting(_ words: [UInt8], with prefixes: [[UInt8]]) -> Bool {
        var start = 0
        for i in 0...words.count where i == words.count || words[i] == 0x20 {
            if i > start {
                for p in prefixes where i - start >= p.count && words[start..<(start + p.count)].elementsEqual(p) { return true }
            }
            start = i + 1
        }
        return false
    }

    /// True when a part of a class or id (split at spaces, "-" and "_") is one of the words.
    func hasSubtoken(_ words: [UInt8], in list: [[UInt8]]) -> Bool {
        var start = 0
        for i in 0...words.count where i == words.count || words[i] == 0x20 || words[i] == 0x2D || words[i] == 0x5F {
            // No listed word is longer than 12 bytes.
            if i > start, i - start <= 12, list.contains(where: { $0.count == i - start && words[start..<i].elementsEqual($0) }) { return true }
            start = i + 1
        }
        return false
    }

    func hasAdToken(_ words: [UInt8]) -> Bool { hasSubtoken(words, in: adTokens) }

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
    static let metaKeys = ["property", "name", "itemprop", "http-equiv"]

    mutating func readMeta(_ node: SAXAttributes) {
        // One pass over the attributes (the parser has dropped repeated ones): content and the keys.
        guard let node else { return }
        var content: String?
        var keys: [String?] = [nil, nil, nil, nil]
        var i = 0
        while let n = node[i] {
            // An attribute written without a value reads as "".
            func value() -> String { node[i + 1].map { String(cString: $0) } ?? "" }
            if strcasecmp(n, "content") == 0 { content = value() }
            else if let k = Walker.metaKeys.firstIndex(where: { strcasecmp(n, $0) == 0 }) { keys[k] = value() }
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

    /// True when any of the words occurs in `hay`; the words are grouped by their first byte.
    func containsAny(_ hay: [UInt8], _ byFirst: [[[UInt8]]]) -> Bool {
        let n = hay.count
        for i in 0..<n {
            for needle in byFirst[Int(hay[i])] where needle.count <= n - i {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
        }
        return false
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
