import Language
import WhosaidCore

/// Groups an article's mentions into one entity per real-world thing and attaches people's roles.
///
/// - People: a mention whose words are the end (or the first word) of a fuller name joins it ("Blinken" →
///   "Antony Blinken"), the most recently named such person winning a tie.
/// - Countries: the forms of `gpe-aliases.tsv` are one country ("US", "U.S.", "United States"); a capital
///   used as its government ("Washington was encouraged", "Moscow said") joins its country when the article
///   names that country.
/// - Organisations: an acronym joins the name it abbreviates ("UNGA" and "United Nations General Assembly").
/// - The name is the fullest form; the other forms, and the role nouns that point to a person ("the
///   secretary"), are aliases.
struct EntityGrouper {
    let lexicons: Lexicons
    let text: ScalarText
    let tokens: [Token]
    let sentences: [Sentence]
    /// Each token's case-folded word hash, when the caller has them (empty: the role finder computes them).
    var words: [UInt64] = []

    final class Group {
        var type: EntityType
        var mentions: [Mention] = []
        var forms: [String] = []
        var words: [String] = []  // the fullest form's words, for people
        var key: String
        var role: String?
        var isOutlet = false
        var extraAliases: [String] = []
        init(type: EntityType, key: String) { self.type = type; self.key = key }
    }

    func group(_ mentions: [Mention]) -> [Entity] {
        var groups: [Group] = []
        var byKey: [String: Group] = [:]
        let countryNamed = Set(mentions.filter { $0.type == .gpe }.map { canonicalGPE(surface($0)) })
        for m in mentions {
            let form = surface(m)
            let folded = form.lowercased()
            var target: Group? = nil
            switch m.type {
            case .person:
                let words = form.split(separator: " ").map(String.init)
                if let g = byKey["PERSON|" + folded] { target = g; break }
                // A shorter form of a known person, most recent first.
                for g in groups.reversed() where g.type == .person && isShortForm(words, of: g.words) { target = g; break }
                if target == nil {
                    // A fuller form of a known person: the group takes the new, fuller name.
                    for g in groups.reversed() where g.type == .person && isShortForm(g.words, of: words) { target = g; break }
                }
                if let g = target, words.count > g.words.count { g.words = words }
            case .gpe:
                var key = canonicalGPE(form)
                if let country = lexicons.capitalOf[folded], countryNamed.contains(country), usedAsGovernment(m) {
                    key = country
                }
                target = byKey["GPE|" + key.lowercased()]
                if target == nil { let g = Group(type: .gpe, key: "GPE|" + key.lowercased()); byKey[g.key] = g; groups.append(g); target = g }
            case .org:
                target = byKey["ORG|" + folded]
                if target == nil {
                    for g in groups where g.type == .org {
                        if let name = g.forms.first, isAcronym(form, of: name) || isAcronym(name, of: form) { target = g; break }
                    }
                }
            case .loc, .norp:
                target = byKey[m.type.rawValue + "|" + folded]
            }
            let g: Group
            if let target { g = target } else {
                g = Group(type: m.type, key: m.type.rawValue + "|" + folded)
                if m.type == .person { g.words = form.split(separator: " ").map(String.init) }
                groups.append(g)
            }
            byKey[m.type.rawValue + "|" + folded] = g
            g.mentions.append(m)
            if !g.forms.contains(form) { g.forms.append(form) }
            if m.isOutlet { g.isOutlet = true }
        }
        // Roles.
        let roles = RoleFinder(lexicons: lexicons, text: text, tokens: tokens, sentences: sentences, mentions: mentions, words: words)
        for g in groups where g.type == .person {
            for m in g.mentions {
                if let r = roles.role(of: m) { g.role = r; break }
            }
        }
        // Role nouns ("the secretary") as aliases of the person whose role they name.
        var result = entities(groups)
        for (phrase, offset) in roles.roleNounPhrases() {
            if let e = EntityRecognizer.entity(forRoleNoun: phrase, before: offset, in: result),
               let index = result.firstIndex(where: { $0.id == e.id }), !result[index].aliases.contains(phrase) {
                result[index].aliases.append(phrase)
            }
        }
        return result
    }

    private func entities(_ groups: [Group]) -> [Entity] {
        groups.filter { !$0.mentions.isEmpty }.enumerated().map { k, g in
            let name = fullest(g)
            var aliases = g.forms.filter { $0 != name }
            aliases.append(contentsOf: g.extraAliases.filter { !aliases.contains($0) })
            let spans = g.mentions.map { m in
                m.end - m.first == 1 ? Span(start: tokens[m.first].start, end: tokens[m.first].end, text: tokens[m.first].text)
                    : text.span(tokens[m.first].start, tokens[m.end - 1].end)
            }
            return Entity(id: "E\(k + 1)", name: name, type: g.type, role: g.role, aliases: aliases, isOutlet: g.isOutlet, mentions: spans)
        }
    }

    /// The fullest form: most words, then most characters, then first seen.
    private func fullest(_ g: Group) -> String {
        if g.type == .person, !g.words.isEmpty, g.forms.contains(g.words.joined(separator: " ")) { return g.words.joined(separator: " ") }
        var best = g.forms[0]
        for f in g.forms.dropFirst() {
            let fw = f.split(separator: " ").count, bw = best.split(separator: " ").count
            if fw > bw || (fw == bw && f.count > best.count) { best = f }
        }
        return best
    }

    func surface(_ m: Mention) -> String {
        // Inner whitespace (a line break inside a name) becomes one space.
        var out = ""
        for k in m.first..<m.end {
            if k > m.first, tokens[k].start > tokens[k - 1].end { out += " " }
            out += tokens[k].text
        }
        return out
    }

    func canonicalGPE(_ form: String) -> String { lexicons.gpeCanonical[form.lowercased()] ?? form }

    /// Words of a shorter name that are the end of the fuller one ("Blinken" of "Antony Blinken").
    func isShortForm(_ short: [String], of full: [String]) -> Bool {
        guard !short.isEmpty, short.count < full.count else { return false }
        if Array(full.suffix(short.count)) == short { return true }
        return false
    }

    /// "UNGA" for "United Nations General Assembly": the capitals of the name's capitalised words.
    func isAcronym(_ short: String, of long: String) -> Bool {
        guard short.count >= 2, short.count <= 8, short.allSatisfy({ $0.isUppercase || $0 == "." }) else { return false }
        let letters = short.filter(\.isLetter)
        let initials = long.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { w -> Character? in
            guard let c = w.first, c.isUppercase else { return nil }
            return c
        }
        return initials.count >= 2 && String(initials) == letters
    }

    static let governmentVerbs: Set<String> = [
        "was", "is", "has", "had", "have", "would", "will", "said", "says", "wants", "wanted", "insisted", "accused",
        "urged", "warned", "denied", "announced", "responded", "rejected", "welcomed", "called", "condemned",
        "believes", "supports", "backed", "imposed", "must", "should", "could", "can", "and", "’s", "'s",
    ]

    /// A capital followed by a verb or a possessive reads as its government ("Washington was encouraged").
    func usedAsGovernment(_ m: Mention) -> Bool {
        guard m.end < tokens.count else { return false }
        let next = tokens[m.end].text.lowercased()
        if next == "," || next == "d.c." || next == "state" { return false }
        return EntityGrouper.governmentVerbs.contains(next)
    }
}
