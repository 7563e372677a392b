import Testing
@testable import Language

/// Texts written for these tests, a few sentences in each language.
@Suite struct EnglishCheckTests {
    static let englishNews = """
        The city council voted on Tuesday to close the old bridge for repairs, a decision that will force \
        thousands of drivers onto a longer route for most of the next year. The mayor said the work could \
        not wait any longer, and that engineers had found cracks in two of its supports. Residents who live \
        near the river told reporters they were worried about traffic, but most of them said they would \
        rather have a safe bridge than a fast one. The council has promised to publish a plan for buses.
        """

    /// English with hardly any function words: scores and names, as on a results page.
    static let englishResults = """
        Boys 200 Freestyle: 1. Tom Baker, Central, 1:52.31; 2. Luis Ortega, Westfield, 1:53.02; 3. Sam \
        Reed, North Bay, 1:55.76. Girls 100 Butterfly: 1. Ana Silva, Lakeside, 59.80; 2. Kim Lee, Central, \
        1:01.12; 3. Jo Martin, Eastview, 1:02.45. Boys Diving: 1. Eli Grant, Westfield, 402.15 points; 2. \
        Max Holt, Lakeside, 388.40; 3. Ray Dunn, North Bay, 371.05. Team Scores: Central 312, Westfield \
        298, Lakeside 270, North Bay 244, Eastview 198. Next Meet: Regional Finals, Saturday, Ocean Park.
        """

    static let portuguese = """
        A prefeitura da cidade anunciou nesta terça-feira que a ponte velha será fechada para reformas, uma \
        decisão que vai obrigar milhares de motoristas a usar um caminho mais longo durante quase todo o \
        próximo ano. Segundo o prefeito, a obra não podia mais esperar, e os engenheiros encontraram \
        rachaduras em dois dos pilares. Os moradores que vivem perto do rio disseram que estão preocupados \
        com o trânsito, mas a maioria prefere uma ponte segura a uma ponte rápida.
        """

    static let german = """
        Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu schließen. Die \
        Entscheidung zwingt Tausende Autofahrer für den größten Teil des nächsten Jahres auf einen längeren \
        Weg. Der Bürgermeister sagte, die Arbeiten könnten nicht länger warten, und die Ingenieure hätten \
        Risse in zwei der Stützen gefunden. Die Anwohner am Fluss sind wegen des Verkehrs besorgt, aber die \
        meisten von ihnen wollen lieber eine sichere Brücke als eine schnelle.
        """

    static let indonesian = """
        Dewan kota memutuskan pada hari Selasa untuk menutup jembatan tua itu untuk perbaikan, sebuah \
        keputusan yang akan memaksa ribuan pengemudi menggunakan jalan yang lebih panjang selama hampir satu \
        tahun. Wali kota mengatakan bahwa pekerjaan itu tidak dapat menunggu lebih lama lagi, dan para \
        insinyur telah menemukan retakan pada dua penyangga. Warga yang tinggal di dekat sungai mengatakan \
        bahwa mereka khawatir dengan lalu lintas, tetapi sebagian besar lebih memilih jembatan yang aman.
        """

    static let russian = """
        Городской совет во вторник проголосовал за закрытие старого моста на ремонт. Это решение заставит \
        тысячи водителей почти весь следующий год ездить по более длинному маршруту. Мэр заявил, что работы \
        больше не могут ждать, а инженеры обнаружили трещины в двух опорах. Жители домов у реки сказали, что \
        беспокоятся о пробках, но большинство предпочло бы надёжный мост быстрому.
        """

    static let japanese = """
        市議会は火曜日、古い橋を修理のために閉鎖することを決定した。この決定により、何千人ものドライバーが来年のほとんどの期間、\
        より長い道を使うことになる。市長は、工事はこれ以上待てないと述べ、技術者が二つの支柱にひびを見つけたと説明した。\
        川の近くに住む住民は交通を心配しているが、多くの人は速い橋よりも安全な橋を望んでいると話した。
        """

    @Test func englishProseIsEnglish() {
        #expect(EnglishCheck.judge(Self.englishNews) == .english)
    }

    @Test func englishListsWithFewFunctionWordsAreStillEnglish() {
        #expect(EnglishCheck.judge(Self.englishResults) == .english)
    }

    @Test(arguments: [portuguese, german, indonesian])
    func otherLatinScriptLanguagesAreNotEnglish(_ text: String) {
        guard case .notEnglish(let reason) = EnglishCheck.judge(text) else {
            Issue.record("taken for English: \(text.prefix(40))")
            return
        }
        #expect(reason.contains("function words of another language"))
    }

    @Test(arguments: [russian, japanese])
    func otherScriptsAreNotEnglish(_ text: String) {
        guard case .notEnglish(let reason) = EnglishCheck.judge(text) else {
            Issue.record("taken for English: \(text.prefix(40))")
            return
        }
        #expect(reason.contains("letters are not Latin"))
    }

    @Test func anEnglishArticleQuotingAnotherLanguageStaysEnglish() {
        let text = Self.englishNews + " A sign at the bridge read \"Ponte fechada para reformas\", in Portuguese."
        #expect(EnglishCheck.judge(text) == .english)
    }

    /// English news full of names and abbreviations that are function words of other languages.
    static let englishWithForeignNames = [
        """
        UN Security Council members met on Monday as the UN envoy to the region warned that the ceasefire was \
        fragile. The UN said its staff had been told to stay in the capital. Atletico de Madrid beat Deportivo \
        La Coruna and Union Deportiva Las Palmas drew with Real Sociedad, while Le Pen told reporters in Des \
        Moines that "La France a besoin d'un changement" and that she would win 33 per cent of the vote. Von \
        der Leyen said the EU would send aid. The UN Human Rights Council will meet again in Geneva next week.
        """,
        """
        Real Madrid 2, Atletico de Madrid 1. Villarreal 0, Las Palmas 3. Deportivo La Coruna 1, Celta de Vigo \
        1. Union Deportiva Las Palmas 2, Real Betis 2. Rayo Vallecano 4, Sporting de Gijon 0. La Liga table: \
        Real Madrid 31, Barcelona 29, Atletico de Madrid 27, Sevilla 24, Villarreal 22, Real Sociedad 21, \
        Valencia 20, Athletic de Bilbao 19, Getafe 18, Celta de Vigo 17, Las Palmas 15, Deportivo La Coruna 12.
        """,
    ]

    @Test(arguments: englishWithForeignNames)
    func capitalisedForeignFunctionWordsDoNotCount(_ text: String) {
        #expect(EnglishCheck.judge(text) == .english)
    }

    @Test func onlyTheFirstWordsAreRead() {
        // English after 400 words of Portuguese: the opening decides.
        let text = String(repeating: Self.portuguese + " ", count: 8) + String(repeating: Self.englishNews + " ", count: 20)
        guard case .notEnglish = EnglishCheck.judge(text) else {
            Issue.record("the English tail was read")
            return
        }
    }

    @Test func aFewLinesOfWordsAreTooFewToJudgeByWords() {
        // Over a hundred letters but fewer than forty words: Latin letters, so not judged.
        let text = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu schließen und neu zu bauen."
        #expect(EnglishCheck.judge(text) == .tooShortToTell)
    }

    @Test func shortTextsAreNotJudged() {
        #expect(EnglishCheck.judge("Die Brücke ist zu.") == .tooShortToTell)
        #expect(EnglishCheck.judge("") == .tooShortToTell)
    }
}
