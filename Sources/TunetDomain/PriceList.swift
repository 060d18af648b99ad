/// What a price line is counted in.
public enum PriceUnit: String, CaseIterable, Sendable, Codable {
    case day
    case halfDay = "half_day"
    case trip
    case hour

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "day", "dag", "full_day", "fullday": self = .day
        case "half_day", "halfday", "half-day", "halv_dag", "halvdag": self = .halfDay
        case "trip", "tur", "reise": self = .trip
        case "hour", "time", "timer": self = .hour
        default: return nil
        }
    }
}

/// One price of one provider under an agreement, valid from a day until the next version of the same line.
public struct PriceVersion: Hashable, Sendable, Codable {
    public var provider: OrganisationNumber
    /// The line's code, like `full_day`, `half_day`, `transport`.
    public var line: String
    public var unit: PriceUnit
    public var validFrom: LocalDate
    public var amount: Money
    /// Where the price came from: `agreement`, `tender`, `kpi 2027`, `manual`.
    public var source: String

    public init(provider: OrganisationNumber, line: String, unit: PriceUnit, validFrom: LocalDate, amount: Money, source: String) {
        self.provider = provider
        self.line = line
        self.unit = unit
        self.validFrom = validFrom
        self.amount = amount
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case line, unit, amount, source
        case validFrom = "valid_from"
    }

    /// Line codes are short lower-case words so that files and commands can name them.
    public static func checkLineCode(_ code: String) -> FieldReason? {
        guard (1...30).contains(code.count),
              code.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }),
              code.first!.isLetter else {
            return FieldReason("rules.price_line.invalid_code", ["text": .text(code)])
        }
        return nil
    }
}

public struct PriceList: Hashable, Sendable {
    public private(set) var versions: [PriceVersion]

    public init(_ versions: [PriceVersion] = []) {
        self.versions = versions.sorted { ($0.provider, $0.line, $0.validFrom) < ($1.provider, $1.line, $1.validFrom) }
    }

    /// The price of a line on a day: the latest version that is valid from that day or earlier.
    public func price(provider: OrganisationNumber, line: String, on date: LocalDate) -> PriceVersion? {
        versions.last { $0.provider == provider && $0.line == line && $0.validFrom <= date }
    }

    /// One provider's versions: what a farm's days are priced from, without scanning the other farms'.
    public func only(provider: OrganisationNumber) -> PriceList {
        var list = PriceList()
        list.versions = versions.filter { $0.provider == provider }   // already in order
        return list
    }

    /// Every line of every provider as valid on `date`.
    public func prices(on date: LocalDate) -> [PriceVersion] {
        var latest: [String: PriceVersion] = [:]
        for version in versions where version.validFrom <= date {
            latest["\(version.provider.digits)|\(version.line)"] = version
        }
        return latest.values.sorted { ($0.provider, $0.line) < ($1.provider, $1.line) }
    }

    /// The first version of each line: the prices the agreement was concluded with.
    public var originalPrices: [PriceVersion] {
        var first: [String: PriceVersion] = [:]
        for version in versions where first["\(version.provider.digits)|\(version.line)"] == nil {
            first["\(version.provider.digits)|\(version.line)"] = version
        }
        return first.values.sorted { ($0.provider, $0.line) < ($1.provider, $1.line) }
    }

    public mutating func add(_ version: PriceVersion) {
        versions.removeAll { $0.provider == version.provider && $0.line == version.line && $0.validFrom == version.validFrom }
        versions.append(version)
        versions.sort { ($0.provider, $0.line, $0.validFrom) < ($1.provider, $1.line, $1.validFrom) }
    }
}
