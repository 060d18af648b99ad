/// A sentence or a label for a person: a key into the text catalogues and the values it names. The
/// front end renders it in the reader's language (TunetText); the rules only say what happened.
public struct Message: Hashable, Sendable {
    public let key: String
    public let arguments: [String: MessageValue]

    public init(_ key: String, _ arguments: [String: MessageValue] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}

/// A value a message names, formatted by the renderer as the reader's language writes it.
public indirect enum MessageValue: Hashable, Sendable {
    /// Shown as it is: a name, a reference, a code a person types, a file name.
    case text(String)
    case integer(Int64)
    case money(Money)
    case date(LocalDate)
    case percentage(Percentage)
    /// A number with one decimal given in tenths, like hours (75 is 7,5).
    case tenths(Int64)
    /// A label or a sentence of its own, rendered in the same language.
    case message(Message)
    /// Several values, joined as the language joins a list ("a, b og c").
    case list([MessageValue])
}

extension MessageValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    public static func integer(_ value: Int) -> MessageValue { .integer(Int64(value)) }
    public static func label(_ key: String) -> MessageValue { .message(Message(key)) }
}
