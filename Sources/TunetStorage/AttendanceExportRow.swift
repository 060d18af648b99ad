import TunetDomain

/// One reported day for a flat export, read through a cursor so millions of rows never sit in memory.
public struct AttendanceExportRow: Sendable {
    public let municipality: String
    public let provider: String
    public let participant: String
    public let agreement: String
    public let date: LocalDate
    public let status: AttendanceStatus
    public let hoursTenths: Int?
    public let transportTrips: Int?
    public let extraDay: Bool
    public let dayPrice: Money
    public let transport: Money

    public init(municipality: String, provider: String, participant: String, agreement: String, date: LocalDate, status: AttendanceStatus, hoursTenths: Int?, transportTrips: Int?, extraDay: Bool, dayPrice: Money, transport: Money) {
        self.municipality = municipality
        self.provider = provider
        self.participant = participant
        self.agreement = agreement
        self.date = date
        self.status = status
        self.hoursTenths = hoursTenths
        self.transportTrips = transportTrips
        self.extraDay = extraDay
        self.dayPrice = dayPrice
        self.transport = transport
    }
}
