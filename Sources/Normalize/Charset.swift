/// Deciding a page's character encoding before the HTML parser sees it.
///
/// libxml2 guesses on its own when it is not told, and guesses badly: a windows-1252 page without a
/// `<meta charset>` is read as ISO-8859-1, which turns its curly quotes into invisible C1 controls. So
/// the charset is decided here, in the order of trust the web uses, and passed to the parser.
public enum CharsetSource: String, Sendable, Equatable {
    /// From the HTTP or WARC header.
    case declared
    case byteOrderMark = "bom"
    /// From `<meta charset>` or `<meta http-equiv=Content-Type>` near the top of the page.
    case meta
    /// The `<meta>` named another charset, but the bytes are UTF-8 with non-ASCII text in it.
    case metaOverruled = "meta overruled by valid UTF-8"
    /// Nothing said; the bytes are valid UTF-8.
    case validUTF8 = "utf-8 check"
    /// Nothing said and not UTF-8: the web's default for Western pages.
    case fallback
}

public struct CharsetDecision: Sendable, Equatable {
    /// A name libxml2 (iconv) accepts: "UTF-8", "windows-1252", "UTF-16LE", ...
    public var name: String
    public var source: CharsetSource
    /// Bytes to skip at the start (a byte order mark).
    public var skip: Int

    public init(name: String, source: CharsetSource, skip: Int) {
        self.name = name
        self.source = source
        self.skip = skip
    }
}

public enum Charset {
    /// How many leading bytes are searched for a `<meta charset>` (the HTML standard says 1024; pages
    /// with long heads put it later, so look a little further).
    static let metaScanLimit = 4096

    /// Decides the charset: declared → byte order mark → `<meta>` → valid UTF-8 → windows-1252.
    /// `isSupported` says whether the parser can decode a name (a page may declare nonsense).
    public static func decide(_ bytes: [UInt8], declared: String?,
                              isSupported: (String) -> Bool = { _ in true }) -> CharsetDecision {
        let bom = byteOrderMark(bytes)
        if let declared, let name = canonicalName(declared), isSupported(name) {
            return CharsetDecision(name: name, source: .declared, skip: bom?.name == name ? bom!.length : 0)
        }
        if let bom { return CharsetDecision(name: bom.name, source: .byteOrderMark, skip: bom.length) }
        if let label = metaCharset(bytes), let name = canonicalName(label), isSupported(name) {
            // A page cannot be UTF-16 and say so in ASCII; the standard reads such a claim as UTF-8.
            let fixed = name.hasPrefix("UTF-16") ? "UTF-8" : name
            // Pages re-encoded to UTF-8 often keep their old <meta>. Multi-byte UTF-8 sequences that are
            // all well-formed do not happen by chance in other encodings, so the bytes win.
            if fixed != "UTF-8", bytes.contains(where: { $0 >= 0x80 }), isValidUTF8(bytes) {
                return CharsetDecision(name: "UTF-8", source: .metaOverruled, skip: 0)
            }
            return CharsetDecision(name: fixed, source: .meta, skip: 0)
        }
        if isValidUTF8(bytes) { return CharsetDecision(name: "UTF-8", source: .validUTF8, skip: 0) }
        return CharsetDecision(name: "windows-1252", source: .fallback, skip: 0)
    }

    static func byteOrderMark(_ b: [UInt8]) -> (name: String, length: Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("UTF-16LE", 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// Maps a charset label to the name handed to libxml2, following the web's label aliases
    /// (ISO-8859-1 and ASCII labels mean windows-1252 in practice).
    public static func canonicalName(_ label: String) -> String? {
        var l = label.lowercased()
        while let f = l.first, f == " " || f == "\"" || f == "'" { l.removeFirst() }
        while let f = l.last, f == " " || f == "\"" || f == "'" || f == ";" { l.removeLast() }
        if l.isEmpty { return nil }
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1", "iso-ir-100":
            return "windows-1252"
        case "utf-16", "utf-16le", "unicode", "ucs-2": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "iso-8859-15", "latin9", "latin-9": return "ISO-8859-15"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji": return "SHIFT_JIS"
        case "euc-jp": return "EUC-JP"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80": return "GBK"
        case "euc-kr", "ks_c_5601-1987": return "EUC-KR"
        case "koi8-r": return "KOI8-R"
        case "windows-1251", "cp1251": return "windows-1251"
        default:
            return l.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x3A }
                ? l.uppercased() : nil
        }
    }

    /// The charset a `<meta>` tag in the first bytes names, if any.
    static func metaCharset(_ b: [UInt8]) -> String? {
        let end = min(b.count, metaScanLimit)
        var i = 0
        while i + 5 < end {
            // "<meta" in any case
            if b[i] == 0x3C, lower(b[i + 1]) == 0x6D, lower(b[i + 2]) == 0x65, lower(b[i + 3]) == 0x74, lower(b[i + 4]) == 0x61 {
                var j = i + 5
                let tagEnd = min(end, j + 512)
                while j < tagEnd, b[j] != 0x3E {
                    if j + 7 <= tagEnd, lower(b[j]) == 0x63, lower(b[j + 1]) == 0x68, lower(b[j + 2]) == 0x61,
                       lower(b[j + 3]) == 0x72, lower(b[j + 4]) == 0x73, lower(b[j + 5]) == 0x65, lower(b[j + 6]) == 0x74 {
                        var k = j + 7
                        while k < tagEnd, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D { k += 1 }
                        guard k < tagEnd, b[k] == 0x3D else { j = k; continue }
                        k += 1
                        while k < tagEnd, b[k] == 0x20 || b[k] == 0x22 || b[k] == 0x27 { k += 1 }
                        let start = k
                        while k < tagEnd, isLabelByte(b[k]) { k += 1 }
                        if k > start { return String(decoding: b[start..<k], as: UTF8.self) }
                        j = k
                        continue
                    }
                    j += 1
                }
                i = j
            }
            i += 1
        }
        return nil
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
    @inline(__always) static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
    }

    /// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    public static func isValidUTF8(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { firstInvalidUTF8($0) == nil }
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var i = start
        let n = b.count
        guard i < n, let address = b.baseAddress else { return nil }
        let base = UnsafeRawPointer(address)
        while i < n {
            // Pages are mostly ASCII: skip 32 bytes at a time while none has its high bit set (the
            // words OR-ed, one test for four), then eight.
            let highBits: UInt64 = 0x8080_8080_8080_8080
            while i &+ 32 <= n {
                let any = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                if any & highBits != 0 { break }
                i &+= 32
            }
            while i &+ 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highBits == 0 { i &+= 8 }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len = sequenceLength(b, i)
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    /// Length of the well-formed sequence starting at `i`, or 0 when it is not one.
    @inline(__always) static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        let c = b[i]
        func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        if c >= 0xC2 && c <= 0xDF { return cont(i + 1) ? 2 : 0 }
        if c >= 0xE0 && c <= 0xEF {
            guard i + 2 < n, cont(i + 1), cont(i + 2) else { return 0 }
            let c1 = b[i + 1]
            if c == 0xE0 && c1 < 0xA0 { return 0 }
            if c == 0xED && c1 >= 0xA0 { return 0 }
            return 3
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard i + 3 < n, cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            let c1 = b[i + 1]
            if c == 0xF0 && c1 < 0x90 { return 0 }
            if c == 0xF4 && c1 >= 0x90 { return 0 }
            return 4
        }
        return 0
    }

    /// Replaces every ill-formed UTF-8 sequence with U+FFFD; returns nil when there was none.
    public static func repairUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int)? {
        bytes.withUnsafeBufferPointer { b -> ([UInt8], Int)? in
            guard var bad = firstInvalidUTF8(b) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(b.count + 16)
            var copied = 0
            var replaced = 0
            while true {
                out.append(contentsOf: b[copied..<bad])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
                copied = bad + 1
                // Skip the stray continuation bytes of the same broken sequence.
                while copied < b.count, b[copied] & 0xC0 == 0x80 { copied += 1 }
                guard let next = firstInvalidUTF8(b, from: copied) else { break }
                bad = next
            }
            out.append(contentsOf: b[copied...])
            return (out, replaced)
        }
    }

    /// windows-1252 leaves five byte values undefined; iconv stops the whole page at the first of them.
    /// Browsers show nothing for them, so they become spaces.
    static func blankUndefinedWindows1252(_ bytes: inout [UInt8]) -> Int {
        var count = 0
        for i in bytes.indices {
            switch bytes[i] {
            case 0x81, 0x8D, 0x8F, 0x90, 0x9D: bytes[i] = 0x20; count += 1
            default: break
            }
        }
        return count
    }

    /// What a page's first bytes say it is, when that is plainly not text.
    static func binarySignature(_ b: [UInt8]) -> String? {
        func starts(_ p: [UInt8]) -> Bool { b.count >= p.count && Array(b[0..<p.count]) == p }
        if starts([0x1F, 0x8B]) { return "gzip data" }
        if starts([0x25, 0x50, 0x44, 0x46]) { return "a PDF file" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts([0x47, 0x49, 0x46, 0x38]) { return "a GIF image" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive" }
        if byteOrderMark(b)?.name.hasPrefix("UTF-16") == true { return nil }
        let head = b.prefix(4096)
        var controls = 0
        for c in head where c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C {
            if c == 0 { return "binary data (NUL bytes)" }
            controls += 1
        }
        if controls * 10 > head.count { return "binary data (\(controls) control bytes in the first \(head.count))" }
        return nil
    }
}
