import Testing
@testable import WhosaidCore

@Suite struct JSONTests {
    @Test func serializesObjectsWithSortedKeysAndNoWhitespace() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": [true, null, "x"], "Z": {"y": 2.50, "x": -1e3}}"#)
        #expect(value.serialized() == #"{"Z":{"x":-1e3,"y":2.50},"a":[true,null,"x"],"b":1}"#)
    }

    @Test func roundTripsEscapesAndNonASCII() throws {
        let text = "line\nbreak \"quoted\" \\ tab\t “curly” é 😀 \u{01} /slash"
        let json = JSONValue.object(["t": .string(text)]).serialized()
        #expect(json.contains(#"\u0001"#))
        #expect(!json.contains(#"\/"#))
        #expect(try JSONValue.parse(json)["t"]?.stringValue == text)
    }

    @Test func escapesOnlyWhatJSONRequiresBetweenRunsCopiedAsTheyAre() {
        #expect(JSONValue.string("a\"b\\c\nd\re\tf\u{01}\u{1F}g é").serialized() == #""a\"b\\c\nd\re\tf\u0001\u001fg é""#)
        #expect(JSONValue.string("").serialized() == #""""#)
        #expect(JSONValue.string("\n").serialized() == #""\n""#)
        #expect(JSONValue.string("plain").serialized() == #""plain""#)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#).stringValue == "😀")
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#""\ud83d""#) }
    }

    @Test(arguments: ["", "{", "{\"a\" 1}", "[1,]", "nul", "{\"a\":1} x", "\"unterminated", "01x", "[\"\u{01}\"]"])
    func rejectsMalformedInput(_ input: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(input) }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func readsASliceInPlaceWhateverItsStartIndex() throws {
        let line = Array("xx{\"k\":[1,\"é\"]}yy".utf8)
        // The slice starts at index 2 of its base: offsets must count from the slice, not the array.
        let value = try JSONValue.parse(line[2..<(line.count - 2)])
        #expect(value.serialized() == #"{"k":[1,"é"]}"#)
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(line[2...]) }
        #expect(error?.offset == line.count - 4)
    }

    @Test func readsCollectionsThatAreNotContiguous() throws {
        let bytes = Array(#"{"a":"b"}"#.utf8)
        #expect(try JSONValue.parse(bytes.lazy.map { $0 }) == .object(["a": .string("b")]))
        #expect(try JSONValue.parse(bytes.reversed().reversed()) == .object(["a": .string("b")]))
    }

    @Test func keepsNumbersAsTheirLiteralTextAndTheLastOfRepeatedKeys() throws {
        let value = try JSONValue.parse(#"{"n":[-0.50,1E+2,12345678901234567890,0],"d":1,"d":2}"#)
        #expect(value.serialized() == #"{"d":2,"n":[-0.50,1E+2,12345678901234567890,0]}"#)
    }

    @Test func decodesEscapesBesideNonASCIIAndChecksUTF8OnBothPaths() throws {
        #expect(try JSONValue.parse(#""“é” \"x\" \u00e9\n""#).stringValue == "“é” \"x\" é\n")
        #expect(try JSONValue.parse(#""\u20ac""#).stringValue == "€")
        // Broken UTF-8 with and without an escape in the same string.
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0x61, 0xC3, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    /// Strings are read eight bytes at a time where nothing in them needs a look: every character that does,
    /// at every offset around and across a word's edges, must still be found.
    @Test(arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "é", "😀", " ", "~", "\u{7F}"])
    func readsEveryOffsetOfLongStringsAlike(_ special: String) throws {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31] {
            for offset in 0...length {
                let plain = String(repeating: "a", count: length)
                let text = String(plain.prefix(offset)) + special + String(plain.dropFirst(offset))
                let json = JSONValue.string(text).serialized()
                #expect(try JSONValue.parse(json).stringValue == text, "\(json)")
                // The same text after an escape, so the string is read on the path that copies it in runs.
                #expect(try JSONValue.parse(#""\n"# + json.dropFirst()).stringValue == "\n" + text)
            }
        }
    }

    @Test func findsAControlCharacterOrBrokenUTF8AtAnyOffsetOfALongString() {
        for offset in 0..<24 {
            for bad: [UInt8] in [[0x01], [0x0A], [0x1F], [0xFF], [0xC3, 0x28]] {
                var bytes = [UInt8](repeating: 0x61, count: 24)
                bytes.replaceSubrange(offset..<offset + 1, with: bad)
                #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22] + bytes + [0x22]) }
                #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0x5C, 0x74] + bytes + [0x22]) }
            }
        }
        // A string that never ends, with and without an escape.
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22] + [UInt8](repeating: 0x61, count: 20)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0x5C, 0x74] + [UInt8](repeating: 0x61, count: 20)) }
    }

    @Test func writesWhatItReadsByteForByte() throws {
        let line = #"{"_schema":"whosaid.extracted/1","a":[],"b":{},"c":null,"d":false,"e":"tab\tq\"\\ “x” \u0001","f":-1.5e-7}"#
        #expect(try JSONValue.parse(line).serialized() == line)
    }

    @Test func refusesExtremeNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }
}

@Suite struct SHA256Tests {
    @Test func matchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct ScalarTextTests {
    @Test func slicesByCodePoint() {
        let text = ScalarText("é👍🏽 “Hi,” he said")
        // é, 👍, 🏽, space: four code points before the opening mark.
        #expect(text.slice(4, 5) == "“")
        #expect(text.span(5, 8).text == "Hi,")
        #expect(text.slice(100, 200) == "")
    }
}
