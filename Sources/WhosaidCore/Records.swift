/// The records that flow between the stages, and how they map to JSON.
///
/// Every record is one JSON object per NDJSON line, keys sorted, with a `_schema` key naming its kind and
/// version. A stage that reads a record keeps the fields it does not know, so later versions can add fields
/// without older stages dropping them.

public enum Schema {
    public static let key = "_schema"
    public static let article = "whosaid.article/1"
    public static let extracted = "whosaid.extracted/1"

    /// Records of this major version that a stage may read.
    public static func isReadable(_ value: String) -> Bool {
        value == article || value == extracted
    }
}

/// Why a record cannot be used; the stage reports it with its file and line.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    case notAnObject
    case missingField(String)
    case wrongType(field: String, expected: String)
    case unsupportedSchema(String)

    public var description: String {
        switch self {
        case .notAnObject: "record is not a JSON object"
        case .missingField(let f): "record has no \"\(f)\""
        case .wrongType(let f, let t): "\"\(f)\" is not \(t)"
        case .unsupportedSchema(let s): "unsupported schema \"\(s)\" (this version reads \(Schema.article) and \(Schema.extracted))"
        }
    }
}

/// A span of the article text, offsets in Unicode scalars, half-open.
public struct Span: Equatable, Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }

    public var json: JSONValue { .object(["start": .int(start), "end": .int(end), "text": .string(text)]) }

    public init(json: JSONValue, field: String) throws(RecordError) {
        guard let o = json.objectValue else { throw .wrongType(field: field, expected: "an object") }
        guard let s = o["start"]?.intValue, let e = o["end"]?.intValue else {
            throw .wrongType(field: field, expected: "a span with integer start and end")
        }
        guard let t = o["text"]?.stringValue else { throw .wrongType(field: field + ".text", expected: "a string") }
        self.init(start: s, end: e, text: t)
    }
}

/// A cleaned news article, as `whosaid-fetch` writes it.
public struct Article: Equatable, Sendable {
    public var id: String
    public var source: String
    public var url: String?
    public var title: String?
    public var authors: [String]
    public var published: String?
    public var site: String?
    public var language: String?
    public var text: String
    /// Everything else the record carried, kept as it came (entities, quotes, warnings, ...).
    public var extra: [String: JSONValue]

    public init(id: String, source: String, url: String? = nil, title: String? = nil, authors: [String] = [],
                published: String? = nil, site: String? = nil, language: String? = nil, text: String,
                extra: [String: JSONValue] = [:]) {
        self.id = id
        self.source = source
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.site = site
        self.language = language
        self.text = text
        self.extra = extra
    }

    static let knownKeys: Set<String> = [Schema.key, "id", "source", "url", "title", "authors", "published", "site", "language", "text"]

    /// Reads a record; only `id` and `text` are required.
    public init(json: JSONValue) throws(RecordError) {
        guard let o = json.objectValue else { throw .notAnObject }
        if let schema = o[Schema.key], !schema.isNull {
            guard let s = schema.stringValue else { throw .wrongType(field: Schema.key, expected: "a string") }
            guard Schema.isReadable(s) else { throw .unsupportedSchema(s) }
        }
        guard let idValue = o["id"] else { throw .missingField("id") }
        guard let id = idValue.stringValue, !id.isEmpty else { throw .wrongType(field: "id", expected: "a non-empty string") }
        guard let textValue = o["text"] else { throw .missingField("text") }
        guard let text = textValue.stringValue else { throw .wrongType(field: "text", expected: "a string") }
        func optional(_ key: String) throws(RecordError) -> String? {
            guard let v = o[key], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw .wrongType(field: key, expected: "a string or null") }
            return s
        }
        var authors: [String] = []
        if let a = o["authors"], !a.isNull {
            guard let items = a.arrayValue else { throw .wrongType(field: "authors", expected: "an array of strings") }
            for item in items {
                guard let s = item.stringValue else { throw .wrongType(field: "authors", expected: "an array of strings") }
                authors.append(s)
            }
        }
        self.init(id: id, source: try optional("source") ?? "", url: try optional("url"), title: try optional("title"),
                  authors: authors, published: try optional("published"), site: try optional("site"),
                  language: try optional("language"), text: text,
                  extra: o.filter { !Article.knownKeys.contains($0.key) })
    }

    /// The record as written between stages; `schema` names what the record is now.
    public func json(schema: String = Schema.article) -> JSONValue {
        var o = extra
        o[Schema.key] = .string(schema)
        o["id"] = .string(id)
        o["source"] = .string(source)
        o["url"] = .optionalString(url)
        o["title"] = .optionalString(title)
        o["authors"] = .array(authors.map(JSONValue.string))
        o["published"] = .optionalString(published)
        o["site"] = .optionalString(site)
        o["language"] = .optionalString(language)
        o["text"] = .string(text)
        return .object(o)
    }
}

public enum EntityType: String, Sendable, CaseIterable, Comparable {
    case person = "PERSON"
    case org = "ORG"
    case gpe = "GPE"
    case loc = "LOC"
    case norp = "NORP"

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
}

/// One real-world thing named in an article, with every place the article names it.
public struct Entity: Equatable, Sendable {
    /// Unique within the article ("E1", "E2", ... in order of first mention).
    public var id: String
    /// The fullest form the article gives ("Antony Blinken" for "Blinken").
    public var name: String
    public var type: EntityType
    /// Title or job the article gives, e.g. "US Secretary of State".
    public var role: String?
    /// The other forms the article uses for it, including descriptions like "the secretary".
    public var aliases: [String]
    /// True for news outlets ("Reuters"): they credit quotes and are never their speakers.
    public var isOutlet: Bool
    public var mentions: [Span]

    public init(id: String, name: String, type: EntityType, role: String? = nil, aliases: [String] = [],
                isOutlet: Bool = false, mentions: [Span]) {
        self.id = id
        self.name = name
        self.type = type
        self.role = role
        self.aliases = aliases
        self.isOutlet = isOutlet
        self.mentions = mentions
    }

    public var json: JSONValue {
        .object([
            "id": .string(id), "name": .string(name), "type": .string(type.rawValue), "role": .optionalString(role),
            "aliases": .array(aliases.map(JSONValue.string)), "outlet": .bool(isOutlet),
            "mentions": .array(mentions.map(\.json)),
        ])
    }

    public init(json: JSONValue) throws(RecordError) {
        guard let o = json.objectValue else { throw .wrongType(field: "entities", expected: "an array of objects") }
        guard let id = o["id"]?.stringValue else { throw .missingField("entities[].id") }
        guard let name = o["name"]?.stringValue else { throw .missingField("entities[].name") }
        guard let t = o["type"]?.stringValue, let type = EntityType(rawValue: t) else {
            throw .wrongType(field: "entities[].type", expected: "one of PERSON, ORG, GPE, LOC, NORP")
        }
        var mentions: [Span] = []
        for m in o["mentions"]?.arrayValue ?? [] { mentions.append(try Span(json: m, field: "entities[].mentions")) }
        self.init(id: id, name: name, type: type, role: o["role"]?.stringValue,
                  aliases: (o["aliases"]?.arrayValue ?? []).compactMap(\.stringValue),
                  isOutlet: o["outlet"]?.boolValue ?? false, mentions: mentions)
    }
}

public enum QuoteType: String, Sendable, CaseIterable {
    case direct, indirect, mixed
}

/// Something a speaker said, as the article reports it.
public struct Quote: Equatable, Sendable {
    /// The reported content (for direct quotes, the words inside the quotation marks).
    public var span: Span
    public var type: QuoteType
    /// The speaker entity's name, or nil when the article does not say who it is.
    public var speaker: String?
    public var speakerEntity: String?
    /// The words that point to the speaker: "Blinken", "he", "the secretary".
    public var speakerMention: Span?
    /// The reporting words as written: "said", "according to".
    public var cue: String?
    public var cueSpan: Span?
    /// The outlet the article credits for the quote ("as reported by Reuters").
    public var via: String?
    public var viaEntity: String?

    public init(span: Span, type: QuoteType, speaker: String? = nil, speakerEntity: String? = nil,
                speakerMention: Span? = nil, cue: String? = nil, cueSpan: Span? = nil, via: String? = nil,
                viaEntity: String? = nil) {
        self.span = span
        self.type = type
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.speakerMention = speakerMention
        self.cue = cue
        self.cueSpan = cueSpan
        self.via = via
        self.viaEntity = viaEntity
    }

    public var json: JSONValue {
        .object([
            "text": .string(span.text), "start": .int(span.start), "end": .int(span.end), "type": .string(type.rawValue),
            "speaker": .optionalString(speaker), "speaker_entity": .optionalString(speakerEntity),
            "speaker_mention": speakerMention?.json ?? .null, "cue": .optionalString(cue),
            "cue_span": cueSpan?.json ?? .null,
            "via": .optionalString(via), "via_entity": .optionalString(viaEntity),
        ])
    }

    public init(json: JSONValue) throws(RecordError) {
        guard let o = json.objectValue else { throw .wrongType(field: "quotes", expected: "an array of objects") }
        let span = try Span(json: json, field: "quotes[]")
        guard let t = o["type"]?.stringValue, let type = QuoteType(rawValue: t) else {
            throw .wrongType(field: "quotes[].type", expected: "direct, indirect or mixed")
        }
        var mention: Span? = nil
        if let m = o["speaker_mention"], !m.isNull { mention = try Span(json: m, field: "quotes[].speaker_mention") }
        var cueSpan: Span? = nil
        if let c = o["cue_span"], !c.isNull { cueSpan = try Span(json: c, field: "quotes[].cue_span") }
        self.init(span: span, type: type, speaker: o["speaker"]?.stringValue, speakerEntity: o["speaker_entity"]?.stringValue,
                  speakerMention: mention, cue: o["cue"]?.stringValue, cueSpan: cueSpan, via: o["via"]?.stringValue,
                  viaEntity: o["via_entity"]?.stringValue)
    }
}

/// An article with what `whosaid-extract` found in it.
public struct ExtractedArticle: Equatable, Sendable {
    public var article: Article
    public var entities: [Entity]
    public var quotes: [Quote]

    public init(article: Article, entities: [Entity], quotes: [Quote]) {
        self.article = article
        self.entities = entities
        self.quotes = quotes
    }

    public var json: JSONValue {
        var a = article
        a.extra["entities"] = .array(entities.map(\.json))
        a.extra["quotes"] = .array(quotes.map(\.json))
        return a.json(schema: Schema.extracted)
    }

    public init(json: JSONValue) throws(RecordError) {
        var article = try Article(json: json)
        var entities: [Entity] = []
        var quotes: [Quote] = []
        if let e = article.extra.removeValue(forKey: "entities"), !e.isNull {
            guard let items = e.arrayValue else { throw .wrongType(field: "entities", expected: "an array") }
            for item in items { entities.append(try Entity(json: item)) }
        }
        if let q = article.extra.removeValue(forKey: "quotes"), !q.isNull {
            guard let items = q.arrayValue else { throw .wrongType(field: "quotes", expected: "an array") }
            for item in items { quotes.append(try Quote(json: item)) }
        }
        self.init(article: article, entities: entities, quotes: quotes)
    }
}
