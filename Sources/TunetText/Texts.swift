import TunetDomain

/// Renders messages in one language from its catalogue: sentences with their values filled in by name,
/// numbers, money, dates and percentages as the language writes them.
///
/// Templates name their values in braces: `{reference}`. A value may choose a word by a number:
/// `{rows|rad|rader}` writes "rad" when `rows` is 1 and "rader" otherwise (one form for one, one for
/// every other count, as both bokmål and English inflect). `{{` and `}}` write braces.
public struct Texts: Sendable {
    public let language: Language
    /// How the front end that renders writes a field the rules point at.
    public let fields: FieldNames
    let catalogue: [String: String]

    public init(_ language: Language, fields: FieldNames = .identifiers) {
        self.language = language
        self.fields = fields
        catalogue = Catalogue.table(language)
    }

    public func render(_ message: Message) -> String {
        guard let template = catalogue[message.key] else { return "⟨\(message.key)⟩" }
        return fill(template, message.arguments)
    }

    public func callAsFunction(_ key: String, _ arguments: [String: MessageValue] = [:]) -> String {
        render(Message(key, arguments))
    }

    public func format(_ value: MessageValue) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return grouped(number)
        case .money(let money): return format(money)
        case .date(let date): return language == .nb ? date.norwegian : date.iso
        case .percentage(let share):
            let tenths = share.tenths
            let text = "\(tenths < 0 ? "-" : "")\(grouped(Int64(clamping: tenths.magnitude / 10)))\(decimalMark)\(tenths.magnitude % 10)"
            return language == .nb ? text + " %" : text + "%"
        case .tenths(let tenths):
            return "\(tenths < 0 ? "-" : "")\(grouped(Int64(clamping: tenths.magnitude / 10)))\(decimalMark)\(tenths.magnitude % 10)"
        case .message(let message): return render(message)
        case .list(let values): return list(values.map(format))
        case .lines(let values): return values.map { "\n  - " + format($0) }.joined()
        case .field(let identifier): return fields.name(identifier)
        }
    }

    /// `1 234,50` in bokmål, `1,234.50` in English.
    public func format(_ money: Money) -> String {
        let magnitude = money.ore.magnitude
        let ore = magnitude % 100
        return "\(money.ore < 0 ? "-" : "")\(grouped(Int64(clamping: magnitude / 100)))\(decimalMark)\(ore < 10 ? "0" : "")\(ore)"
    }

    /// "a, b og c" in bokmål, "a, b and c" in English.
    public func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + (language == .nb ? " og " : " and ") + last
    }

    var decimalMark: String { language == .nb ? "," : "." }

    /// A number kept in thousandths, to three decimals (competition points: 8,333 in bokmål, 8.333 in English).
    public func thousandths(_ value: Int64) -> String {
        let magnitude = value.magnitude
        let fraction = String(magnitude % 1000)
        return "\(value < 0 ? "-" : "")\(grouped(Int64(clamping: magnitude / 1000)))\(decimalMark)\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// Whole numbers in groups of three: a space in bokmål, a comma in English (12 345, 12,345).
    func grouped(_ number: Int64) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(language == .nb ? " " : ",") }
            grouped.append(digit)
        }
        return (number < 0 ? "-" : "") + String(grouped.reversed())
    }

    func fill(_ template: String, _ arguments: [String: MessageValue]) -> String {
        // Most texts (every help text a command reads as it starts) have no placeholder: they need no walk
        // through their characters.
        guard template.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return template }
        var output = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if (character == "{" || character == "}") && next < template.endIndex && template[next] == character {
                output.append(character)
                index = template.index(after: next)
                continue
            }
            guard character == "{", let close = template[next...].firstIndex(of: "}") else {
                output.append(character)
                index = next
                continue
            }
            output += placeholder(template[next..<close], arguments)
            index = template.index(after: close)
        }
        return output
    }

    private func placeholder(_ body: Substring, _ arguments: [String: MessageValue]) -> String {
        let parts = body.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard let value = arguments[parts[0]] else { return "{\(parts[0])}" }
        guard parts.count == 3 else { return format(value) }
        return count(of: value) == 1 ? parts[1] : parts[2]
    }

    private func count(of value: MessageValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .list(let values): return Int64(values.count)
        default: return nil
        }
    }
}

/// How a front end writes the fields of its input that messages point at (`MessageValue.field`): the
/// command line as options, the service as its parameters.
public struct FieldNames: Sendable {
    public let name: @Sendable (String) -> String

    public init(_ name: @escaping @Sendable (String) -> String) { self.name = name }

    /// By their identifiers, as they are (`override_ceiling`): the service's parameters are named so.
    public static let identifiers = FieldNames { $0 }
}

/// The catalogues, one per language: every sentence and label a person reads, by key (Catalogue/).
public enum Catalogue {
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .nb: return nb
        case .en: return en
        }
    }

    /// The names a template fills in, with the word choices (`{rows|rad|rader}` names `rows`).
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if (character == "{" || character == "}") && next < template.endIndex && template[next] == character {
                index = template.index(after: next)
                continue
            }
            if character == "{", let close = template[next...].firstIndex(of: "}") {
                names.insert(String(template[next..<close].prefix { $0 != "|" }))
                index = template.index(after: close)
                continue
            }
            index = next
        }
        return names
    }
}

extension Texts {
    /// A recorded text (a task's title, an audit note): as typed, or in this language when Tunet wrote it.
    public func render(_ text: RecordedText) -> String {
        switch text {
        case .typed(let typed): typed
        case .written(let message): render(message)
        }
    }
}
