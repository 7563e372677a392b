import WhosaidCore

/// A token of article text with its code-point offsets.
public struct Token: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A sentence: a range of tokens and its code-point offsets.
public struct Sentence: Equatable, Sendable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int

    public init(tokens: Range<Int>, start: Int, end: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
    }
}

/// Splits text into word, number and punctuation tokens.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: ScalarText) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let s = text.scalars
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            let start = i
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                while i < s.count, s[i].properties.isAlphabetic || s[i].properties.numericType != nil { i += 1 }
            } else {
                i += 1
            }
            tokens.append(Token(start: start, end: i, text: text.slice(start, i)))
        }
        return tokens
    }
}

/// Splits a tokenized text into sentences.
public struct SentenceSplitter: Sendable {
    public init() {}

    public func split(_ text: ScalarText, tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        for (i, token) in tokens.enumerated() where [".", "!", "?"].contains(token.text) {
            sentences.append(Sentence(tokens: first..<(i + 1), start: tokens[first].start, end: token.end))
            first = i + 1
        }
        if first < tokens.count {
            sentences.append(Sentence(tokens: first..<tokens.count, start: tokens[first].start, end: tokens.last!.end))
        }
        return sentences
    }
}
