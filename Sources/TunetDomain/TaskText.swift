/// What a task's title or an entry of its history says: text a person typed, kept as it was typed, or
/// a sentence Tunet wrote (a rule's title, why an owner was chosen), kept as its message so that each
/// reader reads it in their own language, also years later.
///
/// Stored in the task's document as a JSON string (typed) or as the message's JSON object (written by
/// Tunet); a task stored before messages existed has only strings, which read as typed text.
public enum TaskText: Hashable, Sendable {
    case typed(String)
    case written(Message)

    /// The text as typed; nil for a sentence Tunet wrote.
    public var typed: String? {
        if case .typed(let text) = self { return text }
        return nil
    }
}

extension TaskText: Codable {
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
