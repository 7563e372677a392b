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
