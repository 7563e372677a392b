import WhosaidCore

/// How the `whosaid` command shows results to a person (programs use --json).
public enum TextReport {
    /// A cell on one line: line breaks and other control characters become spaces.
    static func cell(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Columns padded to their widest cell; columns named in `rightAligned` (numbers) align right.
    public static func table(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let cells = ([headers] + rows).map { $0.map(cell) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - c.count)
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + c : (i == row.count - 1 ? c : c + pad)
            }
            out += line + "\n"
            if r == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    public static func speakers(_ rows: [SpeakerRow]) -> String {
        table(headers: ["#", "name", "type", "quotes", "articles", "outlets", "role"],
              rows: rows.enumerated().map { i, r in
                  [String(i + 1), r.name, r.type, String(r.quotes), String(r.articles), String(r.outlets), r.role ?? ""]
              },
              rightAligned: [0, 3, 4, 5])
    }

    /// One block per quote: who, credited to whom, where; then the words.
    public static func quotes(_ rows: [QuoteRow]) -> String {
        var out = ""
        for r in rows {
            var head = r.speaker ?? "(unknown speaker)"
            if let cue = r.cue { head += " " + cue }
            head += " [\(r.type)]"
            if let via = r.via { head += ", via " + via }
            var source: [String] = []
            if let site = r.site { source.append(site) }
            if let published = r.published { source.append(published) }
            source.append("article " + r.article)
            out += cell(head) + " — " + cell(source.joined(separator: ", ")) + "\n"
            out += "    “" + cell(r.text) + "”\n"
        }
        return out
    }

    public static func article(_ record: ExtractedArticle) -> String {
        let a = record.article
        var out = (a.title.map(cell) ?? "(untitled)") + "\n"
        for (label, value) in [("id", a.id as String?), ("site", a.site), ("published", a.published), ("url", a.url),
                               ("authors", a.authors.isEmpty ? nil : a.authors.joined(separator: ", ")), ("source", a.source)] {
            if let value, !value.isEmpty { out += "  \(label): \(cell(value))\n" }
        }
        out += "\nEntities (\(record.entities.count)):\n"
        out += table(headers: ["id", "name", "type", "mentions", "role", "aliases"], rows: record.entities.map { e in
            [e.id, e.name + (e.isOutlet ? " (outlet)" : ""), e.type.rawValue, String(e.mentions.count), e.role ?? "",
             e.aliases.joined(separator: "; ")]
        }, rightAligned: [3])
        out += "\nQuotes (\(record.quotes.count)):\n"
        for q in record.quotes {
            var head = q.speaker ?? "(unknown speaker)"
            if let cue = q.cue { head += " " + cue }
            head += " [\(q.type.rawValue)]"
            if let via = q.via { head += ", via " + via }
            out += cell(head) + "\n    “" + cell(q.span.text) + "”\n"
        }
        return out
    }
}
