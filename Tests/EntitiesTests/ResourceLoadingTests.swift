@testable import Entities
import Foundation
import Testing

/// The model file and the lexicons, as every extractor reads them when it starts.
@Suite struct ResourceLoadingTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-resources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aModelFileLoadsBackToTheWeightsItWasWrittenFrom() throws {
        let features: [(UInt64, [Float])] = [(42, (0..<TagSet.count).map { Float($0) + 0.5 }),
                                             (7, (0..<TagSet.count).map { -Float($0) }),
                                             (UInt64.max - 3, (0..<TagSet.count).map { $0 == 2 ? 1e-3 : 0 })]
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.model")
        try Data(PerceptronWeights.serialize(features)).write(to: file)
        let loaded = try PerceptronWeights.load(file)
        #expect(loaded.featureCount == 3)
        let back = loaded.features()
        #expect(back.map(\.0) == [7, 42, UInt64.max - 3])
        #expect(back.map(\.1) == features.sorted { $0.0 < $1.0 }.map(\.1))
    }

    @Test func theShippedModelWritesBackToTheSameBytes() throws {
        let file = try ResourceFiles.directory("models").appendingPathComponent("ner.model")
        let loaded = try PerceptronWeights.load(file)
        #expect(loaded.featureCount > 10_000)
        #expect(PerceptronWeights.serialize(loaded.features()) == [UInt8](try Data(contentsOf: file)))
    }

    @Test func aTruncatedOrForeignModelFileIsRefusedWithItsName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = PerceptronWeights.serialize([(9, [Float](repeating: 1, count: TagSet.count))])
        let truncated = folder.appendingPathComponent("cut.model")
        try Data(bytes.dropLast()).write(to: truncated)
        #expect(throws: EntityDataError.self) { try PerceptronWeights.load(truncated) }
        let foreign = folder.appendingPathComponent("other.model")
        try Data("not a model at all, but long enough".utf8).write(to: foreign)
        do {
            _ = try PerceptronWeights.load(foreign)
            Issue.record("a file without the model's magic loaded")
        } catch let error as EntityDataError {
            #expect(error.description.contains("other.model"))
        }
    }

    /// Lexicon files saved with CRLF line ends, with comments and blank lines, read as the shipped ones.
    @Test func lexiconsWithWindowsLineEndsCommentsAndBlankLinesReadTheSame() throws {
        let shipped = try ResourceFiles.directory("lexicons")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { !$0.hasPrefix(".") }
        #expect(names.contains("first-names.txt") && names.contains("places.tsv"))
        for name in names {
            let text = try String(contentsOf: shipped.appendingPathComponent(name), encoding: .utf8)
            let rewritten = "# saved on another system\r\n\r\n" + text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n"
            try Data(rewritten.utf8).write(to: folder.appendingPathComponent(name))
        }
        let read = try Lexicons(directory: folder), expected = Lexicons.shared
        #expect(read.phrases == expected.phrases)
        #expect(read.maxPhraseTokens == expected.maxPhraseTokens)
        #expect(read.gpeCanonical == expected.gpeCanonical)
        #expect(read.capitalOf == expected.capitalOf)
        #expect(read.outlets == expected.outlets)
        #expect(read.shortAcronyms == expected.shortAcronyms)
        #expect(read.wordFlags == expected.wordFlags)
        #expect(read.functionWords == expected.functionWords && read.geoWords == expected.geoWords)
    }

    @Test func aMissingLexiconFileIsNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Lexicons(directory: folder)
            Issue.record("lexicons loaded from an empty folder")
        } catch let error as EntityDataError {
            #expect(error.description.contains("places.tsv"))
        }
    }
}
