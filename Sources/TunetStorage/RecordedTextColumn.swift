import Foundation
import TunetDomain
import TunetJSON

extension RecordedText {
    /// The stored form in a text column: the JSON of the text, so that typed text can never be mistaken
    /// for a message.
    public var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a string or a message cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads a stored text; a column written before texts were stored as JSON holds the plain text.
    public init(stored: String) {
        self = (try? JSONDocumentDecoder().decode(RecordedText.self, from: stored)) ?? .typed(stored)
    }
}
