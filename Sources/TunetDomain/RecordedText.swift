/// A text kept in a record (a task's title, a note in its history or in the audit log, why a placement
/// was cancelled): what a person typed, kept as it was typed, or a sentence Tunet wrote, kept as its
/// message so that each reader reads it in their own language, also years later.
///
/// Stored as a JSON string (typed) or as the message's JSON object (written by Tunet); a record stored
/// before messages existed has only strings, which read as typed text.
public enum RecordedText: Hashable, Sendable {
    case typed(String)
    case written(Message)

    /// The text as typed; nil for a sentence Tunet wrote.
    public var typed: String? {
        if case .typed(let text) = self { return text }
        return nil
    }

    /// The text as a value of a message: typed text as it is, Tunet's sentence in the reader's language.
    public var messageValue: MessageValue {
        switch self {
        case .typed(let text): .text(text)
        case .written(let message): .message(message)
        }
    }
}

extension RecordedText: Codable {
    public init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let text = try? single.decode(String.self) {
            self = .typed(text)
        } else {
            self = .written(try single.decode(Message.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .typed(let text): try single.encode(text)
        case .written(let message): try single.encode(message)
        }
    }
}
