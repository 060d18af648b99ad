/// A Norwegian municipality, identified by its four-digit number (kommunenummer).
public struct Municipality: Hashable, Sendable, Codable, CustomStringConvertible {
    public let number: String
    public let name: String

    static let byNumber: [String: Municipality] = Dictionary(
        uniqueKeysWithValues: MunicipalityTable.entries.map { ($0.number, Municipality(number: $0.number, name: $0.name)) }
    )

    public static var all: [Municipality] { byNumber.values.sorted { $0.number < $1.number } }

    public static func named(_ number: String) -> Municipality? { byNumber[number] }

    /// Checks the number against the built-in list of current municipality numbers.
    public static func parse(_ raw: String) -> Result<Municipality, FieldReason> {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return .failure(FieldReason(Message("rules.municipality.required"))) }
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isNumber }), let padded = byNumber["0" + text] {
                return .failure(FieldReason("rules.municipality.three_digits", ["text": .text(text), "number": .text(padded.number), "name": .text(padded.name)]))
            }
            return .failure(FieldReason("rules.municipality.not_number", ["text": .text(text)]))
        }
        guard let municipality = byNumber[text] else {
            return .failure(FieldReason("rules.municipality.unknown", ["text": .text(text)]))
        }
        return .success(municipality)
    }

    public var description: String { "\(number) \(name)" }
}
