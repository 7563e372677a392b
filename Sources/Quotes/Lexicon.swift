/// The word lists the quote rules read: reporting verbs, pronouns, role nouns, title words and outlets.
///
/// They are Swift literals rather than data files so the extractor needs no resource lookup at run time;
/// every list is lower case and matched against a word's lower-case form.
enum Lexicon {
    /// How a reporting verb takes its content.
    enum CueKind: Sendable {
        /// `said`, `says`: the content may follow bare ("X said the plan failed") or after "that".
        case say
        /// `added`, `noted`, `announced`: the content follows after "that", a quotation, or a bare clause.
        case that
        /// `told`, `tells`: an addressee comes first ("told reporters that ...").
        case tell
        /// `urged`, `asked`: the content includes the addressee ("urged the parties to meet").
        case urge
        /// `saying`, `adding`: a participle whose speaker is the subject of the clause it hangs on.
        case participle
    }

    static let cues: [String: CueKind] = {
        var table: [String: CueKind] = [:]
        for w in ["said", "says", "say", "stated", "states", "tweeted", "tweets", "wrote", "writes", "declared",
                  "declares", "claimed", "claims", "asserted", "asserts", "insisted", "insists", "argued",
                  "argues", "maintained", "maintains", "contended", "contends"] { table[w] = .say }
        for w in ["added", "adds", "noted", "notes", "explained", "explains", "warned", "warns", "announced",
                  "announces", "acknowledged", "acknowledges", "admitted", "admits", "stressed", "stresses",
                  "emphasized", "emphasised", "emphasizes", "emphasises", "highlighted", "highlights",
                  "condemned", "condemns", "suggested", "suggests", "hinted", "hints", "confirmed", "confirms",
                  "reported", "reports", "revealed", "reveals", "mentioned", "mentions", "estimated", "estimates",
                  "predicted", "predicts",
                  "cautioned", "cautions", "complained", "complains", "conceded", "concedes", "recalled",
                  "recalls", "remarked", "remarks", "observed", "observes", "agreed", "agrees", "denied",
                  "denies", "replied", "replies", "responded", "responds", "answered", "answers", "concluded",
                  "concludes", "testified", "testifies", "touted", "touts", "cited", "cites", "detailed",
                  "details", "detail", "joked", "jokes", "quipped", "quips", "shouted", "yelled",
                  "continued", "continues", "alleged", "alleges", "countered",
                  "counters", "lamented", "laments", "boasted", "boasts", "reiterated", "reiterates",
                  "underlined", "underscored", "clarified", "disclosed", "posted", "ruled", "rules", "assured", "assures",
                  "described", "describes", "labelled", "labeled", "branded", "dubbed", "announce", "warn",
                  "argue", "claim", "insist", "estimate", "report", "note", "stress", "disputed", "disputes",
                  "recommended", "recommends", "pointed", "points",
                  // Verbs of manner and recollection that report a quotation ("“...,” she recalled").
                  "commented", "comments", "remembered", "remembers", "reflected", "reflects", "mused", "muses",
                  "wondered", "wonders", "exclaimed", "exclaims", "screamed", "cried", "whispered", "sighed",
                  "shrugged", "laughed", "smiled", "snapped", "retorted", "retorts", "elaborated", "elaborates",
                  "reasoned", "reasons", "speculated", "speculates", "opined", "proclaimed", "proclaims",
                  "confessed", "confesses", "confided", "affirmed", "affirms", "reaffirmed", "griped", "grumbled",
                  "bragged", "brags", "gushed", "raved", "interjected", "recounted", "recounts", "explains",
                  "scoffed", "chuckled", "begged", "pleaded", "texted", "emailed", "messaged",
                  "captioned", "shared", "posited", "surmised", "acknowledged", "concurred", "objected",
                  // Forecasts by a named body ("the Budget Office projects that ...").
                  "projected", "projects", "forecasts", "indicated", "indicates"] { table[w] = table[w] ?? .that }
        // "assured the public that", "reminded reporters that": an addressee before the content.
        for w in ["told", "tells", "tell", "assured", "assures", "reassured", "reassures", "reminded", "reminds",
                  "informed", "informs", "notified", "convinced"] { table[w] = .tell }
        for w in ["urged", "urges", "urge", "asked", "asks", "called", "encouraged", "encourages", "promised", "promises",
                  "vowed", "vows", "pledged", "pledges", "threatened", "threatens",
                  "demanded", "demands", "appealed", "accused", "accuses", "begged", "begs", "advised", "advises",
                  "pleaded", "implored", "implores"] { table[w] = .urge }
        for w in ["saying", "adding", "noting", "telling", "arguing", "warning", "insisting", "explaining",
                  "stating", "urging", "claiming", "stressing", "asking", "declaring", "acknowledging",
                  "admitting", "suggesting", "writing", "tweeting", "calling", "describing"] { table[w] = .participle }
        return table
    }()

    /// For each first byte, a bit per length (1...63) that some reporting verb, progressive or finding verb
    /// has: a word outside it is no cue, found without hashing the word.
    static let cueShapes: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 256)
        for word in Array(cues.keys) + Array(progressives.keys) + Array(findingVerbs) + Array(verdictVerbs) + Array(portrayalVerbs) {
            let bytes = Array(word.utf8)
            if let first = bytes.first, bytes.count < 64 { table[Int(first)] |= 1 << UInt64(bytes.count) }
        }
        return table
    }()

    static func isCue(_ lower: String) -> Bool { mayBeCue(lower) && cues[lower] != nil }

    static func mayBeCue(_ lower: String) -> Bool {
        let utf8 = lower.utf8
        let count = utf8.count
        guard count < 64, let first = utf8.first else { return false }
        return cueShapes[Int(first)] & (1 << UInt64(count)) != 0
    }

    /// Verbs that, without "that" or a quotation after them, report nothing ("added to the list").
    static let needsThatOrQuote: Set<String> = [
        "added", "adds", "continued", "continues", "replied", "replies", "responded", "responds", "answered",
        "answers", "recalled", "recalls", "observed", "observes", "agreed", "agrees", "joked", "jokes", "quipped",
        "quips", "shouted", "yelled", "posted", "explained", "explains",
        "promised", "promises", "concluded", "concludes", "asked", "asks", "called", "denied", "denies",
        "remarked", "remarks", "countered", "counters", "admitted", "admits", "lamented", "laments", "boasted",
        "boasts", "complained", "complains", "vowed", "vows", "pledged", "pledges", "calling", "describing",
        "asking", "tweeted", "tweets", "wrote", "writes", "testified", "testifies", "mentioned", "mentions",
        "maintained", "maintains", "assured", "assures", "described", "describes", "labelled", "labeled",
        "branded", "dubbed", "commented", "comments", "remembered", "remembers", "reflected", "reflects", "mused",
        "muses", "wondered", "wonders", "exclaimed", "exclaims", "screamed", "cried", "whispered", "sighed",
        "shrugged", "laughed", "smiled", "snapped", "retorted", "retorts", "elaborated", "elaborates", "reasoned",
        "reasons", "speculated", "speculates", "opined", "proclaimed", "proclaims", "confessed", "confesses",
        "confided", "affirmed", "affirms", "reaffirmed", "griped", "grumbled", "bragged", "brags", "gushed",
        "raved", "interjected", "recounted", "recounts", "scoffed", "chuckled", "texted",
        "emailed", "messaged", "captioned", "shared", "posited", "surmised", "concurred", "objected", "alleged",
        "alleges", "reassured", "reassures", "reminded", "reminds", "informed", "informs",
        "notified", "convinced", "projected", "projects", "forecasts", "indicated", "indicates",
    ]

    /// Verbs whose bare noun-phrase object is a thing, not reported speech ("it confirms recent polling",
    /// "revealed the news in a video"): without "that" or a quotation they report only a clause.
    static let clauseOnlyVerbs: Set<String> = [
        "confirms", "confirmed", "confirm", "detailed", "details", "detail", "revealed", "reveals", "highlighted",
        "highlights", "reports", "report", "disclosed", "mentioned", "mentions", "noted", "notes",
        // "found them in every organ", "declared most settlements legal": an object, not a finding or a statement.
        "found", "finds", "declared", "declares",
    ]

    /// Verbs that pass a verdict on something "as" a quoted phrase ("dismissed the claims as “nonsense”").
    static let verdictVerbs: Set<String> = [
        "rejected", "rejects", "dismissed", "dismisses", "denounced", "denounces", "slammed", "slams", "blasted",
        "blasts", "criticized", "criticised", "criticizes", "criticises", "hailed", "hails", "praised", "praises",
        "derided", "derides", "characterized", "characterised", "characterizes", "characterises", "decried",
        "decries", "lambasted", "ridiculed", "welcomed", "welcomes", "rejecting", "dismissing", "denouncing",
        "slamming", "criticizing", "criticising", "hailing", "praising",
    ]

    /// Verbs that portray something "as" a quoted phrase; the thing portrayed and the phrase are reported
    /// together ("described the plan as “a gift to polluters”", "sees the lineup as its “weak spot”").
    static let portrayalVerbs: Set<String> = [
        "described", "describes", "describe", "describing", "portrayed", "portrays", "portray", "portraying",
        "sees", "views", "viewed",
    ]

    /// Verbs whose subject is a finding rather than a person: they report only after a poll, a study or a
    /// report ("A new ABC News poll shows majority support ...").
    static let findingVerbs: Set<String> = ["shows", "showed", "show", "shown", "found", "finds"]

    /// Head nouns of the findings that can report ("the poll", "a new study").
    static let findingNouns: Set<String> = [
        "poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "analyses", "research", "data",
        "audit", "review", "findings",
    ]

    /// Progressive forms after "is"/"are"/"was"/"were" that report like the finite verb ("is urging").
    static let progressives: [String: CueKind] = [
        "saying": .say, "urging": .urge, "asking": .urge, "calling": .urge, "telling": .tell, "warning": .that,
        "arguing": .say, "claiming": .say, "insisting": .say, "accusing": .urge,
        "pleading": .urge, "begging": .urge,
    ]

    /// Words that make the verb after them a noun or an adjective ("an alleged trafficker", "his alleged
    /// role", "the reported figures", "gave no details").
    static let nounDeterminers: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "no", "any",
    ]

    /// Titles that stay part of a person's name in news usage ("Prince Andrew", "Pope Francis").
    static let nameTitles: Set<String> = ["king", "queen", "prince", "princess", "pope", "lord", "lady", "sir", "dame"]

    /// Base forms that report speech only with a plural subject ("officials say"), never after "to" or a modal.
    static let baseForms: Set<String> = [
        "say", "tell", "urge", "announce", "warn", "argue", "claim", "insist", "estimate", "report", "note",
        "stress", "detail",
    ]

    static let auxiliaries: Set<String> = [
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can", "may", "might",
        "should", "must", "did", "does", "do", "also", "been",
    ]

    static let modalsBlockingBase: Set<String> = [
        "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "not",
        "n’t", "n't", "never", "cannot", "won’t", "didn’t", "doesn’t", "don’t", "won't", "didn't", "doesn't",
        "don't", "let", "refused", "declined",
    ]

    /// Words between a subject and its verb that do not break the clause ("he further added").
    static let adverbs: Set<String> = [
        "also", "further", "later", "then", "again", "always", "never", "previously", "earlier", "once",
        "recently", "repeatedly", "often", "still", "just", "already", "even", "only", "too", "simply",
        "quickly", "jokingly", "tearfully", "has", "have", "had", "was", "were", "is", "are", "reportedly",
        "publicly", "privately", "openly", "frequently", "finally", "first", "very", "now", "ultimately",
        "subsequently", "separately", "similarly", "likewise", "specifically", "directly", "angrily", "since",
    ]

    enum Gender: Sendable { case male, female }

    /// Pronouns that tell the gender of the person they refer to.
    static let pronounGender: [String: Gender] = [
        "he": .male, "his": .male, "him": .male, "himself": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female,
    ]

    static func genderOfPronoun(_ lower: String) -> Gender? {
        switch lower {
        case "he", "his", "him", "himself": return .male
        case "she", "her", "hers", "herself": return .female
        default: return nil
        }
    }

    /// Titles and role words that tell a person's gender ("Mrs", "spokeswoman", "the actress").
    static let genderedWords: [String: Gender] = [
        "mr": .male, "sir": .male, "lord": .male, "king": .male, "prince": .male, "duke": .male, "father": .male,
        "husband": .male, "son": .male, "brother": .male, "spokesman": .male, "chairman": .male,
        "congressman": .male, "councilman": .male, "businessman": .male, "actor": .male, "boy": .male, "man": .male,
        "grandfather": .male, "uncle": .male, "nephew": .male, "mrs": .female, "ms": .female, "miss": .female,
        "lady": .female, "dame": .female, "queen": .female, "princess": .female, "duchess": .female,
        "mother": .female, "wife": .female, "daughter": .female, "sister": .female, "spokeswoman": .female,
        "chairwoman": .female, "congresswoman": .female, "councilwoman": .female, "businesswoman": .female,
        "actress": .female, "girl": .female, "woman": .female, "grandmother": .female, "aunt": .female,
        "niece": .female,
    ]

    /// Common English first names that are used for one gender almost always; a name not listed says nothing.
    static let firstNameGender: [String: Gender] = {
        var table: [String: Gender] = [:]
        for n in ["james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
                  "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
                  "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
                  "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
                  "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis",
                  "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle",
                  "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
                  "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy",
                  "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy",
                  "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "mike", "tom", "bob",
                  "jim", "bill", "tim", "steve", "dan", "greg", "jeff", "chris", "matt", "nick", "ben", "tony", "ted",
                  "boris", "vladimir", "emmanuel", "xi", "narendra", "recep", "benjamin", "mohammed", "muhammad",
                  "ahmed", "ali", "omar", "hassan", "ivan", "sergei", "dmitry", "hans", "pierre", "jean-claude",
                  "giuseppe", "carlos", "luis", "miguel", "antonio", "francisco", "pedro", "jorge", "ricardo", "rishi",
                  "keir", "rahul", "amit", "wei", "hiroshi", "ned", "mitch", "chuck", "rand", "marco", "ted"] {
            table[n] = .male
        }
        for n in ["mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
                  "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
                  "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
                  "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole",
                  "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
                  "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly",
                  "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline",
                  "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice",
                  "abigail", "alice", "julia", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn",
                  "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie",
                  "kayla", "alexis", "lori", "kristi", "hillary", "kamala", "nikki", "elise", "ursula", "angela",
                  "theresa", "jacinda", "liz", "kate", "meghan", "sue", "jane", "ellen", "claire", "fiona", "sophie",
                  "chloe", "lucy", "alison", "ana", "sofia", "carmen", "isabel", "elena", "irina", "olga", "priya",
                  "aisha", "fatima", "mei", "yuki", "nadia", "rosa", "sonia", "monica", "veronica", "tina", "wendy",
                  "nina", "rita", "gina", "lena", "eva", "ida", "vera", "ruby", "molly", "holly", "paula", "carla"] {
            table[n] = .female
        }
        return table
    }()

    static let personPronouns: Set<String> = ["he", "she"]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    static let pluralPronouns: Set<String> = ["they", "we"]
    static let objectPronouns: Set<String> = ["him", "her", "them", "us", "me", "you", "it"]

    /// Nouns that name a speaker by role ("the secretary", "the company").
    static let roleNouns: Set<String> = [
        "secretary", "spokesperson", "spokesman", "spokeswoman", "minister", "president", "administrator",
        "coach", "governor", "senator", "representative", "speaker", "director", "chairman", "chairwoman",
        "chair", "ceo", "chief", "executive", "judge", "mayor", "prosecutor", "attorney", "commissioner",
        "superintendent", "ambassador", "officer", "manager", "captain", "editor", "founder", "host", "actor",
        "actress", "professor", "premier", "chancellor", "leader", "company", "agency", "ministry", "department",
        "firm", "group", "government", "organization", "organisation", "union", "campaign", "court", "police",
        "official", "lawmaker", "congressman", "congresswoman", "candidate", "singer", "star", "player",
        "doctor", "author", "researcher", "scientist", "economist", "analyst", "lawyer", "aide", "adviser",
        "advisor", "owner", "boss", "head", "king", "queen", "prince", "princess", "pope", "general",
        "commander", "militant", "mother", "father", "wife", "husband", "woman", "man", "airline", "bank",
        "team", "club", "network", "office", "authority", "authorities", "committee", "council", "regulator",
        "school", "university", "hospital", "study", "report", "poll", "survey", "statement", "utility",
        "agent", "envoy", "expert", "strategist", "negotiator",
        "automaker", "carmaker", "brokerage", "retailer", "manufacturer", "insurer", "lender", "startup",
        "broadcaster", "newspaper", "publisher", "studio", "label", "developer", "operator", "charity",
        "nonprofit", "watchdog", "conglomerate", "chipmaker", "giant", "commission",
        "guitarist", "drummer", "bassist", "pianist", "musician", "rapper", "songwriter", "vocalist",
    ]

    /// Roles that one person in a story usually holds: "the founder", "the coach" point to that person even
    /// when the article never gives the title with the name.
    static let singleHolderRoles: Set<String> = [
        "president", "founder", "ceo", "chairman", "chairwoman", "chair", "governor", "mayor", "senator", "minister",
        "premier", "chancellor", "coach", "actor", "actress", "singer", "star", "director", "secretary",
        "ambassador", "prince", "princess", "king", "queen", "pope", "author", "host", "captain", "boss", "owner",
        "commissioner", "superintendent", "congressman", "congresswoman", "rapper", "musician", "athlete",
        "quarterback", "striker", "manager", "billionaire", "entrepreneur", "candidate", "lawmaker",
    ]

    /// Role nouns that name an organisation rather than a person.
    static let organisationRoles: Set<String> = [
        "company", "agency", "ministry", "department", "firm", "group", "government", "organization",
        "organisation", "union", "campaign", "court", "police", "airline", "bank", "team", "club", "network",
        "office", "authority", "committee", "council", "regulator", "school", "university", "hospital",
        "utility", "automaker", "carmaker", "brokerage", "retailer", "manufacturer", "insurer", "lender", "startup",
        "broadcaster", "newspaper", "publisher", "studio", "label", "developer", "operator", "charity",
        "nonprofit", "watchdog", "conglomerate", "chipmaker", "giant",
    ]

    /// Organisation roles that name a news outlet: "the news agency", "the newspaper" may point to one.
    static let outletRoles: Set<String> = ["newspaper", "broadcaster", "publisher", "paper", "outlet", "publication"]

    /// Nouns for those who speak for an organisation as a whole: "a company spokesperson", "agency officials".
    static let voicesOfOrganisations: Set<String> = [
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "management", "statement", "leadership",
    ]

    /// Abbreviated months ("Nov. 5"): a capitalised word alone that names nobody.
    static let monthAbbreviations: Set<String> = ["feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// Those who use a platform or buy from a company without speaking for it ("a Reddit commenter").
    static let patronNouns: Set<String> = [
        "user", "users", "commenter", "commenters", "customer", "customers", "subscriber", "subscribers", "follower",
        "followers", "viewer", "viewers", "reader", "readers", "shopper", "shoppers", "passenger", "passengers",
        "listener", "listeners", "poster", "posters",
    ]

    /// Nouns of speech that report their "that" clause after a speaker's possessive ("Smith’s claim that").
    static let speechNounsBeforeThat: Set<String> = [
        "announcement", "claim", "claims", "assertion", "insistence", "statement", "promise", "pledge", "warning",
        "admission", "allegation", "allegations", "argument", "prediction",
    ]

    /// Nouns for a piece of reporting: "a report in the Argus Leader" credits the outlet.
    static let reportNouns: Set<String> = ["report", "story", "article", "piece", "review", "interview", "investigation"]

    /// Person roles that a crime or court story gives to others than the person it is about: "the judge" after
    /// a sentence about the defendant is not the defendant.
    static let rolesOfOthers: Set<String> = [
        "judge", "prosecutor", "attorney", "lawyer", "officer", "doctor", "police", "detective", "spokesperson",
        "spokesman", "spokeswoman", "official", "representative", "victim", "mother", "father", "wife", "husband",
        "woman", "man", "source",
    ]

    /// Abbreviated titles and the role noun they stand for.
    static let titleAbbreviations: [String: String] = [
        "gov": "governor", "sen": "senator", "rep": "representative", "sec": "secretary", "pres": "president",
        "gen": "general", "dr": "doctor", "cmdr": "commander", "lt": "lieutenant", "col": "colonel", "prof": "professor", "supt": "superintendent",
    ]

    /// Words that introduce a name without being part of it ("President Trump", "NASA Administrator Jim ...").
    static let titleWords: Set<String> = [
        "secretary", "minister", "president", "administrator", "coach", "governor", "gov", "sen", "senator",
        "rep", "representative", "speaker", "spokesperson", "spokesman", "spokeswoman", "director", "chairman",
        "chairwoman", "ceo", "chief", "judge", "mayor", "prosecutor", "attorney", "general", "commissioner",
        "superintendent", "ambassador", "officer", "manager", "captain", "editor", "founder", "host",
        "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "lord", "lady", "dame", "king", "queen",
        "prince", "princess", "pope", "rev", "lt", "col", "gen", "sgt", "capt", "maj", "adm", "deputy", "vice",
        "prime", "state", "premier", "chancellor", "leader", "justice", "sheriff", "senior", "associate",
        "assistant", "executive", "commander", "minority", "majority", "house", "foreign", "defense", "defence",
        "interior", "health", "finance", "treasury", "economy", "sec", "pres", "supt", "detective", "inspector",
        "councilman", "councilwoman", "councillor", "congressman", "congresswoman", "chair",
        "actor", "actress", "singer", "rapper", "author", "star", "cmdr", "lieutenant", "colonel", "sergeant",
        "employee", "resident", "student", "worker", "volunteer",
    ]

    /// Last words of organisation names: such a name keeps its title-like words ("Foreign Office").
    static let organisationWords: Set<String> = [
        "office", "department", "ministry", "agency", "company", "university", "house", "court", "council",
        "party", "association", "police", "committee", "commission", "league", "union", "bank", "group", "inc",
        "corp", "co", "states", "nations", "center", "centre", "service", "authority", "board", "institute",
        "foundation", "administration", "bureau", "parliament", "congress", "senate", "assembly", "federation",
        "organization", "organisation", "network", "times", "post", "news", "press", "club", "team", "army",
        "force", "forces", "navy", "command", "corporation", "ltd", "llc", "plc", "fund", "reserve", "school",
        "college", "hospital", "church", "airlines", "airline", "motors", "media", "studios", "records",
    ]

    /// Plural nouns for unnamed groups; capitalised at a sentence start they are still not names.
    static let groupNouns: Set<String> = [
        "analysts", "officials", "experts", "critics", "residents", "teachers", "prosecutors", "protesters",
        "police", "doctors", "researchers", "scientists", "investigators", "authorities", "witnesses",
        "lawmakers", "activists", "observers", "diplomats", "sources", "economists", "democrats", "republicans",
        "officers", "students", "parents", "workers", "employees", "fans", "voters", "users", "organizers",
        "organisers", "scholars", "historians", "lawyers", "judges", "legislators", "leaders", "members",
        "insiders", "aides", "advocates", "supporters", "opponents", "neighbors", "neighbours", "others",
        "some", "many", "most", "both", "all", "few", "several", "people", "americans", "reports",
        "businesses", "companies", "investors", "consumers", "customers", "farmers", "families", "patients",
        "shoppers", "drivers", "riders", "owners",
    ]

    /// Lower-case particles inside names ("Ludwig van Beethoven", "Osama bin Laden").
    static let nameParticles: Set<String> = ["van", "der", "de", "da", "del", "della", "di", "la", "le", "bin", "al", "von", "du", "den", "ter", "ibn"]

    /// Capitalised words that begin sentences without being names.
    static let capitalisedFunctionWords: Set<String> = [
        "the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "if", "when", "while", "after", "before",
        "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its",
        "there", "here", "as", "according", "meanwhile", "however", "today", "yesterday", "some", "many", "most",
        "other", "others", "nearly", "more", "one", "two", "three", "what", "why", "how", "who", "where", "with",
        "without", "by", "from", "to", "of", "so", "yet", "also", "still", "then", "since", "because", "although",
        "though", "instead", "now", "last", "next", "each", "every", "all", "both", "no", "not", "my", "your",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "mr", "mrs", "ms", "dr", "do", "does", "did", "is", "are", "was", "were", "let", "just", "even", "only",
        "once", "over", "under", "about", "during", "despite", "until", "unless", "whether", "which", "than",
        "you", "me", "us", "him", "them", "asked", "speaking", "update", "updated", "read", "watch", "photo",
        "picture", "source", "image", "video", "getty", "ap", "editor", "note", "reporting", "additional",
        "later", "earlier", "shortly", "soon", "afterwards", "afterward", "recently",
        // A headline's question opens with an auxiliary ("Would Dana Whitfield ...?"): it is no part of the name.
        "would", "could", "should", "might", "must", "shall", "can", "has", "have", "had",
        "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody",
    ]

    /// Determiners and possessives that can open a noun phrase naming a speaker.
    static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "some", "many", "most", "other", "several", "two",
        "three", "both", "all", "these", "those", "this", "that", "one", "few", "more", "senior",
    ]

    /// Words after which a reporting verb's content begins ("said in a statement that ...").
    static let prepositions: Set<String> = [
        "in", "on", "at", "to", "with", "for", "during", "after", "before", "from", "by", "of", "about", "via",
        "through", "over", "under", "into", "ahead", "following", "outside", "inside", "earlier", "later",
        "last", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "recently", "previously", "separately", "again", "also", "publicly",
        "privately", "repeatedly", "when", "while", "as",
    ]

    /// Last words of newspaper and broadcaster names ("Argus Leader", "Sacramento Bee", "Kansas City Star").
    static let newspaperWords: Set<String> = [
        "news", "times", "post", "journal", "press", "radio", "tv", "television", "magazine", "herald", "tribune",
        "gazette", "telegraph", "chronicle", "reuters", "leader", "register", "observer", "courier", "inquirer",
        "examiner", "dispatch", "sentinel", "enquirer", "globe", "bee", "ledger", "statesman", "courant",
        "bulletin", "mirror", "standard", "star", "monitor", "reporter", "daily", "weekly", "wire", "insider",
        "sun", "independent", "guardian", "review", "digest", "broadcasting", "channel", "network",
    ]

    /// Endings of web addresses that name publications.
    static let webSuffixes: [String] = [".com", ".org", ".net", ".info", ".co.uk", ".news", ".tv", ".in", ".au", ".ca"]

    /// Words after which "for OUTLET" names the publication a piece appeared in ("reports for NPR", "in an
    /// op-ed for the Post").
    static let writingWords: Set<String> = [
        "reports", "reported", "writes", "wrote", "reporting", "writing", "op-ed", "column", "piece", "essay",
        "article", "editorial", "interview", "appearance", "segment", "podcast", "commentary", "letter",
    ]

    /// Nouns for what someone said, which a possessive and a colon turn into an attribution ("Smith’s
    /// response: “...”").
    static let speechNouns: Set<String> = [
        "response", "reply", "answer", "message", "verdict", "advice", "assessment", "view", "take", "explanation",
        "reaction", "words", "statement", "comment", "comments", "warning", "prediction", "conclusion", "retort",
    ]

    /// Nouns for journalists: an outlet's name before one of them is the outlet they work for.
    static let journalistNouns: Set<String> = [
        "correspondent", "reporter", "journalist", "anchor", "host", "editor", "columnist", "writer", "producer",
        "interviewer", "presenter", "contributor", "commentator",
    ]

    /// The outlet names as the list gives them and without a leading "the" ("the telegraph" and "telegraph").
    static let outletForms: Set<String> = {
        var forms = outlets
        for o in outlets where o.hasPrefix("the ") { forms.insert(String(o.dropFirst(4))) }
        return forms
    }()

    /// News outlets: names the text credits a quote to ("as reported by Reuters", "told CNN").
    static let outlets: Set<String> = [
        "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse", "bbc",
        "bbc news", "cnn", "msnbc", "cnbc", "fox news", "fox", "abc", "abc news", "cbs", "cbs news", "nbc",
        "nbc news", "npr", "pbs", "al jazeera", "aljazeera", "deutsche welle", "dw", "bloomberg",
        "bloomberg news", "the new york times", "new york times", "the times", "the washington post",
        "washington post", "the wall street journal", "wall street journal", "the guardian", "guardian",
        "the independent", "the telegraph", "financial times", "the financial times", "the economist",
        "politico", "axios", "the hill", "usa today", "los angeles times", "the los angeles times",
        "chicago tribune", "the atlantic", "time", "newsweek", "vox", "buzzfeed news", "huffpost",
        "the huffington post", "business insider", "insider", "tass", "ria novosti", "interfax", "xinhua",
        "kyodo", "yonhap", "anadolu", "anadolu agency", "efe", "ansa", "dpa", "sky news", "itv", "channel 4",
        "le monde", "der spiegel", "spiegel", "bild", "rt", "sputnik", "the verge", "techcrunch", "wired",
        "gizmodo", "engadget", "ars technica", "variety", "the hollywood reporter", "deadline", "espn",
        "the athletic", "people", "tmz", "page six", "daily mail", "the daily mail", "the sun", "the mirror",
        "the daily beast", "the intercept", "propublica", "the associated press", "nikkei", "south china morning post",
        "times of india", "the hindu", "haaretz", "the jerusalem post", "jerusalem post", "arab news",
        "irna", "press tv", "al arabiya", "france 24", "euronews", "radio free europe", "voice of america",
        "voa", "cbc", "cbc news", "ctv", "ctv news", "global news", "the globe and mail", "abc7",
        "fortune", "forbes", "the information", "semafor", "the new yorker", "new york post", "the new york post",
        "the boston globe", "boston globe", "the detroit news", "detroit news", "the dallas morning news",
    ]
}
