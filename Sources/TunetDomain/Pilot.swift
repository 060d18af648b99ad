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

    public init(id: Int64, pilotId: Int64, municipalityNumber: String, from: LocalDate, to: LocalDate, name: String, valueTenths: Int64,
                unit: MeasureUnit, n: Int, source: String) {
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
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, name, unit, n, source
        case pilotId = "pilot_id"
        case municipalityNumber = "municipality_number"
        case valueTenths = "value_tenths"
    }
}

public enum MeasureUnit: String, CaseIterable, Sendable, Codable {
    /// A share of time or of participants, 0–100.
    case percent
    /// A score on a 1–5 scale.
    case score

    public var range: ClosedRange<Int64> { self == .percent ? 0...1000 : 10...50 }
}
