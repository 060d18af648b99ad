/// A Norwegian organisation number (organisasjonsnummer): nine digits whose last is a
/// modulus-11 check digit over weights 3,2,7,6,5,4,3,2 (the Brønnøysund Register Centre's rule).
public struct OrganisationNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Accepts the number as people write it: `974 760 673`, `974760673`, or with `NO`/`MVA` around it.
    public static func parse(_ raw: String) -> Result<OrganisationNumber, FieldReason> {
        if let number = parseDigits(raw) { return .success(number) }
        var text = raw.trimmingWhitespace().uppercased()
        if text.hasPrefix("NO") { text.removeFirst(2) }
        if text.hasSuffix("MVA") { text.removeLast(3) }
        let compact = text.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard !compact.isEmpty else { return .failure(FieldReason(Message("rules.organisation_number.required"))) }
        guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(FieldReason("rules.organisation_number.not_digits", ["text": .text(raw.trimmingWhitespace())]))
        }
        guard compact.count == 9 else {
            return .failure(FieldReason("rules.organisation_number.length", ["text": .text(raw.trimmingWhitespace()), "digits": .integer(compact.count)]))
        }
        let values = compact.map { Int(String($0))! }
        guard let check = checkDigit(for: values.prefix(8)) else {
            return .failure(FieldReason("rules.organisation_number.no_check_digit", ["text": .text(compact)]))
        }
        guard check == values[8] else {
            return .failure(FieldReason("rules.organisation_number.check_digit", ["text": .text(compact)]))
        }
        return .success(OrganisationNumber(unchecked: compact))
    }

    private init(unchecked digits: String) { self.digits = digits }

    /// Nine ASCII digits with the right check digit, read from the bytes; anything else takes the long way.
    static func parseDigits(_ raw: String) -> OrganisationNumber? {
        guard raw.utf8.count == 9 else { return nil }
        let valid: Bool? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            var sum = 0
            for index in 0..<9 {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return false }
                if index < 8 { sum += Int(digit) * weights[index] } else {
                    let remainder = sum % 11
                    let check = remainder == 0 ? 0 : 11 - remainder
                    return check == Int(digit)
                }
            }
            return false
        }
        return valid == true ? OrganisationNumber(unchecked: raw) : nil
    }

    /// The check digit for eight leading digits, or nil when the remainder makes 10 (such numbers are never issued).
    public static func checkDigit<C: Collection>(for firstEight: C) -> Int? where C.Element == Int {
        let sum = zip(firstEight, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        if remainder == 0 { return 0 }
        let check = 11 - remainder
        return check == 10 ? nil : check
    }

    /// Makes a valid number from eight leading digits, for demo data and tests; nil when none exists.
    public static func completing(_ firstEight: String) -> OrganisationNumber? {
        let values = firstEight.compactMap { $0.wholeNumberValue }
        guard values.count == 8, let check = checkDigit(for: values) else { return nil }
        return OrganisationNumber(unchecked: firstEight + String(check))
    }

    public var description: String { digits }

    /// `974 760 673`, as the register prints it.
    public var formatted: String {
        let chars = Array(digits)
        return "\(String(chars[0..<3])) \(String(chars[3..<6])) \(String(chars[6..<9]))"
    }

    public static func < (lhs: OrganisationNumber, rhs: OrganisationNumber) -> Bool { lhs.digits < rhs.digits }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch OrganisationNumber.parse(text) {
        case .success(let number): self = number
        case .failure(let reason): throw DecodingError.dataCorruptedError(in: container, debugDescription: reason.message.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
