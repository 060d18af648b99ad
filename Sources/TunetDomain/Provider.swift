public enum ProviderStatus: String, Sendable, Codable, CaseIterable {
    case active
    /// No new placements may be made; existing ones are not touched.
    case suspended
}

/// A farm that delivers Inn på tunet services (a tilbyder).
public struct Provider: Equatable, Sendable, Codable {
    public var organisationNumber: OrganisationNumber
    public var name: String
    public var contactPerson: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var municipalityNumber: String
    public var producerNumber: String?
    /// Gårds- og bruksnummer, `gnr/bnr`.
    public var farmNumber: String?
    public var targetGroups: Set<TargetGroup>
    public var placesPerDay: Int
    public var openWeekdays: WeekdaySet
    /// When Stiftelsen Norsk Mat (formerly Matmerk) approved the farm for Inn på tunet.
    public var iptApprovalDate: LocalDate?
    public var nextExternalAuditDate: LocalDate?
    public var policeCertificateDate: LocalDate?
    public var insuranceExpiry: LocalDate?
    public var status: ProviderStatus
    public var statusReason: String?
    /// Why the farm counts as a non-profit (*ideell*) organisation, such as its entry in the Register of
    /// Non-Profit Organisations; nil when it does not. Only such farms may tender in a reserved competition.
    public var nonProfitBasis: String?

    public init(
        organisationNumber: OrganisationNumber, name: String, contactPerson: String? = nil, email: String? = nil,
        phone: String? = nil, address: String? = nil, municipalityNumber: String, producerNumber: String? = nil,
        farmNumber: String? = nil, targetGroups: Set<TargetGroup>, placesPerDay: Int, openWeekdays: WeekdaySet,
        iptApprovalDate: LocalDate? = nil, nextExternalAuditDate: LocalDate? = nil,
        policeCertificateDate: LocalDate? = nil, insuranceExpiry: LocalDate? = nil,
        status: ProviderStatus = .active, statusReason: String? = nil, nonProfitBasis: String? = nil
    ) {
        self.organisationNumber = organisationNumber
        self.name = name
        self.contactPerson = contactPerson
        self.email = email
        self.phone = phone
        self.address = address
        self.municipalityNumber = municipalityNumber
        self.producerNumber = producerNumber
        self.farmNumber = farmNumber
        self.targetGroups = targetGroups
        self.placesPerDay = placesPerDay
        self.openWeekdays = openWeekdays
        self.iptApprovalDate = iptApprovalDate
        self.nextExternalAuditDate = nextExternalAuditDate
        self.policeCertificateDate = policeCertificateDate
        self.insuranceExpiry = insuranceExpiry
        self.status = status
        self.statusReason = statusReason
        self.nonProfitBasis = nonProfitBasis
    }

    public var isNonProfit: Bool { nonProfitBasis != nil }

    public var municipality: Municipality? { Municipality.named(municipalityNumber) }

    typealias CodingKeys = ProviderField

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        organisationNumber = try c.decode(OrganisationNumber.self, forKey: .organisationNumber)
        name = try c.decode(String.self, forKey: .name)
        contactPerson = try c.decodeIfPresent(String.self, forKey: .contactPerson)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        municipalityNumber = try c.decode(String.self, forKey: .municipalityNumber)
        producerNumber = try c.decodeIfPresent(String.self, forKey: .producerNumber)
        farmNumber = try c.decodeIfPresent(String.self, forKey: .farmNumber)
        targetGroups = Set(try c.decode([TargetGroup].self, forKey: .targetGroups))
        placesPerDay = try c.decode(Int.self, forKey: .placesPerDay)
        openWeekdays = try c.decode(WeekdaySet.self, forKey: .openWeekdays)
        iptApprovalDate = try c.decodeIfPresent(LocalDate.self, forKey: .iptApprovalDate)
        nextExternalAuditDate = try c.decodeIfPresent(LocalDate.self, forKey: .nextExternalAuditDate)
        policeCertificateDate = try c.decodeIfPresent(LocalDate.self, forKey: .policeCertificateDate)
        insuranceExpiry = try c.decodeIfPresent(LocalDate.self, forKey: .insuranceExpiry)
        status = try c.decode(ProviderStatus.self, forKey: .status)
        statusReason = try c.decodeIfPresent(String.self, forKey: .statusReason)
        nonProfitBasis = try c.decodeIfPresent(String.self, forKey: .nonProfitBasis)
    }

    /// Absent values are written as null so that every field name is always present for programs.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organisationNumber, forKey: .organisationNumber)
        try c.encode(name, forKey: .name)
        try c.encode(contactPerson, forKey: .contactPerson)
        try c.encode(email, forKey: .email)
        try c.encode(phone, forKey: .phone)
        try c.encode(address, forKey: .address)
        try c.encode(municipalityNumber, forKey: .municipalityNumber)
        try c.encode(producerNumber, forKey: .producerNumber)
        try c.encode(farmNumber, forKey: .farmNumber)
        try c.encode(targetGroups.sorted(), forKey: .targetGroups)
        try c.encode(placesPerDay, forKey: .placesPerDay)
        try c.encode(openWeekdays, forKey: .openWeekdays)
        try c.encode(iptApprovalDate, forKey: .iptApprovalDate)
        try c.encode(nextExternalAuditDate, forKey: .nextExternalAuditDate)
        try c.encode(policeCertificateDate, forKey: .policeCertificateDate)
        try c.encode(insuranceExpiry, forKey: .insuranceExpiry)
        try c.encode(status, forKey: .status)
        try c.encode(statusReason, forKey: .statusReason)
        try c.encode(nonProfitBasis, forKey: .nonProfitBasis)
    }
}
