/// The words that point to a speaker, found from the text alone: a name, a pronoun, a role ("the
/// secretary") or an unnamed group ("agency officials").
struct SpeakerMention {
    enum Kind: Equatable {
        /// A capitalised name, titles removed ("NASA Administrator Jim Bridenstine" → "Jim Bridenstine").
        case name
        /// "he", "she", "it", "they", "we".
        case pronoun(String)
        /// A role noun phrase: the head noun ("secretary" for "the secretary").
        case role(String)
        /// People the article does not name ("agency officials", "his doctors").
        case group
    }

    var kind: Kind
    /// Words of the mention itself.
    var first: Int
    var last: Int
    /// The first word of the whole subject, appositive included; reported content before it ends here.
    var clauseFirst: Int
}

extension QuoteText {
    func isNameWord(_ k: Int) -> Bool {
        let w = words[k]
        return w.isWord && w.isCapitalised && w.region < 0
    }

    func isPossessive(_ w: QWord) -> Bool { w.isPossessive }

    /// `words[k]` without a trailing dot, lower case ("gov." is one word "gov" then ".").
    func bare(_ k: Int) -> String { words[k].lower }

    /// The capitalised run ending at `last`, within `lower...`: "Secretary of State Antony Blinken",
    /// "Van Der Beek". Possessives end a run on the left ("NASA’s Steve Clarke" → "Steve Clarke").
    func capitalisedRun(endingAt last: Int, notBefore lower: Int) -> Range<Int>? {
        guard last >= lower, isNameWord(last), !isPossessive(words[last]) else { return nil }
        var first = last
        while first - 1 >= lower {
            let p = first - 1
            if isNameWord(p), !isPossessive(words[p]) { first = p; continue }
            if p - 1 >= lower, words[p].isWord, !words[p].isCapitalised,
               (Lexicon.nameParticles.contains(words[p].lower) || words[p].lower == "of"), isNameWord(p - 1),
               !isPossessive(words[p - 1]) {
                first = p - 1
                continue
            }
            // An abbreviated title's dot: "Gov. Eric Holcomb".
            if words[p].text == ".", p - 1 >= lower, isNameWord(p - 1),
               Lexicon.titleAbbreviations[words[p - 1].lower] != nil || ["mr", "mrs", "ms", "dr", "lt", "col", "sgt", "capt", "rev"].contains(words[p - 1].lower) {
                first = p - 1
                continue
            }
            break
        }
        return first..<(last + 1)
    }

    /// The capitalised run starting at `first`, within `..<upper`.
    func capitalisedRun(startingAt first: Int, before upper: Int) -> Range<Int>? {
        guard first < upper, isNameWord(first) else { return nil }
        var last = first
        while last + 1 < upper {
            let n = last + 1
            if isPossessive(words[last]) { break }
            if isNameWord(n) { last = n; continue }
            if words[n].text == ".", n + 1 < upper, isNameWord(n + 1),
               Lexicon.titleAbbreviations[words[last].lower] != nil || ["mr", "mrs", "ms", "dr"].contains(words[last].lower)
                || (words[last].text.contains(".") && words[last].text.utf8.count <= 5) {
                // A dotted abbreviation ("U.S. Attorney") goes on into the name after it.
                last = n + 1
                continue
            }
            if n + 1 < upper, words[n].isWord, !words[n].isCapitalised,
               Lexicon.nameParticles.contains(words[n].lower) || words[n].lower == "of", isNameWord(n + 1) {
                last = n + 1
                continue
            }
            break
        }
        return first..<(last + 1)
    }

    /// The person or organisation name inside a capitalised run: title words and function words on the left
    /// are dropped. Empty when the run is only titles ("the President").
    func nameWithinRun(_ run: Range<Int>) -> Range<Int> {
        var first = run.lowerBound
        // "Foreign Office", "State Department": an organisation's name keeps its title-like words.
        if Lexicon.organisationWords.contains(words[run.upperBound - 1].lower) {
            if Lexicon.capitalisedFunctionWords.contains(words[first].lower), run.count > 1 { first += 1 }
            return first..<run.upperBound
        }
        for k in run where words[k].isWord {
            let l = words[k].lower
            // An acronym is a name even when it spells a function word ("WHO", "US"); asked only of such words.
            func isAcronym() -> Bool { words[k].text.utf8.count >= 2 && !words[k].text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } }
            // "He Jianxiong", "She Yong": a surname that spells "he" or "she" opens a two-word name (never "He Monday").
            func isSurnameLikePronoun() -> Bool {
                (l == "he" || l == "she") && run.count == 2 && words[k].text.utf8.count == l.utf8.count
                    && words[k + 1].isWord && !QuoteText.isDateWord(words[k + 1].lower) && !Lexicon.titleWords.contains(words[k + 1].lower)
            }
            if Lexicon.titleWords.contains(l) || (k == run.lowerBound && Lexicon.capitalisedFunctionWords.contains(l) && !isAcronym() && !isSurnameLikePronoun()) {
                first = k + 1
            }
        }
        while first < run.upperBound, !words[first].isWord || words[first].lower == "of" { first += 1 }
        var last = run.upperBound
        while last > first, !words[last - 1].isWord { last -= 1 }
        // "Director of Public Prosecution Eva-Marie Persson": a long title ending in an organisation before
        // a person's name; keep the last two words.
        if run.contains(where: { words[$0].lower == "of" }), last - first >= 3 { first = last - 2 }
        return first..<last
    }

    /// A capitalised word at a sentence start that the article also writes in lower case is a common noun.
    func isCommonNounAtSentenceStart(_ k: Int, sentenceStart: Int) -> Bool {
        k == sentenceStart && lowercaseForms.contains(words[k].lower)
    }

    /// The subject that ends right before `cue` (adverbs and auxiliaries skipped): "Blinken said",
    /// "the 14th-ranked Schwartzman said", "Mayer, Disney’s chairman of ..., said", "the secretary urged".
    func subjectBefore(_ cue: Int, sentenceStart: Int) -> SpeakerMention? {
        var k = cue - 1
        while true {
            while k >= sentenceStart, words[k].isWord, !words[k].isCapitalised,
                  Lexicon.adverbs.contains(words[k].lower) || Lexicon.auxiliaries.contains(words[k].lower)
                    || (words[k].lower.hasSuffix("ly") && words[k].lower.count > 4) {
                k -= 1
            }
            // "The court last week ruled", "Esper on Wednesday accused": a time phrase between subject and verb.
            guard let start = timePhraseStart(endingAt: k, sentenceStart: sentenceStart), start > sentenceStart else { break }
            k = start - 1
        }
        guard k >= sentenceStart, words[k].region < 0 else { return nil }
        // "Many historians, however, argue": a sentence adverb set off by commas between subject and verb.
        if words[k].text == ",", k - 2 > sentenceStart, words[k - 2].text == ",",
           ["however", "meanwhile", "instead", "therefore", "nonetheless", "nevertheless", "moreover"].contains(words[k - 1].lower) {
            return subjectBefore(k - 2, sentenceStart: sentenceStart)
        }
        if ["-", "\u{2014}", "\u{2013}"].contains(words[k].text) {
            // A parenthesis between dashes: "The Palestinian Authority - which ... - called for".
            var p = k - 1
            while p > sentenceStart, k - p < 40, !["-", "\u{2014}", "\u{2013}"].contains(words[p].text) { p -= 1 }
            guard p > sentenceStart, p < k - 1 else { return nil }
            return nounPhrase(endingAt: p - 1, sentenceStart: sentenceStart)
        }
        if words[k].text == "," {
            // An appositive: "Thomas Zurbuchen, NASA's associate administrator ..., said". It may hold commas
            // of its own ("Dylan Nelson, a fellow at the institute in Munich, Germany, and co-author, said"):
            // the leftmost name that opens its clause is the subject.
            var p = k - 1
            var steps = 0
            var best: SpeakerMention? = nil
            while p > sentenceStart, steps < 40, words[p].region < 0 {
                if words[p].text == ",", steps >= 1, let credited = creditedFinding(endingAt: p - 1, sentenceStart: sentenceStart) {
                    // "a study by the Institute for Fiscal Studies, a think tank, concluded": the organisation credited
                    // with the finding speaks.
                    best = credited
                } else if words[p].text == ",", steps >= 1, let m = nounPhrase(endingAt: p - 1, sentenceStart: sentenceStart),
                   m.kind == .name || m.kind == .pronoun("he") || m.kind == .pronoun("she") {
                    let before = m.clauseFirst - 1
                    // The subject must open its clause: sentence start, a quotation's end, or a comma.
                    if before < sentenceStart || words[before].text == "," || words[before].region >= 0
                        || words[before].text == "\u{2014}" || words[before].text == "\u{2013}" {
                        best = m
                    }
                } else if words[p].text == ",", steps >= 1, let role = nounPhrase(endingAt: p - 1, sentenceStart: sentenceStart),
                          role.kind != .name, !words[role.clauseFirst].isCapitalised || role.clauseFirst == sentenceStart,
                          let run = capitalisedRun(startingAt: p + 1, before: k), run.upperBound == k {
                    // "“...,” the mayor, Tom Hicks, insisted", "her lawyer, David Ross, told": a role phrase then the
                    // name in apposition; the name speaks and the role phrase opens the subject.
                    let before = role.clauseFirst - 1
                    let name = nameWithinRun(run)
                    if !name.isEmpty, before < sentenceStart || words[before].region >= 0 || words[before].text == "," {
                        best = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: role.clauseFirst)
                    }
                }
                p -= 1
                steps += 1
            }
            if best == nil {
                // "The German automaker, which has focused on electric cars, says": a relative clause set off by
                // commas between the subject and its verb.
                var c = k - 1
                while c > sentenceStart, k - c < 40, words[c].region < 0, words[c].text != "." {
                    if words[c].text == ",", c + 1 < k, ["which", "who"].contains(words[c + 1].lower) {
                        // The subject opens the sentence; a noun before "which" deep in a clause is an object.
                        guard let m = nounPhrase(endingAt: c - 1, sentenceStart: sentenceStart), m.clauseFirst == sentenceStart else { return nil }
                        return m
                    }
                    c -= 1
                }
            }
            return best
        }
        guard let m = nounPhrase(endingAt: k, sentenceStart: sentenceStart) else { return nil }
        switch m.kind {
        case .group, .role:
            if let subject = subjectOfParticipleClause(before: m.first, sentenceStart: sentenceStart) { return subject }
            if let subject = nameBeforeUnclosedAppositive(m.first, sentenceStart: sentenceStart) { return subject }
        default: break
        }
        return m
    }

    /// "“...” Ana Ruiz, a research analyst at the Policy Institute think tank told": an appositive whose closing
    /// comma is missing; the name that opens the clause after the quotation speaks.
    func nameBeforeUnclosedAppositive(_ phraseFirst: Int, sentenceStart: Int) -> SpeakerMention? {
        var p = phraseFirst - 1
        var comma: Int? = nil
        while p >= sentenceStart, phraseFirst - p <= 20, words[p].region < 0 {
            if words[p].text == "," { comma = p }
            p -= 1
        }
        // The clause opens after a quotation (or at the sentence start) with a name of two words or more.
        let open = p + 1
        guard p < sentenceStart || (words[p].region >= 0 && words[p].start == regions[words[p].region].close),
              let c = comma, c + 1 < phraseFirst, ["a", "an", "the"].contains(words[c + 1].lower),
              let run = capitalisedRun(startingAt: open, before: c), run.upperBound == c else { return nil }
        let name = nameWithinRun(run)
        guard name.count >= 2 else { return nil }
        return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: open)
    }

    /// "The nurses offering to staff the clinic noted", "Residents living near the plant said": the noun
    /// phrase that opens the sentence before a participle clause is the subject, not the participle's object.
    func subjectOfParticipleClause(before objectFirst: Int, sentenceStart: Int) -> SpeakerMention? {
        var g = objectFirst - 1
        // "offering to staff": an infinitive between the participle and its object.
        if g - 1 > sentenceStart, words[g].isWord, !words[g].isCapitalised, words[g - 1].lower == "to" { g -= 2 }
        guard g > sentenceStart, g - sentenceStart <= 5, words[g].isWord, words[g].region < 0, !words[g].isCapitalised else { return nil }
        let l = words[g].lower
        guard l.hasSuffix("ing"), l.utf8.count > 5, !Lexicon.prepositions.contains(l), l != "including", l != "according",
              Lexicon.cues[l] == nil, let head = nounPhrase(endingAt: g - 1, sentenceStart: sentenceStart), head.first == sentenceStart else { return nil }
        switch head.kind {
        case .group, .role: return head
        default: return nil
        }
    }

    /// The organisation credited with a finding right after `last` ("a study by the Institute for
    /// Fiscal Studies", "a report from Acme Bank", "data released by the ministry"): its name run, or nil.
    func findingCredit(after last: Int, before upper: Int) -> Range<Int>? {
        var j = last + 1
        guard j + 1 < upper, words[j].lower == "by" || words[j].lower == "from" else { return nil }
        j += 1
        if words[j].lower == "the" { j += 1 }
        guard let run = capitalisedRun(startingAt: j, before: upper) else { return nil }
        return run
    }

    /// "a study by the Institute for Fiscal Studies" ending at `k` and opening its clause: the organisation's name
    /// as the mention, the whole phrase as the subject.
    func creditedFinding(endingAt k: Int, sentenceStart: Int) -> SpeakerMention? {
        guard k > sentenceStart, isNameWord(k), !isPossessive(words[k]) else { return nil }
        var p = k
        while p > sentenceStart, isNameWord(p) || ["of", "for", "on", "and"].contains(words[p].lower) { p -= 1 }
        if words[p].lower == "the" { p -= 1 }
        guard p > sentenceStart, words[p].lower == "by" || words[p].lower == "from", isFindingPhrase(endingAt: p - 1),
              let phrase = nounPhrase(endingAt: p - 1, sentenceStart: sentenceStart), phrase.kind != .name else { return nil }
        let before = phrase.first - 1
        guard before < sentenceStart || words[before].text == "," || words[before].region >= 0 else { return nil }
        var first = p + 1
        if words[first].lower == "the" { first += 1 }
        guard first <= k else { return nil }
        return SpeakerMention(kind: .name, first: first, last: k, clauseFirst: phrase.first)
    }

    /// Whether the noun phrase ending at `last` names a finding ("a March 2019 study", "data released").
    func isFindingPhrase(endingAt last: Int) -> Bool {
        let l = words[last].lower
        if Lexicon.findingNouns.contains(l) { return true }
        return ["released", "published", "compiled", "issued", "conducted", "commissioned"].contains(l)
            && last > 0 && Lexicon.findingNouns.contains(words[last - 1].lower)
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// A weekday or month name, compared without hashing (asked of every outlet-like name's last word).
    static func isDateWord(_ lower: String) -> Bool {
        switch lower {
        case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
            return true
        default:
            return false
        }
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let timeUnits: Set<String> = ["week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", "spring", "summer", "fall", "autumn", "winter"]

    /// The first word of a time phrase that ends at `k` ("last week", "on Wednesday", "earlier this month",
    /// "Tuesday night", "yesterday"), or nil.
    func timePhraseStart(endingAt k: Int, sentenceStart: Int) -> Int? {
        guard k >= sentenceStart, words[k].isWord, words[k].region < 0 else { return nil }
        let l = words[k].lower
        var start: Int
        if QuoteText.weekdays.contains(l) {
            start = k
        } else if ["yesterday", "today", "tonight"].contains(l) {
            start = k
        } else if QuoteText.timeUnits.contains(l), k - 1 >= sentenceStart {
            let p = words[k - 1].lower
            if ["last", "this", "next", "that", "earlier", "later"].contains(p) {
                start = k - 1
                if p == "this", k - 2 >= sentenceStart, ["earlier", "later"].contains(words[k - 2].lower) { start = k - 2 }
            } else if QuoteText.weekdays.contains(p) {
                start = k - 1
            } else {
                return nil
            }
        } else {
            return nil
        }
        if start - 1 >= sentenceStart, words[start - 1].lower == "on", QuoteText.weekdays.contains(words[start].lower) { start -= 1 }
        return start
    }

    /// The noun phrase whose last word is `k`.
    func nounPhrase(endingAt k: Int, sentenceStart: Int) -> SpeakerMention? {
        guard k >= sentenceStart, words[k].isWord, words[k].region < 0 else { return nil }
        let w = words[k]
        if ["he", "she", "it", "they", "we"].contains(w.lower) {
            return SpeakerMention(kind: .pronoun(w.lower), first: k, last: k, clauseFirst: k)
        }
        if w.isCapitalised, !Lexicon.capitalisedFunctionWords.contains(w.lower) {
            guard let found = capitalisedRun(endingAt: k, notBefore: sentenceStart) else { return nil }
            if found.count == 1, isCommonNounAtSentenceStart(k, sentenceStart: sentenceStart)
                || (k == sentenceStart && (Lexicon.groupNouns.contains(w.lower) || Lexicon.findingNouns.contains(w.lower))) {
                return SpeakerMention(kind: .group, first: k, last: k, clauseFirst: k)
            }
            // "the senator from Ohio", "a spokesman for Acme Corp": the role noun before the preposition heads
            // the phrase.
            // "the ambassador to Britain" too, but not "the ambassador to Britain Liu Xiaming", where the name follows.
            if found.lowerBound - 2 >= sentenceStart, ["from", "for", "of", "at"].contains(words[found.lowerBound - 1].lower)
                || (words[found.lowerBound - 1].lower == "to" && found.count <= 2),
               words[found.lowerBound - 2].isWord, !words[found.lowerBound - 2].isCapitalised,
               Lexicon.roleNouns.contains(words[found.lowerBound - 2].lower),
               let outer = nounPhrase(endingAt: found.lowerBound - 2, sentenceStart: sentenceStart), case .role = outer.kind {
                return SpeakerMention(kind: outer.kind, first: outer.first, last: k, clauseFirst: outer.clauseFirst)
            }
            // "authorities in Lisbon announced", "officials from Kyiv said": a group placed by the name after it
            // names nobody.
            if found.lowerBound - 2 >= sentenceStart, ["in", "from", "at"].contains(words[found.lowerBound - 1].lower),
               words[found.lowerBound - 2].isWord, !words[found.lowerBound - 2].isCapitalised || found.lowerBound - 2 == sentenceStart,
               Lexicon.groupNouns.contains(words[found.lowerBound - 2].lower),
               let outer = nounPhrase(endingAt: found.lowerBound - 2, sentenceStart: sentenceStart), outer.kind == .group {
                return SpeakerMention(kind: .group, first: outer.first, last: k, clauseFirst: outer.clauseFirst)
            }
            // "Sui-Lee Wee of the Times reports", "Ana Ruiz of the University of Utah said": the name before
            // "of the" speaks; the body after it is where they work.
            if found.lowerBound - 3 >= sentenceStart, words[found.lowerBound - 1].lower == "the",
               ["of", "at"].contains(words[found.lowerBound - 2].lower), isNameWord(found.lowerBound - 3),
               let person = nounPhrase(endingAt: found.lowerBound - 3, sentenceStart: sentenceStart), person.kind == .name {
                return person
            }
            // "The United Nations and European Union stressed": the first of two names speaks for both.
            var run = found
            if run.lowerBound - 2 >= sentenceStart, words[run.lowerBound - 1].lower == "and", isNameWord(run.lowerBound - 2),
               let first = capitalisedRun(endingAt: run.lowerBound - 2, notBefore: sentenceStart) {
                run = first
            }
            let name = nameWithinRun(run)
            var clauseFirst = run.lowerBound
            // Lower-case role words and determiners before the name belong to the subject ("Wild coach X").
            var p = clauseFirst - 1, steps = 0
            while p >= sentenceStart, steps < 4, words[p].isWord, words[p].region < 0 {
                let l = words[p].lower
                if Lexicon.determiners.contains(l) { clauseFirst = p; break }
                guard isNameWord(p) || Lexicon.titleWords.contains(l) || Lexicon.roleNouns.contains(l) || l.hasSuffix("-ranked") else { break }
                clauseFirst = p
                p -= 1
                steps += 1
            }
            if name.isEmpty {
                let head = words[k].lower
                return SpeakerMention(kind: .role(head), first: run.lowerBound, last: k, clauseFirst: clauseFirst)
            }
            // "“...,” lead researcher and NASA planetary scientist Lucas Paganini said", "“...,” chairman, CEO and
            // president Craig Menear said": a long description between a quotation and the name is the subject's.
            // Found first without hashing: a closing mark within eight words before the subject; only then are
            // the words between checked.
            var q = clauseFirst - 1
            while q >= sentenceStart, clauseFirst - q <= 8, words[q].region < 0 { q -= 1 }
            if q >= sentenceStart, q < clauseFirst - 1, words[q].region >= 0, words[q].start == regions[words[q].region].close,
               (q + 1..<clauseFirst).contains(where: { words[$0].isWord }),
               (q + 1..<clauseFirst).allSatisfy({ j in
                   let x = words[j]
                   if !x.isWord { return x.text == "," }
                   return x.isCapitalised || !(Lexicon.cues[x.lower] != nil || Lexicon.auxiliaries.contains(x.lower)
                       || (Lexicon.prepositions.contains(x.lower) && x.lower != "of") || Lexicon.determiners.contains(x.lower))
               }) {
                clauseFirst = q + 1
            }
            return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: clauseFirst)
        }
        if w.isCapitalised {
            // "Others reported", "Some said".
            if ["others", "some", "many", "most", "officials", "critics", "experts", "analysts"].contains(w.lower) {
                return SpeakerMention(kind: .group, first: k, last: k, clauseFirst: k)
            }
            return nil
        }
        // A lower-case noun phrase: "agency officials", "the secretary", "his doctors". A possessive
        // ("the ministry’s claim") qualifies the next noun and is no subject.
        guard !w.isPossessive else { return nil }
        guard !Lexicon.prepositions.contains(w.lower) || w.lower == "office", !Lexicon.auxiliaries.contains(w.lower) else { return nil }
        var first = k
        var steps = 0
        while first - 1 >= sentenceStart, steps < 5 {
            let p = words[first - 1]
            if p.region >= 0, first - 1 > sentenceStart {
                // A quoted word inside the phrase: the "Pose" actor.
                var q = first - 1
                while q > sentenceStart, words[q - 1].region == p.region { q -= 1 }
                if q - 1 >= sentenceStart, words[q - 1].isWord, words[q - 1].region < 0 { first = q; steps += 1; continue }
                break
            }
            guard p.isWord, p.region < 0 else { break }
            if Lexicon.determiners.contains(p.lower) { first -= 1; break }
            // "the singer and guitarist": two roles of one person joined by "and" are one phrase.
            if p.lower == "and", first == k, first - 3 >= sentenceStart, Lexicon.roleNouns.contains(w.lower),
               Lexicon.roleNouns.contains(words[first - 2].lower), Lexicon.determiners.contains(words[first - 3].lower) {
                return SpeakerMention(kind: .role(w.lower), first: first - 3, last: k, clauseFirst: first - 3)
            }
            if Lexicon.prepositions.contains(p.lower) || Lexicon.cues[p.lower] != nil || Lexicon.auxiliaries.contains(p.lower)
                || p.lower == "and" || p.lower == "or" || p.lower == "who" || p.lower == "that" {
                break
            }
            first -= 1
            steps += 1
        }
        if first == k, !Lexicon.roleNouns.contains(w.lower), !w.lower.hasSuffix("s"), !w.lower.hasSuffix("-old") { return nil }
        // "Holcomb and GOP legislative leaders touted": the named first member speaks for the group. Not a
        // modifier shared by both ("the Russian and Syrian defense ministries").
        // Nor the last of a list inside a longer name ("Council on Energy, Water and Air think tank").
        if first - 2 >= sentenceStart, words[first - 1].lower == "and", isNameWord(first - 2),
           first - 3 < sentenceStart || !Lexicon.determiners.contains(words[first - 3].lower),
           capitalisedRun(endingAt: first - 2, notBefore: sentenceStart).map({ $0.lowerBound - 1 < sentenceStart || words[$0.lowerBound - 1].text != "," }) ?? true,
           let named = nounPhrase(endingAt: first - 2, sentenceStart: sentenceStart), named.kind == .name {
            return SpeakerMention(kind: .name, first: named.first, last: named.last, clauseFirst: named.clauseFirst)
        }
        // "a spokesman for the company", "the head of the agency": the phrase is headed by the first noun.
        if first - 2 >= sentenceStart, ["for", "of", "at", "with"].contains(words[first - 1].lower),
           words[first - 2].isWord, !words[first - 2].isCapitalised,
           Lexicon.roleNouns.contains(words[first - 2].lower) || Lexicon.groupNouns.contains(words[first - 2].lower),
           let outer = nounPhrase(endingAt: first - 2, sentenceStart: sentenceStart) {
            return SpeakerMention(kind: outer.kind, first: outer.first, last: k, clauseFirst: outer.clauseFirst)
        }
        let startsWithThe = words[first].lower == "the"
        if startsWithThe, w.lower.hasSuffix("-year-old") {
            return SpeakerMention(kind: .role("year-old"), first: first, last: k, clauseFirst: first)
        }
        if startsWithThe, Lexicon.roleNouns.contains(w.lower) {
            return SpeakerMention(kind: .role(w.lower), first: first, last: k, clauseFirst: first)
        }
        // "Austria's interior minister", "A California transit chief": a person's role introduced by a place or
        // organisation, often before the article names the holder.
        if Lexicon.roleNouns.contains(w.lower), !Lexicon.organisationRoles.contains(w.lower),
           !Lexicon.rolesOfOthers.contains(w.lower), first < k,
           (words[first].isCapitalised && words[first].isPossessive)
            || (["a", "an"].contains(words[first].lower) && (first + 1..<k).contains { isNameWord($0) }) {
            return SpeakerMention(kind: .role(w.lower), first: first, last: k, clauseFirst: first)
        }
        return SpeakerMention(kind: .group, first: first, last: k, clauseFirst: first)
    }

    /// The subject that follows an inverted cue: `said the actor`, `said Mayer`.
    func subjectAfter(_ k: Int, sentenceEnd: Int) -> SpeakerMention? {
        // "..., said that the ministry ...": "that" opens the content, not an inverted subject.
        guard k < sentenceEnd, words[k].isWord, words[k].region < 0, words[k].lower != "that" else { return nil }
        if let run = capitalisedRun(startingAt: k, before: sentenceEnd) {
            let name = nameWithinRun(run)
            if name.isEmpty { return SpeakerMention(kind: .role(words[run.upperBound - 1].lower), first: run.lowerBound, last: run.upperBound - 1, clauseFirst: k) }
            return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k)
        }
        if ["he", "she", "it", "they", "we"].contains(words[k].lower) {
            return SpeakerMention(kind: .pronoun(words[k].lower), first: k, last: k, clauseFirst: k)
        }
        if !Lexicon.determiners.contains(words[k].lower) {
            // "said 17-year-old Jamie Lee", "said longtime resident Ana Ruiz": lower-case modifiers before a name.
            var j = k
            while j < sentenceEnd, j - k < 3, words[j].isWord, words[j].region < 0, !words[j].isCapitalised,
                  !Lexicon.prepositions.contains(words[j].lower), words[j].lower != "and", words[j].lower != "that" { j += 1 }
            guard j > k, j < sentenceEnd, var run = capitalisedRun(startingAt: j, before: sentenceEnd) else { return nil }
            // "planetary geologist Rosaly Lopes of NASA": the name ends before "of".
            if let of = run.first(where: { words[$0].lower == "of" }), of > run.lowerBound { run = run.lowerBound..<of }
            let name = nameWithinRun(run)
            guard !name.isEmpty else { return nil }
            return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k)
        }
        var last = k
        while last + 1 < sentenceEnd, last - k < 5, words[last + 1].isWord, words[last + 1].region < 0,
              !Lexicon.prepositions.contains(words[last + 1].lower), words[last + 1].lower != "and",
              words[last + 1].lower != "who" {
            last += 1
        }
        // "the "Pose" actor": a quoted word inside the phrase.
        guard last > k else { return nil }
        // A name at the end of the phrase names the speaker: "the 14th-ranked Schwartzman".
        if isNameWord(last), let run = capitalisedRun(endingAt: last, notBefore: k + 1) {
            let name = nameWithinRun(run)
            if !name.isEmpty { return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k) }
        }
        let head = words[last].lower
        if words[k].lower == "the", Lexicon.roleNouns.contains(head) {
            return SpeakerMention(kind: .role(head), first: k, last: last, clauseFirst: k)
        }
        return SpeakerMention(kind: .group, first: k, last: last, clauseFirst: k)
    }
}
