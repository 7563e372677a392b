import Foundation
import WhosaidCore

/// Article metadata, each field from the most trusted source that has it:
/// JSON-LD → OpenGraph / article:* meta → `<link rel=canonical>` → `<time>` → bylines → the URL.
struct ArticleMetadata: Equatable {
    var title: String?
    var authors: [String] = []
    var published: String?
    var site: String?
    var url: String?
    var language: String?
    /// `articleBody` of the page's JSON-LD, kept as a fallback when the page's HTML carries no body.
    var jsonLDBody: String?
}

/// What the page's JSON-LD says of its article.
struct JSONLDArticle {
    var headline: String?
    var authors: [String] = []
    var authorsAreOrganizations = false
    var datePublished: String?
    var publisher: String?
    var url: String?
    var language: String?
    var body: String?

    /// Types that describe the page's article (schema.org Article and its news subtypes).
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
        "webpage", "scholarlyarticle", "techarticle", "report",
    ]

    /// Reads every JSON-LD script and keeps the best article object (news types before plain WebPage).
    static func read(_ scripts: [[UInt8]]) -> JSONLDArticle? {
        var best: (rank: Int, object: [String: JSONValue])?
        for script in scripts {
            guard let value = parseLenient(script) else { continue }
            var queue: [JSONValue] = [value]
            var visited = 0
            while let item = queue.popLast(), visited < 200 {
                visited += 1
                if let array = item.arrayValue { queue.append(contentsOf: array.reversed()); continue }
                guard let object = item.objectValue else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                let types = typeNames(object["@type"])
                var rank = 0
                for t in types where articleTypes.contains(t) {
                    rank = max(rank, t == "webpage" ? 1 : (t.hasSuffix("newsarticle") ? 4 : 3))
                }
                if rank > 0, rank > (best?.rank ?? 0) { best = (rank, object) }
                if let main = object["mainEntity"], main.objectValue != nil { queue.append(main) }
            }
        }
        guard let object = best?.object else { return nil }
        var a = JSONLDArticle()
        a.headline = object["headline"]?.stringValue ?? object["name"]?.stringValue
        (a.authors, a.authorsAreOrganizations) = names(object["author"] ?? object["creator"])
        a.datePublished = object["datePublished"]?.stringValue ?? object["dateCreated"]?.stringValue
        if let publisher = object["publisher"] { a.publisher = names(publisher).0.first }
        a.url = object["url"]?.stringValue ?? object["mainEntityOfPage"]?.stringValue
            ?? object["mainEntityOfPage"]?["@id"]?.stringValue
        a.language = object["inLanguage"]?.stringValue
        a.body = object["articleBody"]?.stringValue
        return a
    }

    static func typeNames(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        if let s = value.stringValue { return [s.lowercased()] }
        return (value.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() }
    }

    /// Names from a string, a Person/Organization object, or an array of either.
    static func names(_ value: JSONValue?) -> ([String], organizations: Bool) {
        guard let value else { return ([], false) }
        var out: [String] = []
        var organizations = false
        var items = value.arrayValue ?? [value]
        if items.count > 20 { items = Array(items.prefix(20)) }
        for item in items {
            if let s = item.stringValue { out.append(s); continue }
            guard let o = item.objectValue else { continue }
            if typeNames(o["@type"]).contains("organization") || typeNames(o["@type"]).contains("newsmediaorganization") {
                organizations = true
            }
            if let name = o["name"]?.stringValue { out.append(name) }
            else if let name = o["name"]?.arrayValue?.first?.stringValue { out.append(name) }
        }
        return (out, organizations)
    }

    /// Parses a JSON-LD script, tolerating what pages put around and inside it (comment markers,
    /// raw newlines and tabs inside strings, a trailing semicolon).
    static func parseLenient(_ script: [UInt8]) -> JSONValue? {
        guard let first = script.firstIndex(where: { $0 == 0x7B || $0 == 0x5B }),
              let last = script.lastIndex(where: { $0 == 0x7D || $0 == 0x5D }), first < last else { return nil }
        var bytes = Array(script[first...last])
        for i in bytes.indices where bytes[i] < 0x20 { bytes[i] = 0x20 }
        return try? JSONValue.parse(bytes)
    }
}

enum MetadataReader {
    static func read(_ page: PageModel, documentURL: String?, fetchDate: String?) -> ArticleMetadata {
        let ld = JSONLDArticle.read(page.jsonLD)
        let meta = page.meta
        var m = ArticleMetadata()

        // URL: canonical link, og:url, JSON-LD, then where the page came from. Relative links resolve
        // against the document URL.
        let base = documentURL.flatMap(absoluteHTTP)
        for candidate in [page.canonical, meta["og:url"], ld?.url, documentURL] {
            guard let c = candidate?.trimmed, !c.isEmpty else { continue }
            if let abs = absoluteHTTP(c) { m.url = abs; break }
            if let base, let resolved = resolve(c, against: base) { m.url = resolved; break }
        }

        m.site = [ld?.publisher, meta["og:site_name"], meta["application-name"], meta["twitter:site"].map { $0.hasPrefix("@") ? "" : $0 }]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
        if m.site == nil, let host = (m.url ?? base).flatMap(hostOf) {
            m.site = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }

        let rawTitle = [ld?.headline, meta["og:title"], meta["twitter:title"], page.titleTag, page.headings1.first]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
        m.title = rawTitle.map { stripSiteSuffix($0, site: m.site, host: (m.url ?? base).flatMap(hostOf)) }

        var authors = ld.map { $0.authorsAreOrganizations && $0.authors.allSatisfy { $0 == ld?.publisher } ? [] : $0.authors } ?? []
        authors = Bylines.clean(authors.flatMap(Bylines.split), site: m.site)
        if authors.isEmpty {
            for key in ["article:author", "author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                        "dcterms.creator", "citation_author", "twitter:creator:name"] {
                guard let v = meta[key], !v.hasPrefix("http"), !v.hasPrefix("@") else { continue }
                authors = Bylines.clean(Bylines.split(v), site: m.site)
                if !authors.isEmpty { break }
            }
        }
        if authors.isEmpty {
            for line in page.bylines {
                authors = Bylines.clean(Bylines.split(line), site: m.site)
                if !authors.isEmpty { break }
            }
        }
        m.authors = authors

        let dateCandidates: [String?] = [
            ld?.datePublished, meta["article:published_time"], meta["og:article:published_time"],
            meta["datepublished"], meta["publishdate"], meta["publish-date"], meta["pubdate"], meta["parsely-pub-date"],
            meta["sailthru.date"], meta["dc.date.issued"], meta["dcterms.created"], meta["dc.date"], meta["date"],
            meta["article.published"], meta["publication_date"],
            page.times.first { $0.published }?.value, page.times.first?.value,
        ]
        // Printed dates in elements named for publishing come last: sidebars print other stories' dates
        // in elements named the same way, so they are read only when the page says nothing else.
        m.published = dateCandidates.lazy.compactMap { $0.flatMap(Dates.normalize) }.first
            ?? (m.url ?? documentURL).flatMap(Dates.fromURL)
            ?? page.dateTexts.lazy.compactMap(Dates.textual).first
            ?? fetchDate.flatMap(Dates.normalize)

        let lang = [page.htmlLang, ld?.language, meta["og:locale"], meta["content-language"], meta["language"]]
            .compactMap { $0 }.first { !$0.trimmed.isEmpty }
        m.language = lang.map(languageCode)
        m.jsonLDBody = ld?.body
        return m
    }

    static func clean(_ s: String) -> String { TextCleaner.clean(TextCleaner.collapseWhitespace(decodeEntities(s))) }

    /// JSON-LD and meta values are sometimes entity-encoded twice; undo the common ones.
    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        var out = s
        for (entity, char) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&#039;", "'"), ("&apos;", "'"),
                               ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&#8217;", "’"), ("&#8216;", "‘"),
                               ("&#8220;", "“"), ("&#8221;", "”"), ("&#x27;", "'"), ("&rsquo;", "’"), ("&lsquo;", "‘"),
                               ("&ldquo;", "“"), ("&rdquo;", "”"), ("&mdash;", "—"), ("&ndash;", "–")] {
            out = out.replacingAll(entity, with: char)
        }
        return out
    }

    /// "Title | Site", "Title - Site", "Site: Title" → "Title", when the other part is the site's name
    /// or the page's host, or a short tail like a section name.
    static func stripSiteSuffix(_ title: String, site: String?, host: String?) -> String {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "]
        var best = title
        for sep in separators {
            guard let range = title.rangeOfLast(sep) else { continue }
            let head = String(title[..<range.lowerBound]).trimmed
            let tail = String(title[range.upperBound...]).trimmed
            if head.isEmpty { continue }
            if looksLikeSite(tail, site: site, host: host) || (tail.wordCount <= 3 && head.wordCount >= 4) {
                best = stripSiteSuffix(head, site: site, host: host)
                break
            }
        }
        if best == title, let site, title.lowercased().hasPrefix(site.lowercased() + ": ") {
            best = String(title.dropFirst(site.count + 2))
        }
        // A section name in front: "Opinion | Title".
        if let range = best.firstRange(of: " | ") {
            let head = String(best[..<range.lowerBound]).trimmed
            let tail = String(best[range.upperBound...]).trimmed
            if head.wordCount <= 2, tail.wordCount >= 4 { best = tail }
        }
        return best
    }

    static func looksLikeSite(_ part: String, site: String?, host: String?) -> Bool {
        let p = squash(part)
        if p.isEmpty { return false }
        if let site, !site.isEmpty, squash(site) == p || squash(site).contains(p) || p.contains(squash(site)) { return true }
        if let host {
            let h = squash(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
            if h.hasPrefix(p) || h.contains(p) || p.contains(h) { return true }
        }
        return false
    }

    static func squash(_ s: String) -> String { String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init)) }

    static func languageCode(_ raw: String) -> String {
        let t = raw.trimmed.lowercased()
        let primary = t.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? t
        return primary
    }

    static func absoluteHTTP(_ s: String) -> String? {
        let l = s.lowercased()
        if l.hasPrefix("http://") || l.hasPrefix("https://") { return s }
        if l.hasPrefix("//") { return "https:" + s }
        return nil
    }

    static func hostOf(_ url: String) -> String? {
        guard let r = url.firstRange(of: "://") else { return nil }
        let rest = url[r.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }

    static func resolve(_ relative: String, against base: String) -> String? {
        guard let r = base.firstRange(of: "://") else { return nil }
        let afterScheme = base[r.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let origin = String(base[..<hostEnd])
        if relative.hasPrefix("/") { return origin + relative }
        return nil
    }
}

/// Reading author names out of bylines: "By Jane Doe and John Roe, Reuters | Updated 3 May 2020".
enum Bylines {
    /// A byline is a line or two; an element named "author" can hold a whole biography. Only its first
    /// bytes are read, ended at the last separator before the cut so no name is read half.
    static let longestByline = 400

    static func split(_ line: String) -> [String] {
        var s = TextCleaner.collapseWhitespace(shortened(line))
        // Cut at the first mark of what follows a byline: a date, an update note, a separator.
        for stop in [" | ", " Updated", " UPDATED", " Published", " PUBLISHED", " Posted", " on ", "\u{2022}", " - ", " — ",
                     " – ", "Follow", " Last updated", " Email", "@"] {
            if let r = s.firstRange(of: stop), r.lowerBound != s.startIndex { s = String(s[..<r.lowerBound]) }
        }
        var parts: [String] = []
        for piece in s.replacingAll(" and ", with: ",").replacingAll(" & ", with: ",").replacingAll(";", with: ",")
            .split(separator: ",") {
            parts.append(contentsOf: splitAtSentenceEnds(String(piece)))
        }
        return parts
    }

    static func shortened(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > longestByline else { return line }
        var cut = longestByline
        // Not inside a UTF-8 sequence.
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        let head = String(decoding: bytes[..<cut], as: UTF8.self)
        // The last separator of any kind; without one, the last whole word.
        let ends = [" | ", ", ", ";", " and ", " & "].compactMap { head.range(of: $0, options: .backwards)?.lowerBound }
        if let end = ends.max() { return String(head[..<end]) }
        if let space = head.range(of: " ", options: .backwards) { return String(head[..<space.lowerBound]) }
        return head
    }

    /// "Finian Cunningham. Sputnik International" is a name and the outlet: a full stop after a word of
    /// three or more letters ends the name ("John F. Kennedy" and "Jr." are left whole).
    static func splitAtSentenceEnds(_ piece: String) -> [String] {
        let scalars = Array(piece.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var wordLength = 0
        for (i, c) in scalars.enumerated() {
            if c.properties.isAlphabetic { wordLength += 1; continue }
            // ("Jr." and initials are shorter than three letters.)
            if c == ".", wordLength >= 3, i + 1 < scalars.count, scalars[i + 1] == " " {
                parts.append(String(String.UnicodeScalarView(scalars[start..<i])))
                start = i + 1
            }
            wordLength = 0
        }
        parts.append(String(String.UnicodeScalarView(scalars[start...])))
        return parts
    }

    /// Words that make a byline part an organisation or a role rather than a person.
    static let organisationWords: Set<String> = ["news", "bureau", "desk", "staff", "editorial", "team", "weekly",
                                                 "daily", "media", "network", "service", "services", "agency",
                                                 "magazine", "online", "digital", "group", "inc", "ltd", "llc",
                                                 "international", "radio", "television", "tv", "broadcasting",
                                                 "newspaper", "wire"]

    static let prefixes = ["by ", "written by ", "words by ", "reporting by ", "story by ", "text by ", "from ", "author: ", "authors: "]
    /// What a byline may put before "by" for the article's author: "Analysis by Jane Doe".
    static let authorLabels: Set<String> = ["analysis", "opinion", "commentary", "review", "interview", "essay",
                                            "column", "words", "story", "report", "reported", "posted", "text"]
    /// Labels before "by" for other work, whose names are not the article's authors: "photographs by",
    /// "reviewed by" (a medical reviewer).
    static let otherWorkLabels: Set<String> = ["photo", "photos", "photograph", "photographs", "pictures", "video",
                                               "videos", "illustration", "illustrations", "graphics", "edited",
                                               "reviewed", "produced", "compiled", "additional reporting"]
    static let notNames: Set<String> = ["staff", "admin", "editor", "editors", "the editors", "news desk", "web desk",
                                        "associated press", "ap", "reuters", "afp", "staff writer", "contributor", "guest",
                                        "the associated press", "press trust of india", "agence france-presse", "the canadian press"]
    /// Words (split at spaces and hyphens) that make a byline part a job rather than a name:
    /// "CNN Editor-at-large", "Senior Correspondent".
    /// (Words that are surnames too, "Senior", "Host", "Chief", "Press", are left out.)
    static let roleWords: Set<String> = ["editor", "reporter", "correspondent", "writer", "columnist", "contributor",
                                         "producer", "analyst", "photographer", "assistant", "deputy", "managing",
                                         "freelance", "intern"]

    /// Keeps the parts that read as people's names (2–5 words, capitalised, no digits or URLs).
    static func clean(_ raw: [String], site: String?) -> [String] {
        var out: [String] = []
        for r in raw {
            var s = MetadataReader.clean(r)
            var lowered = s.lowercased()
            var stripped = true
            while stripped {
                stripped = false
                for p in prefixes where lowered.hasPrefix(p) {
                    s = String(s.dropFirst(p.count)).trimmed
                    lowered = s.lowercased()
                    stripped = true
                }
            }
            // "Analysis by Jane Doe"; not "Photographs by Jane Doe".
            if let by = lowered.firstRange(of: " by ") {
                let label = String(lowered[..<by.lowerBound])
                if otherWorkLabels.contains(label) { continue }
                if authorLabels.contains(label) {
                    let cut = lowered.distance(from: lowered.startIndex, to: by.upperBound)
                    s = String(s.dropFirst(cut)).trimmed
                    lowered = s.lowercased()
                }
            }
            // A one-word label before a colon: "Text: Jane Doe", "Reporter: Jane Doe".
            if let colon = s.firstIndex(of: ":"), s[..<colon].count <= 12, !s[..<colon].contains(" ") {
                s = String(s[s.index(after: colon)...]).trimmed
                lowered = s.lowercased()
            }
            // Agencies and weekdays glued to the name: "Tom Davies Associated Press", "Jane Doe Monday".
            for tail in ["associated press", "reuters", "afp", "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "sunday"] where lowered.hasSuffix(tail) && lowered.count > tail.count + 2 {
                s = String(s.dropLast(tail.count)).trimmed
                lowered = s.lowercased()
            }
            if lowered == "by" || s.isEmpty { continue }
            if lowered.hasPrefix("the ") { continue }
            let lowerWords = Set(lowered.split(separator: " ").map(String.init))
            if !lowerWords.isDisjoint(with: organisationWords) { continue }
            if lowered.split(whereSeparator: { $0 == " " || $0 == "-" }).contains(where: { roleWords.contains(String($0)) }) { continue }
            if s.contains("."), let last = s.split(separator: ".").last, ["com", "org", "net", "co", "uk", "in"].contains(last.lowercased()) { continue }
            if let site {
                let a = MetadataReader.squash(s), b = MetadataReader.squash(site)
                if !a.isEmpty, b.contains(a) || a.contains(b) { continue }
            }
            // Job titles after the name: "Jane Doe, Senior Reporter" was split at the comma already;
            // drop parts that are titles or the outlet.
            if notNames.contains(lowered) { continue }
            if let site, lowered == site.lowercased() { continue }
            if s.contains("http") || s.contains("/") || s.contains("@") || s.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { continue }
            let words = s.split(separator: " ")
            guard words.count >= 1 && words.count <= 5 else { continue }
            // Every word capitalised or a particle ("Jean de La Fontaine").
            guard words.allSatisfy({ w in (w.first.map { $0.isUppercase } ?? false)
                || ["de", "van", "von", "der", "da", "del", "la", "le", "bin", "al"].contains(w.lowercased()) }) else { continue }
            let name = words.allSatisfy({ $0 == $0.uppercased() }) && s.count > 3 ? titleCased(s) : s
            if !out.contains(name) { out.append(name) }
        }
        // A single word in a byline is an outlet, an agency's initials or a dateline far more often than a
        // person's whole name ("PTI", "Washington", "The").
        out.removeAll { !$0.contains(" ") }
        return out
    }

    static func titleCased(_ s: String) -> String {
        s.split(separator: " ").map { w in w.prefix(1).uppercased() + w.dropFirst().lowercased() }.joined(separator: " ")
    }
}

/// Publication dates as ISO 8601: "2019-11-19", "2019-11-19T09:00:00Z", "2019-11-19T04:00:00-05:00".
enum Dates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func normalize(_ raw: String) -> String? {
        let s = Array(raw.trimmed.utf8)
        if let iso = isoLike(s) { return iso }
        return textual(raw)
    }

    /// "YYYY-MM-DD" with an optional time "[T ]HH:MM[:SS[.fff]]" and zone "Z", "±HH[:]MM" or " GMT"/" UTC".
    static func isoLike(_ s: [UInt8]) -> String? {
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= s.count else { return nil }
            var v = 0
            for i in at..<(at + n) { guard s[i] >= 0x30 && s[i] <= 0x39 else { return nil }; v = v * 10 + Int(s[i] - 0x30) }
            return v
        }
        guard let y = digits(0, 4), s.count >= 10, s[4] == 0x2D || s[4] == 0x2F, let mo = digits(5, 2), s[7] == s[4], let d = digits(8, 2),
              (1990...2100).contains(y), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        let date = pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2)
        var i = 10
        guard i < s.count, s[i] == 0x54 || s[i] == 0x20 || s[i] == 0x74, let h = digits(i + 1, 2), i + 3 < s.count, s[i + 3] == 0x3A,
              let mi = digits(i + 4, 2), h < 24, mi < 60 else { return date }
        i += 6
        var sec = 0
        if i + 2 < s.count + 1, i < s.count, s[i] == 0x3A, let se = digits(i + 1, 2), se < 61 { sec = se; i += 3 }
        if i < s.count, s[i] == 0x2E || s[i] == 0x2C { i += 1; while i < s.count, s[i] >= 0x30 && s[i] <= 0x39 { i += 1 } }
        while i < s.count, s[i] == 0x20 { i += 1 }
        let time = "T" + pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(sec, 2)
        if i >= s.count { return date + time }
        let rest = String(decoding: s[i...], as: UTF8.self).uppercased()
        if rest.hasPrefix("Z") || rest.hasPrefix("GMT") || rest.hasPrefix("UTC") {
            if rest.count == 1 || rest.count == 3 { return date + time + "Z" }
        }
        if s[i] == 0x2B || s[i] == 0x2D, let zh = digits(i + 1, 2), zh <= 14 {
            var j = i + 3
            if j < s.count, s[j] == 0x3A { j += 1 }
            let zm = digits(j, 2) ?? 0
            if zh == 0 && zm == 0 { return date + time + "Z" }
            return date + time + (s[i] == 0x2B ? "+" : "-") + pad(zh, 2) + ":" + pad(zm, 2)
        }
        return date + time
    }

    /// "November 19, 2019", "19 Nov 2019", "Tue, 19 Nov 2019 09:00:00 GMT", "Updated 10:30 AM ET, Tue
    /// November 19, 2019" → the date. The month is a whole word (a full name or its usual abbreviation, so
    /// not "Marketing"); the day is the number written next to it; numbers of a clock time ("10:30",
    /// "9 a.m.") are never the day.
    static func textual(_ raw: String) -> String? {
        let lowered = Array(raw.lowercased().unicodeScalars)
        // Words of letters or digits, with the characters around them.
        var words: [(text: String, before: Unicode.Scalar?, after: Unicode.Scalar?)] = []
        var i = 0
        while i < lowered.count {
            guard isWordScalar(lowered[i]) else { i += 1; continue }
            let start = i
            while i < lowered.count, isWordScalar(lowered[i]) { i += 1 }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: lowered[start..<i])
            words.append((String(text), start > 0 ? lowered[start - 1] : nil, i < lowered.count ? lowered[i] : nil))
        }
        var month: (index: Int, value: Int)?
        var year: Int?
        for (k, w) in words.enumerated() {
            if month == nil, let m = monthNumber(w.text) { month = (k, m) }
            if year == nil, w.text.count == 4, let n = Int(w.text), (1990...2100).contains(n) { year = n }
        }
        guard let month, let year else { return nil }
        func day(at k: Int) -> Int? {
            guard words.indices.contains(k) else { return nil }
            let w = words[k]
            // Ordinal days: "November 18th".
            let digits = w.text.count >= 3 && ["st", "nd", "rd", "th"].contains(String(w.text.suffix(2))) ? String(w.text.dropLast(2)) : w.text
            guard digits.count <= 2, let n = Int(digits), (1...31).contains(n) else { return nil }
            if w.before == ":" || w.after == ":" { return nil }
            if words.indices.contains(k + 1), ["am", "pm", "a", "p"].contains(words[k + 1].text) { return nil }
            return n
        }
        guard let d = day(at: month.index + 1) ?? day(at: month.index - 1) else { return nil }
        return pad(year, 4) + "-" + pad(month.value, 2) + "-" + pad(d, 2)
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) }

    /// "november", "nov", "nov." and "sept" → 11, 11, 11, 9.
    static func monthNumber(_ word: String) -> Int? {
        if let m = monthNames.firstIndex(of: word) { return m + 1 }
        if word == "sept" { return 9 }
        if word.count == 3, let m = months.firstIndex(of: word) { return m + 1 }
        return nil
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// A full date in the URL path ("/2019/11/19/"); a bare "/2019/11/" is not taken for a day.
    static func fromURL(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        for i in 0..<(parts.count - 2) {
            if parts[i].count == 4, let y = Int(parts[i]), (1990...2100).contains(y),
               parts[i + 1].count == 2, let m = Int(parts[i + 1]), (1...12).contains(m),
               parts[i + 2].count == 2, let d = Int(parts[i + 2]), (1...31).contains(d) {
                return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
            }
        }
        return nil
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension String {
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    var wordCount: Int { split(separator: " ").count }

    func rangeOfLast(_ needle: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var from = startIndex
        while let r = firstRange(of: needle, from: from) { found = r; from = r.upperBound }
        return found
    }

    /// The first occurrence of `needle` at or after `from`, compared byte by byte: Foundation's
    /// `range(of:)` compares by Unicode equivalence and costs far more on the per-page hot path.
    func firstRange(of needle: String, from: String.Index? = nil) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        let bytes = utf8
        var i = from ?? bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == first {
                var j = i, k = 0
                while k < n.count, j != bytes.endIndex, bytes[j] == n[k] { j = bytes.index(after: j); k += 1 }
                if k == n.count { return i..<j }
            }
            i = bytes.index(after: i)
        }
        return nil
    }

    func replacingAll(_ needle: String, with replacement: String) -> String {
        guard var r = firstRange(of: needle) else { return self }
        var out = ""
        var from = startIndex
        while true {
            out += self[from..<r.lowerBound]
            out += replacement
            from = r.upperBound
            guard let next = firstRange(of: needle, from: from) else { break }
            r = next
        }
        out += self[from...]
        return out
    }
}
