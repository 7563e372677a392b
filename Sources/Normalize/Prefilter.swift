#if canImport(Glibc)
import Glibc
#endif

/// Cuts what can never be article text out of the page bytes before libxml2 sees them: the bodies of
/// scripts (except JSON-LD), style sheets, inline SVG and comments. On news pages these are often half
/// the bytes, and libxml2 reads them a character at a time; a byte scan here is far cheaper.
enum Prefilter {
    static func strip(_ input: [UInt8]) -> [UInt8] {
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
                if matchesTag(b, lt + 1, "script") { name = Array("script".utf8) }
                else if matchesTag(b, lt + 1, "style") { name = Array("style".utf8) }
                else if matchesTag(b, lt + 1, "svg") { name = Array("svg".utf8) }
                else { continue }
                guard let tagEnd = memchr(base + lt, 0x3E, n - lt).map({ base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }) else { break }
                if name.count == 6, containsLowered(b, lt..<tagEnd, "ld+json") { i = tagEnd + 1; continue }
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
