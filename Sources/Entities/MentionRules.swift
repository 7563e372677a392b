import Language
import WhosaidCore

/// Turns the tagger's tags into clean mentions, and adds what the gazetteers know better than the tagger.
struct MentionRules {
    let lexicons: Lexicons
    let text: ScalarText
    let tokens: [Token]
    let infos: [TokenInfo]
    let sentenceStart: [Bool]

    static let determiners: Set<UInt64> = Set(["the", "a", "an"].map { WordHash.folded($0) })
    static let possessives: Set<UInt64> = Set(["'s", "’s", "'"].map { WordHash.folded($0) })

    mutating func apply(tags: [Int]) -> [Mention] {
        var mentions: [Mention] = []
        // 1. Spans from BIO tags.
        var i = 0
        while i < tags.count {
            let tag = tags[i]
            guard tag != TagSet.outside else { i += 1; continue }
            let type = TagSet.typeIndex(tag)
            var j = i + 1
            while j < tags.count, TagSet.isInside(tags[j]), TagSet.typeIndex(tags[j]) == type, !sentenceStart[j] { j += 1 }
            if let m = clean(Mention(first: i, end: j, type: TagSet.types[type])) { mentions.append(m) }
            i = j
        }
        // 2. Gazetteer phrases the tagger missed, and types the gazetteer knows better.
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for k in m.first..<m.end { covered[k] = true } }
        var k = 0
        while k < infos.count {
            guard infos[k].gazetteerBegins else { k += 1; continue }
            var end = k + 1
            while end < infos.count, !infos[end].gazetteerBegins, infos[end].gazetteer == infos[k].gazetteer, infos[end].gazetteer.rawValue != 0 { end += 1 }
            let kind = infos[k].gazetteer
            if kind == .team, !isTeamInContext(k, end) { k = end; continue }
            if kind.isSubset(of: [.city, .capital]) || kind == .city, end - k >= 2,
               let index = mentions.firstIndex(where: { $0.first == k && $0.end == end && ($0.type == .org || $0.type == .person) }) {
                // A city of two or more words the tagger took for an organisation or a person ("El Paso").
                mentions[index].type = .gpe
            }
            if let type = MentionRules.strongType(kind) {
                let outlet = kind.contains(.outlet)
                if let index = mentions.firstIndex(where: { $0.first == k && $0.end == end }) {
                    // The same span: the list decides its type (countries are GPE, outlets ORG...).
                    if !(kind.contains(.city) && mentions[index].type != .loc) {
                        mentions[index].type = type
                    }
                    mentions[index].isOutlet = outlet
                } else if let index = mentions.firstIndex(where: { $0.first == k && $0.end > end && $0.end - end <= 3 }), infos[end].firstName,
                          isNameLike(k, end), (end..<mentions[index].end).allSatisfy({ isNameWord($0) }) {
                    // A listed name and a person run together ("European Union Gordon Sondland"): two mentions.
                    let personEnd = mentions[index].end
                    mentions[index] = Mention(first: k, end: end, type: type, isOutlet: outlet)
                    mentions.append(Mention(first: end, end: personEnd, type: .person))
                } else if isNameLike(k, end), !mentions.contains(where: { $0.first < end && k < $0.end && ($0.first < k || $0.end > end) }) {
                    // Tagger fragments inside a listed phrase ("South" of "South Dakota") give way to it.
                    mentions.removeAll { $0.first >= k && $0.end <= end }
                    mentions.append(Mention(first: k, end: end, type: type, isOutlet: outlet))
                    for c in k..<end { covered[c] = true }
                }
            }
            k = end
        }
        // A tagged span that is exactly a known outlet is one.
        for index in mentions.indices where mentions[index].type == .org && !mentions[index].isOutlet {
            if lexicons.isOutlet(text.slice(tokens[mentions[index].first].start, tokens[mentions[index].end - 1].end)) {
                mentions[index].isOutlet = true
            }
        }
        mentions.removeAll { isPartOfARole($0) }
        mentions.sort { $0.first < $1.first }
        mentions = patterns(mentions)
        mentions = unlistedLocations(mentions)
        mentions = propagate(mentions)
        // The name patterns may read a title's words as a name again ("Head of Research": titled "Research").
        mentions.removeAll { isPartOfARole($0) }
        return mentions
    }

    static let particles: Set<UInt64> = Set(["van", "de", "der", "von", "den", "da", "di", "du", "le", "la", "bin", "al", "el", "dos", "del", "ter"].map { WordHash.folded($0) })
    static let connectors: Set<UInt64> = Set(["of", "for", "&", "on", "the"].map { WordHash.folded($0) })
    static let blockingKinds: LexiconKind = [.country, .demonym, .organization, .outlet, .region, .gpeAlias]

    /// A capitalised word that can be part of a personal name.
    func isNameWord(_ k: Int) -> Bool {
        let i = infos[k]
        guard i.capitalized, i.hasLetter, !i.title, !i.role, !i.nonEntity, !lexicons.orgSuffixes.contains(i.word) else { return false }
        if RoleFinder.modifiers.contains(i.word) || lexicons.functionWords.contains(i.word) { return false }
        if i.gazetteer.rawValue & MentionRules.blockingKinds.rawValue != 0 { return false }
        return !i.allCaps || tokens[k].end - tokens[k].start <= 1
    }

    /// Replaces the mentions inside `first..<end` with one mention, unless a mention crosses its edges.
    func replace(_ mentions: inout [Mention], with m: Mention) {
        if mentions.contains(where: { $0.first < m.end && m.first < $0.end && ($0.first < m.first || $0.end > m.end) }) { return }
        if mentions.contains(where: { $0.first == m.first && $0.end == m.end && $0.type == m.type }) { return }
        mentions.removeAll { $0.first >= m.first && $0.end <= m.end }
        mentions.append(m)
    }

    /// Name patterns that hold across news: capitalised runs ending in an organisation word ("Indiana State
    /// Police", "International Court of Justice") are ORG; a title or role word before a capitalised run
    /// ("President Trump", "coach Bruce Boudreau", "Foreign Minister Ayman Safadi") and a known first name
    /// starting one ("Barack Obama") make a PERSON.
    func patterns(_ found: [Mention]) -> [Mention] {
        var mentions = found
        var k = 0
        while k < tokens.count {
            guard infos[k].capitalized, infos[k].hasLetter else { k += 1; continue }
            // The capitalised run from k, with connectors and particles inside it.
            var end = k + 1
            while end < tokens.count, !sentenceStart[end] {
                // Days and months end a name ("the House Intelligence Committee Tuesday").
                if MentionRules.weekdays.contains(infos[end].word) { break }
                if infos[end].capitalized && (infos[end].hasLetter || tokens[end].text == "&") { end += 1; continue }
                if (MentionRules.connectors.contains(infos[end].word) || MentionRules.particles.contains(infos[end].word)),
                   end + 1 < tokens.count, !sentenceStart[end + 1], infos[end + 1].capitalized { end += 2; continue }
                break
            }
            var a = k
            while a < end, MentionRules.determiners.contains(infos[a].word) { a += 1 }
            guard a + 1 < end || (a < end && a > 0) else { k = end; continue }
            // A lone word in camel case ("SpaceX", "BamTech") is a company's name.
            if end - k == 1, isCamelCase(k), infos[k].gazetteer.rawValue == 0,
               !mentions.contains(where: { $0.first <= k && k < $0.end && $0.type == .person }) {
                replace(&mentions, with: Mention(first: k, end: k + 1, type: .org))
                k = end
                continue
            }
            // ORG: a place and a team's nickname ("Minnesota Wild", "Golden State Warriors", "Toronto Maple Leafs").
            if a + 1 < end, infos[end - 1].gazetteer.contains(.team) {
                var teamStart = end - 1
                while teamStart > a, !infos[teamStart].gazetteerBegins { teamStart -= 1 }
                if teamStart > a, !(a..<teamStart).contains(where: { infos[$0].title || infos[$0].role || lexicons.functionWords.contains(infos[$0].word) }) {
                    replace(&mentions, with: Mention(first: a, end: end, type: .org))
                    k = end
                    continue
                }
            }
            // ORG: an organisation word, "of" or "for", and a name ("Department of Homeland Security", "University
            // of Florida", "Ministry of Defence").
            if a + 2 < end, lexicons.orgSuffixes.contains(infos[a].word), MentionRules.lowerConnectors.contains(infos[a + 1].word),
               !(a + 2..<end).contains(where: { lexicons.orgSuffixes.contains(infos[$0].word) }) {
                replace(&mentions, with: Mention(first: a, end: end, type: .org))
                k = end
                continue
            }
            // GPE: a place's name and "County" ("Marin County", "San Diego County").
            if a + 1 < end, MentionRules.countyWords.contains(infos[end - 1].word), !sentenceStart[end - 1] {
                replace(&mentions, with: Mention(first: a, end: end, type: .gpe))
                k = end
                continue
            }
            // ORG: a run holding an organisation word after its first word.
            if a + 1 < end, let suffix = (a + 1..<end).last(where: { lexicons.orgSuffixes.contains(infos[$0].word) }) {
                // Words after the organisation word belong to it only through "of"/"for" ("Court of Justice").
                let orgEnd = suffix + 1 < end && MentionRules.connectors.contains(infos[suffix + 1].word) ? end : suffix + 1
                var orgStart = a
                // Not the title words or people before it.
                while orgStart + 1 < suffix, infos[orgStart].title || infos[orgStart].role || MentionRules.connectors.contains(infos[orgStart].word) { orgStart += 1 }
                if orgEnd - orgStart >= 2, !isOneGazetteerPhrase(orgStart, orgEnd) {
                    replace(&mentions, with: Mention(first: orgStart, end: orgEnd, type: .org))
                }
                k = end
                continue
            }
            // PERSON: the name words at the end of the run.
            var p = end
            while p > a, isNameWord(p - 1) || (MentionRules.particles.contains(infos[p - 1].word) && p - 1 > a) { p -= 1 }
            while p < end, MentionRules.particles.contains(infos[p].word) || MentionRules.connectors.contains(infos[p].word) { p += 1 }
            let nameLength = end - p
            if nameLength >= 1, nameLength <= 4 {
                // A title or role word just before the name, inside the run or right before it.
                var titled = false
                var t = p - 1
                var steps = 0
                while t >= 0, steps < 4, !(t < k && sentenceStart[t + 1]) {
                    if infos[t].title || infos[t].role { titled = true; break }
                    if !(infos[t].capitalized || MentionRules.connectors.contains(infos[t].word)) { break }
                    t -= 1; steps += 1
                }
                let firstNamed = nameLength >= 2 && infos[p].firstName && !isOneGazetteerPhrase(p, end)
                // The tagger saw a person in part of the name ("Ararat [Mirzoyan]"): the name is the whole run.
                let partlyPerson = nameLength >= 2 && nameLength <= 3 && !isOneGazetteerPhrase(p, end)
                    && mentions.contains { $0.type == .person && $0.first >= p && $0.end <= end }
                if titled || firstNamed || partlyPerson {
                    replace(&mentions, with: Mention(first: nameStart(afterRoleOf: p, end: end), end: end, type: .person))
                }
            }
            k = end
        }
        mentions.sort { $0.first < $1.first }
        return mentions
    }

    /// A LOC the lists do not know and that has no geographic word ("Sea", "Mount") is seldom a place: the
    /// tagger says LOC for unknown capitalised words. A personal name (known first name or surname) becomes a
    /// PERSON, a longer name an ORG, and a lone unknown word is dropped.
    func unlistedLocations(_ found: [Mention]) -> [Mention] {
        var out: [Mention] = []
        for var m in found {
            // Events, laws and prizes are not entities ("Davis Cup", "Affordable Care Act").
            if m.end - m.first >= 2, lexicons.eventWords.contains(infos[m.end - 1].word), m.type != .gpe { continue }
            if m.type == .loc, !(m.first..<m.end).contains(where: { infos[$0].gazetteer.rawValue != 0 || lexicons.geoWords.contains(infos[$0].word) }) {
                let length = m.end - m.first
                if (length >= 2 && infos[m.first].firstName) || (infos[m.end - 1].lastName && (length == 1 || infos[m.first].firstName))
                    || (length == 2 && isNameWord(m.first) && isNameWord(m.first + 1)) {
                    m.type = .person
                } else if length >= 2 {
                    m.type = .org
                } else { continue }
            }
            // A known first name or surname among capitalised words the place and organisation lists do not
            // know reads as a person ("Zach Parise", "Feliciano Lopez"),
            // unless an organisation word says otherwise.
            if m.type == .org, !m.isOutlet, m.end - m.first >= 2, m.end - m.first <= 3, infos[m.first].firstName || infos[m.end - 1].lastName,
               !(m.first..<m.end).contains(where: { infos[$0].gazetteer.rawValue != 0 || lexicons.orgSuffixes.contains(infos[$0].word)
                   || lexicons.geoWords.contains(infos[$0].word) || !infos[$0].capitalized || infos[$0].allCaps }) {
                m.type = .person
            }
            out.append(m)
        }
        return out
    }

    /// An upper-case letter after two or more lower-case ones inside the word ("SpaceX", "YouTube"), but
    /// not the surnames written so ("McConnell", "DeSantis", "MacArthur").
    func isCamelCase(_ k: Int) -> Bool {
        let s = text.scalars
        if tokens[k].text.hasPrefix("Mac") { return false }
        var lowerRun = 0
        for j in tokens[k].start..<tokens[k].end {
            if CharClass.isLower(s[j]) { lowerRun += 1 } else if lowerRun >= 2, CharClass.isUpper(s[j]) { return true } else { lowerRun = 0 }
        }
        return false
    }

    /// Whether first..<end is exactly one gazetteer phrase.
    func isOneGazetteerPhrase(_ first: Int, _ end: Int) -> Bool {
        guard infos[first].gazetteerBegins, infos[first].gazetteer.rawValue != 0 else { return false }
        var e = first + 1
        while e < infos.count, !infos[e].gazetteerBegins, infos[e].gazetteer == infos[first].gazetteer { e += 1 }
        return e == end
    }

    /// The type a gazetteer kind settles on its own, or nil when only the tagger should decide (cities).
    static func strongType(_ kind: LexiconKind) -> EntityType? {
        if kind.contains(.outlet) || kind.contains(.organization) || kind.contains(.team) { return .org }
        if kind.contains(.country) || kind.contains(.state) || kind.contains(.gpeAlias) || kind.contains(.capital) { return .gpe }
        if kind.contains(.region) { return .loc }
        if kind.contains(.demonym) { return .norp }
        return nil
    }

    /// A team nickname that is also a common word ("Wild", "Heat") counts inside a sentence, after "the",
    /// or before a role word or a possessive ("Wild coach Bruce Boudreau", "Sabres' goalie").
    func isTeamInContext(_ first: Int, _ end: Int) -> Bool {
        let next = end < infos.count && !sentenceStart[end] ? infos[end] : TokenInfo()
        // "Magic Johnson": a capitalised word after it that is no title makes it part of a name.
        if next.capitalized, !next.title, !next.role, !next.gazetteer.contains(.team) { return false }
        if !sentenceStart[first] { return true }
        return next.role || next.title || MentionRules.possessives.contains(next.word)
    }

    /// Capitalised, and for an acronym entry ("US"), written in capitals.
    func isNameLike(_ first: Int, _ end: Int) -> Bool {
        guard infos[first].capitalized else { return false }
        if end - first == 1, tokens[first].end - tokens[first].start <= 3, !infos[first].allCaps {
            // "Us", "Un": short words in title case are not the acronyms of the lists.
            let t = tokens[first].text
            return !lexicons.shortAcronyms.contains(infos[first].word) && !["Us", "Un", "Eu", "Ap", "Rt", "Dw"].contains(t)
        }
        return true
    }

    /// Trims a tagged span to the name: no leading "the" or titles, no trailing possessive; drops spans that
    /// are not names.
    func clean(_ mention: Mention) -> Mention? {
        var m = mention
        while m.first < m.end, MentionRules.determiners.contains(infos[m.first].word) || lexicons.functionWords.contains(infos[m.first].word) { m.first += 1 }
        while m.end > m.first, MentionRules.possessives.contains(infos[m.end - 1].word) || !infos[m.end - 1].hasLetter && !isDigitToken(m.end - 1)
                || (m.end - m.first > 1 && MentionRules.weekdays.contains(infos[m.end - 1].word)) { m.end -= 1 }
        if m.type == .person {
            // "Secretary of State Antony Blinken" → "Antony Blinken": keep the capitalised run after the last title word.
            var k = m.end - 1
            while k > m.first {
                let p = infos[k - 1]
                if p.title || p.role || !p.capitalized || MentionRules.lowerConnectors.contains(p.word) { break }
                k -= 1
            }
            if k > m.first { m.first = k }
            if infos[m.first].title && m.end - m.first > 1 { m.first += 1 }
            m.first = nameStart(afterRoleOf: m.first, end: m.end)
        }
        guard m.first < m.end else { return nil }
        let first = infos[m.first]
        if !first.capitalized && !(first.hasLetter == false && isDigitToken(m.first)) { return nil }
        if m.end - m.first == 1 {
            if first.nonEntity || first.title { return nil }
            if m.type == .person && (first.role || !first.hasLetter) { return nil }
        }
        return m
    }

    /// "Director of Public Prosecution Eva-Marie Persson": capitalised words after a title's "of" belong to
    /// the title up to the last two words, the name (or three with a particle: "Alex de Minaur").
    func nameStart(afterRoleOf first: Int, end: Int) -> Int {
        guard end - first >= 3, first >= 2, MentionRules.lowerConnectors.contains(infos[first - 1].word) else { return first }
        var t = first - 2, steps = 0
        var titled = false
        while t >= 0, steps < 4, infos[t].capitalized {
            if infos[t].title || infos[t].role { titled = true; break }
            t -= 1; steps += 1
        }
        guard titled else { return first }
        // A known first name inside the run starts the name.
        if let firstName = (first..<(end - 1)).first(where: { infos[$0].firstName }) { return firstName }
        let start = end - 2
        return start - 1 > first && MentionRules.particles.contains(infos[start - 1].word) ? start - 1 : start
    }

    /// Capitalised words that belong to a title, not a name: "Energy Secretary Rick Perry", "National
    /// Security Adviser John Bolton", "Head of Research at ICICI Securities".
    func isPartOfARole(_ m: Mention) -> Bool {
        guard !infos[m.first].gazetteerBegins || MentionRules.strongType(infos[m.first].gazetteer) == nil, !m.isOutlet else { return false }
        if (m.first..<m.end).contains(where: { lexicons.orgSuffixes.contains(infos[$0].word) }) { return false }
        // Ends in a title or role word.
        if m.type != .person, m.end - m.first >= 2, infos[m.end - 1].title || infos[m.end - 1].role { return true }
        // One word before a capitalised title ("Energy Secretary").
        if m.type != .person, m.end - m.first == 1, !infos[m.first].allCaps, m.end < infos.count, !sentenceStart[m.end],
           infos[m.end].capitalized, infos[m.end].title { return true }
        // "Head of Research at": between a role's "of" and "at".
        if m.first >= 2, m.end < infos.count, infos[m.first - 1].word == MentionRules.of, infos[m.first - 2].role || infos[m.first - 2].title,
           infos[m.end].word == MentionRules.at, !(m.first..<m.end).contains(where: { infos[$0].firstName }) { return true }
        return false
    }

    static let of = WordHash.folded("of")
    static let at = WordHash.folded("at")

    static let weekdays: Set<UInt64> = Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { WordHash.folded($0) })
    static let countyWords: Set<UInt64> = Set(["county", "province", "prefecture", "parish", "oblast", "governorate"].map { WordHash.folded($0) })

    static let lowerConnectors: Set<UInt64> = Set(["of", "for", "and"].map { WordHash.folded($0) })

    func isDigitToken(_ k: Int) -> Bool { CharClass.isDigit(text.scalars[tokens[k].start]) }

    /// Makes the document agree with itself: a person's surname or a name the tagger found once is a
    /// mention wherever it appears capitalised again, and one text keeps one type (the most frequent).
    func propagate(_ found: [Mention]) -> [Mention] {
        var mentions = found
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for k in m.first..<m.end { covered[k] = true } }
        // Phrase hash → votes per type.
        var votes: [UInt64: [Int]] = [:]
        var lengths: Set<Int> = []
        func hash(_ a: Int, _ b: Int) -> UInt64 {
            var h: UInt64 = 0
            for k in a..<b { h = WordHash.mix(h, infos[k].exact) }
            return h
        }
        for m in mentions {
            let h = hash(m.first, m.end)
            var v = votes[h] ?? [0, 0, 0, 0, 0]
            v[TagSet.types.firstIndex(of: m.type)!] += 2
            votes[h] = v
            lengths.insert(m.end - m.first)
            // The surname of a full personal name.
            if m.type == .person, m.end - m.first >= 2, infos[m.end - 1].capitalized, !infos[m.end - 1].nonEntity {
                let s = hash(m.end - 1, m.end)
                var sv = votes[s] ?? [0, 0, 0, 0, 0]
                sv[0] += 3
                votes[s] = sv
                lengths.insert(1)
            }
        }
        // Retype: one text, one type.
        for index in mentions.indices where !mentions[index].isOutlet {
            let m = mentions[index]
            if let v = votes[hash(m.first, m.end)], let best = v.indices.max(by: { v[$0] < v[$1] }), v[best] > v[TagSet.types.firstIndex(of: m.type)!] {
                let kind = infos[m.first].gazetteer
                if !(infos[m.first].gazetteerBegins && MentionRules.strongType(kind) != nil) { mentions[index].type = TagSet.types[best] }
            }
        }
        // The surname of a person named in full is that person wherever it stands alone ("Mayer").
        var surnames = Set<UInt64>()
        for m in mentions where m.type == .person && m.end - m.first >= 2 { surnames.insert(infos[m.end - 1].exact) }
        for index in mentions.indices where mentions[index].end - mentions[index].first == 1 && mentions[index].type != .person {
            let k = mentions[index].first
            if surnames.contains(infos[k].exact), MentionRules.strongType(infos[k].gazetteer) == nil { mentions[index].type = .person }
        }
        // Add untagged occurrences, longest first.
        for length in lengths.sorted(by: >) {
            var k = 0
            while k + length <= tokens.count {
                if covered[k] || !infos[k].capitalized || infos[k].nonEntity || lexicons.functionWords.contains(infos[k].word) {
                    k += 1; continue
                }
                if (k..<(k + length)).contains(where: { covered[$0] }) { k += 1; continue }
                // Not inside a longer capitalised run that is not itself a mention ("Price Waterhouse").
                if k + length < tokens.count, infos[k + length].capitalized, !sentenceStart[k + length] { k += 1; continue }
                // ...except after an ordinary word opening the sentence ("Now Assange faces", "But Parise has").
                if k > 0, !sentenceStart[k], infos[k - 1].capitalized, !infos[k - 1].title, !infos[k - 1].role,
                   !(sentenceStart[k - 1] && !covered[k - 1] && lexicons.functionWords.contains(infos[k - 1].word)) { k += 1; continue }
                if let v = votes[hash(k, k + length)], let best = v.indices.max(by: { v[$0] < v[$1] }), v[best] > 0 {
                    mentions.append(Mention(first: k, end: k + length, type: TagSet.types[best]))
                    for c in k..<(k + length) { covered[c] = true }
                    k += length
                    continue
                }
                k += 1
            }
        }
        mentions.sort { $0.first < $1.first }
        return mentions
    }
}
