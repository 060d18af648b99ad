import TunetDomain

/// An agreement as `list` and `show` present it: stored fields plus status, ends and consumption, in total
/// and by municipality (the lines add up to the total).
public struct AgreementView: Sendable, Encodable {
    public let agreement: Agreement
    public let status: AgreementStatus
    public let consumption: Consumption
    /// Every municipality party to the agreement with what it has committed and spent of the shared ceiling.
    public let consumptionByMunicipality: [MunicipalityConsumption]
    /// When the maximum value is reached at today's pace; nil for an agreement terminated or ended.
    public let forecast: CeilingForecast?

    /// Whether the forecast day calls for attention: before the agreement ends, or within a new competition's lead
    /// time (the renewal days, `TUNET_RENEWAL_DAYS`) while its options could still extend it: the ceiling task's rule.
    public let forecastIsEarly: Bool

    init(_ agreement: Agreement, today: LocalDate, consumption: Consumption, byMunicipality: [MunicipalityConsumption],
         forecast: CeilingForecast?, renewalDays: Int) {
        self.agreement = agreement
        self.consumption = consumption
        consumptionByMunicipality = byMunicipality
        self.forecast = forecast
        forecastIsEarly = forecast?.isEarly(leadDays: renewalDays) ?? false
        status = AgreementStatus.of(agreement, on: today, used: consumption.used)
    }

    enum DerivedKeys: String, CodingKey {
        case status, consumption
        case consumptionByMunicipality = "consumption_by_municipality"
        case currentEnd = "current_end"
        case latestPossibleEnd = "latest_possible_end"
        case ocdsMethod = "ocds_framework_method"
        case forecast = "ceiling_forecast"
        case forecastIsEarly = "ceiling_forecast_early"
    }

    public func encode(to encoder: Encoder) throws {
        try agreement.encode(to: encoder)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(status, forKey: .status)
        try derived.encode(consumption, forKey: .consumption)
        try derived.encode(consumptionByMunicipality, forKey: .consumptionByMunicipality)
        try derived.encode(agreement.currentEnd, forKey: .currentEnd)
        try derived.encode(agreement.latestPossibleEnd, forKey: .latestPossibleEnd)
        try derived.encode(agreement.callOffMethod.ocdsMethod, forKey: .ocdsMethod)
        try derived.encode(forecast, forKey: .forecast)
        try derived.encode(forecastIsEarly, forKey: .forecastIsEarly)
    }
}

/// A registered agreement and the warnings that did not stop it. `--json` writes the warnings as sentences in
/// the reader's language (the front end renders them: `encode(to:rendering:)`).
public struct AgreementAddedView: Sendable {
    public let summary: AgreementView
    public let warnings: [Message]

    public init(summary: AgreementView, warnings: [Message]) {
        self.summary = summary
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey { case warnings }

    public func encode(to encoder: Encoder, rendering render: (Message) -> String) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(warnings.map(render), forKey: .warnings)
    }
}

public struct AgreementFilter: Sendable {
    public var status: AgreementStatus?
    public var municipalityNumber: String?
    public var provider: OrganisationNumber?

    public init(status: AgreementStatus? = nil, municipalityNumber: String? = nil, provider: OrganisationNumber? = nil) {
        self.status = status
        self.municipalityNumber = municipalityNumber
        self.provider = provider
    }

    func matches(_ summary: AgreementView) -> Bool {
        if let status, summary.status != status { return false }
        if let municipalityNumber, !summary.agreement.municipalities.contains(municipalityNumber) { return false }
        if let provider, summary.agreement.party(provider) == nil { return false }
        return true
    }
}
