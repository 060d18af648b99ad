/// A pilot (prøveprosjekt) that Tunet's data evaluates: Nordland's pupils, Oslo and Viken's dementia day activities.
public struct Pilot: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var county: String
    public var targetGroup: TargetGroup
    public var municipalities: [String]
    public var from: LocalDate
    public var to: LocalDate
    public var projectLeader: String
    public var researchPartner: String?
    /// The price of a participant-day at an ordinary day centre, per municipality, to compare cost with.
    public var referencePrices: [String: Money]

    public init(id: Int64, name: String, county: String, targetGroup: TargetGroup, municipalities: [String], from: LocalDate, to: LocalDate,
                projectLeader: String, researchPartner: String?, referencePrices: [String: Money] = [:]) {
        self.id = id
        self.name = name
        self.county = county
        self.targetGroup = targetGroup
        self.municipalities = municipalities
        self.from = from
        self.to = to
        self.projectLeader = projectLeader
        self.researchPartner = researchPartner
        self.referencePrices = referencePrices
    }

    enum CodingKeys: String, CodingKey {
        case id, name, county, municipalities, from, to
        case targetGroup = "target_group"
        case projectLeader = "project_leader"
        case researchPartner = "research_partner"
        case referencePrices = "reference_prices_ore"
    }
}

/// A survey or observation measure for a period and municipality (share of time in a good mood,
/// share of time socially active, satisfaction 1–5), with its n and source.
public struct PilotMeasure: Hashable, Sendable, Codable {
    public var id: Int64
    public var pilotId: Int64
    public var municipalityNumber: String
    public var from: LocalDate
    public var to: LocalDate
    public var name: String
    /// Kept in tenths (52.3 % is 523, a satisfaction of 4.2 is 42), exact as recorded.
    public var valueTenths: Int64
    public var unit: MeasureUnit
    public var n: Int
    public var source: String
    /// Where it was measured: on the farm, or at an ordinary day centre as the reference to compare with.
    public var setting: MeasureSetting

    public init(id: Int64, pilotId: Int64, municipalityNumber: String, from: LocalDate, to: LocalDate, name: String, valueTenths: Int64,
                unit: MeasureUnit, n: Int, source: String, setting: MeasureSetting = .farm) {
        self.id = id
        self.pilotId = pilotId
        self.municipalityNumber = municipalityNumber
        self.from = from
        self.to = to
        self.name = name
        self.valueTenths = valueTenths
        self.unit = unit
        self.n = n
        self.source = source
        self.setting = setting
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, name, unit, n, source, setting
        case pilotId = "pilot_id"
        case municipalityNumber = "municipality_number"
        case valueTenths = "value_tenths"
    }
}

/// Where a measure was taken.
public enum MeasureSetting: String, CaseIterable, Sendable, Codable {
    case farm
    /// An ordinary day centre: the reference the farm's figures are compared with.
    case dayCentre = "day_centre"

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "farm", "gard", "gård": self = .farm
        case "day_centre", "day_center", "daycentre", "dagsenter", "dagsenteret", "reference", "referanse": self = .dayCentre
        default: return nil
        }
    }
}

/// A measure on the farm beside the same measure at the day centre, in the same municipality and period.
public struct MeasureComparison: Hashable, Sendable, Encodable {
    public let municipalityNumber: String
    public let name: String
    public let unit: MeasureUnit
    public let farm: PilotMeasure
    public let dayCentre: PilotMeasure
    /// Farm minus day centre, in tenths (percentage points for a percent).
    public var differenceTenths: Int64 { farm.valueTenths - dayCentre.valueTenths }

    enum CodingKeys: String, CodingKey {
        case name, unit
        case municipalityNumber = "municipality_number"
        case farmValueTenths = "farm_value_tenths"
        case dayCentreValueTenths = "day_centre_value_tenths"
        case differenceTenths = "difference_tenths"
        case farmN = "farm_n"
        case dayCentreN = "day_centre_n"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(municipalityNumber, forKey: .municipalityNumber)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(farm.valueTenths, forKey: .farmValueTenths)
        try c.encode(dayCentre.valueTenths, forKey: .dayCentreValueTenths)
        try c.encode(differenceTenths, forKey: .differenceTenths)
        try c.encode(farm.n, forKey: .farmN)
        try c.encode(dayCentre.n, forKey: .dayCentreN)
    }

    /// Each farm measure with the day-centre measure of the same name, unit and municipality whose period
    /// overlaps it most (the same period, where there is one).
    public static func pairs(_ measures: [PilotMeasure]) -> [MeasureComparison] {
        let references = measures.filter { $0.setting == .dayCentre }
        return measures.filter { $0.setting == .farm }.compactMap { farm in
            let candidates = references.filter {
                $0.municipalityNumber == farm.municipalityNumber && $0.name.lowercased() == farm.name.lowercased() && $0.unit == farm.unit
                    && $0.from <= farm.to && $0.to >= farm.from
            }
            func overlap(_ other: PilotMeasure) -> Int { min(other.to, farm.to).dayNumber - max(other.from, farm.from).dayNumber }
            guard let reference = candidates.max(by: { overlap($0) < overlap($1) }) else { return nil }
            return MeasureComparison(municipalityNumber: farm.municipalityNumber, name: farm.name, unit: farm.unit, farm: farm, dayCentre: reference)
        }
    }
}

public enum MeasureUnit: String, CaseIterable, Sendable, Codable {
    /// A share of time or of participants, 0–100.
    case percent
    /// A score on a 1–5 scale.
    case score

    public var range: ClosedRange<Int64> { self == .percent ? 0...1000 : 10...50 }
}
