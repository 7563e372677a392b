import Normalize
import Testing
import WhosaidCore

@Suite("Charset decision and decoding")
struct EncodingTests {
    /// A page body in windows-1252: curly quotes are single bytes 0x93/0x94, é is 0xE9.
    static func windows1252Page(meta: String = "") -> [UInt8] {
        let head = Array("<html><head>\(meta)<title>Caf".utf8) + [0xE9] + Array("</title></head><body><article>".utf8)
        var body: [UInt8] = []
        for p in Fixture.paragraphs {
            body += Array("<p>".utf8) + [0x93] + Array(p.utf8) + [0x94] + Array("</p>".utf8)
        }
        return head + body + Array("</article></body></html>".utf8)
    }

    @Test func declaredCharsetComesFirst() {
        let bytes = Array("<meta charset=\"utf-8\"><p>x</p>".utf8)
        #expect(Charset.decide(bytes, declared: "ISO-8859-1") == CharsetDecision(name: "windows-1252", source: .declared, skip: 0))
    }

    @Test func byteOrderMarkBeforeMeta() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"windows-1252\">".utf8)
        #expect(Charset.decide(bytes, declared: nil) == CharsetDecision(name: "UTF-8", source: .byteOrderMark, skip: 3))
    }

    @Test func metaCharsetAndHTTPEquiv() {
        #expect(Charset.decide(Array("<META CHARSET='Shift_JIS'>".utf8), declared: nil).name == "SHIFT_JIS")
        let equiv = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">".utf8)
        #expect(Charset.decide(equiv, declared: nil) == CharsetDecision(name: "windows-1252", source: .meta, skip: 0))
    }

    @Test func validUTF8ThenWindows1252() {
        #expect(Charset.decide(Array("<p>caf\u{E9}</p>".utf8), declared: nil).source == .validUTF8)
        #expect(Charset.decide(Self.windows1252Page(), declared: nil) == CharsetDecision(name: "windows-1252", source: .fallback, skip: 0))
    }

    @Test func windows1252PageWithoutMetaKeepsItsCurlyQuotes() throws {
        let article = try Normalizer().normalize(RawDocument(source: "w.html", bytes: Self.windows1252Page()))
        #expect(article.title == "Caf\u{E9}")
        #expect(article.text.hasPrefix("\u{201C}" + Fixture.paragraphs[0] + "\u{201D}"))
        #expect(!article.text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(article.extra["warnings"] == .array([.string("no charset given and not UTF-8: read as windows-1252")]))
    }

    @Test func headerCharsetOverridesAWrongMeta() throws {
        let bytes = Self.windows1252Page(meta: "<meta charset=\"utf-8\">")
        let article = try Normalizer().normalize(RawDocument(source: "w.html", bytes: bytes, declaredCharset: "windows-1252"))
        #expect(article.text.hasPrefix("\u{201C}The city council"))
    }

    @Test func invalidUTF8BytesAreReplacedAndReported() throws {
        var bytes = Array(Fixture.page().utf8)
        let paragraph = Array("The city council".utf8)
        let start = bytes.indices.first { bytes[$0...].starts(with: paragraph) }!
        bytes.insert(contentsOf: [0xC3, 0x28], at: start + 4)  // a lead byte without its continuation
        let article = try Normalizer().normalize(RawDocument(source: "bad.html", bytes: bytes))
        #expect(article.text.hasPrefix("The \u{FFFD}(city council"))
        #expect(article.extra["warnings"] == .array([.string("1 invalid UTF-8 sequences replaced with U+FFFD")]))
    }

    @Test func utf16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Fixture.page().utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let article = try Normalizer().normalize(RawDocument(source: "u16.html", bytes: bytes))
        #expect(article.text == Fixture.paragraphs.joined(separator: "\n\n"))
    }

    @Test func unknownDeclaredCharsetFallsThroughWithAWarning() throws {
        let article = try Normalizer().normalize(Fixture.document(Fixture.page(), charset: "x-no-such-charset"))
        #expect(article.text == Fixture.paragraphs.joined(separator: "\n\n"))
        #expect(article.extra["warnings"]?.arrayValue?.first?.stringValue?.hasPrefix("declared charset \"x-no-such-charset\" is unknown") == true)
    }
}
