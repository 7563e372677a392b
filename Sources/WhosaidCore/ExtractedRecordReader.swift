/// Reads an extracted record straight from its JSON bytes into the record structs, without building the
/// dictionaries of a `JSONValue` first: hashing every key into a dictionary and looking it up again cost
/// the loader more than parsing the bytes did.
///
/// It reads only the plain form `whosaid-extract` writes: each field at most once and of the type the
/// record model expects. Anything else (a repeated key, a number where a string belongs, a missing field)
/// gives nil, and the caller then takes the general path, `ExtractedArticle(json:)` over a parsed
/// `JSONValue`, which decides with its own rules and error messages. So whenever this reader returns a
/// record it is the record the general path would have returned.
public enum ExtractedRecordReader {
    public static func read<Bytes: Collection>(_ bytes: Bytes) -> ExtractedArticle? where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { buffer -> ExtractedArticle? in
            var reader = Reader(parser: JSONParser(bytes: buffer))
            guard let record = reader.record() else { return nil }
            reader.parser.skipWhitespace()
            return reader.parser.position == buffer.count ? record : nil
        } ?? nil
    }
}

/// Field names compared as bytes, so a key costs no String.
private enum Key {
    static let schema: StaticString = "_schema"
    static let id: StaticString = "id"
    static let source: StaticString = "source"
    static let url: StaticString = "url"
    static let title: StaticString = "title"
    static let authors: StaticString = "authors"
    static let published: StaticString = "published"
    static let site: StaticString = "site"
    static let language: StaticString = "language"
    static let text: StaticString = "text"
    static let entities: StaticString = "entities"
    static let quotes: StaticString = "quotes"
    static let name: StaticString = "name"
    static let type: StaticString = "type"
    static let role: StaticString = "role"
    static let aliases: StaticString = "aliases"
    static let outlet: StaticString = "outlet"
    static let mentions: StaticString = "mentions"
    static let start: StaticString = "start"
    static let end: StaticString = "end"
    static let speaker: StaticString = "speaker"
    static let speakerEntity: StaticString = "speaker_entity"
    static let speakerMention: StaticString = "speaker_mention"
    static let cue: StaticString = "cue"
    static let cueSpan: StaticString = "cue_span"
    static let via: StaticString = "via"
    static let viaEntity: StaticString = "via_entity"
}

private struct Reader {
    var parser: JSONParser

    /// The bytes of an object key without escapes, or nil (an escaped key goes the general way).
    mutating func key() -> UnsafeBufferPointer<UInt8>? {
        parser.skipWhitespace()
        guard parser.position < parser.count, parser.bytes[parser.position] == UInt8(ascii: "\"") else { return nil }
        let start = parser.position + 1
        var i = start
        while i < parser.count {
            let b = parser.bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            i += 1
        }
        guard i < parser.count else { return nil }
        parser.position = i + 1
        parser.skipWhitespace()
        guard parser.position < parser.count, parser.bytes[parser.position] == UInt8(ascii: ":") else { return nil }
        parser.position += 1
        parser.skipWhitespace()
        return UnsafeBufferPointer(rebasing: parser.bytes[start..<i])
    }

    /// Walks the members of an object: `member(key)` reads the value after each key and says if it could.
    mutating func object(_ member: (inout Reader, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        parser.skipWhitespace()
        guard next(UInt8(ascii: "{")) else { return false }
        parser.skipWhitespace()
        if next(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = key(), member(&self, key) else { return false }
            parser.skipWhitespace()
            if next(UInt8(ascii: ",")) { continue }
            return next(UInt8(ascii: "}"))
        }
    }

    /// Walks the items of an array (or of none, for null when `nullable`).
    mutating func array(nullable: Bool, _ item: (inout Reader) -> Bool) -> Bool {
        if nullable, null() { return true }
        guard next(UInt8(ascii: "[")) else { return false }
        parser.skipWhitespace()
        if next(UInt8(ascii: "]")) { return true }
        while true {
            parser.skipWhitespace()
            guard item(&self) else { return false }
            parser.skipWhitespace()
            if next(UInt8(ascii: ",")) { continue }
            return next(UInt8(ascii: "]"))
        }
    }

    mutating func next(_ byte: UInt8) -> Bool {
        guard parser.position < parser.count, parser.bytes[parser.position] == byte else { return false }
        parser.position += 1
        return true
    }

    mutating func null() -> Bool {
        guard parser.position < parser.count, parser.bytes[parser.position] == UInt8(ascii: "n") else { return false }
        do { try parser.expectLiteral("null") } catch { return false }
        return true
    }

    mutating func string() -> String? {
        guard parser.position < parser.count, parser.bytes[parser.position] == UInt8(ascii: "\"") else { return nil }
        return try? parser.parseString()
    }

    /// A string, or null (the outer optional is nil when the value is neither).
    mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }

    mutating func bool() -> Bool? {
        guard parser.position < parser.count else { return nil }
        switch parser.bytes[parser.position] {
        case UInt8(ascii: "t"): if (try? parser.expectLiteral("true")) != nil { return true }
        case UInt8(ascii: "f"): if (try? parser.expectLiteral("false")) != nil { return false }
        default: break
        }
        return nil
    }

    /// A plain integer literal; a fraction, an exponent or more digits than fit go the general way.
    mutating func int() -> Int? {
        var i = parser.position
        let negative = i < parser.count && parser.bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let digitsStart = i
        var value = 0
        while i < parser.count, parser.bytes[i] &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int(parser.bytes[i] &- UInt8(ascii: "0"))
            i += 1
        }
        let digits = i - digitsStart
        guard digits > 0, digits <= 18 else { return nil }
        if digits > 1, parser.bytes[digitsStart] == UInt8(ascii: "0") { return nil }
        if i < parser.count, parser.bytes[i] == UInt8(ascii: ".") || parser.bytes[i] | 0x20 == UInt8(ascii: "e") { return nil }
        parser.position = i
        return negative ? -value : value
    }

    /// Any value, as the general parser reads it (for fields the record model does not know).
    mutating func value() -> JSONValue? { try? parser.parseValue(depth: 1) }

    /// Marks `field` as read; false if it already was (a repeated key goes the general way).
    static func first(_ field: Int, _ seen: inout UInt32) -> Bool {
        let bit: UInt32 = 1 << UInt32(field)
        if seen & bit != 0 { return false }
        seen |= bit
        return true
    }

    /// A member that is a string or null, read once into `target` (see `first`).
    mutating func optional(_ field: Int, seen: inout UInt32, into target: inout String?) -> Bool {
        guard Reader.first(field, &seen), let value = optionalString() else { return false }
        target = value
        return true
    }

    /// A member that is a span or null, read once into `target` (see `first`).
    mutating func optional(_ field: Int, seen: inout UInt32, into target: inout Span?) -> Bool {
        guard Reader.first(field, &seen), let value = optionalSpan() else { return false }
        target = value
        return true
    }

    // MARK: - Records

    mutating func record() -> ExtractedArticle? {
        var seen: UInt32 = 0
        var id: String?, text: String?, source: String?, url: String?, title: String?, published: String?
        var site: String?, language: String?
        var authors: [String] = []
        var entities: [Entity] = []
        var quotes: [Quote] = []
        var extra: [String: JSONValue] = [:]
        let complete = object { r, key in
            if matches(key, Key.text) {
                guard Reader.first(0, &seen), let s = r.string() else { return false }
                text = s
            } else if matches(key, Key.id) {
                guard Reader.first(1, &seen), let s = r.string(), !s.isEmpty else { return false }
                id = s
            } else if matches(key, Key.entities) {
                guard Reader.first(2, &seen) else { return false }
                return r.array(nullable: true) { r in
                    guard let e = r.entity() else { return false }
                    entities.append(e)
                    return true
                }
            } else if matches(key, Key.quotes) {
                guard Reader.first(3, &seen) else { return false }
                return r.array(nullable: true) { r in
                    guard let q = r.quote() else { return false }
                    quotes.append(q)
                    return true
                }
            } else if matches(key, Key.schema) {
                guard Reader.first(4, &seen), let schema = r.optionalString() else { return false }
                if let schema, !Schema.isReadable(schema) { return false }
            } else if matches(key, Key.authors) {
                guard Reader.first(5, &seen) else { return false }
                return r.array(nullable: true) { r in
                    guard let s = r.string() else { return false }
                    authors.append(s)
                    return true
                }
            } else if matches(key, Key.source) {
                return r.optional(6, seen: &seen, into: &source)
            } else if matches(key, Key.url) {
                return r.optional(7, seen: &seen, into: &url)
            } else if matches(key, Key.title) {
                return r.optional(8, seen: &seen, into: &title)
            } else if matches(key, Key.published) {
                return r.optional(9, seen: &seen, into: &published)
            } else if matches(key, Key.site) {
                return r.optional(10, seen: &seen, into: &site)
            } else if matches(key, Key.language) {
                return r.optional(11, seen: &seen, into: &language)
            } else {
                let name = String(decoding: key, as: UTF8.self)
                guard String(validating: key, as: UTF8.self) != nil, extra[name] == nil, let value = r.value() else { return false }
                extra[name] = value
            }
            return true
        }
        guard complete, let id, let text else { return nil }
        let article = Article(id: id, source: source ?? "", url: url, title: title, authors: authors, published: published,
                              site: site, language: language, text: text, extra: extra)
        return ExtractedArticle(article: article, entities: entities, quotes: quotes)
    }

    mutating func entity() -> Entity? {
        var seen: UInt32 = 0
        var id: String?, name: String?, type: EntityType?, role: String?
        var aliases: [String] = []
        var isOutlet = false
        var mentions: [Span] = []
        let complete = object { r, key in
            if matches(key, Key.mentions) {
                guard Reader.first(0, &seen) else { return false }
                return r.array(nullable: false) { r in
                    guard let span = r.span() else { return false }
                    mentions.append(span)
                    return true
                }
            } else if matches(key, Key.id) {
                guard Reader.first(1, &seen), let s = r.string() else { return false }
                id = s
            } else if matches(key, Key.name) {
                guard Reader.first(2, &seen), let s = r.string() else { return false }
                name = s
            } else if matches(key, Key.type) {
                guard Reader.first(3, &seen), let s = r.string(), let t = EntityType(rawValue: s) else { return false }
                type = t
            } else if matches(key, Key.role) {
                guard Reader.first(4, &seen), let s = r.optionalString() else { return false }
                role = s
            } else if matches(key, Key.aliases) {
                guard Reader.first(5, &seen) else { return false }
                return r.array(nullable: false) { r in
                    guard let s = r.string() else { return false }
                    aliases.append(s)
                    return true
                }
            } else if matches(key, Key.outlet) {
                guard Reader.first(6, &seen), let b = r.bool() else { return false }
                isOutlet = b
            } else {
                return false
            }
            return true
        }
        guard complete, let id, let name, let type else { return nil }
        return Entity(id: id, name: name, type: type, role: role, aliases: aliases, isOutlet: isOutlet, mentions: mentions)
    }

    /// A span object, or null (the outer optional is nil when the value is neither).
    mutating func optionalSpan() -> Span?? {
        if null() { return .some(nil) }
        guard let span = span() else { return nil }
        return .some(span)
    }

    mutating func span() -> Span? {
        var seen: UInt32 = 0
        var start: Int?, end: Int?, text: String?
        let complete = object { r, key in
            if matches(key, Key.start) {
                guard Reader.first(0, &seen), let n = r.int() else { return false }
                start = n
            } else if matches(key, Key.end) {
                guard Reader.first(1, &seen), let n = r.int() else { return false }
                end = n
            } else if matches(key, Key.text) {
                guard Reader.first(2, &seen), let s = r.string() else { return false }
                text = s
            } else {
                return false
            }
            return true
        }
        guard complete, let start, let end, let text else { return nil }
        return Span(start: start, end: end, text: text)
    }

    mutating func quote() -> Quote? {
        var seen: UInt32 = 0
        var start: Int?, end: Int?, text: String?, type: QuoteType?
        var speaker: String?, speakerEntity: String?, cue: String?, via: String?, viaEntity: String?
        var speakerMention: Span?, cueSpan: Span?
        let complete = object { r, key in
            if matches(key, Key.text) {
                guard Reader.first(0, &seen), let s = r.string() else { return false }
                text = s
            } else if matches(key, Key.start) {
                guard Reader.first(1, &seen), let n = r.int() else { return false }
                start = n
            } else if matches(key, Key.end) {
                guard Reader.first(2, &seen), let n = r.int() else { return false }
                end = n
            } else if matches(key, Key.type) {
                guard Reader.first(3, &seen), let s = r.string(), let t = QuoteType(rawValue: s) else { return false }
                type = t
            } else if matches(key, Key.speaker) {
                return r.optional(4, seen: &seen, into: &speaker)
            } else if matches(key, Key.speakerEntity) {
                return r.optional(5, seen: &seen, into: &speakerEntity)
            } else if matches(key, Key.speakerMention) {
                return r.optional(6, seen: &seen, into: &speakerMention)
            } else if matches(key, Key.cue) {
                return r.optional(7, seen: &seen, into: &cue)
            } else if matches(key, Key.cueSpan) {
                return r.optional(8, seen: &seen, into: &cueSpan)
            } else if matches(key, Key.via) {
                return r.optional(9, seen: &seen, into: &via)
            } else if matches(key, Key.viaEntity) {
                return r.optional(10, seen: &seen, into: &viaEntity)
            } else {
                return false
            }
            return true
        }
        guard complete, let start, let end, let text, let type else { return nil }
        return Quote(span: Span(start: start, end: end, text: text), type: type, speaker: speaker, speakerEntity: speakerEntity,
                     speakerMention: speakerMention, cue: cue, cueSpan: cueSpan, via: via, viaEntity: viaEntity)
    }
}

private func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    guard key.count == count else { return false }
    let start = name.utf8Start
    for i in 0..<count where key[i] != start[i] { return false }
    return true
}
