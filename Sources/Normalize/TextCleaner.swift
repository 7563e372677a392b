import Foundation

/// Final clean-up of extracted text: no control characters, Unicode NFC, whitespace collapsed.
/// Typographic quotation marks and dashes are kept as the page wrote them.
public enum TextCleaner {
    /// C1 controls in text come from numeric references like `&#147;`, which browsers read as windows-1252.
    static let windows1252C1: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Cleans one paragraph; the result has no leading, trailing or doubled spaces.
    public static func clean(_ text: String) -> String {
        // Printable ASCII needs nothing (most paragraphs, and the first bytes of most others).
        if isPrintableASCII(text) { return text }
        // What the text needs, read on its UTF-8 bytes (the scalar view cost several times more):
        // ASCII bytes need work only as controls; other scalars are decoded and tested.
        var needsWork = false
        var needsNFC = false
        var utf8 = text
        utf8.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                if c < 0x80 {
                    if c < 0x20 || c == 0x7F { needsWork = true }
                    i += 1
                    continue
                }
                let (v, length) = decodeScalar(bytes, at: i)
                i += length
                if (v >= 0x7F && v <= 0xA0) || v == 0xFEFF || v == 0x200B || v == 0xAD { needsWork = true }
                if v >= 0x300 && !(v >= 0x2002 && v <= 0x206F) && !(v >= 0x20A0 && v <= 0x20CF) { needsNFC = true }
                if v >= 0x2000 && v <= 0x200A || v == 0x202F || v == 0x3000 { needsWork = true }
            }
        }
        var result = text
        if needsWork {
            var scalars = String.UnicodeScalarView()
            var pendingSpace = false
            for s in text.unicodeScalars {
                var v = s.value
                if v >= 0x80 && v <= 0x9F {
                    v = windows1252C1[Int(v - 0x80)]
                    if v == 0 { continue }
                }
                let isSpace = v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0xA0
                    || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x3000
                if isSpace { pendingSpace = !scalars.isEmpty; continue }
                if v < 0x20 || v == 0x7F || v == 0xFEFF || v == 0x200B || v == 0xAD { continue }
                if pendingSpace { scalars.append(" "); pendingSpace = false }
                scalars.append(Unicode.Scalar(v)!)
            }
            result = String(scalars)
        }
        if needsNFC, !passesNFCQuickCheck(result) { result = result.precomposedStringWithCanonicalMapping }
        return result
    }

    /// The scalar value of the (well-formed) UTF-8 sequence with a lead byte at `i`, and its length.
    @inline(__always) static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let c = UInt32(bytes[i])
        if c < 0xE0 { return ((c & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return ((c & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((c & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// True when every byte is printable ASCII (0x20–0x7E), tested eight bytes at a time.
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return true }
            let highBits: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // For bytes below 0x80 no sum carries into the next byte: b + 0x60 has its high bit set
                // when b >= 0x20, and b + 0x01 has it clear when b < 0x7F.
                guard word & highBits == 0, (word &+ 0x6060_6060_6060_6060) & highBits == highBits,
                      (word &+ 0x0101_0101_0101_0101) & highBits == 0 else { return false }
                i += 8
            }
            while i < count {
                guard bytes[i] >= 0x20 && bytes[i] < 0x7F else { return false }
                i += 1
            }
            return true
        }
    }

    /// True when the standard library's NFC quick check shows the text is already NFC, so that
    /// Foundation's normalization (some 80 000 instructions a paragraph) would give it back unchanged.
    /// The quick check never says yes to text that normalization would change.
    static func passesNFCQuickCheck(_ text: String) -> Bool {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return false
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    public static func collapseWhitespace(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return collapseASCIIWhitespace(text) }
        var out = String.UnicodeScalarView()
        var pending = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace { pending = !out.isEmpty; continue }
            if pending { out.append(" "); pending = false }
            out.append(s)
        }
        return String(out)
    }

    /// `collapseWhitespace` for ASCII text, on its bytes: the white space is tab, line feed, vertical
    /// tab, form feed, carriage return and space.
    static func collapseASCIIWhitespace(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for c in text.utf8 {
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) { pending = !out.isEmpty; continue }
            if pending { out.append(0x20); pending = false }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// `count >= n` without counting the whole text: grapheme breaking is slow, and the
    /// length checks only need to know whether a paragraph or body reaches a short minimum.
    func hasAtLeastCharacters(_ n: Int) -> Bool {
        if n <= 0 { return true }
        // A character is at least one byte.
        if utf8.count < n { return false }
        // ASCII text, on its bytes: between two ASCII characters there is always a character boundary,
        // except inside "\r\n". At the first other byte the characters are counted from the start.
        let asciiAnswer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var starts = 0
            for i in bytes.indices {
                let c = bytes[i]
                if c >= 0x80 { return nil }
                if c == 0x0A && i > 0 && bytes[i - 1] == 0x0D { continue }
                starts += 1
                if starts >= n { return true }
            }
            return false
        }
        // nil: no contiguous bytes to read, or a byte beyond ASCII.
        if let answer = asciiAnswer ?? nil { return answer }
        var seen = 0
        for _ in self {
            seen += 1
            if seen >= n { return true }
        }
        return false
    }
}
