import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Cuts what can never be article text out of the page bytes before libxml2 sees them: the bodies of
/// scripts (except JSON-LD), style sheets, inline SVG and comments, and the attributes the page walk
/// never reads (`src`, `srcset`, `data-*`, link targets, event handlers...). On news pages these are
/// most of the bytes, and libxml2 reads them a character at a time, copying every attribute value;
/// a byte scan here is far cheaper.
enum Prefilter {
    /// Attributes and blank runs are only trimmed where this byte scan reads tags exactly as the parser
    /// does: libxml2 before 2.14. From 2.14 on, libxml2 tokenizes HTML the HTML5 way (text inside
    /// `<title>` and `<textarea>`, other attribute-name rules), so only scripts, styles, SVG and comments
    /// are cut there.
    static let libxml2RuntimeVersion = Int(whosaid_libxml2RuntimeVersion())
    static let tokenizesLikeLibxml2_9 = tokenizesLikeLibxml2_9(runtimeVersion: libxml2RuntimeVersion)

    static func tokenizesLikeLibxml2_9(runtimeVersion: Int) -> Bool { runtimeVersion > 0 && runtimeVersion < 21400 }

    static func strip(_ input: [UInt8], trimmingTags: Bool = tokenizesLikeLibxml2_9) -> [UInt8] {
        input.withUnsafeBufferPointer { b -> [UInt8] in
            let n = b.count
            var out = [UInt8]()
            out.reserveCapacity(n)
            var copied = 0
            var i = 0
            let base = b.baseAddress!
            while i < n {
                guard let found = memchr(base + i, 0x3C, n - i) else { break }
                let lt = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                i = lt + 1
                guard lt + 4 < n else { break }
                // "<!--" ... "-->"
                if b[lt + 1] == 0x21, b[lt + 2] == 0x2D, b[lt + 3] == 0x2D {
                    guard let end = find(b, "-->", from: lt + 4) else { break }
                    out.append(contentsOf: b[copied..<lt])
                    copied = end + 3
                    i = copied
                    continue
                }
                let name: [UInt8]
                let startsWithS = lower(b[lt + 1]) == 0x73
                if startsWithS, matchesTag(b, lt + 1, "script") { name = Array("script".utf8) }
                else if startsWithS, matchesTag(b, lt + 1, "style") { name = Array("style".utf8) }
                else if startsWithS, matchesTag(b, lt + 1, "svg") { name = Array("svg".utf8) }
                else {
                    // libxml2 reads "<" and a letter as a start tag, anything else after "<" as text.
                    if !trimmingTags { continue }
                    if isLetter(b[lt + 1]) {
                        i = dropUnreadAttributes(b, tagAt: lt + 1, into: &out, copied: &copied)
                        if i < n, b[i] == 0x3E { i = collapseBlankRuns(b, from: i + 1, into: &out, copied: &copied) }
                        else if i + 1 < n, b[i] == 0x2F, b[i + 1] == 0x3E { i = collapseBlankRuns(b, from: i + 2, into: &out, copied: &copied) }
                    } else if b[lt + 1] == 0x2F, let end = endOfEndTag(b, at: lt) {
                        i = collapseBlankRuns(b, from: end, into: &out, copied: &copied)
                    }
                    continue
                }
                guard let tagEnd = memchr(base + lt, 0x3E, n - lt).map({ base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }) else { break }
                if name.count == 6, containsLowered(b, lt..<tagEnd, "ld+json") {
                    // JSON-LD is kept byte for byte: HTML inside its strings is text, not tags.
                    guard let close = findClose(b, name, from: tagEnd + 1) else { break }
                    i = close
                    continue
                }
                guard let close = findClose(b, name, from: tagEnd + 1) else { break }
                // Keep the tags, drop what is between them.
                out.append(contentsOf: b[copied...tagEnd])
                copied = close
                i = close
            }
            out.append(contentsOf: b[copied..<n])
            return out
        }
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    // MARK: text

    /// Shortens each run of blanks in the text from `start` up to the next "<" to its first byte, and
    /// returns where the text ends. The page walk reads any run of white space as one space, and
    /// libxml2 reads text a character at a time, so the runs of indentation between tags cost for
    /// nothing. Only text that follows a tag read whole gets here, never an attribute value.
    static func collapseBlankRuns(_ b: UnsafeBufferPointer<UInt8>, from start: Int, into out: inout [UInt8], copied: inout Int) -> Int {
        let n = b.count
        var j = start
        while j < n, b[j] != 0x3C {
            guard isBlank(b[j]) else { j += 1; continue }
            let run = j
            j += 1
            while j < n, isBlank(b[j]) { j += 1 }
            if j - run > 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...run]))
                copied = j
            }
        }
        return j
    }

    /// One past the ">" of the end tag ("</name>", blanks allowed before ">") at `at`, or nil when it is
    /// not that simple (libxml2 then skips to the next ">", which may lie inside what follows).
    static func endOfEndTag(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        let n = b.count
        var j = at + 2
        guard j < n, isLetter(b[j]) else { return nil }
        while j < n, isNameByte(b[j]) { j += 1 }
        guard j - (at + 2) <= maximumNameLength else { return nil }
        while j < n, isBlank(b[j]) { j += 1 }
        guard j < n, b[j] == 0x3E else { return nil }
        return j + 1
    }

    // MARK: attributes


    /// Longest tag or attribute name libxml2 reads whole; a longer one is left alone.
    static let maximumNameLength = 99

    /// Rewrites the start tag whose name begins at `at` without the attributes the walk does not read,
    /// and returns where the scan goes on. Attributes are read as libxml2's HTML parser reads them
    /// (a name of letters, digits and `:-_.`, blanks, `=`, a quoted or unquoted value); at the first
    /// thing it reads differently (a bogus name, an unclosed quote, a NUL) the rest of the tag is left
    /// as it is, so libxml2 sees the same attributes it would have seen.
    static func dropUnreadAttributes(_ b: UnsafeBufferPointer<UInt8>, tagAt at: Int, into out: inout [UInt8], copied: inout Int) -> Int {
        let n = b.count
        let p = b.baseAddress!
        let classes = byteClass
        @inline(__always) func has(_ j: Int, _ kind: UInt8) -> Bool { j < n && classes[Int(p[j])] & kind != 0 }
        var j = at
        while has(j, nameByte) { j += 1 }
        let tagLength = j - at
        guard tagLength <= maximumNameLength else { return j }
        let isLink = equalsLowered(p + at, tagLength, "link")
        while true {
            // Blanks before the attribute (libxml2 does not require any).
            let blanksStart = j
            while has(j, blank) { j += 1 }
            guard has(j, nameStart) else { return j }  // the tag's end, or something libxml2 reads as bogus
            let attributeStart = j
            while has(j, nameByte) { j += 1 }
            let nameLength = j - attributeStart
            guard nameLength <= maximumNameLength else { return j }
            var k = j
            while has(k, blank) { k += 1 }
            if k < n, p[k] == 0x3D {
                k += 1
                while has(k, blank) { k += 1 }
                guard k < n else { return k }
                let quote = p[k]
                if quote == 0x22 || quote == 0x27 {
                    guard let close = memchr(p + k + 1, Int32(quote), n - k - 1) else { return attributeStart }
                    let e = p.distance(to: close.assumingMemoryBound(to: UInt8.self))
                    // libxml2 stops a value at a NUL byte.
                    guard memchr(p + k + 1, 0, e - k - 1) == nil else { return attributeStart }
                    j = e + 1
                } else {
                    var e = k
                    while e < n, classes[Int(p[e])] & endsUnquotedValue == 0 { e += 1 }
                    guard e < n, p[e] != 0 else { return attributeStart }
                    j = e
                }
            }
            if !isRead(p + attributeStart, nameLength, onLink: isLink) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<blanksStart]))
                copied = j
                // A following attribute written without a blank before it must not join what precedes.
                if has(j, nameStart) { out.append(0x20) }
            }
        }
    }

    /// True for the attributes `PageWalker` reads (on any element); all others are dropped. `href` is
    /// read on `<link>` only (the canonical URL).
    static func isRead(_ name: UnsafePointer<UInt8>, _ length: Int, onLink: Bool) -> Bool {
        func named(_ word: StaticString) -> Bool { equalsLowered(name, length, word) }
        return switch lower(name[0]) {
        case UInt8(ascii: "a"): named("aria-hidden")
        case UInt8(ascii: "c"): named("class") || named("content") || named("charset")
        case UInt8(ascii: "d"): named("datetime")
        case UInt8(ascii: "h"): named("hidden") || named("http-equiv") || (onLink && named("href"))
        case UInt8(ascii: "i"): named("id") || named("itemprop")
        case UInt8(ascii: "l"): named("lang")
        case UInt8(ascii: "n"): named("name")
        case UInt8(ascii: "p"): named("property") || named("pubdate")
        case UInt8(ascii: "r"): named("role") || named("rel")
        case UInt8(ascii: "s"): named("style")
        case UInt8(ascii: "t"): named("type")
        default: false
        }
    }

    static func equalsLowered(_ name: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<length where lower(name[k]) != w[k] { return false }
        return true
    }

    // Byte classes of libxml2's HTML tokenizer, as bits of `byteClass`.
    static let nameStart: UInt8 = 1
    static let nameByte: UInt8 = 2
    static let blank: UInt8 = 4
    static let endsUnquotedValue: UInt8 = 8

    static let byteClass: [UInt8] = (0...255).map { (v: Int) -> UInt8 in
        let c = UInt8(v)
        var bits: UInt8 = 0
        if isNameStart(c) { bits |= nameStart }
        if isNameByte(c) { bits |= nameByte }
        if isBlank(c) { bits |= blank | endsUnquotedValue }
        if c == 0x3E || c == 0 { bits |= endsUnquotedValue }
        return bits
    }

    /// libxml2's HTML names: a letter, `_`, `:` or `.`, then letters, digits, `:`, `-`, `_`, `.`.
    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x3A || c == 0x2E
    }
    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
    /// libxml2's blanks (a form feed is not one).
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// True when the bytes at `at` are the tag name followed by a delimiter.
    static func matchesTag(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard at + count < b.count else { return false }
        let p = name.utf8Start
        for k in 0..<count where lower(b[at + k]) != p[k] { return false }
        let next = b[at + count]
        return next == 0x20 || next == 0x3E || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F
    }

    static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int) -> Int? {
        let p = needle.utf8Start
        let count = needle.utf8CodeUnitCount
        var i = from
        while i + count <= b.count {
            guard let f = memchr(b.baseAddress! + i, Int32(p[0]), b.count - i) else { return nil }
            let at = b.baseAddress!.distance(to: f.assumingMemoryBound(to: UInt8.self))
            if at + count > b.count { return nil }
            var k = 1
            while k < count && b[at + k] == p[k] { k += 1 }
            if k == count { return at }
            i = at + 1
        }
        return nil
    }

    /// Offset of the "</name" that closes the element, or nil when the page ends first.
    static func findClose(_ b: UnsafeBufferPointer<UInt8>, _ name: [UInt8], from: Int) -> Int? {
        var i = from
        while i < b.count {
            guard let f = memchr(b.baseAddress! + i, 0x3C, b.count - i) else { return nil }
            let at = b.baseAddress!.distance(to: f.assumingMemoryBound(to: UInt8.self))
            if at + 1 + name.count < b.count, b[at + 1] == 0x2F {
                var k = 0
                while k < name.count && lower(b[at + 2 + k]) == name[k] { k += 1 }
                if k == name.count { return at }
            }
            i = at + 1
        }
        return nil
    }

    static func containsLowered(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString) -> Bool {
        let p = needle.utf8Start
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        for start in range.lowerBound...(range.upperBound - count) {
            var k = 0
            while k < count && lower(b[start + k]) == p[k] { k += 1 }
            if k == count { return true }
        }
        return false
    }
}
