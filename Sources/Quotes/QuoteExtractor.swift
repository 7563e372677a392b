import Entities
import Language
import WhosaidCore

/// Finds direct, indirect and mixed quotes, who said them and the outlet they were credited to.
///
/// The rules read the text first: quotation marks are paired per paragraph, each sentence's reporting verbs
/// ("said", "according to", "told") are found with the words that name their speaker, and the content is
/// taken from the side of the verb that carries it. Only then is a speaker mention linked to an entity: the
/// entity whose mention covers it, or whose role matches "the secretary". When no entity covers a name, the
/// name itself is the speaker, so quotes keep their speakers whatever the recognizer finds.
public struct QuoteExtractor: Sendable {
    public init() {}

    public func quotes(in text: ScalarText, tokens: [Token], sentences: [Sentence], entities: [Entity]) -> [Quote] {
        var run = ExtractionRun(text: QuoteText(text), entities: entities)
        run.extract()
        return run.quotes
    }
}

/// A reporting verb with its speaker.
struct Attribution {
    var cueFirst: Int
    var cueLast: Int
    var kind: Lexicon.CueKind
    var mention: SpeakerMention?
    /// The attribution whose speaker this one shares ("X stated that ... and further added that ...").
    var sharesSpeakerWith: Int?
    /// "according to X": the content may come before or after it.
    var isAccordingTo = false
    /// The clause subject to use if the attribution shared with is dropped.
    var fallbackMention: SpeakerMention? = nil
    /// Where content after the cue may begin, once the subject or addressee is passed.
    var afterStart: Int
    /// The first word of the attribution clause: content before it ends here.
    var clauseFirst: Int
    /// The last word the content may reach, when the pattern itself ends it ("described X as “Y”").
    var contentLast: Int? = nil
}

/// One found quote before its speaker is resolved.
struct FoundQuote {
    var start: Int
    var end: Int
    var type: QuoteType
    var attribution: Int
    var region: Int?
}

struct ResolvedSpeaker {
    var name: String?
    var entity: String?
    var mention: Span?
    /// A person (he/she can refer back to it), as far as the text tells.
    var isPerson: Bool
}

/// The genders an article tells, worked out once when first needed.
final class GenderTable {
    var table: [String: Lexicon.Gender]? = nil
}

struct ExtractionRun {
    let t: QuoteText
    let entities: [Entity]
    /// Entity mentions sorted by start: (start, end, entity index).
    let entityMentions: [(Int, Int, Int)]
    var quotes: [Quote] = []
    var usedRegions: Set<Int> = []
    /// The outlet whose report the article last named ("A Deutsche Welle report ...").
    var lastReportOutlet: (String, String?)? = nil
    var lastSpeaker: ResolvedSpeaker? = nil
    /// The people quoted so far, latest last, one entry per person, with the paragraph of their latest quote.
    var personSpeakers: [(speaker: ResolvedSpeaker, paragraph: Int)] = []
    var paragraphVia: (String, String?)? = nil
    /// An interview an outlet conducted ("In an interview ..., BBC’s Emily Maitlis pressed Andrew"): the
    /// interviewee's quotes are credited to it. The interviewer's name is kept to tell the two apart.
    var interviewOutlet: (String, String?)? = nil
    var interviewer: String? = nil
    var interviewOffset = 0
    /// Journalists the article ties to an outlet ("Emily Feng reports for NPR"), by the last word of their name.
    var journalists: [String: (String, String?)] = [:]
    var viaParagraph = -1
    var lastSpeakerParagraph = -1
    var lastQuoteSpeakerInParagraph: [Int: (ResolvedSpeaker, String?, Span?)] = [:]
    /// What the article tells of each person's gender, by the last word of their name: titles ("Mr",
    /// "Queen"), gendered role words ("spokeswoman") and the pronoun that follows the name in its sentence.
    var genderBySurname: [String: Lexicon.Gender] { genders.table ?? computeGenders() }
    /// Filled on the first he/she that has to choose between people: most articles never ask.
    let genders = GenderTable()
    /// Name runs of two or more words (fullest forms), in text order, with the title words before them.
    var fullNames: [(range: Range<Int>, text: String, titles: Set<String>)] = []

    init(text: QuoteText, entities: [Entity]) {
        t = text
        self.entities = entities
        var ms: [(Int, Int, Int)] = []
        for (i, e) in entities.enumerated() { for m in e.mentions { ms.append((m.start, m.end, i)) } }
        ms.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        entityMentions = ms
        collectNames()
    }

    /// Votes for each surname's gender, then keeps the clear ones. A pronoun counts only in a sentence that
    /// names one person before it ("Lopez said she would ..."), so two people never share a vote.
    private func computeGenders() -> [String: Lexicon.Gender] {
        var genderBySurname: [String: Lexicon.Gender] = [:]
        var votes: [String: (male: Int, female: Int)] = [:]
        func vote(_ surname: String, _ g: Lexicon.Gender, _ weight: Int) {
            var v = votes[surname] ?? (0, 0)
            if g == .male { v.male += weight } else { v.female += weight }
            votes[surname] = v
        }
        for n in fullNames {
            let surname = t.words[n.range.upperBound - 1].text
            // A first name that tells the gender ("Maria Lopez"): a weaker vote than a title.
            if n.range.count >= 2, let g = Lexicon.firstNameGender[t.words[n.range.lowerBound].lower] {
                vote(t.isPossessive(t.words[n.range.upperBound - 1]) ? String(surname.dropLast(2)) : surname, g, 2)
            }
            for title in n.titles {
                if let g = Lexicon.genderedWords[title] { vote(t.isPossessive(t.words[n.range.upperBound - 1]) ? String(surname.dropLast(2)) : surname, g, 3) }
            }
        }
        for sentence in t.sentences {
            var named: String? = nil
            var names = 0
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                let w = t.words[k]
                if w.region >= 0 { k += 1; continue }
                if t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: sentence.upperBound) {
                    let name = t.nameWithinRun(run)
                    if !name.isEmpty, !Lexicon.capitalisedFunctionWords.contains(t.words[name.lowerBound].lower) {
                        let start = t.words[name.lowerBound].start, end = t.words[name.upperBound - 1].end
                        let isPerson = entityCovering(start, end).map { entities[$0].type == .person } ?? (name.count >= 2)
                        if isPerson {
                            names += 1
                            let last = t.words[name.upperBound - 1]
                            named = t.isPossessive(last) ? String(last.text.dropLast(2)) : last.text
                        }
                    }
                    k = run.upperBound
                    continue
                }
                // Words are compared by a switch, not hashed: this pass reads every word of the article.
                if w.isWord, !w.isCapitalised || k == sentence.lowerBound, let g = Lexicon.genderOfPronoun(w.lower) {
                    if names == 1, let n = named { vote(n, g, 1) }
                    break
                }
                if names == 1, let n = named, w.isWord, !w.isCapitalised, k > sentence.lowerBound,
                   t.words[k - 1].lower == "a" || t.words[k - 1].lower == "the", let g = Lexicon.genderedWords[w.lower] {
                    vote(n, g, 2)  // "Lopez, a spokeswoman for ..."
                }
                k += 1
            }
        }
        for (surname, v) in votes where v.male != v.female {
            if v.male >= 2 * v.female { genderBySurname[surname] = .male } else if v.female >= 2 * v.male { genderBySurname[surname] = .female }
        }
        genders.table = genderBySurname
        return genderBySurname
    }

    mutating func rememberSpeaker(_ speaker: ResolvedSpeaker, paragraph: Int) {
        guard speaker.isPerson, let name = speaker.name else { return }
        if let last = personSpeakers.last, last.speaker.name == name {
            personSpeakers[personSpeakers.count - 1].paragraph = paragraph
            return
        }
        personSpeakers.removeAll { $0.speaker.name == name }
        personSpeakers.append((speaker, paragraph))
    }

    /// Whether the article tells that `r` has the gender of `pronoun` (not only that nothing says otherwise).
    func surelyAgrees(_ r: ResolvedSpeaker, with pronoun: String) -> Bool {
        guard let name = r.name, let g = genderBySurname[String(name.split(separator: " ").last ?? "")] else { return false }
        return (pronoun == "he") == (g == .male)
    }

    /// Whether the subject pronoun `pronoun` occurs in the sentence of word `k` before it: a person named after
    /// it in that sentence ("she was more nervous than Rose Hall") is not who the pronoun stands for.
    func samePronounBefore(_ k: Int, _ pronoun: String) -> Bool {
        var lo = 0, hi = t.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if t.sentences[mid].upperBound <= k { lo = mid + 1 } else { hi = mid }
        }
        guard lo < t.sentences.count else { return false }
        var j = t.sentences[lo].lowerBound
        while j < k {
            if t.words[j].region < 0, t.words[j].lower == pronoun, t.words[j].isWord { return true }
            j += 1
        }
        return false
    }

    /// Whether `r` may be the "he" or "she" of `pronoun`: yes unless the article tells otherwise.
    func agrees(_ r: ResolvedSpeaker, with pronoun: String?) -> Bool {
        guard let p = pronoun, !genderBySurname.isEmpty, let name = r.name else { return true }
        let surname = String(name.split(separator: " ").last ?? "")
        guard let g = genderBySurname[surname] else { return true }
        return (p == "he") == (g == .male)
    }

    // MARK: - Names known from the text

    private mutating func collectNames() {
        for sentence in t.sentences {
            var k = sentence.lowerBound
            while k < sentence.upperBound {
                guard t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: sentence.upperBound) else { k += 1; continue }
                let name = t.nameWithinRun(run)
                var titles: Set<String> = []
                for j in run.lowerBound..<name.lowerBound where t.words[j].isWord {
                    let l = t.words[j].lower
                    titles.insert(Lexicon.titleAbbreviations[l] ?? l)
                }
                var p = run.lowerBound - 1
                while p >= sentence.lowerBound, p >= run.lowerBound - 2, t.words[p].isWord, !t.words[p].isCapitalised {
                    titles.insert(t.words[p].lower)
                    p -= 1
                }
                if name.count >= 2 || (!titles.isEmpty && name.count == 1) {
                    var text = t.slice(t.words[name.lowerBound].start, t.words[name.upperBound - 1].end)
                    if t.isPossessive(t.words[name.upperBound - 1]) { text = String(text.dropLast(2)) }
                    fullNames.append((name, text, titles))
                }
                k = run.upperBound
            }
        }
    }

    /// A person's name without the titles before it ("Superintendent Jennifer McCormick", "Cmdr. Sean
    /// Robertson"), as the recognizer may keep them. Organisation names and royal titles stay whole.
    static func withoutTitles(_ name: String) -> String {
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let lastPart = parts.last, !Lexicon.organisationWords.contains(lastPart.lowercased()) else { return name }
        var first = 0
        // "Said Rita Vance": a reporting verb opening the sentence is no part of the name after it.
        if let kind = Lexicon.cues[parts[0].lowercased()], kind == .say || kind == .that { first = 1 }
        // "Would Dana Whitfield": an auxiliary opening a headline's question, taken into the name.
        if parts.count >= 3, ["would", "could", "should", "might", "must", "can", "has", "have", "had", "did", "does", "is", "was", "will"].contains(parts[0].lowercased()) { first = 1 }
        while first < parts.count - 1 {
            var word = parts[first].lowercased()
            if word.hasSuffix(".") { word.removeLast() }
            let isTitle = (Lexicon.titleWords.contains(word) || Lexicon.titleAbbreviations[word] != nil) && !Lexicon.nameTitles.contains(word)
            if isTitle || (first > 0 && word == "of") { first += 1 } else { break }
        }
        guard first > 0, first < parts.count else { return name }
        if parts.count - first == 1, first == 1, Lexicon.cues[parts[0].lowercased()] != nil { return String(parts[1]) }
        return parts[first...].joined(separator: " ")
    }

    /// The fullest form of a one-word name the article gives ("Mayer" → "Kevin Mayer").
    func fullestName(_ mention: Range<Int>) -> String {
        let text = t.slice(t.words[mention.lowerBound].start, t.words[mention.upperBound - 1].end)
        guard mention.count == 1 else { return text }
        let word = t.words[mention.lowerBound].text
        // Not the tail of a longer name ("of Vietnam" from "Diplomatic Academy of Vietnam").
        for n in fullNames where n.range.count >= 2 && n.text.hasSuffix(" " + word) && n.text.unicodeScalars.first.map(QuoteText.isUpper) == true {
            return n.text
        }
        return text
    }

    func entityCovering(_ start: Int, _ end: Int) -> Int? {
        var lo = 0, hi = entityMentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entityMentions[mid].0 < end { lo = mid + 1 } else { hi = mid }
        }
        var best: Int? = nil
        var bestLength = 0
        var i = lo - 1
        while i >= 0, i >= lo - 8 {
            let (s, e, ent) = entityMentions[i]
            if s < end, e > start, e - s > bestLength { best = ent; bestLength = e - s }
            i -= 1
        }
        return best
    }

    // MARK: - The run

    mutating func extract() {
        // One pass in text order: pronouns, roles and "the report" look back at what came before.
        for (si, sentence) in t.sentences.enumerated() {
            let paragraph = t.words[sentence.lowerBound].paragraph
            // An outlet named in a paragraph credits the quotes after it in that paragraph ("In an interview
            // with CNN, Smith defended the plan. “We will win,” he said.").
            if paragraph != viaParagraph { paragraphVia = nil; viaParagraph = paragraph }
            var via = viaOfSentence(sentence)
            if via == nil { via = paragraphVia } else { paragraphVia = via }
            var attributions = findAttributions(sentence)
            // A reporting verb that carries no content even on its own ("he thinks the number ...") must not
            // cut the content of another: drop it before reading the contents.
            let alone = contents(of: attributions, in: sentence, alone: true)
            var productive = Set(alone.map(\.attribution))
            // A report that is itself the content of another ("According to Price, Blinken highlighted ...",
            // "Price said that Blinken highlighted ...") is part of what was reported.
            for outer in alone where outer.type != .direct {
                let source = attributions[outer.attribution]
                // "According to the report, Mirzoyan urged ...": a report named without a speaker yields to the
                // speaker inside it.
                let isChannel = source.isAccordingTo && source.mention == nil
                for (j, inner) in attributions.enumerated() where j != outer.attribution && inner.sharesSpeakerWith != outer.attribution {
                    let first = t.words[inner.clauseFirst]
                    let opens = first.start == outer.start
                        || (inner.clauseFirst > 0 && t.words[inner.clauseFirst - 1].lower == "that" && t.words[inner.clauseFirst - 1].start >= outer.start)
                    if opens, first.start < outer.end, inner.cueFirst > outer.attribution {
                        if isChannel { productive.remove(outer.attribution) } else { productive.remove(j) }
                    }
                }
            }
            if productive.count < attributions.count { attributions = keeping(productive, of: attributions) }
            var found = contents(of: attributions, in: sentence, alone: false)
            dropNested(&found, attributions)
            found.sort { $0.start < $1.start }
            var resolved: [Int: ResolvedSpeaker] = [:]
            for q in found {
                if let r = q.region { usedRegions.insert(r) }
                let speaker = resolve(attribution: q.attribution, attributions, sentence: sentence, sentenceIndex: si, cache: &resolved)
                let a = attributions[q.attribution]
                let withAuxiliary = a.cueFirst > sentence.lowerBound && t.words[a.cueFirst - 1].region < 0
                    && ["has", "have", "had"].contains(t.words[a.cueFirst - 1].lower)
                let cueSpan = t.span(t.words[withAuxiliary ? a.cueFirst - 1 : a.cueFirst].start, t.words[a.cueLast].end)
                quotes.append(Quote(span: t.span(q.start, q.end), type: q.type, speaker: speaker.name,
                                    speakerEntity: speaker.entity, speakerMention: speaker.mention, cue: cueSpan.text,
                                    cueSpan: cueSpan, via: via?.0 == speaker.name ? nil : via?.0,
                                    viaEntity: via?.0 == speaker.name ? nil : via?.1))
                if speaker.name != nil {
                    lastSpeaker = speaker
                    lastSpeakerParagraph = paragraph
                    rememberSpeaker(speaker, paragraph: paragraph)
                }
                lastQuoteSpeakerInParagraph[paragraph] = (speaker, cueSpan.text, cueSpan)
            }
            // "Smith said:" closing a paragraph introduces the quotation of the next one.
            if found.isEmpty, let a = attributions.last, t.words[sentence.upperBound - 1].text == ":", a.cueLast >= sentence.upperBound - 4 {
                var cache: [Int: ResolvedSpeaker] = [:]
                let speaker = resolve(attribution: attributions.count - 1, attributions, sentence: sentence, sentenceIndex: si, cache: &cache)
                let cueSpan = t.span(t.words[a.cueFirst].start, t.words[a.cueLast].end)
                lastQuoteSpeakerInParagraph[paragraph] = (speaker, cueSpan.text, cueSpan)
            }
            // Quotations no reporting verb claims: they may go on with the last quote's speaker.
            for k in sentence where t.words[k].region >= 0 {
                let r = t.words[k].region
                guard t.words[k].start == t.regions[r].open, !usedRegions.contains(r) else { continue }
                if let q = verblessAttribution(r, sentence: sentence, sentenceIndex: si, via: via)
                    ?? standaloneQuotation(r, sentence: sentence, sentenceIndex: si, via: via) {
                    usedRegions.insert(r)
                    quotes.append(q)
                }
            }
        }
        quotes.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
        for i in quotes.indices { if let name = quotes[i].speaker { quotes[i].speaker = Self.withoutTitles(name) } }
        var written: [String: String] = [:]
        for e in entities where e.type == .person {
            let name = nameAsWritten(e)
            if name != e.name { written[e.name] = name }
        }
        if !written.isEmpty {
            for i in quotes.indices { if let name = quotes[i].speaker, let full = written[name] { quotes[i].speaker = full } }
        }
        creditInterview()
        var seen: Set<Int> = []
        quotes = quotes.filter { seen.insert($0.span.start &* 1_000_003 &+ $0.span.end).inserted }
    }

    /// `“...” — John Smith` and `Smith: “...”`: a speaker named beside a quotation with no verb.
    mutating func verblessAttribution(_ r: Int, sentence: Range<Int>, sentenceIndex si: Int, via: (String, String?)?) -> Quote? {
        let region = t.regions[r]
        var k = sentence.lowerBound
        while k < sentence.upperBound, t.words[k].region != r { k += 1 }
        let openWord = k
        while k < sentence.upperBound, t.words[k].region == r { k += 1 }
        let afterClose = k
        var mention: SpeakerMention? = nil
        if afterClose + 1 < sentence.upperBound, ["\u{2014}", "\u{2013}", "-"].contains(t.words[afterClose].text),
           let run = t.capitalisedRun(startingAt: afterClose + 1, before: sentence.upperBound) {
            // Nothing but punctuation or an appositive after the name.
            let rest = run.upperBound
            if rest >= sentence.upperBound || t.words[rest].text == "," || t.words[rest].text == "." {
                let name = t.nameWithinRun(run)
                if !name.isEmpty { mention = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound) }
            }
        } else if openWord >= 2, t.words[openWord - 1].text == ":", t.isNameWord(openWord - 2),
                  let run = t.capitalisedRun(endingAt: openWord - 2, notBefore: sentence.lowerBound), run.lowerBound == sentence.lowerBound {
            let name = t.nameWithinRun(run)
            if !name.isEmpty { mention = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound) }
        } else if openWord >= 3, t.words[openWord - 1].text == ":", openWord - 2 > sentence.lowerBound,
                  Lexicon.speechNouns.contains(t.words[openWord - 2].lower), t.isPossessive(t.words[openWord - 3]),
                  let run = t.capitalisedRun(endingAt: openWord - 3, notBefore: sentence.lowerBound) ?? possessiveRun(endingAt: openWord - 3, sentence),
                  run.lowerBound == sentence.lowerBound || !t.words[run.lowerBound - 1].isWord {
            // "Smith’s response: “...”", "The minister’s verdict: “...”".
            let name = t.nameWithinRun(run)
            if !name.isEmpty { mention = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound) }
        } else if openWord >= 3, t.words[openWord - 1].text == ":", openWord - sentence.lowerBound <= 10, region.endsUtterance,
                  afterClose >= sentence.upperBound || !t.words[afterClose].isWord {
            // "Smith put it bluntly: “...”", "She had a message for voters: “...”": a person opening the sentence
            // introduces the quotation after the colon.
            let first = sentence.lowerBound
            if ["he", "she"].contains(t.words[first].lower) {
                mention = SpeakerMention(kind: .pronoun(t.words[first].lower), first: first, last: first, clauseFirst: first)
            } else if t.isNameWord(first), let run = t.capitalisedRun(startingAt: first, before: openWord - 1), run.upperBound < openWord - 1,
                      !t.words[run.upperBound - 1].isPossessive {
                let name = t.nameWithinRun(run)
                let start = name.isEmpty ? 0 : t.words[name.lowerBound].start, end = name.isEmpty ? 0 : t.words[name.upperBound - 1].end
                let isPerson = !name.isEmpty && (entityCovering(start, end).map { entities[$0].type == .person }
                    ?? !Lexicon.organisationWords.contains(t.words[name.upperBound - 1].lower))
                if isPerson { mention = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound) }
            }
        }
        guard let m = mention, region.wordCount >= 2 else { return nil }
        let speaker = resolve(mention: m, sentence: sentence, sentenceIndex: si)
        lastQuoteSpeakerInParagraph[t.words[sentence.lowerBound].paragraph] = (speaker, nil, nil)
        if speaker.name != nil {
            lastSpeaker = speaker
            lastSpeakerParagraph = t.words[sentence.lowerBound].paragraph
            rememberSpeaker(speaker, paragraph: lastSpeakerParagraph)
        }
        return Quote(span: t.span(region.contentStart, region.contentEnd), type: .direct, speaker: speaker.name,
                     speakerEntity: speaker.entity, speakerMention: speaker.mention, cue: nil, cueSpan: nil,
                     via: via?.0, viaEntity: via?.1)
    }

    /// The capitalised run that ends in the possessive word `k` ("Smith’s", "Jane Doe’s").
    func possessiveRun(endingAt k: Int, _ sentence: Range<Int>) -> Range<Int>? {
        guard k >= sentence.lowerBound, t.isNameWord(k) else { return nil }
        var first = k
        while first - 1 >= sentence.lowerBound, t.isNameWord(first - 1), !t.isPossessive(t.words[first - 1]) { first -= 1 }
        return first..<(k + 1)
    }

    /// A quotation that no reporting verb in its sentence claims. It is a quote when it stands as a sentence of
    /// its own after a quote of the same paragraph ("“A,” he said. “B.”") or right after a paragraph that
    /// ends by introducing a speaker; otherwise it is a title, a term or a scare quote and is left alone.
    mutating func standaloneQuotation(_ r: Int, sentence: Range<Int>, sentenceIndex si: Int, via: (String, String?)?) -> Quote? {
        let region = t.regions[r]
        let first = sentence.lowerBound
        guard t.words[first].start == region.open else { return nil }
        // The rest of the sentence after the quotation must be punctuation only.
        var k = first
        while k < sentence.upperBound, t.words[k].region == r { k += 1 }
        while k < sentence.upperBound, !t.words[k].isWord { k += 1 }
        guard k >= sentence.upperBound else { return nil }
        let paragraph = t.words[first].paragraph
        var inherited: (ResolvedSpeaker, String?, Span?)? = lastQuoteSpeakerInParagraph[paragraph]
        if inherited == nil, region.wordCount >= 4, let last = lastQuoteSpeakerInParagraph[paragraph - 1] {
            // The previous paragraph's last sentence introduced this speaker ("Parise said:"), or the quote
            // goes on from a quotation that closed the previous paragraph.
            if si > 0, t.words[t.sentences[si - 1].lowerBound].paragraph == paragraph - 1 {
                let previous = t.sentences[si - 1]
                let lastWord = t.words[previous.upperBound - 1]
                if lastWord.text == ":" || lastWord.region >= 0 || lastWord.text == "." {
                    inherited = last
                }
            }
        }
        // The quotation's own words end the utterance, or the sentence's final mark stands outside it ("…”.").
        let endsSentence = region.endsUtterance || (k - 1 > first && ["." , "!", "?"].contains(t.words[k - 1].text) && t.words[k - 1].region < 0)
        if inherited == nil, region.wordCount >= 4, endsSentence, first > 0, t.words[first - 1].paragraph == paragraph, si > 0 {
            // A sentence that is one whole quotation inside a paragraph about someone ("Walsh did not hold back.
            // “We have been forgotten.”"): the person the previous sentence is about said it.
            let previous = t.sentences[si - 1]
            let person = firstPerson(in: previous) ?? nearestName(before: first, sentenceIndex: si, person: true)
            let speaker = person ?? ResolvedSpeaker(name: nil, entity: nil, mention: nil, isPerson: false)
            lastQuoteSpeakerInParagraph[paragraph] = (speaker, nil, nil)
            return Quote(span: t.span(region.contentStart, region.contentEnd), type: .direct, speaker: speaker.name,
                         speakerEntity: speaker.entity, speakerMention: nil, cue: nil, cueSpan: nil,
                         via: via?.0, viaEntity: via?.1)
        }
        if inherited == nil, region.wordCount >= 4, endsSentence, first > 0, t.words[first - 1].paragraph < paragraph {
            // A paragraph that is one whole quotation, after a paragraph about someone: the person the text
            // was just about said it; when nobody was, the quote stays without a speaker.
            if let person = nearestName(before: first, sentenceIndex: si, person: true) {
                inherited = (person, nil, nil)
            } else {
                inherited = (ResolvedSpeaker(name: nil, entity: nil, mention: nil, isPerson: false), nil, nil)
            }
            let q = Quote(span: t.span(region.contentStart, region.contentEnd), type: .direct, speaker: inherited!.0.name,
                          speakerEntity: inherited!.0.entity, speakerMention: nil, cue: nil, cueSpan: nil,
                          via: via?.0, viaEntity: via?.1)
            lastQuoteSpeakerInParagraph[paragraph] = inherited
            return q
        }
        guard let (speaker, cue, cueSpan) = inherited, speaker.name != nil || speaker.mention != nil else { return nil }
        lastQuoteSpeakerInParagraph[paragraph] = (speaker, cue, cueSpan)
        return Quote(span: t.span(region.contentStart, region.contentEnd), type: .direct, speaker: speaker.name,
                     speakerEntity: speaker.entity, speakerMention: speaker.mention, cue: cue, cueSpan: cueSpan,
                     via: via?.0, viaEntity: via?.1)
    }

    /// The attributions in `kept`, renumbered; a shared speaker points to the nearest kept one before.
    func keeping(_ kept: Set<Int>, of attributions: [Attribution]) -> [Attribution] {
        var newIndex: [Int: Int] = [:]
        var out: [Attribution] = []
        for (i, a) in attributions.enumerated() where kept.contains(i) {
            var b = a
            if let s = a.sharesSpeakerWith {
                var j = s
                while j >= 0, newIndex[j] == nil { j -= 1 }
                b.sharesSpeakerWith = j >= 0 ? newIndex[j] : nil
                if b.sharesSpeakerWith == nil, b.mention == nil, let m = b.fallbackMention { b.mention = m }
            }
            newIndex[i] = out.count
            out.append(b)
        }
        return out
    }

    // MARK: - Reporting verbs

    func findAttributions(_ sentence: Range<Int>) -> [Attribution] {
        var result: [Attribution] = []
        let w = t.words
        var k = sentence.lowerBound
        while k < sentence.upperBound {
            defer { k += 1 }
            guard w[k].isWord, w[k].region < 0 else { continue }
            let lower = w[k].lower
            if lower == "according", k + 1 < sentence.upperBound, w[k + 1].lower == "to" {
                if let a = accordingTo(k, sentence) { result.append(a) }
                k += 1
                continue
            }
            // "per the WHO", "per Raman": the informal "according to", set off by a comma or ending the sentence.
            if lower == "per", k > sentence.lowerBound, w[k - 1].text == ",", k + 1 < sentence.upperBound,
               w[k + 1].isCapitalised || w[k + 1].lower == "the" {
                if let a = accordingTo(k, sentence, nameAt: k + 1) { result.append(a) }
                continue
            }
            // "described the idea that ... as “certainly absurd”", "to describe his city as a “gas chamber”", "sees
            // the lineup as its “Achilles heel”": what is described, with the quoted words it was called, is the content.
            if !w[k].isCapitalised, Lexicon.mayBeCue(lower), Lexicon.portrayalVerbs.contains(lower), k > sentence.lowerBound,
               k + 2 < sentence.upperBound, w[k + 1].isWord, w[k + 1].region < 0, w[k + 1].lower != "as",
               next(k) != "by", !["been", "was", "were", "is", "are", "be", "being"].contains(w[k - 1].lower),
               !Lexicon.nounDeterminers.contains(w[k - 1].lower),
               let r = quotationAfterAs(k, sentence, limit: 22, determiner: true) {
                let infinitive = w[k - 1].lower == "to"
                let participle = lower.hasSuffix("ing")
                let m = participle || infinitive ? participleSubject(k, sentence) : t.subjectBefore(k, sentenceStart: sentence.lowerBound)
                let shares = participle && !infinitive ? result.indices.last : nil
                if m != nil || shares != nil {
                    let region = w[r].region
                    var close = r
                    while close + 1 < sentence.upperBound, w[close + 1].region == region { close += 1 }
                    var a = Attribution(cueFirst: k, cueLast: k, kind: .say, mention: shares == nil ? m : nil, sharesSpeakerWith: shares,
                                        afterStart: k + 1, clauseFirst: m?.clauseFirst ?? k)
                    if shares != nil { a.fallbackMention = m }
                    if infinitive || shares != nil { a.clauseFirst = k }
                    a.contentLast = close
                    result.append(a)
                    continue
                }
            }
            if !w[k].isCapitalised, Lexicon.mayBeCue(lower), Lexicon.verdictVerbs.contains(lower), k > sentence.lowerBound,
               !Lexicon.nounDeterminers.contains(w[k - 1].lower), !["been", "was", "were", "is", "are", "be", "being"].contains(w[k - 1].lower),
               let r = quotationAfterAs(k, sentence),
               let m = lower.hasSuffix("ing") ? participleSubject(k, sentence) : t.subjectBefore(k, sentenceStart: sentence.lowerBound) {
                // "rejected the accusations as “patently false”", "dismissed the idea as “absurd”": the quotation
                // after "as" is what the subject called it.
                result.append(Attribution(cueFirst: k, cueLast: k, kind: .say, mention: m, sharesSpeakerWith: nil,
                                          afterStart: r, clauseFirst: m.clauseFirst))
                continue
            }
            // "Said Smith: “...”", "Added the minister, “...”": a verb opening the sentence before its subject
            // and a quotation.
            if k == sentence.lowerBound, w[k].isCapitalised, Lexicon.mayBeCue(lower), let kind = Lexicon.cues[lower],
               kind == .say || kind == .that, lower.hasSuffix("ed") || lower == "said" || lower == "says",
               let m = t.subjectAfter(k + 1, sentenceEnd: sentence.upperBound), m.kind != .group {
                var after = m.last + 1
                while after < sentence.upperBound, after - m.last <= 8, w[after].region < 0, w[after].text != ":" { after += 1 }
                if after < sentence.upperBound, regionStarting(at: after, before: sentence.upperBound) != nil {
                    result.append(Attribution(cueFirst: k, cueLast: k, kind: .say, mention: m, sharesSpeakerWith: nil,
                                              afterStart: after, clauseFirst: k))
                } else if m.last + 1 < sentence.upperBound, w[m.last + 1].text == ",", regionStarting(at: m.last + 1, before: sentence.upperBound) != nil {
                    result.append(Attribution(cueFirst: k, cueLast: k, kind: .say, mention: m, sharesSpeakerWith: nil,
                                              afterStart: m.last + 1, clauseFirst: k))
                }
                continue
            }
            // "Mr. Trump’s Oct. 11 announcement that ...", "the company’s claim that ...": a noun of speech after
            // its speaker's possessive reports what follows "that".
            if !w[k].isCapitalised, k + 2 < sentence.upperBound, w[k + 1].lower == "that", Lexicon.speechNounsBeforeThat.contains(lower),
               let m = possessiveSpeaker(before: k, sentence) {
                result.append(Attribution(cueFirst: k, cueLast: k + 1, kind: .that, mention: m, sharesSpeakerWith: nil,
                                          afterStart: k + 2, clauseFirst: m.clauseFirst))
                k += 1
                continue
            }
            // Most words have no reporting verb's first letter and length: skip them without hashing.
            guard !w[k].isCapitalised, Lexicon.mayBeCue(lower) else { continue }
            let previous = k > sentence.lowerBound ? w[k - 1].lower : ""
            let next = k + 1 < sentence.upperBound ? w[k + 1].lower : ""
            var cueFound = Lexicon.cues[lower]
            // "is urging", "are saying": a progressive reports like the finite verb.
            if ["is", "are", "was", "were"].contains(previous), let progressive = Lexicon.progressives[lower] { cueFound = progressive }
            // "A new ABC News poll shows ...": a finding reports only after a poll, a study or a report.
            if cueFound == nil, Lexicon.findingVerbs.contains(lower),
               let m = t.subjectBefore(k, sentenceStart: sentence.lowerBound), Lexicon.findingNouns.contains(w[m.last].lower) {
                cueFound = .that
            }
            guard var kind = cueFound, !w[k].isCapitalised else { continue }
            // "an alleged trafficker", "his alleged role": after a determiner the verb is a noun or an adjective.
            if Lexicon.nounDeterminers.contains(previous) { continue }
            // "X reported that teenagers who have reported vaping ...": a restrictive relative clause (no
            // comma before "who") after an earlier report is part of that report's content; "Smith, who has said
            // ..." still reports.
            if !result.isEmpty, isInRestrictiveRelative(k, sentence) { continue }
            // "pointed out that": only with "out" is it a report.
            var cueLast = k
            if lower == "pointed" || lower == "points" {
                guard next == "out" else { continue }
                cueLast = k + 1
            }
            // Channel phrases and passives: "as reported by", "cited by".
            if next == "by" { continue }
            // A relative clause ("a campaign that encouraged ...") reports nothing of its own.
            if previous == "that" || previous == "which" { continue }
            if previous == "as", kind != .participle, lower != "said", lower != "says" {
                // "as Gizmodo explained" is a speaker; "as reported" is not.
                continue
            }
            if Lexicon.baseForms.contains(lower), Lexicon.modalsBlockingBase.contains(previous) { continue }
            if kind == .participle, previous == "as" {
                // "cited Ned Price as saying", "was quoted as saying".
                if let a = asSaying(k, sentence) { result.append(a) }
                continue
            }
            if kind == .participle, ["without", "by", "for", "of", "about", "is", "was", "were", "are", "be", "been", "start", "started", "began", "keep", "kept"].contains(previous) { continue }
            if lower.hasSuffix("ing"), kind != .participle, previous == "been" { continue }
            // "cited X as saying" is read at "saying".
            if lower == "cited" || lower == "cites" || lower == "quoted" {
                var j = k + 1, hasAs = false
                while j < min(sentence.upperBound, k + 10) {
                    if w[j].lower == "as", j + 1 < sentence.upperBound, w[j + 1].lower == "saying" { hasAs = true; break }
                    j += 1
                }
                if hasAs { continue }
            }
            if ["called", "calls", "described", "describes", "labelled", "labeled", "branded", "dubbed", "calling", "describing"].contains(lower),
               next != "on", next != "for" {
                // A passive ("been dubbed “feather duvet lung”") names a term, not what someone said.
                if ["been", "being", "be", "was", "were", "is", "are", "often", "sometimes", "also", "instead", "so"].contains(previous) { continue }
                // "called it an “extremely adverse development”", "described the game as “a disaster”".
                var j = k + 1
                while j < sentence.upperBound, j - k <= 6, w[j].region < 0, w[j].isWord { j += 1 }
                guard j < sentence.upperBound, w[j].region >= 0, w[j].start == t.regions[w[j].region].open,
                      let m = lower.hasSuffix("ing") ? participleSubject(k, sentence) : t.subjectBefore(k, sentenceStart: sentence.lowerBound) else { continue }
                var a = Attribution(cueFirst: k, cueLast: k, kind: .say, mention: m, sharesSpeakerWith: nil,
                                    afterStart: j, clauseFirst: m.clauseFirst)
                // "called the new plan a “bold step”": what was called so is reported with the quoted words (a
                // mixed quote); after "it", "them" or "as" the quotation alone is.
                if (k + 1..<j).contains(where: { !Lexicon.objectPronouns.contains(w[$0].lower) && !Lexicon.nounDeterminers.contains(w[$0].lower) && w[$0].lower != "as" }) {
                    var close = j
                    while close + 1 < sentence.upperBound, w[close + 1].region == w[j].region { close += 1 }
                    a.afterStart = k + 1
                    a.contentLast = close
                }
                result.append(a)
                continue
            }
            // A passive ("have been accused of", "was told by") makes the subject the one spoken to or about.
            if lower.hasSuffix("ed"), ["been", "was", "were", "is", "are", "be", "being"].contains(previous) { continue }
            if lower == "called" { kind = .urge }
            var mention: SpeakerMention? = nil
            var shares: Int? = nil
            var afterStart = k + 1
            var clauseFirst = k
            var conjunction = k - 1
            while conjunction >= sentence.lowerBound, w[conjunction].isWord, Lexicon.adverbs.contains(w[conjunction].lower) { conjunction -= 1 }
            let afterAnd = conjunction >= sentence.lowerBound && (w[conjunction].lower == "and" || w[conjunction].lower == "but")
            var fallback: SpeakerMention? = nil
            if kind == .participle, let m = withPhraseSubject(k, sentence) {
                // "with local reports suggesting ...": the noun phrase after "with" is the participle's subject.
                mention = m
                clauseFirst = m.clauseFirst - 1
            } else if kind == .participle || afterAnd {
                // "..., saying", "X stated that ... and further added that": the clause's subject speaks.
                shares = result.indices.last
                // "Vietnam is one of the critics of ... and has accused Beijing": after "and", a name that opens the
                // sentence before its verb is the subject, not the last name before the cue.
                fallback = (afterAnd && kind != .participle ? sentenceOpeningSubject(sentence, before: conjunction) : nil)
                    ?? participleSubject(k, sentence)
                if shares == nil { mention = fallback }
                clauseFirst = afterAnd ? conjunction : k
            } else if let m = t.subjectBefore(k, sentenceStart: sentence.lowerBound) {
                // "there were 412 cases reported last year": a counted noun before a past form is what the
                // participle describes, not a speaker.
                if m.kind == .group, lower.hasSuffix("ed"),
                   t.words[m.first].text.unicodeScalars.first.map({ $0.properties.numericType != nil }) == true { continue }
                mention = m
                clauseFirst = m.clauseFirst
            } else if let m = relativeAntecedent(k, sentence) {
                // "the coalition forces, who have said they need ...": the name before "who" speaks.
                mention = m
                clauseFirst = m.clauseFirst
            } else {
                var p = k - 1
                while p >= sentence.lowerBound, w[p].isWord, Lexicon.adverbs.contains(w[p].lower) { p -= 1 }
                if p >= sentence.lowerBound, w[p].lower == "and" || w[p].lower == "but", let last = result.indices.last {
                    shares = last
                    clauseFirst = p
                } else if p < sentence.lowerBound || !w[p].isWord || w[p].region >= 0 {
                    // Inverted: `“...,” said the actor`.
                    if let m = t.subjectAfter(k + 1, sentenceEnd: sentence.upperBound) {
                        mention = m
                        afterStart = m.last + 1
                    }
                    clauseFirst = k
                } else {
                    continue
                }
            }
            if Lexicon.baseForms.contains(lower), shares == nil {
                // "officials say", "they tell": a base form reports speech only after a plural subject.
                guard let m = mention else { continue }
                switch m.kind {
                case .group, .pronoun("they"), .pronoun("we"): break
                case .name where w[m.last].lower.hasSuffix("s"): break
                default: continue
                }
            }
            var a = Attribution(cueFirst: k, cueLast: cueLast, kind: kind, mention: mention, sharesSpeakerWith: shares,
                                afterStart: max(afterStart, cueLast + 1), clauseFirst: clauseFirst)
            a.fallbackMention = fallback
            result.append(a)
        }
        return result
    }

    /// The lower-case noun phrase between "with" and the participle at `k` ("with local reports suggesting",
    /// "with many residents saying"); names are read by `participleSubject`.
    func withPhraseSubject(_ k: Int, _ sentence: Range<Int>) -> SpeakerMention? {
        var p = k - 1
        while p > sentence.lowerBound, k - p <= 4, t.words[p].isWord, t.words[p].region < 0, !t.words[p].isCapitalised, t.words[p].lower != "with" { p -= 1 }
        guard p >= sentence.lowerBound, p < k - 1, t.words[p].lower == "with", !(p + 1..<k).contains(where: { ["and", "or", "but"].contains(t.words[$0].lower) }),
              let m = t.nounPhrase(endingAt: k - 1, sentenceStart: sentence.lowerBound), m.first == p + 1, m.kind == .group else { return nil }
        return m
    }

    /// Whether the verb at `k` follows "who" (auxiliaries and adverbs between) with no comma before "who".
    func isInRestrictiveRelative(_ k: Int, _ sentence: Range<Int>) -> Bool {
        var p = k - 1
        while p > sentence.lowerBound, t.words[p].isWord, Lexicon.auxiliaries.contains(t.words[p].lower) || Lexicon.adverbs.contains(t.words[p].lower) { p -= 1 }
        guard p > sentence.lowerBound, t.words[p].lower == "who" else { return false }
        let before = t.words[p - 1]
        return before.isWord && before.region < 0 && !before.isCapitalised
    }

    /// The name whose possessive qualifies the noun at `k`, a date or an adjective or two between:
    /// "Mr. Trump’s Oct. 11 announcement", "Acme’s latest claim".
    func possessiveSpeaker(before k: Int, _ sentence: Range<Int>) -> SpeakerMention? {
        var p = k - 1
        while p >= sentence.lowerBound, k - p <= 5, !(t.words[p].isPossessive && t.isNameWord(p)) {
            let x = t.words[p]
            guard x.region < 0, x.isWord || x.text == "." else { return nil }
            p -= 1
        }
        guard p >= sentence.lowerBound, k - p <= 5, t.words[p].isPossessive, t.isNameWord(p) else { return nil }
        // "The Verge’s report today claims that": the noun after the possessive is the subject and the word at `k`
        // its verb.
        if (p + 1..<k).contains(where: { Lexicon.reportNouns.contains(t.words[$0].lower) || Lexicon.findingNouns.contains(t.words[$0].lower) }) { return nil }
        var first = p
        while first - 1 >= sentence.lowerBound, t.isNameWord(first - 1), !t.isPossessive(t.words[first - 1]) { first -= 1 }
        let name = t.nameWithinRun(first..<(p + 1))
        guard !name.isEmpty else { return nil }
        return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: first)
    }

    /// The name that opens the sentence right before an auxiliary or a reporting verb ("Vietnam is ...",
    /// "Acme has ..."), when it ends before `limit`.
    func sentenceOpeningSubject(_ sentence: Range<Int>, before limit: Int) -> SpeakerMention? {
        let first = sentence.lowerBound
        guard t.isNameWord(first), let run = t.capitalisedRun(startingAt: first, before: limit), run.upperBound < limit,
              !t.words[run.upperBound - 1].isPossessive else { return nil }
        var verbAt = run.upperBound
        // "The US Embassy in Lima keeps ...": a place after the name belongs to the subject.
        if verbAt + 1 < limit, ["in", "at"].contains(t.words[verbAt].lower), let place = t.capitalisedRun(startingAt: verbAt + 1, before: limit),
           place.upperBound < limit {
            verbAt = place.upperBound
        }
        let verb = t.words[verbAt]
        guard verb.isWord, !verb.isCapitalised, Lexicon.auxiliaries.contains(verb.lower) || Lexicon.cues[verb.lower] != nil else { return nil }
        if run.count == 1, t.isCommonNounAtSentenceStart(first, sentenceStart: first) { return nil }
        let name = t.nameWithinRun(run)
        guard !name.isEmpty else { return nil }
        return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: first)
    }

    /// The lower-case word after `k`, or "".
    func next(_ k: Int) -> String { k + 1 < t.words.count ? t.words[k + 1].lower : "" }

    /// The word that opens a quotation right after "as", within `limit` words after the verb at `k`.
    /// With `determiner`, one determiner may stand between "as" and the quotation ("as a “gas chamber”").
    func quotationAfterAs(_ k: Int, _ sentence: Range<Int>, limit: Int = 14, determiner: Bool = false) -> Int? {
        var j = k + 1
        while j + 1 < sentence.upperBound, j - k <= limit, t.words[j].region < 0, t.words[j].text != ";" {
            if t.words[j].lower == "as", t.words[j + 1].region >= 0, t.words[j + 1].start == t.regions[t.words[j + 1].region].open {
                return j + 1
            }
            if determiner, t.words[j].lower == "as", j + 2 < sentence.upperBound, Lexicon.nounDeterminers.contains(t.words[j + 1].lower),
               t.words[j + 1].region < 0, t.words[j + 2].region >= 0, t.words[j + 2].start == t.regions[t.words[j + 2].region].open {
                return j + 2
            }
            j += 1
        }
        return nil
    }

    /// "according to X, ..." and "..., according to X". An outlet or "the report" after it credits a channel
    /// (read by `viaOfSentence`), not a speaker.
    func accordingTo(_ k: Int, _ sentence: Range<Int>, nameAt nameStart: Int? = nil) -> Attribution? {
        let w = t.words
        var j = nameStart ?? k + 2
        guard j < sentence.upperBound else { return nil }
        var mention: SpeakerMention? = nil
        var last = j
        // "According to reports, ...", "According to The Verge’s review, ...", "According to a paper published in
        // the journal Nature on Monday, ...": opening the sentence, the source runs to the comma; a report or a
        // document is no speaker (the outlet that wrote it is read as a channel by `viaOfSentence`).
        var sourceComma: Int? = nil
        if k == sentence.lowerBound || (k - 1 == sentence.lowerBound && ["but", "and"].contains(w[k - 1].lower)) {
            var c = j
            while c < sentence.upperBound, c - j <= 16, w[c].region < 0, w[c].text != ",", w[c].text != ";" { c += 1 }
            if c < sentence.upperBound, c > j, w[c].text == "," { sourceComma = c }
        }
        func channel() -> Attribution? {
            guard let c = sourceComma else { return nil }
            return Attribution(cueFirst: k, cueLast: nameStart.map { $0 - 1 } ?? k + 1, kind: .say, mention: nil, sharesSpeakerWith: nil,
                               isAccordingTo: true, afterStart: c, clauseFirst: k)
        }
        if let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound) {
            if isOutletRun(run) {
                // "According to Reuters, ...": the outlet reports it itself and is the speaker.
                guard let c = sourceComma, c == run.upperBound else { return nil }
                let name = t.nameWithinRun(run)
                guard !name.isEmpty else { return nil }
                return Attribution(cueFirst: k, cueLast: nameStart.map { $0 - 1 } ?? k + 1, kind: .say,
                                   mention: SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k),
                                   sharesSpeakerWith: nil, isAccordingTo: true, afterStart: c, clauseFirst: k)
            }
            let name = t.nameWithinRun(run)
            last = run.upperBound - 1
            if run.upperBound < sentence.upperBound, ["report", "reports", "article", "story", "interview"].contains(w[run.upperBound].lower) { return channel() }
            if w[last].isPossessive, let c = sourceComma, (run.upperBound..<c).contains(where: { Lexicon.reportNouns.contains(w[$0].lower) || Lexicon.findingNouns.contains(w[$0].lower) }) {
                return channel()
            }
            mention = name.isEmpty ? SpeakerMention(kind: .role(w[last].lower), first: run.lowerBound, last: last, clauseFirst: k)
                : SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k)
        } else {
            // "according to the study", "according to teachers unions".
            while last + 1 < sentence.upperBound, last - j < 6, w[last + 1].isWord, w[last + 1].region < 0,
                  !Lexicon.prepositions.contains(w[last + 1].lower) || w[last + 1].lower == "of",
                  w[last + 1].lower != "and", w[last + 1].text != "who", w[last + 1].lower != "which" {
                last += 1
            }
            guard w[j].isWord else { return nil }
            let head = w[last].lower
            if ["report", "reports", "article", "story"].contains(head) { return channel() }
            if t.isNameWord(last), let run = t.capitalisedRun(endingAt: last, notBefore: j) {
                let name = t.nameWithinRun(run)
                if isOutletRun(run) { return nil }
                if !name.isEmpty { mention = SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: k) }
            }
            if mention == nil {
                if ["he", "she", "it", "they"].contains(w[j].lower) {
                    mention = SpeakerMention(kind: .pronoun(w[j].lower), first: j, last: j, clauseFirst: k)
                } else if w[j].lower == "the", Lexicon.roleNouns.contains(head) {
                    mention = SpeakerMention(kind: .role(head), first: j, last: last, clauseFirst: k)
                } else {
                    mention = SpeakerMention(kind: .group, first: j, last: last, clauseFirst: k)
                }
            }
        }
        j = last + 1
        if let c = sourceComma, c > j { j = c }
        return Attribution(cueFirst: k, cueLast: nameStart.map { $0 - 1 } ?? k + 1, kind: .say, mention: mention, sharesSpeakerWith: nil,
                           isAccordingTo: true, afterStart: j, clauseFirst: k)
    }

    /// The name a relative "who" before the verb at `k` refers to: "Smith, who has said ...".
    func relativeAntecedent(_ k: Int, _ sentence: Range<Int>) -> SpeakerMention? {
        var p = k - 1
        while p >= sentence.lowerBound, t.words[p].isWord, Lexicon.adverbs.contains(t.words[p].lower) || Lexicon.auxiliaries.contains(t.words[p].lower) { p -= 1 }
        guard p - 2 >= sentence.lowerBound, t.words[p].lower == "who", t.words[p - 1].text == "," else { return nil }
        guard let m = t.nounPhrase(endingAt: p - 2, sentenceStart: sentence.lowerBound), m.kind == .name else { return nil }
        return SpeakerMention(kind: .name, first: m.first, last: m.last, clauseFirst: p)
    }

    /// "cited Ned Price as saying", "was quoted as saying": the speaker is the one cited.
    func asSaying(_ k: Int, _ sentence: Range<Int>) -> Attribution? {
        let w = t.words
        let asIndex = k - 1
        var mention: SpeakerMention? = nil
        if asIndex - 1 >= sentence.lowerBound, w[asIndex - 1].lower == "quoted" {
            var p = asIndex - 2
            while p >= sentence.lowerBound, ["was", "were", "is", "been", "being", "has", "had"].contains(w[p].lower) { p -= 1 }
            mention = t.nounPhrase(endingAt: p, sentenceStart: sentence.lowerBound)
        } else {
            let p = asIndex - 1
            if p >= sentence.lowerBound, ["him", "her"].contains(w[p].lower) {
                mention = SpeakerMention(kind: .pronoun(w[p].lower == "him" ? "he" : "she"), first: p, last: p, clauseFirst: p)
            } else {
                mention = t.nounPhrase(endingAt: p, sentenceStart: sentence.lowerBound)
            }
        }
        return Attribution(cueFirst: k, cueLast: k, kind: .say, mention: mention, sharesSpeakerWith: nil,
                           afterStart: k + 1, clauseFirst: asIndex)
    }

    /// The subject of the clause a participle hangs on: the last name or pronoun before it that is not the
    /// object of a preposition or a possessive ("Bruce Boudreau expressed confidence ..., saying").
    func participleSubject(_ k: Int, _ sentence: Range<Int>) -> SpeakerMention? {
        var p = k - 1
        while p >= sentence.lowerBound {
            let w = t.words[p]
            if w.region >= 0 { p -= 1; continue }
            if w.isWord, ["he", "she", "it", "they"].contains(w.lower) {
                // "believes it was worth it, saying": an "it" that ends its clause is an object.
                let endsClause = w.lower == "it" && p + 1 < sentence.upperBound && !t.words[p + 1].isWord
                if !endsClause { return SpeakerMention(kind: .pronoun(w.lower), first: p, last: p, clauseFirst: p) }
                p -= 1
                continue
            }
            // "Businesses and residents complain ... and say": a plural noun for a group opening the
            // sentence is the subject and names nobody.
            if p == sentence.lowerBound, w.isWord, Lexicon.groupNouns.contains(w.lower) {
                return SpeakerMention(kind: .group, first: p, last: p, clauseFirst: p)
            }
            if t.isNameWord(p), !t.isPossessive(w), let run = t.capitalisedRun(endingAt: p, notBefore: sentence.lowerBound) {
                // "Riverton police have ... and threatened": a name before a group noun only places the group.
                if run.upperBound < k, t.words[run.upperBound].isWord, !t.words[run.upperBound].isCapitalised,
                   Lexicon.groupNouns.contains(t.words[run.upperBound].lower), run.lowerBound == sentence.lowerBound {
                    return SpeakerMention(kind: .group, first: run.lowerBound, last: run.upperBound, clauseFirst: run.lowerBound)
                }
                // "with Foreign Minister Ayman Safadi warning": the name right before the participle after "with"
                // is its subject.
                if run.upperBound == k, run.lowerBound - 1 >= sentence.lowerBound, t.words[run.lowerBound - 1].lower == "with" {
                    let name = t.nameWithinRun(run)
                    if !name.isEmpty { return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound) }
                }
                // "partners, including Europe, Japan and Mexico, publicly threatening": the last of a list is
                // governed as its first member is.
                var head = run.lowerBound
                if head - 2 >= sentence.lowerBound, ["and", "or"].contains(t.words[head - 1].lower) {
                    while head - 2 >= sentence.lowerBound, [",", "and", "or"].contains(t.words[head - 1].lower), t.isNameWord(head - 2),
                          !t.isPossessive(t.words[head - 2]), let previous = t.capitalisedRun(endingAt: head - 2, notBefore: sentence.lowerBound) {
                        head = previous.lowerBound
                    }
                }
                let before = head - 1
                // "He attacked Trump over trade, saying": a name right after a verb is its object, not the subject.
                let object = before >= sentence.lowerBound && t.words[before].isWord && !t.words[before].isCapitalised
                    && t.words[before].region < 0 && !["and", "but", "then", "so", "while", "as"].contains(t.words[before].lower)
                    && !Lexicon.determiners.contains(t.words[before].lower) && !Lexicon.titleWords.contains(t.words[before].lower)
                    && !Lexicon.roleNouns.contains(t.words[before].lower) && !Lexicon.adverbs.contains(t.words[before].lower)
                    && !t.words[before].lower.hasSuffix("ly")
                let governed = object || before >= sentence.lowerBound && Lexicon.prepositions.contains(t.words[before].lower)
                let name = t.nameWithinRun(run)
                if !governed, !name.isEmpty, !(run.count == 1 && t.isCommonNounAtSentenceStart(run.lowerBound, sentenceStart: sentence.lowerBound)) {
                    return SpeakerMention(kind: .name, first: name.lowerBound, last: name.upperBound - 1, clauseFirst: run.lowerBound)
                }
                p = governed ? head - 1 : run.lowerBound - 1
                continue
            }
            p -= 1
        }
        // "The utilities commission is frustrated with ..., saying": no name, but a role phrase opening the
        // sentence before its verb is the subject.
        var j = sentence.lowerBound + 1
        while j < min(k, sentence.lowerBound + 7), t.words[j].isWord, t.words[j].region < 0 {
            if ["is", "are", "was", "were", "has", "have", "had"].contains(t.words[j].lower) {
                if t.words[sentence.lowerBound].lower == "the", let m = t.nounPhrase(endingAt: j - 1, sentenceStart: sentence.lowerBound),
                   m.first == sentence.lowerBound, case .role = m.kind {
                    return m
                }
                break
            }
            j += 1
        }
        return nil
    }

    // MARK: - Content

    /// Where reported content ends: the sentence end, or a clause that starts another report or hangs on
    /// the sentence (", but", ", saying", "as reported by").
    func contentEnd(from start: Int, _ sentence: Range<Int>, _ attributions: [Attribution], current: Int) -> Int {
        let w = t.words
        var stops = sentence.upperBound
        for (i, a) in attributions.enumerated() where i != current && a.cueFirst >= start {
            var s = a.clauseFirst
            if s < start { s = a.cueFirst }
            // Include the conjunction and comma before the clause.
            while s - 1 >= start, ["and", "but", ","].contains(w[s - 1].lower) || Lexicon.adverbs.contains(w[s - 1].lower) { s -= 1 }
            stops = min(stops, s)
        }
        var k = start
        while k < stops {
            let x = w[k]
            if x.region < 0 {
                if x.text == ";" { return k }
                // "her former label, which owns her masters, will not ...": a relative clause inside a subject that
                // has no verb yet goes on with the content.
                let relativeInSubject = w[k + 1 < stops ? k + 1 : k].lower == "which" && !looksLikeClause(from: start, k)
                if x.text == ",", k + 1 < stops, ["but", "while", "whereas", "although", "though", "which"].contains(w[k + 1].lower), !relativeInSubject {
                    // "he wasn't concerned about the call, but he did worry ...": the same pronoun subject after
                    // "but" goes on reporting the same speaker's view.
                    let sameSubject = w[k + 1].lower == "but" && k + 2 < stops && Lexicon.subjectPronouns.contains(w[start].lower)
                        && w[k + 2].lower == w[start].lower
                    if !sameSubject { return k }
                }
                if x.lower == "as", k + 2 < stops, ["reported", "cited", "quoted"].contains(w[k + 1].lower), w[k + 2].lower == "by" { return k }
                if x.text == "(" , k + 1 < stops, ["reporting", "via"].contains(w[k + 1].lower) { return k }
            }
            k += 1
        }
        return stops
    }

    /// `first..<last` trimmed of outer punctuation that lies outside quotations.
    func trimmed(_ first: Int, _ last: Int) -> (Int, Int)? {
        var a = first, b = last
        while a < b, !t.words[a].isWord, t.words[a].region < 0 || t.words[a].start != t.regions[t.words[a].region].open { a += 1 }
        while b > a, !t.words[b - 1].isWord, t.words[b - 1].region < 0 { b -= 1 }
        return b > a ? (a, b) : nil
    }

    func wordCount(_ a: Int, _ b: Int) -> Int {
        var n = 0
        for k in a..<b where t.words[k].isWord { n += 1 }
        return n
    }

    /// A content span: direct when it is exactly one quotation, mixed when it holds one, else indirect.
    func classify(_ a: Int, _ b: Int, attribution: Int) -> FoundQuote {
        let first = t.words[a], last = t.words[b - 1]
        if first.region >= 0, first.region == last.region, first.start == t.regions[first.region].open {
            let r = t.regions[first.region]
            return FoundQuote(start: r.contentStart, end: r.contentEnd, type: .direct, attribution: attribution, region: first.region)
        }
        var hasQuotation = false
        for k in a..<b where t.words[k].region >= 0 { hasQuotation = true; break }
        return FoundQuote(start: first.start, end: last.end, type: hasQuotation ? .mixed : .indirect, attribution: attribution, region: nil)
    }

    func regionEnding(before k: Int, notBefore lower: Int) -> Int? {
        var p = k - 1
        while p >= lower, !t.words[p].isWord, t.words[p].region < 0,
              [",", "\u{2014}", "\u{2013}", "-", ":"].contains(t.words[p].text) {
            p -= 1
        }
        guard p >= lower, t.words[p].region >= 0 else { return nil }
        let r = t.words[p].region
        return t.words[p].start == t.regions[r].close ? r : nil
    }

    func regionStarting(at k: Int, before upper: Int) -> Int? {
        var j = k
        while j < upper, !t.words[j].isWord, t.words[j].region < 0, [",", ":", "\u{2014}", "\u{2013}"].contains(t.words[j].text) { j += 1 }
        guard j < upper, t.words[j].region >= 0, t.words[j].start == t.regions[t.words[j].region].open else { return nil }
        return t.words[j].region
    }

    /// The content of each attribution; `alone` reads each as if it were the sentence's only one.
    func contents(of attributions: [Attribution], in sentence: Range<Int>, alone: Bool) -> [FoundQuote] {
        var result: [FoundQuote] = []
        let w = t.words
        var claimed: Set<Int> = []
        for (i, a) in attributions.enumerated() {
            // 1. A quotation right before the attribution: `“...,” Mayer said`, `“...,” said the actor`.
            let anchor = a.mention.map { min($0.clauseFirst, $0.first) } ?? a.cueFirst
            let tailAnchor = a.isAccordingTo ? a.cueFirst : min(anchor, a.cueFirst)
            var clauseStart = sentence.lowerBound
            for (j, other) in attributions.enumerated() where j < i && !alone && other.cueLast < tailAnchor {
                clauseStart = max(clauseStart, other.isAccordingTo ? other.afterStart : other.cueLast + 1)
            }
            if let r = regionEnding(before: tailAnchor, notBefore: sentence.lowerBound), !claimed.contains(r),
               t.regions[r].endsUtterance || regionIsWholeClause(r, sentence: sentence, before: tailAnchor),
               !narrationBefore(r, from: clauseStart) {
                claimed.insert(r)
                result.append(FoundQuote(start: t.regions[r].contentStart, end: t.regions[r].contentEnd, type: .direct, attribution: i, region: r))
                // Interrupted: `“A,” he said, “B.”`
                var after = max(a.afterStart, a.cueLast + 1)
                while after < sentence.upperBound, w[after].isWord, w[after].region < 0, Lexicon.adverbs.contains(w[after].lower) { after += 1 }
                // "“A,” comments Smith in a statement, “B.”": a short phrase of where or how it was said, then the comma.
                if after < sentence.upperBound, w[after].isWord, w[after].region < 0, Lexicon.prepositions.contains(w[after].lower) {
                    var c = after + 1
                    while c < sentence.upperBound, c - after <= 5, w[c].isWord, w[c].region < 0 { c += 1 }
                    if c < sentence.upperBound, w[c].text == ",", regionStarting(at: c, before: sentence.upperBound) != nil { after = c }
                }
                // The second part follows a comma or colon ("he said, “B.”"), not a preposition ("said on “DWTS”").
                if after < sentence.upperBound, w[after].text == "," || w[after].text == ":",
                   let r2 = regionStarting(at: after, before: sentence.upperBound), !claimed.contains(r2) {
                    claimed.insert(r2)
                    result.append(FoundQuote(start: t.regions[r2].contentStart, end: t.regions[r2].contentEnd, type: .direct, attribution: i, region: r2))
                }
                continue
            }
            // 2. Content after the verb.
            if let q = contentAfter(alone ? 0 : i, of: alone ? [a] : attributions, sentence, claimed: &claimed) {
                for var x in q { x.attribution = i; result.append(x) }
                continue
            }
            // 3. Content before the attribution: `..., Graham said.`
            var before = tailAnchor - 1
            guard before > sentence.lowerBound else { continue }
            if w[before].lower == "as", before - 1 > sentence.lowerBound, w[before - 1].text == ",",
               let (ca, cb) = trimmed(sentence.lowerBound, sentence.upperBound), wordCount(ca, cb) >= 5 {
                // "HP, as Gizmodo very recently explained, is a complex condition": the sentence is the content.
                result.append(classify(ca, cb, attribution: i))
                continue
            }
            if w[before].region >= 0, w[before].start == t.regions[w[before].region].close, t.regions[w[before].region].endsUtterance {
                before += 1  // `... “we want to try to help,” Sanborn said`: the comma is inside the marks
            } else if !(w[before].text == "," || w[before].text == "\u{2014}") {
                continue
            }
            var start = sentence.lowerBound
            for (j, other) in attributions.enumerated() where j < i && !alone {
                // Content cannot reach back over an earlier report in the sentence.
                if other.cueLast < before { start = max(start, other.isAccordingTo ? other.afterStart : other.cueLast + 1) }
            }
            start = skipLeadingChannel(start, before)
            // "On Tuesday morning, he posted ...": a fronted time or place is not reported content.
            if start < before, w[start].region < 0, Lexicon.prepositions.contains(w[start].lower), wordCount(start, before) <= 6 { continue }
            // "Shortly before their arrival, Webb admitted ...", "Later that evening, he said ...": a fronted
            // adverbial of time is not reported content either.
            if start < before, w[start].region < 0, w[start].lower.hasSuffix("ly") || ["later", "earlier", "afterwards", "afterward"].contains(w[start].lower),
               start + 1 < before, Lexicon.prepositions.contains(w[start + 1].lower) || ["that", "this", "last", "after"].contains(w[start + 1].lower),
               wordCount(start, before) <= 6 { continue }
            // "Disney’s teams isolated the problem, Mayer said, and “patched” the software": the report goes on.
            var n = max(a.cueLast + 1, a.afterStart)
            // "Finding water vapor on Europa, he said, is the “next best thing”": a parenthetical attribution
            // inside the subject's clause; its predicate goes on after the second comma.
            var predicateGoesOn = n + 1 < sentence.upperBound && w[n].text == "," && w[n + 1].region < 0
                && Lexicon.auxiliaries.contains(w[n + 1].lower) && !["also", "been"].contains(w[n + 1].lower)
            guard let (ca, cb) = trimmed(start, before) else { continue }
            // "That, Acme says, allows the car to ...": a demonstrative subject alone before the attribution, and a
            // verb after it.
            let demonstrative = cb == ca + 1 && ["that", "this", "it", "these", "those"].contains(w[ca].lower)
            if demonstrative, !predicateGoesOn, n + 1 < sentence.upperBound, w[n].text == ",", w[n + 1].isWord, w[n + 1].region < 0,
               !w[n + 1].isCapitalised, w[n + 1].lower.utf8.count > 3, w[n + 1].lower.hasSuffix("s") || w[n + 1].lower.hasSuffix("ed"),
               !Lexicon.prepositions.contains(w[n + 1].lower) {
                predicateGoesOn = true
            }
            guard wordCount(ca, cb) >= 3 || (w[ca].region >= 0 && t.regions[w[ca].region].wordCount >= 1)
                    || (demonstrative && predicateGoesOn) else { continue }
            let q = classify(ca, cb, attribution: i)
            if let r = q.region { if claimed.contains(r) { continue }; claimed.insert(r) }
            result.append(q)
            if n + 1 < sentence.upperBound, w[n].text == ",", w[n + 1].lower == "and" || predicateGoesOn {
                n += predicateGoesOn ? 1 : 2
                let stop = contentEnd(from: n, sentence, alone ? [a] : attributions, current: alone ? 0 : i)
                if let (na, nb) = trimmed(n, stop), wordCount(na, nb) >= 3 {
                    let more = classify(na, nb, attribution: i)
                    if more.region == nil || !claimed.contains(more.region!) {
                        if let r = more.region { claimed.insert(r) }
                        result.append(more)
                    }
                }
            }
        }
        return result
    }

    /// `That message is that ... and “we want to try to help,” Sanborn said`: words of the reporter's own
    /// before the quotation make the whole clause the content (a mixed quote), read as content before.
    func narrationBefore(_ r: Int, from clauseStart: Int) -> Bool {
        var k = clauseStart
        let open = t.regions[r].open
        var words = 0
        var lastText = ""
        while k < t.words.count, t.words[k].start < open {
            if t.words[k].isWord, t.words[k].region < 0 { words += 1 }
            lastText = t.words[k].text
            k += 1
        }
        let start = skipLeadingChannel(clauseStart, k)
        if start > clauseStart { return narrationBefore(r, from: start) }
        return words >= 2 && lastText != ":" && lastText != "," && Lexicon.cues[lastText.lowercased()] == nil
    }

    func regionIsWholeClause(_ r: Int, sentence: Range<Int>, before: Int) -> Bool {
        // The quotation opens the sentence or follows a colon: it is the whole reported content.
        var k = sentence.lowerBound
        while k < before, t.words[k].region != r { k += 1 }
        return k == sentence.lowerBound && t.regions[r].wordCount >= 2
    }

    /// "According to Reuters," or "As cited by Reuters," at a clause start is a channel, not content.
    func skipLeadingChannel(_ start: Int, _ end: Int) -> Int {
        let w = t.words
        var k = start
        if k < end, w[k].lower == "as" || w[k].lower == "according" {
            var j = k
            while j < end, w[j].text != "," { j += 1 }
            // The channel's comma may be where the stretch ends: then nothing but the channel is left.
            if j < t.words.count, w[j].text == ",", j - k <= 8 { k = j + 1 }
        }
        return k
    }

    func contentAfter(_ i: Int, of attributions: [Attribution], _ sentence: Range<Int>, claimed: inout Set<Int>) -> [FoundQuote]? {
        let a = attributions[i]
        let w = t.words
        let end = sentence.upperBound
        var k = a.afterStart
        var sawThat = false
        // "reported at least 5,000 people ...": a quantity, not a preposition.
        func isQuantity(_ j: Int) -> Bool {
            // "suggesting as many as 90 were hurt".
            if w[j].lower == "as", j + 2 < end, ["many", "much", "few", "little"].contains(w[j + 1].lower), w[j + 2].lower == "as" { return true }
            return ["at", "about", "over", "around", "up"].contains(w[j].lower) && j + 1 < end
                && (w[j + 1].lower == "least" || w[j + 1].lower == "to" || w[j + 1].text.unicodeScalars.first?.properties.numericType != nil)
        }
        if a.isAccordingTo {
            guard k < end, w[k].text == "," else { return nil }
            k += 1
        }
        // "As Emily Feng reports for NPR, the first cases ...", "As the minister noted, ...": the clause after
        // the comma is what was reported.
        var asClause = false
        // Only at the sentence start, and only with a verb that reports on its own: "As the talks continued"
        // tells when, not what.
        if let m = a.mention, a.kind == .say || a.kind == .that, !Lexicon.needsThatOrQuote.contains(w[a.cueFirst].lower),
           let asWord = w[m.clauseFirst].lower == "as" ? m.clauseFirst
            : (m.clauseFirst - 1 >= sentence.lowerBound && w[m.clauseFirst - 1].lower == "as" ? m.clauseFirst - 1 : nil),
           asWord == sentence.lowerBound {
            var j = a.cueLast + 1
            while j < end, j - a.cueLast <= 10, w[j].region < 0, w[j].text != ",", w[j].lower != "that" { j += 1 }
            if j + 1 < end, w[j].text == "," {
                k = j + 1
                asClause = true
                sawThat = true
            }
        }
        // The addressee of "told": "told reporters", "told Gizmodo by email", "told the man".
        if asClause {
            // the content starts after the comma
        } else if a.kind == .tell {
            if let that = thatAhead(k, end, limit: 10) {
                k = that + 1
                sawThat = true
            } else if k < end, let run = t.capitalisedRun(startingAt: k, before: end) {
                k = run.upperBound
            } else if k < end, Lexicon.objectPronouns.contains(w[k].lower) || w[k].lower == "reporters" {
                k += 1
            } else if k < end, Lexicon.determiners.contains(w[k].lower) {
                var j = k + 1
                while j < end, j - k < 4, w[j].isWord, w[j].lower != "to", w[j].lower != "that" { j += 1 }
                // "told the man to ...": the addressee ends before "to".
                if j < end, w[j].lower == "to" || j - k < 4 { k = j } else { k += 2 }
            } else if k < end, w[k].isWord, !w[k].isCapitalised {
                k += 1
            }
            if !sawThat, k < end, w[k].lower == "that" { k += 1; sawThat = true }
            // "told the BBC: “...”"
            if !sawThat, k < end, w[k].text == ":" || w[k].text == ",", regionStarting(at: k, before: end) != nil { k += 1 }
            // "told Gizmodo by email." has nothing after it.
            while k < end, w[k].isWord, w[k].region < 0, ["by", "in", "an", "a", "email", "phone", "interview", "statement"].contains(w[k].lower),
                  thatAhead(k, end, limit: 6) == nil {
                k += 1
            }
        } else {
            // "claimed, without evidence, that ...": a parenthesis between the verb and "that".
            if k < end, w[k].text == "," {
                var j = k + 1
                while j < end, j - k <= 7, w[j].text != ",", w[j].region < 0 { j += 1 }
                if j + 1 < end, j - k > 1, w[j].text == ",", w[j + 1].lower == "that" { k = j + 1 }
            }
            if k < end, w[k].text == ":" || (w[k].text == "," && regionStarting(at: k, before: end) != nil) { k += 1 }
            // "admitted to hiding the money", "confessed to taking it": what was admitted follows "to" (not a bare
            // noun: "admitted to the flaw" names a thing).
            if k + 1 < end, w[k].lower == "to", ["admitted", "admits", "confessed", "confesses"].contains(w[a.cueFirst].lower),
               w[k + 1].lower.hasSuffix("ing"), w[k + 1].lower.utf8.count > 4 {
                k += 1
                sawThat = true
            }
            if k < end, w[k].lower == "that" {
                k += 1
                sawThat = true
            } else if k + 1 < end, ["of", "about", "against"].contains(w[k].lower), w[k + 1].region >= 0,
                      w[k + 1].start == t.regions[w[k + 1].region].open {
                k += 1  // "warning of “dangerous consequences”"
            } else if k < end, w[k].isWord, w[k].region < 0, Lexicon.prepositions.contains(w[k].lower), !isQuantity(k) {
                // "said in a statement that", "said Tuesday that", "said on Twitter: “...”".
                if let that = thatAhead(k, end, limit: 12) {
                    k = that + 1
                    sawThat = true
                } else if let r = regionAhead(k, end, limit: 12) {
                    k = r
                } else if a.kind == .urge, w[k].lower == "to" || w[k].lower == "for" || w[k].lower == "on" || w[k].lower == "with" {
                    // "urged on", "called for", "pleaded with the administration to": keep the content.
                    if w[k].lower == "on" || w[k].lower == "for" || w[k].lower == "with" { k += 1 }
                } else {
                    return nil
                }
            } else if k < end, w[k].isWord, w[k].isCapitalised, !t.isNameWord(k) {
                // fall through: a capitalised function word can open a clause
            }
        }
        guard k < end else { return nil }
        // A quotation that is the whole content: `said: “...”`, `chanted, “A,” and “B,”`.
        if w[k].region >= 0, w[k].start == t.regions[w[k].region].open {
            let r = w[k].region
            var j = k
            while j < end, w[j].region == r { j += 1 }
            let restIsNarration = j >= end || !t.words[j].isWord || w[j].lower == "and" || w[j].lower == "as"
            if t.regions[r].endsUtterance || (j >= end) || (restIsNarration && t.regions[r].wordCount >= 2 && isSentenceEndOrNarration(j, end)) {
                guard !claimed.contains(r) else { return nil }
                claimed.insert(r)
                var out = [FoundQuote(start: t.regions[r].contentStart, end: t.regions[r].contentEnd, type: .direct, attribution: i, region: r)]
                // `“A,” and “B,”`
                var n = j
                while n < end {
                    while n < end, !w[n].isWord, w[n].region < 0 { n += 1 }
                    guard n < end, w[n].lower == "and" || w[n].lower == "or" else { break }
                    n += 1
                    while n < end, !w[n].isWord, w[n].region < 0 { n += 1 }
                    guard n < end, w[n].region >= 0, w[n].start == t.regions[w[n].region].open else { break }
                    let r2 = w[n].region
                    guard t.regions[r2].endsUtterance, !claimed.contains(r2) else { break }
                    claimed.insert(r2)
                    out.append(FoundQuote(start: t.regions[r2].contentStart, end: t.regions[r2].contentEnd, type: .direct, attribution: i, region: r2))
                    while n < end, w[n].region == r2 { n += 1 }
                }
                return out
            }
        }
        // Reported speech without "that" must look like a clause.
        if !sawThat, w[k].region < 0 {
            let lower = w[k].lower
            let verb = w[a.cueFirst].lower
            if a.kind == .that || a.kind == .tell, Lexicon.needsThatOrQuote.contains(verb) { return nil }
            if a.kind == .participle, !["saying", "adding", "noting", "arguing", "insisting", "warning", "explaining", "stating", "claiming", "urging", "telling", "suggesting", "stressing"].contains(verb) { return nil }
            if !w[k].isWord { return nil }
            if Lexicon.prepositions.contains(lower), a.kind != .urge, a.kind != .tell || lower != "to", !isQuantity(k) { return nil }
            if a.kind == .that || a.kind == .say, Lexicon.clauseOnlyVerbs.contains(verb), !looksLikeClause(from: k, end) {
                // "it confirms recent polling", "announced new measures": a bare noun phrase after a verb that
                // takes "that" is its object, not reported speech.
                return nil
            }
            if a.kind == .say || a.kind == .that || a.kind == .participle {
                // Not a bare object of the verb ("said goodbye", "said so", "reported earnings").
                if ["so", "nothing", "goodbye", "it", "this", "yes", "no", "something", "anything", "little", "much"].contains(lower),
                   k + 1 >= end || (!w[k + 1].isWord && w[k + 1].region < 0) { return nil }
            }
        }
        var stop = contentEnd(from: k, sentence, attributions, current: i)
        if let last = a.contentLast { stop = min(stop, last + 1) }
        guard let (ca, cb) = trimmed(k, stop), wordCount(ca, cb) >= 2 || (w[ca].region >= 0) else { return nil }
        var q = classify(ca, cb, attribution: i)
        if let r = q.region {
            if claimed.contains(r) { return nil }
            claimed.insert(r)
        }
        if q.type == .direct, q.region == nil { q.type = .indirect }
        return [q]
    }

    /// Whether the words from `k` read as a clause with its own verb: a subject pronoun first, or an
    /// auxiliary, a modal or a past tense among the next words before any comma.
    func looksLikeClause(from k: Int, _ end: Int) -> Bool {
        if Lexicon.subjectPronouns.contains(t.words[k].lower) || t.words[k].lower == "there" { return true }
        var j = k
        while j < end, j - k < 10 {
            let x = t.words[j]
            if x.text == ";" || x.region >= 0 { break }
            if x.text == ",", !(j > k && j + 1 < end && t.words[j - 1].text.last?.isNumber == true && t.words[j + 1].text.first?.isNumber == true) { break }
            if x.isWord, !x.isCapitalised, j > k {
                let l = x.lower
                if Lexicon.auxiliaries.contains(l) || Lexicon.modalsBlockingBase.contains(l) || l.hasSuffix("ed") || l.hasSuffix("n’t") || l.hasSuffix("n't") {
                    return true
                }
            }
            j += 1
        }
        return false
    }

    func isSentenceEndOrNarration(_ j: Int, _ end: Int) -> Bool {
        var k = j
        while k < end, !t.words[k].isWord, t.words[k].region < 0 { k += 1 }
        return k >= end || t.words[k].lower == "and" || t.words[k].lower == "as"
    }

    func thatAhead(_ k: Int, _ end: Int, limit: Int) -> Int? {
        var j = k
        while j < end, j - k <= limit {
            let x = t.words[j]
            if x.region >= 0 || x.text == ";" { return nil }
            if x.lower == "that" { return j }
            if Lexicon.cues[x.lower] != nil { return nil }
            j += 1
        }
        return nil
    }

    func regionAhead(_ k: Int, _ end: Int, limit: Int) -> Int? {
        var j = k
        while j < end, j - k <= limit {
            let x = t.words[j]
            if x.region >= 0 {
                return x.start == t.regions[x.region].open && j > k && (t.words[j - 1].text == ":" || t.words[j - 1].text == ",") ? j : nil
            }
            j += 1
        }
        return nil
    }

    /// A report inside another report's content is part of what was reported ("According to Price, Blinken
    /// highlighted ..."), not a quote of its own.
    func dropNested(_ quotes: inout [FoundQuote], _ attributions: [Attribution]) {
        guard quotes.count > 1 else { return }
        var keep: [FoundQuote] = []
        for q in quotes {
            let cue = attributions[q.attribution]
            let cueStart = t.words[cue.cueFirst].start
            let nested = quotes.contains { o in
                o.attribution != q.attribution && o.type != .direct && o.start <= cueStart && cueStart < o.end
                    && !(attributions[o.attribution].sharesSpeakerWith == q.attribution)
            }
            if !nested || q.type == .direct { keep.append(q) }
        }
        quotes = keep
    }

    // MARK: - Channels

    func isOutletRun(_ run: Range<Int>) -> Bool {
        let run = withoutTrailingDate(run)
        let start = t.words[run.lowerBound].start
        var end = t.words[run.upperBound - 1].end
        if t.words[run.upperBound - 1].isPossessive, end - 2 > start { end -= 2 }  // "CBS’s Face the Nation"
        if let e = entityCovering(start, end), entities[e].isOutlet { return true }
        let text = t.slice(start, end).lowercased()
        // "the Telegraph", "The Times": the forms hold such names with and without their article.
        if Lexicon.outletForms.contains(text) { return true }
        let name = t.nameWithinRun(run)
        if !name.isEmpty, name != run, Lexicon.outletForms.contains(t.slice(t.words[name.lowerBound].start, t.words[name.upperBound - 1].end).lowercased()) { return true }
        let last = t.words[run.upperBound - 1].lower
        // A web address is a publication ("Polygraph.info", "Politico.com").
        if run.count == 1, last.utf8.count > 5, last.utf8.contains(0x2E), Lexicon.webSuffixes.contains(where: { last.hasSuffix($0) }) { return true }
        guard run.count >= 2, Lexicon.newspaperWords.contains(last) else { return false }
        // "Majority Leader", "Foreign Press": a title before the word makes it a role, not a masthead.
        for k in run.lowerBound..<(run.upperBound - 1) where t.words[k].isWord {
            if Lexicon.titleWords.contains(t.words[k].lower) || ["party", "opposition"].contains(t.words[k].lower) { return false }
        }
        return true
    }

    /// The outlet that opens a longer run: "VOA" in "told VOA Pentagon correspondent Carla Babb", "CNN" in
    /// "CNN anchor Jake Tapper".
    func outletOpening(_ run: Range<Int>) -> Range<Int>? {
        if isOutletRun(run) { return run }
        var n = run.count - 1
        while n >= 1 {
            let head = run.lowerBound..<(run.lowerBound + n)
            if isOutletRun(head) { return head }
            n -= 1
        }
        return nil
    }

    /// A run without the weekday or month that ends it ("the Argus Leader Monday").
    func withoutTrailingDate(_ run: Range<Int>) -> Range<Int> {
        var end = run.upperBound
        while end - 1 > run.lowerBound, QuoteText.isDateWord(t.words[end - 1].lower) {
            end -= 1
        }
        return run.lowerBound..<end
    }

    func outletValue(_ run: Range<Int>) -> (String, String?) {
        let run = withoutTrailingDate(run)
        var first = run.lowerBound
        if ["the", "a", "an"].contains(t.words[first].lower), run.count > 1 { first += 1 }
        let start = t.words[first].start
        var end = t.words[run.upperBound - 1].end
        if t.words[run.upperBound - 1].isPossessive, end - 2 > start { end -= 2 }
        let written = t.slice(start, end)
        if let e = entityCovering(start, end) {
            // The recognizer may stop a web address at its dot ("Polygraph" of "Polygraph.info").
            if run.count == 1, written.count > entities[e].name.count, written.hasPrefix(entities[e].name) { return (written, nil) }
            return (entities[e].name, entities[e].id)
        }
        return (written, nil)
    }

    /// The first speaker quoted after an outlet's interview is named, other than its interviewer, is the
    /// interviewee: their quotes without a channel of their own come from that interview.
    mutating func creditInterview() {
        guard let outlet = interviewOutlet else { return }
        var interviewee: String? = nil
        for i in quotes.indices where quotes[i].span.start > interviewOffset && quotes[i].via == nil {
            guard let name = quotes[i].speaker, name != interviewer, name != outlet.0 else { continue }
            if interviewee == nil { interviewee = name }
            if name == interviewee {
                quotes[i].via = outlet.0
                quotes[i].viaEntity = outlet.1
            }
        }
    }

    func sentenceMentionsInterview(_ sentence: Range<Int>) -> Bool {
        for k in sentence where t.words[k].region < 0 && (t.words[k].lower == "interview" || t.words[k].lower == "interviewed") { return true }
        return false
    }

    /// The outlet a sentence credits: "as reported by Aljazeera", "As cited by Reuters", "A Deutsche Welle
    /// report cited", "according to the report" (the report named before), "told CNN".
    /// The lower-case words that can open a channel phrase ("reported by", "according to", "told", "in an
    /// interview with", "to", "on", "with"). A switch compares small strings without hashing or allocating.
    static func isChannelWord(_ lower: String) -> Bool {
        switch lower {
        case "by", "according", "told", "interview", "tells", "to", "on", "with", "for", "of", "per", "in", "from": return true
        default: return false
        }
    }

    /// The outlet named last before word `k`, within a few paragraphs: what "the paper" refers to. Read only
    /// when such a phrase occurs.
    func outletNamed(before k: Int) -> (String, String?)? {
        var p = k - 1
        while p >= 0, k - p < 600 {
            guard t.isNameWord(p) else { p -= 1; continue }
            var first = p
            while first - 1 >= 0, t.isNameWord(first - 1), !t.isPossessive(t.words[first - 1]) { first -= 1 }
            if first > 0, t.words[first - 1].lower == "the" { first -= 1 }
            let run = first..<(p + 1)
            if let outlet = outletOpening(run).map(outletValue) { return outlet }
            p = first - 1
        }
        return nil
    }

    /// The outlet of the journalist named right after word `k` ("per Feng", "according to Wee"), if the
    /// article tied that journalist to an outlet before.
    func journalistNamed(after k: Int, _ sentence: Range<Int>) -> (String, String?)? {
        guard !journalists.isEmpty else { return nil }
        var j = k + 1
        if t.words[k].lower == "according" { j += 1 }
        guard let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound) else { return nil }
        let last = t.words[run.upperBound - 1]
        return journalists[last.text]
    }

    mutating func viaOfSentence(_ sentence: Range<Int>) -> (String, String?)? {
        let w = t.words
        var via: (String, String?)? = nil
        let mentionsInterview = interviewOutlet == nil && sentenceMentionsInterview(sentence)
        var k = sentence.lowerBound
        while k < sentence.upperBound {
            defer { k += 1 }
            // Fields are read one by one: copying the whole word would retain its strings on every step.
            guard w[k].isWord, w[k].region < 0 else { continue }
            let lower = w[k].lower
            // Most words are neither a channel word nor a name: leave them before any list is read.
            guard w[k].isCapitalised || ExtractionRun.isChannelWord(lower) else { continue }
            if (lower == "for" || lower == "of" || lower == "in" || lower == "from") && k > sentence.lowerBound {
                // "As Emily Feng reports for NPR", "Sui-Lee Wee of the New York Times": a journalist's outlet
                // credits what the sentence reports; the journalist is remembered for later credits ("per Feng").
                // "wrote in The Atlantic", "in an op-ed for the Post", "a report from Bloomberg" credit it too.
                let previous = w[k - 1]
                let journalistBefore: Bool
                switch lower {
                case "of": journalistBefore = t.isNameWord(k - 1) && !t.isPossessive(previous)
                case "in": journalistBefore = ["wrote", "writes", "said", "says", "told", "argued", "argues"].contains(previous.lower)
                    || Lexicon.reportNouns.contains(previous.lower)
                case "from": journalistBefore = ["report", "reports", "reporting", "article", "story", "analysis", "interview"].contains(previous.lower)
                default: journalistBefore = Lexicon.writingWords.contains(previous.lower)
                }
                guard journalistBefore else { continue }
                var j = k + 1
                if j < sentence.upperBound, w[j].lower == "the" { j += 1 }
                if let whole = t.capitalisedRun(startingAt: j, before: sentence.upperBound),
                   let run = isOutletRun(whole) ? whole : (Lexicon.reportNouns.contains(previous.lower) ? outletOpening(whole) : nil) {
                    let outlet = outletValue(run)
                    via = via ?? outlet
                    // "a report in the Argus Leader": "the report" later in the article is that outlet's.
                    if Lexicon.reportNouns.contains(previous.lower) { lastReportOutlet = outlet }
                    var p = lower == "of" ? k - 1 : k - 2
                    if lower == "for", p >= sentence.lowerBound, !t.isNameWord(p) { p = -1 }
                    if p >= sentence.lowerBound, t.isNameWord(p) { journalists[t.words[p].text] = outlet }
                    k = run.upperBound - 1
                }
                continue
            }
            if lower == "per", k + 1 < sentence.upperBound {
                // "per Reuters", "per the Associated Press".
                let j = w[k + 1].lower == "the" ? k + 2 : k + 1
                if let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound), isOutletRun(run) { via = via ?? outletValue(run) }
            }
            if lower == "per" || lower == "according", let journalist = journalistNamed(after: k, sentence) {
                // "per Feng", "according to Wee": a journalist already tied to an outlet.
                via = via ?? journalist
            }
            if lower == "by", k > sentence.lowerBound, ["reported", "cited", "quoted", "published", "broadcast", "aired"].contains(w[k - 1].lower) {
                var j = k + 1
                if j < sentence.upperBound, w[j].lower == "the" { j += 1 }
                if let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound) { via = via ?? outletValue(run) }
            } else if lower == "according", k + 1 < sentence.upperBound, w[k + 1].lower == "to" {
                var j = k + 2
                while j < sentence.upperBound, ["a", "an", "the", "new", "latest", "recent"].contains(w[j].lower) { j += 1 }
                if let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound) {
                    let followed = run.upperBound < sentence.upperBound ? w[run.upperBound].lower : ""
                    if isOutletRun(run) || ["report", "reports", "article", "story", "interview", "broadcast"].contains(followed) {
                        via = via ?? outletValue(run)
                        if followed == "report" { lastReportOutlet = outletValue(run) }
                    }
                } else if j < sentence.upperBound, ["report", "reports", "article"].contains(w[j].lower), let r = lastReportOutlet {
                    via = via ?? r
                }
            } else if ["told", "interview", "tells", "to", "on", "with"].contains(lower) {
                // "told CNN", "in an interview with NBC News", "speaking to the BBC", "said on Fox News".
                var j = k + 1
                if lower == "interview", j < sentence.upperBound, w[j].lower == "with" { j += 1 } else if lower == "interview" { continue }
                if j < sentence.upperBound, w[j].lower == "the" { j += 1 }
                // "told the paper", "tells the newspaper": the outlet the article named last.
                if lower == "told" || lower == "tells", j < sentence.upperBound, w[j - 1].lower == "the",
                   ["paper", "newspaper"].contains(w[j].lower), let outlet = outletNamed(before: sentence.lowerBound) {
                    via = via ?? outlet
                    continue
                }
                if let run = t.capitalisedRun(startingAt: j, before: sentence.upperBound) {
                    if isOutletRun(run) {
                        via = via ?? outletValue(run)
                    } else if let outlet = outletOpening(run) {
                        // "told VOA Pentagon correspondent Carla Babb", "told Fox News Digital": the outlet that
                        // opens the name.
                        via = via ?? outletValue(outlet)
                    }
                }
            } else if k + 1 < sentence.upperBound, lower == "the", ["report", "paper", "newspaper"].contains(w[k + 1].lower),
                      k + 2 < sentence.upperBound, Lexicon.cues[w[k + 2].lower] != nil || w[k + 2].lower == "says" || w[k + 2].lower == "claims",
                      let r = lastReportOutlet {
                // "The report says ...": the outlet report the article credited before.
                via = via ?? r
            } else if t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: sentence.upperBound) {
                if interviewOutlet == nil, mentionsInterview, isOutletRun(run) {
                    interviewOutlet = outletValue(run)
                    interviewOffset = t.words[sentence.lowerBound].start
                    if t.words[run.upperBound - 1].isPossessive || (run.upperBound < sentence.upperBound && t.words[run.upperBound].isPossessive) {
                        // "BBC’s Emily Maitlis": the interviewer.
                        let next = t.words[run.upperBound - 1].isPossessive ? run.upperBound : run.upperBound + 1
                        if let person = t.capitalisedRun(startingAt: next, before: sentence.upperBound) {
                            let name = t.nameWithinRun(person)
                            if !name.isEmpty {
                                let start = t.words[name.lowerBound].start, end = t.words[name.upperBound - 1].end
                                interviewer = entityCovering(start, end).map { entities[$0].name } ?? fullestName(name)
                            }
                        }
                    }
                }
                // "A Deutsche Welle report cited ...", "in a CNN interview".
                let followed = run.upperBound < sentence.upperBound ? w[run.upperBound].lower : ""
                let before = run.lowerBound > sentence.lowerBound ? w[run.lowerBound - 1].lower : ""
                let reportWord = ["report", "interview", "reported", "reports", "poll", "survey"].contains(followed)
                if reportWord, (["report", "interview", "poll", "survey"].contains(followed) && ["a", "an", "the", "in", "new", "latest", "recent"].contains(before))
                    || isOutletRun(run) {
                    let v = outletValue(run)
                    if followed != "interview" { lastReportOutlet = v }
                    via = via ?? v
                }
                k = run.upperBound - 1
            }
        }
        return via
    }

    // MARK: - Speakers

    mutating func resolve(attribution i: Int, _ attributions: [Attribution], sentence: Range<Int>, sentenceIndex si: Int,
                          cache: inout [Int: ResolvedSpeaker]) -> ResolvedSpeaker {
        if let r = cache[i] { return r }
        let a = attributions[i]
        var result = ResolvedSpeaker(name: nil, entity: nil, mention: nil, isPerson: false)
        if let shared = a.sharesSpeakerWith, shared != i {
            result = resolve(attribution: shared, attributions, sentence: sentence, sentenceIndex: si, cache: &cache)
        } else if let m = a.mention {
            result = resolve(mention: m, sentence: sentence, sentenceIndex: si)
        }
        cache[i] = result
        return result
    }

    func mentionSpan(_ m: SpeakerMention) -> Span {
        t.span(t.words[m.first].start, t.words[m.last].end)
    }

    mutating func resolve(mention m: SpeakerMention, sentence: Range<Int>, sentenceIndex si: Int) -> ResolvedSpeaker {
        let span = mentionSpan(m)
        switch m.kind {
        case .name:
            if let e = entityCovering(span.start, span.end) {
                let ent = entities[e]
                // "He Jianxiong" where the recognizer kept only "Jianxiong": the surname that spells a pronoun
                // belongs to the name.
                if ent.type == .person, m.last == m.first + 1, ["he", "she"].contains(t.words[m.first].lower),
                   span.text.hasSuffix(" " + ent.name) {
                    return ResolvedSpeaker(name: span.text, entity: ent.id, mention: span, isPerson: true)
                }
                // "Acmequotes.com" where the recognizer stopped at the dot: the web address as written.
                if ent.type == .org, m.first == m.last, span.text.count > ent.name.count, span.text.hasPrefix(ent.name),
                   Lexicon.webSuffixes.contains(where: { span.text.lowercased().hasSuffix($0) }) {
                    return ResolvedSpeaker(name: span.text, entity: ent.id, mention: span, isPerson: false)
                }
                if ent.type == .person || ent.type == .org {
                    return ResolvedSpeaker(name: ent.name, entity: ent.id, mention: span, isPerson: ent.type == .person)
                }
                // "70 percent of Americans say": a share of a people names nobody who speaks.
                if ent.type == .norp, m.first > 0, t.words[m.first - 1].lower == "of" {
                    return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
                }
                // A place or group as the subject of a reporting verb is often a surname the recognizer
                // mistyped: a person the article names in full with this surname speaks instead.
                let surname = t.words[m.last].text
                if let person = entities.first(where: { $0.type == .person && $0.name.hasSuffix(" " + surname) }) {
                    return ResolvedSpeaker(name: person.name, entity: person.id, mention: span, isPerson: true)
                }
                let full = fullestName(m.first..<(m.last + 1))
                if full.contains(" "), full != ent.name {
                    return ResolvedSpeaker(name: full, entity: nil, mention: span, isPerson: true)
                }
                return ResolvedSpeaker(name: ent.name, entity: ent.id, mention: span, isPerson: false)
            }
            let isOrganisation = Lexicon.organisationWords.contains(t.words[m.last].lower) || (m.first == m.last && t.words[m.first].text.unicodeScalars.allSatisfy { !$0.properties.isLowercase })
            return ResolvedSpeaker(name: fullestName(m.first..<(m.last + 1)), entity: nil, mention: span, isPerson: !isOrganisation)
        case .pronoun(let p):
            if p == "he" || p == "she" {
                if let antecedent = personAntecedent(before: m.first, sentence: sentence, sentenceIndex: si, pronoun: p) {
                    return ResolvedSpeaker(name: antecedent.name, entity: antecedent.entity, mention: span, isPerson: true)
                }
            } else if p == "they", let named = coordinatedPerson(before: m.first, sentenceIndex: si) {
                return ResolvedSpeaker(name: named.name, entity: named.entity, mention: span, isPerson: true)
            } else if p == "they" {
                // "The union said ... They also warned": an organisation quoted just before speaks on as "they".
                let paragraph = t.words[m.first].paragraph
                if let (last, _, _) = lastQuoteSpeakerInParagraph[paragraph] ?? lastQuoteSpeakerInParagraph[paragraph - 1],
                   last.name != nil, !last.isPerson {
                    return ResolvedSpeaker(name: last.name, entity: last.entity, mention: span, isPerson: false)
                }
            } else if p == "it" {
                if let last = lastSpeaker, !last.isPerson, lastSpeakerParagraph >= t.words[m.first].paragraph - 2 {
                    return ResolvedSpeaker(name: last.name, entity: last.entity, mention: span, isPerson: false)
                }
                if let org = nearestName(before: m.first, sentenceIndex: si, person: false) {
                    return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
                }
            }
            return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
        case .role(let head):
            if let org = organisationCredited(with: m) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // "The Verge’s report": an outlet's piece has no speaker; the outlet is its channel.
            if Lexicon.reportNouns.contains(head), namesOutlet(m) {
                return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
            }
            if ["spokesperson", "spokesman", "spokeswoman", "official", "representative"].contains(head) || Lexicon.findingNouns.contains(head),
               let org = organisationInside(m) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            if let org = organisationQualifying(m, sentenceIndex: si) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // "the utilities commission" for "California Public Utilities Commission", "the news agency" for
            // "Xinhua News Agency": a description that repeats the words of an organisation's name.
            if m.last - m.first >= 2, t.words[m.first].lower == "the",
               let org = organisationNamed(by: (m.first + 1...m.last).map { t.words[$0].lower }, before: span.start) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // Lower-case words between the determiner and the head only describe it ("the German automaker",
            // "the state-run news agency"); a capitalised one may name another body ("the Justice Department").
            let plain = m.last - m.first <= 1 || (m.first + 1..<m.last).allSatisfy { t.words[$0].isWord && !t.words[$0].isCapitalised }
            if let r = roleHolder(head, before: t.words[m.first].start, plainMention: plain, sentenceIndex: si,
                                  outlet: Lexicon.outletRoles.contains(head) || (head == "agency" && (m.first..<m.last).contains { t.words[$0].lower == "news" })) {
                return ResolvedSpeaker(name: r.name, entity: r.entity, mention: span, isPerson: r.isPerson)
            }
            let definite = t.words[m.first].lower == "the"
            // "Austria's interior minister", "a Chinese diplomat": a role without "the" that no entity holds names
            // at most its organisation ("Google's chief executive" → Google).
            if !definite, let org = organisationInside(m) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // "The Wikileaks founder argued", "the coach said": a role only one person in the story holds is
            // the person the text is about, the nearest person named before, else the last person quoted.
            if t.words[m.first].lower == "the", Lexicon.singleHolderRoles.contains(head) {
                if let near = nearestName(before: m.first, sentenceIndex: si, person: true) {
                    return ResolvedSpeaker(name: near.name, entity: near.entity, mention: span, isPerson: true)
                }
                if let last = lastSpeaker, last.isPerson, lastSpeakerParagraph >= t.words[m.first].paragraph - 2 {
                    return ResolvedSpeaker(name: last.name, entity: last.entity, mention: span, isPerson: true)
                }
            }
            // "Eyamba Sowers didn't know ... The real estate agent said": a role phrase opening the sentence after
            // one whose subject is a person describes that person.
            if definite, si > 0, !Lexicon.organisationRoles.contains(head), !Lexicon.rolesOfOthers.contains(head),
               let person = subjectOfPreviousSentence(si, paragraph: t.words[m.first].paragraph) {
                return ResolvedSpeaker(name: person.name, entity: person.entity, mention: span, isPerson: true)
            }
            return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
        case .group:
            if let org = organisationCredited(with: m) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // "The Verge’s report", "a CNN story": an outlet's piece has no speaker; the outlet is its channel.
            if Lexicon.reportNouns.contains(t.words[m.last].lower), namesOutlet(m) {
                return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
            }
            // "PG&E officials", "White House advisers", "a new ABC News poll": the organisation named in the phrase.
            // Not the platform or shop of its users ("one Reddit commenter", "Acme customers").
            if !Lexicon.patronNouns.contains(t.words[m.last].lower), let org = organisationInside(m) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            if let org = organisationQualifying(m, sentenceIndex: si) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            // "the doctors" for "Doctors for Camp Closure", "the teachers" for "Chicago Teachers Union": a
            // definite plural naming a group whose organisation the article named by that word.
            if t.words[m.first].lower == "the", m.last > m.first, let org = organisationNamedBy(t.words[m.last].lower, before: span.start) {
                return ResolvedSpeaker(name: org.name, entity: org.entity, mention: span, isPerson: false)
            }
            return ResolvedSpeaker(name: nil, entity: nil, mention: span, isPerson: false)
        }
    }

    /// Whether a capitalised run inside the phrase `m` names a news outlet.
    func namesOutlet(_ m: SpeakerMention) -> Bool {
        var k = m.first
        while k < m.last {
            guard t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: m.last) else { k += 1; continue }
            if isOutletRun(run) { return true }
            k = run.upperBound
        }
        return false
    }

    /// The organisation a finding is credited to right after the phrase ("said a report from Acme Bank",
    /// "according to data released by the ministry"). An outlet's report has no speaker: the outlet is its channel.
    func organisationCredited(with m: SpeakerMention) -> ResolvedSpeaker? {
        guard t.isFindingPhrase(endingAt: m.last) else { return nil }
        let sentenceEnd = t.sentences.first { $0.contains(m.last) }?.upperBound ?? t.words.count
        guard let run = t.findingCredit(after: m.last, before: sentenceEnd), !isOutletRun(run) else { return nil }
        let start = t.words[run.lowerBound].start
        var end = t.words[run.upperBound - 1].end
        if t.words[run.upperBound - 1].isPossessive, end - 2 > start { end -= 2 }
        if let e = entityCovering(start, end) {
            return entities[e].type == .org ? ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: false) : nil
        }
        let last = t.words[run.upperBound - 1]
        let acronym = run.count == 1 && last.text.unicodeScalars.count >= 2 && last.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        guard Lexicon.organisationWords.contains(last.lower) || acronym else { return nil }
        return ResolvedSpeaker(name: t.slice(start, end), entity: nil, mention: nil, isPerson: false)
    }

    /// A person's name with the part the recognizer may leave off before an apostrophe ("De’" of
    /// "De’Andre Hall", "O’" of "O’Neill"), as the text writes it where the name is given in full.
    func nameAsWritten(_ ent: Entity) -> String {
        guard ent.type == .person, let m = ent.mentions.first(where: { $0.end - $0.start == ent.name.unicodeScalars.count }) ?? ent.mentions.first,
              m.start >= 2 else { return ent.name }
        let s = t.text.scalars
        let apostrophe = s[m.start - 1]
        guard apostrophe == "\u{2019}" || apostrophe == "'" else { return ent.name }
        var b = m.start - 1
        while b > 0, s[b - 1].properties.isAlphabetic { b -= 1 }
        guard b < m.start - 1, m.start - 1 - b <= 3, QuoteText.isUpper(s[b]), b == 0 || !s[b - 1].properties.isAlphabetic else { return ent.name }
        return t.slice(b, m.start) + ent.name
    }

    /// An organisation named inside a lower-case speaker phrase before its head noun ("PG&E officials",
    /// "a WeWork spokesperson", "a new ABC News poll"): an ORG entity, an outlet, or a name ending in an
    /// organisation word. Places and people are not ("U.S. officials", "Trump aides").
    func organisationInside(_ m: SpeakerMention) -> ResolvedSpeaker? {
        var k = m.first
        while k < m.last {
            guard t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: m.last) else { k += 1; continue }
            k = run.upperBound
            if k < m.last, t.words[k].isWord, t.isNameWord(k) { continue }
            // "Company management": a common noun opening the sentence is no name.
            if run.count == 1, Lexicon.organisationWords.contains(t.words[run.lowerBound].lower) { continue }
            let start = t.words[run.lowerBound].start
            var end = t.words[run.upperBound - 1].end
            if t.words[run.upperBound - 1].isPossessive, end - 2 > start { end -= 2 }
            if let e = entityCovering(start, end) {
                if entities[e].type == .org { return ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: false) }
                continue
            }
            if isOutletRun(run) {
                let v = outletValue(run)
                return ResolvedSpeaker(name: v.0, entity: v.1, mention: nil, isPerson: false)
            }
            let last = t.words[run.upperBound - 1]
            // An acronym without dots ("PG&E"); a dotted one is usually a place ("U.S.", "U.K.").
            let acronym = run.count == 1 && last.text.unicodeScalars.count >= 2 && !last.text.contains(".")
                && last.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
            if Lexicon.organisationWords.contains(last.lower) || acronym {
                return ResolvedSpeaker(name: t.slice(start, end), entity: nil, mention: nil, isPerson: false)
            }
        }
        return nil
    }

    /// "A company spokesperson", "Company management", "agency officials": a phrase whose first noun is an
    /// organisation role speaks for the organisation named last before it.
    func organisationQualifying(_ m: SpeakerMention, sentenceIndex si: Int) -> ResolvedSpeaker? {
        var f = m.first
        if Lexicon.determiners.contains(t.words[f].lower) { f += 1 }
        guard f < m.last, t.words[f].isWord, Lexicon.organisationRoles.contains(t.words[f].lower),
              t.words[f].lower != "group", t.words[f].lower != "team",
              Lexicon.voicesOfOrganisations.contains(t.words[m.last].lower) else { return nil }
        return nearestName(before: m.first, sentenceIndex: si, person: false)
    }

    /// The person a sentence is about when its first words name them ("Eyamba Sowers didn't know ..."), for the
    /// sentence before `si` in the same paragraph.
    func subjectOfPreviousSentence(_ si: Int, paragraph: Int) -> ResolvedSpeaker? {
        let previous = t.sentences[si - 1]
        guard t.words[previous.lowerBound].paragraph == paragraph,
              let run = t.capitalisedRun(startingAt: previous.lowerBound, before: previous.upperBound),
              run.upperBound < previous.upperBound, !t.words[run.upperBound].isPossessive,
              t.words[run.upperBound].isWord, !t.words[run.upperBound].isCapitalised else { return nil }
        return firstPerson(in: run)
    }

    /// The organisation, outlets included, mentioned last before `offset` whose name holds all of `words`.
    func organisationNamed(by words: [String], before offset: Int) -> ResolvedSpeaker? {
        guard words.allSatisfy({ $0.utf8.count >= 3 && !$0.contains(where: { !$0.isLetter }) }) else { return nil }
        var best: (Int, Int)? = nil
        for (i, e) in entities.enumerated() where e.type == .org {
            let nameWords = e.name.lowercased().split(whereSeparator: { !$0.isLetter })
            guard words.allSatisfy({ w in nameWords.contains { $0 == w } }) else { continue }
            let latest = e.mentions.filter { $0.start < offset }.map(\.start).max() ?? -1
            if latest >= 0, best == nil || latest > best!.0 { best = (latest, i) }
        }
        guard let (_, i) = best else { return nil }
        return ResolvedSpeaker(name: entities[i].name, entity: entities[i].id, mention: nil, isPerson: false)
    }

    /// The organisation entity, mentioned before `offset`, whose name holds `word` ("doctors" in "Doctors for
    /// Camp Closure"); the most recently mentioned one when several do.
    func organisationNamedBy(_ word: String, before offset: Int) -> ResolvedSpeaker? {
        guard word.utf8.count >= 4, !Lexicon.capitalisedFunctionWords.contains(word) else { return nil }
        var best: (Int, Int)? = nil
        for (i, e) in entities.enumerated() where e.type == .org && !e.isOutlet {
            let words = e.name.lowercased().split(whereSeparator: { !$0.isLetter })
            guard words.count >= 2, words.contains(where: { $0 == word }) else { continue }
            let latest = e.mentions.filter { $0.start < offset }.map(\.start).max() ?? -1
            if latest >= 0, best == nil || latest > best!.0 { best = (latest, i) }
        }
        if best == nil {
            // "In a letter, the doctors pleaded ... The doctors, members of Doctors for Camp Closure, ...": the
            // group may be named just after its first description.
            for (i, e) in entities.enumerated() where e.type == .org && !e.isOutlet {
                let words = e.name.lowercased().split(whereSeparator: { !$0.isLetter })
                guard words.count >= 2, words.contains(where: { $0 == word }),
                      let first = e.mentions.map(\.start).min(), first >= offset, first - offset < 600 else { continue }
                if best == nil || first < best!.0 { best = (first, i) }
            }
        }
        guard let (_, i) = best else { return nil }
        return ResolvedSpeaker(name: entities[i].name, entity: entities[i].id, mention: nil, isPerson: false)
    }

    /// Who "he" or "she" is: the speaker already quoted in this paragraph, else the person the previous
    /// sentence is about, else the last speaker of the last two paragraphs.
    func personAntecedent(before k: Int, sentence: Range<Int>, sentenceIndex si: Int, pronoun: String? = nil) -> ResolvedSpeaker? {
        let paragraph = t.words[k].paragraph
        if let (s, _, _) = lastQuoteSpeakerInParagraph[paragraph], s.name != nil, s.isPerson, agrees(s, with: pronoun) { return s }
        // A name earlier in the same sentence ("Boudreau gave his players a pep talk, telling them").
        var candidates: [Range<Int>] = []
        if si > 0 {
            let previous = t.sentences[si - 1]
            if t.words[previous.lowerBound].paragraph >= paragraph - 1 { candidates.append(previous) }
        }
        // "..., he said." or "..., he said, is ...": the words before the comma are what he said, not who he is
        // ("While the campaign did not appeal to Julie Graham, she said she ..." keeps its antecedent).
        let trailing = k > sentence.lowerBound && t.words[k - 1].text == "," && k + 1 < sentence.upperBound
            && Lexicon.cues[t.words[k + 1].lower] != nil && (k + 2 >= sentence.upperBound || !t.words[k + 2].isWord)
        if !trailing { candidates.insert(sentence.lowerBound..<k, at: 0) }
        for range in candidates {
            if let person = firstPerson(in: range, pronoun: pronoun) { return person }
        }
        if let last = lastSpeaker, last.isPerson, lastSpeakerParagraph >= paragraph - 2, agrees(last, with: pronoun) { return last }
        if let near = nearestName(before: k, sentenceIndex: si, person: true, pronoun: pronoun) { return near }
        if let last = lastSpeaker, last.isPerson, agrees(last, with: pronoun) { return last }
        // The last speaker is of the other gender: the latest person quoted a few paragraphs before whom the
        // article gives the pronoun's gender ("“...,” she said" after a son's quotes about his mother).
        if let p = pronoun {
            for entry in personSpeakers.reversed() where entry.paragraph >= paragraph - 4 {
                if surelyAgrees(entry.speaker, with: p) { return entry.speaker }
            }
        }
        return nil
    }

    /// The nearest name before word `k`, within the three sentences before it: a person ("he") or an
    /// organisation ("it", "the company"). Entities decide when the recognizer found any; otherwise the shape
    /// of the name does (an organisation word at its end or all capitals for an organisation).
    func nearestName(before k: Int, sentenceIndex: Int?, person: Bool, pronoun: String? = nil, outlets: Bool = false) -> ResolvedSpeaker? {
        let si = sentenceIndex ?? t.sentences.firstIndex { $0.contains(k) } ?? 0
        let lower = t.sentences[max(0, si - 3)].lowerBound
        var p = k - 1
        while p >= lower {
            guard t.isNameWord(p) else { p -= 1; continue }
            let run: Range<Int>
            let possessive = t.isPossessive(t.words[p])
            if possessive {
                // "NASA's search", "VW's new wagon": an organisation is named in its possessive too.
                guard !person else { p -= 1; continue }
                let owner = p - 1 >= lower && t.isNameWord(p - 1) && !t.isPossessive(t.words[p - 1]) ? t.capitalisedRun(endingAt: p - 1, notBefore: lower) : nil
                run = (owner?.lowerBound ?? p)..<(p + 1)
            } else {
                guard let found = t.capitalisedRun(endingAt: p, notBefore: lower) else { p -= 1; continue }
                run = found
            }
            p = run.lowerBound - 1
            let name = t.nameWithinRun(run)
            guard !name.isEmpty, outlets || !isOutletRun(run) else { continue }
            if let pr = pronoun, samePronounBefore(run.lowerBound, pr) { continue }
            if run.upperBound + 1 < t.words.count, t.words[run.upperBound].isWord, !t.words[run.upperBound].isCapitalised,
               t.isNameWord(run.upperBound + 1) { continue }  // "Team captain John Smith"
            let start = t.words[name.lowerBound].start
            var end = t.words[name.upperBound - 1].end
            if possessive, end - 2 > start { end -= 2 }
            if let e = entityCovering(start, end) {
                let type = entities[e].type
                if outlets || !entities[e].isOutlet, person ? type == .person : (type == .org) {
                    let r = ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: person)
                    if agrees(r, with: pronoun) { return r }
                }
                continue
            }
            let sentenceStart = t.sentences.first { $0.contains(name.lowerBound) }?.lowerBound ?? lower
            if name.count == 1, t.isCommonNounAtSentenceStart(name.lowerBound, sentenceStart: sentenceStart) { continue }
            if name.count == 1, Lexicon.capitalisedFunctionWords.contains(t.words[name.lowerBound].lower)
                || Lexicon.groupNouns.contains(t.words[name.lowerBound].lower) || Lexicon.isCue(t.words[name.lowerBound].lower)
                || Lexicon.monthAbbreviations.contains(t.words[name.lowerBound].lower) { continue }
            let last = t.words[name.upperBound - 1]
            let acronym = name.count == 1 && last.text.unicodeScalars.count >= 2 && last.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
            let organisation = Lexicon.organisationWords.contains(last.lower) || acronym
            if organisation == !person {
                var text = fullestName(name)
                if last.isPossessive, text.hasSuffix("’s") || text.hasSuffix("'s") { text = String(text.dropLast(2)) }
                let r = ResolvedSpeaker(name: text, entity: nil, mention: nil, isPerson: person)
                if agrees(r, with: pronoun) { return r }
            }
        }
        return nil
    }

    /// "Gov. Eric Holcomb and leaders of the Legislature have avoided ... However, they said": a "they" whose
    /// group a person heads, named first in a coordination earlier in the paragraph.
    func coordinatedPerson(before k: Int, sentenceIndex si: Int) -> ResolvedSpeaker? {
        let paragraph = t.words[k].paragraph
        var s = si
        while s >= 0, s >= si - 3, t.words[t.sentences[s].lowerBound].paragraph == paragraph {
            let range = t.sentences[s]
            var j = range.lowerBound
            while j < min(range.upperBound, k) {
                guard t.isNameWord(j), let run = t.capitalisedRun(startingAt: j, before: range.upperBound) else { j += 1; continue }
                j = run.upperBound
                guard run.upperBound < range.upperBound, t.words[run.upperBound].lower == "and" else { continue }
                let name = t.nameWithinRun(run)
                guard name.count >= 2 || !name.isEmpty && run.count > name.count else { continue }
                let start = t.words[name.lowerBound].start, end = t.words[name.upperBound - 1].end
                if let e = entityCovering(start, end) {
                    if entities[e].type == .person { return ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: true) }
                    continue
                }
                return ResolvedSpeaker(name: fullestName(name), entity: nil, mention: nil, isPerson: true)
            }
            s -= 1
        }
        return nil
    }

    /// The first person a stretch of text names, outside quotations: a PERSON entity if the recognizer found
    /// one, else a name of two words or a name already quoted.
    func firstPerson(in range: Range<Int>, pronoun: String? = nil) -> ResolvedSpeaker? {
        var k = range.lowerBound
        while k < range.upperBound {
            // "... she was more nervous than Rose Hall": a name after the same pronoun is someone else.
            if let p = pronoun, t.words[k].region < 0, t.words[k].lower == p, t.words[k].isWord { return nil }
            guard t.isNameWord(k), let run = t.capitalisedRun(startingAt: k, before: range.upperBound) else { k += 1; continue }
            let name = t.nameWithinRun(run)
            k = run.upperBound
            guard !name.isEmpty, !isOutletRun(run) else { continue }
            // "Wild defenseman Ryan Suter": a name that only qualifies the role of the next one.
            if run.upperBound + 1 < range.upperBound, t.words[run.upperBound].isWord, !t.words[run.upperBound].isCapitalised,
               t.isNameWord(run.upperBound + 1) { continue }
            let start = t.words[name.lowerBound].start, end = t.words[name.upperBound - 1].end
            if let e = entityCovering(start, end) {
                let r = ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: true)
                if entities[e].type == .person, agrees(r, with: pronoun) { return r }
                continue
            }
            // No entity covers it: the text decides, as without a recognizer.
            if name.count == 1, isCommonNounOrPlace(name.lowerBound, range.lowerBound) { continue }
            // "in the Cabinet Room", "at the Grand Hotel": a capitalised name after "the" is a place or a body.
            if run.lowerBound > range.lowerBound, t.words[run.lowerBound - 1].lower == "the" { continue }
            // "Officials met on Monday": a plural noun for a group opening the sentence names nobody.
            if name.count == 1, Lexicon.groupNouns.contains(t.words[name.lowerBound].lower) || Lexicon.isCue(t.words[name.lowerBound].lower) { continue }
            let full = fullestName(name)
            let lastWord = t.words[name.upperBound - 1].text
            let known = lastSpeaker?.name.map { $0 == full || $0.hasSuffix(" " + lastWord) || $0 == lastWord } ?? false
            let titled = fullNames.contains { $0.range.count == 1 && !$0.titles.isEmpty && t.words[$0.range.lowerBound].text == lastWord }
            if (name.count >= 2 && !isPossessiveOrOrg(name)) || known || titled || full != t.words[name.lowerBound].text {
                if isPossessiveOrOrg(name) { continue }
                let r = ResolvedSpeaker(name: full, entity: nil, mention: nil, isPerson: true)
                if agrees(r, with: pronoun) { return r }
            }
        }
        return nil
    }

    func isCommonNounOrPlace(_ k: Int, _ sentenceStart: Int) -> Bool {
        t.isCommonNounAtSentenceStart(k, sentenceStart: sentenceStart)
    }

    func isPossessiveOrOrg(_ name: Range<Int>) -> Bool {
        let last = t.words[name.upperBound - 1]
        return t.isPossessive(last) || Lexicon.organisationWords.contains(last.lower)
    }

    /// Who "the secretary" is: an entity whose role or aliases name it, else the last name the article
    /// introduced with that title ("Secretary of State Antony Blinken", "Gov. Eric Holcomb").
    func roleHolder(_ head: String, before offset: Int, plainMention: Bool, sentenceIndex: Int?, outlet: Bool = false) -> ResolvedSpeaker? {
        var best: (Int, Int)? = nil  // (latest mention start before offset, entity)
        for (i, e) in entities.enumerated() where !e.isOutlet {
            let matches = (e.role?.lowercased().split(separator: " ").contains { $0 == head } ?? false)
                || e.aliases.contains { $0.lowercased() == "the " + head || $0.lowercased() == head }
            guard matches else { continue }
            let latest = e.mentions.filter { $0.start < offset }.map(\.start).max() ?? -1
            if best == nil || latest > best!.0 { best = (latest, i) }
        }
        if let (_, i) = best {
            return ResolvedSpeaker(name: entities[i].name, entity: entities[i].id, mention: nil, isPerson: entities[i].type == .person)
        }
        // Of the names introduced with this title, the one the text mentioned last ("Gov. Eric Holcomb" ...
        // "Holcomb’s campaign" ... "The governor said").
        var holder: (range: Range<Int>, text: String, titles: Set<String>)? = nil
        var holderLatest = -1
        for n in fullNames where t.words[n.range.lowerBound].start < offset && n.titles.contains(head) {
            let lastWord = t.words[n.range.upperBound - 1].text
            var latest = t.words[n.range.lowerBound].start
            for w in t.words where w.start < offset && w.start > latest && w.isCapitalised
                && (w.text == lastWord || w.text.hasPrefix(lastWord + "’") || w.text.hasPrefix(lastWord + "'")) {
                latest = w.start
            }
            if latest > holderLatest { holderLatest = latest; holder = n }
        }
        if let n = holder {
            let start = t.words[n.range.lowerBound].start, end = t.words[n.range.upperBound - 1].end
            if let e = entityCovering(start, end) {
                return ResolvedSpeaker(name: entities[e].name, entity: entities[e].id, mention: nil, isPerson: entities[e].type == .person)
            }
            return ResolvedSpeaker(name: fullestName(n.range), entity: nil, mention: nil, isPerson: !Lexicon.organisationRoles.contains(head))
        }
        if Lexicon.organisationRoles.contains(head), plainMention,
           let org = nearestName(before: t.wordIndex(at: offset), sentenceIndex: sentenceIndex, person: false, outlets: outlet) {
            return org
        }
        if head == "year-old" {
            // "the 34-year-old said": the person the text is about.
            if let near = nearestName(before: t.wordIndex(at: offset), sentenceIndex: nil, person: true) { return near }
            if let last = lastSpeaker, last.isPerson { return last }
        }
        if !Lexicon.organisationRoles.contains(head), let last = lastSpeaker, last.isPerson,
           ["actor", "actress", "singer", "star", "player"].contains(head) {
            return last
        }
        return nil
    }
}
