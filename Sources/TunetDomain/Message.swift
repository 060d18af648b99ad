/// A sentence or a label for a person: a key into the text catalogues and the values it names. The
/// front end renders it in the reader's language (TunetText); the rules only say what happened.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: MessageValue]

    public init(_ key: String, _ arguments: [String: MessageValue] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The key and its values, in no language: for logs and test failures.
    public var description: String {
        arguments.isEmpty ? key : "\(key) \(arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    }

    /// Text not yet in the catalogues, shown as it is in every language. Only for the move to the
    /// catalogues: `Message.verbatimKey` must be gone from the code when it is done.
    public static let verbatimKey = "verbatim"

    /// Text not yet in the catalogues (see `verbatimKey`).
    public static func verbatim(_ text: String) -> Message { Message(verbatimKey, ["text": .text(text)]) }
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
    /// Several values, each on a line of its own after a dash.
    case lines([MessageValue])
}

extension MessageValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    public static func integer(_ value: Int) -> MessageValue { .integer(Int64(value)) }
    public static func label(_ key: String) -> MessageValue { .message(Message(key)) }
}
