import Language
import WhosaidCore

/// Finds the people, organisations, places and groups an article names, one entity per real-world thing.
public struct EntityRecognizer: Sendable {
    public init() {}

    public func entities(in text: ScalarText, tokens: [Token], sentences: [Sentence]) -> [Entity] {
        []  // The recognizer is being built (see the entities issue).
    }
}
