/// A sentence or a label for a person: a key into the text catalogues and the values it names. The
/// front end renders it in the reader's language (TunetText); the rules only say what happened.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: MessageValue]

    public init(_ key: String, _ arguments: [String: MessageValue] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// A message that points at fields a person fills in: each identifier is also the name of its value
    /// (`fields: ["reason"]` fills `{reason}` with `.field("reason")`).
    public init(_ key: String, _ arguments: [String: MessageValue] = [:], fields: [String]) {
        var all = arguments
        for field in fields { all[field] = .field(field) }
        self.init(key, all)
    }

    /// The key and its values, in no language: for logs and test failures.
    public var description: String {
        arguments.isEmpty ? key : "\(key) \(arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    }
}

extension Message {
    /// Several sentences as one text, in their order; nil for none.
    public static func sentences(_ sentences: [Message]) -> Message? {
        guard let last = sentences.last else { return nil }
        return sentences.dropLast().reversed().reduce(last) { rest, first in
            Message("common.sentences", ["first": .message(first), "rest": .message(rest)])
        }
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
    /// Several values, each on a line of its own after a dash.
    case lines([MessageValue])
    /// A field a person fills in, by its identifier (`override_ceiling`): each front end writes it as the
    /// person gives it there, the command line as its option (`--override-ceiling`), the service as its
    /// parameter. The rules name what is missing without knowing which front end asked.
    case field(String)
}

extension MessageValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    public static func integer(_ value: Int) -> MessageValue { .integer(Int64(value)) }
    public static func label(_ key: String) -> MessageValue { .message(Message(key)) }
}

/// A message is stored (a task's generated title, say) as its key and values, so that it is read in
/// whichever language the reader chooses later: `{"key": "…", "arguments": {"name": {"text": "…"}}}`.
extension Message: Codable {
    enum CodingKeys: String, CodingKey { case key, arguments }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(String.self, forKey: .key), try c.decodeIfPresent([String: MessageValue].self, forKey: .arguments) ?? [:])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        if !arguments.isEmpty { try c.encode(arguments, forKey: .arguments) }
    }
}

extension MessageValue: Codable {
    enum CodingKeys: String, CodingKey { case text, integer, money, date, percentage, tenths, message, list, lines, field }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = c.allKeys.first, c.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a message value has exactly one kind"))
        }
        switch key {
        case .text: self = .text(try c.decode(String.self, forKey: key))
        case .integer: self = .integer(try c.decode(Int64.self, forKey: key))
        case .money: self = .money(try c.decode(Money.self, forKey: key))
        case .date: self = .date(try c.decode(LocalDate.self, forKey: key))
        case .percentage:
            let pair = try c.decode([Int64].self, forKey: key)
            guard pair.count == 2, let share = Percentage(pair[0], of: pair[1]) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "a percentage is [part, whole] with a whole above zero")
            }
            self = .percentage(share)
        case .tenths: self = .tenths(try c.decode(Int64.self, forKey: key))
        case .message: self = .message(try c.decode(Message.self, forKey: key))
        case .list: self = .list(try c.decode([MessageValue].self, forKey: key))
        case .lines: self = .lines(try c.decode([MessageValue].self, forKey: key))
        case .field: self = .field(try c.decode(String.self, forKey: key))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try c.encode(text, forKey: .text)
        case .integer(let number): try c.encode(number, forKey: .integer)
        case .money(let money): try c.encode(money, forKey: .money)
        case .date(let date): try c.encode(date, forKey: .date)
        case .percentage(let share): try c.encode([share.part, share.whole], forKey: .percentage)
        case .tenths(let tenths): try c.encode(tenths, forKey: .tenths)
        case .message(let message): try c.encode(message, forKey: .message)
        case .list(let values): try c.encode(values, forKey: .list)
        case .lines(let values): try c.encode(values, forKey: .lines)
        case .field(let identifier): try c.encode(identifier, forKey: .field)
        }
    }
}
