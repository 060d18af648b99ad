/// What happened on a participant-day, as the farm reports it.
public enum AttendanceStatus: String, CaseIterable, Sendable, Codable {
    case present
    case absentWithNotice = "absent_with_notice"
    case absentWithoutNotice = "absent_without_notice"
    case cancelledByProvider = "cancelled_by_provider"

    /// The short code in files and the template's dropdown (Norwegian: møtt, fravær meldt, fravær umeldt, avlyst av tilbyder).
    public var code: String {
        switch self {
        case .present: "M"
        case .absentWithNotice: "FM"
        case .absentWithoutNotice: "FU"
        case .cancelledByProvider: "AT"
        }
    }

    public var norwegian: String {
        switch self {
        case .present: "møtt"
        case .absentWithNotice: "fravær meldt"
        case .absentWithoutNotice: "fravær umeldt"
        case .cancelledByProvider: "avlyst av tilbyder"
        }
    }

    /// Codes, Norwegian words and English names, in any case.
    public init?(name: String) {
        // The template's codes as written, checked before any case folding (a million rows a year).
        switch name {
        case "M": self = .present; return
        case "FM": self = .absentWithNotice; return
        case "FU": self = .absentWithoutNotice; return
        case "AT": self = .cancelledByProvider; return
        default: break
        }
        let key = String(name.trimmingWhitespace().lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        switch key {
        case "m", "møtt", "mott", "present", "p", "tilstede", "til_stede": self = .present
        case "fm", "fravær_meldt", "fravaer_meldt", "absent_with_notice", "meldt": self = .absentWithNotice
        case "fu", "fravær_umeldt", "fravaer_umeldt", "absent_without_notice", "umeldt": self = .absentWithoutNotice
        case "at", "avlyst", "avlyst_av_tilbyder", "cancelled_by_provider", "cancelled": self = .cancelledByProvider
        default: return nil
        }
    }

    /// Whether the agreement's absence rule lets the farm bill this day.
    public func isBillable(under rule: AbsenceBillingRule) -> Bool {
        switch self {
        case .present: true
        case .absentWithoutNotice: rule != .presentOnly
        case .absentWithNotice: rule == .billAllAbsence
        case .cancelledByProvider: false
        }
    }
}

/// One participant-day as reported.
public struct AttendanceEntry: Hashable, Sendable, Codable {
    public var placementId: Int64
    public var participant: ParticipantCode
    public var date: LocalDate
    public var status: AttendanceStatus
    /// Hours in tenths (4.5 hours is 45), when reported.
    public var hoursTenths: Int?
    public var transportTrips: Int?
    public var extraDay: Bool

    public init(placementId: Int64, participant: ParticipantCode, date: LocalDate, status: AttendanceStatus, hoursTenths: Int?,
                transportTrips: Int?, extraDay: Bool) {
        self.placementId = placementId
        self.participant = participant
        self.date = date
        self.status = status
        self.hoursTenths = hoursTenths
        self.transportTrips = transportTrips
        self.extraDay = extraDay
    }

    /// Whether two reports of a day say the same, identity aside: a day reported again with the same
    /// values is unchanged, with others it supersedes the stored one.
    public func reportsSame(as other: AttendanceEntry) -> Bool {
        status == other.status && hoursTenths == other.hoursTenths && transportTrips == other.transportTrips && extraDay == other.extraDay
    }

    enum CodingKeys: String, CodingKey {
        case participant, date, status
        case placementId = "placement_id"
        case hoursTenths = "hours_tenths"
        case transportTrips = "transport_trips"
        case extraDay = "extra_day"
    }

    /// What the synthesised encoding writes, with the code, date and status given as their text rather
    /// than through a nested encoder per value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(placementId, forKey: .placementId)
        try container.encode(participant.text, forKey: .participant)
        try container.encode(date.iso, forKey: .date)
        try container.encode(status.rawValue, forKey: .status)
        try container.encodeIfPresent(hoursTenths, forKey: .hoursTenths)
        try container.encodeIfPresent(transportTrips, forKey: .transportTrips)
        try container.encode(extraDay, forKey: .extraDay)
    }
}

/// One row of an attendance file, as text, with its row number.
public struct AttendanceRow: Sendable {
    public var row: Int
    public var organisationNumber: String?
    public var participant: String
    public var date: String
    public var status: String
    public var hours: String?
    public var transportTrips: String?
    public var extraDay: String?

    public init(row: Int, organisationNumber: String?, participant: String, date: String, status: String, hours: String?,
                transportTrips: String?, extraDay: String?) {
        self.row = row
        self.organisationNumber = organisationNumber
        self.participant = participant
        self.date = date
        self.status = status
        self.hours = hours
        self.transportTrips = transportTrips
        self.extraDay = extraDay
    }
}
