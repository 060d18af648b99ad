import TunetDomain
import TunetSideBySide
import TunetStorage

extension YearMonth {
    /// The month as a person reads it: "mai 2026" in bokmål, "May 2026" in English.
    public var name: Message { Message("attendance.month.\(month)", ["year": .text(String(year))]) }

    /// A month written 2026-05 (as reports carry it), named; as it is when it names no month.
    public static func name(_ iso: String) -> MessageValue {
        guard case .success(let month) = parse(iso) else { return .text(iso) }
        return .message(month.name)
    }
}

public struct InvoiceLine: Sendable, Encodable {
    public let placementId: Int64
    public let participant: ParticipantCode
    public let agreement: String
    public let priceLine: String
    public let plannedDays: Int
    public let reportedDays: Int
    public let days: [String: Int]
    public let billableDays: Int
    public let dayAmount: Money
    public let transportTrips: Int
    public let transportAmount: Money
    public let total: Money
    /// Planned days up to today (or the month's end) without a report.
    public let missingDates: [LocalDate]
    public let ceilingOverride: Bool
    /// Which days were billed at which price: the price line's periods, then transport's; their
    /// amounts add up to `total`.
    public let pricePeriods: [PricePeriod]

    enum CodingKeys: String, CodingKey {
        case participant, agreement, days, total
        case placementId = "placement_id"
        case priceLine = "price_line"
        case plannedDays = "planned_days"
        case reportedDays = "reported_days"
        case billableDays = "billable_days"
        case dayAmount = "day_amount_ore"
        case transportTrips = "transport_trips"
        case transportAmount = "transport_amount_ore"
        case missingDates = "missing_dates"
        case ceilingOverride = "ceiling_override"
        case pricePeriods = "price_periods"
    }
}

public struct InvoiceBasisView: Sendable, Encodable {
    public let provider: OrganisationNumber
    public let providerName: String
    public let month: String
    public let lines: [InvoiceLine]
    public let dayAmount: Money
    public let transportAmount: Money
    public let total: Money
    /// False while planned days lack a report: the basis may still grow.
    public let complete: Bool

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case providerName = "provider_name"
        case month, lines, complete
        case dayAmount = "day_amount_ore"
        case transportAmount = "transport_amount_ore"
        case total = "total_ore"
    }
}

public struct AttendanceStatusLine: Sendable, Encodable {
    public let provider: OrganisationNumber
    public let providerName: String
    public let plannedDays: Int
    public let reportedDays: Int
    public let missingDays: Int
    public let presentDays: Int
    /// Present ÷ (present + absent with or without notice); nil without such days.
    public let attendanceRate: Percentage?

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case providerName = "provider_name"
        case plannedDays = "planned_days"
        case reportedDays = "reported_days"
        case missingDays = "missing_days"
        case presentDays = "present_days"
        case attendanceRate = "attendance_rate_percent"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provider, forKey: .provider)
        try c.encode(providerName, forKey: .providerName)
        try c.encode(plannedDays, forKey: .plannedDays)
        try c.encode(reportedDays, forKey: .reportedDays)
        try c.encode(missingDays, forKey: .missingDays)
        try c.encode(presentDays, forKey: .presentDays)
        try c.encode(attendanceRate?.value, forKey: .attendanceRate)
    }
}

/// Reconciliation of planned against reported days, and the monthly invoice basis.
public struct AttendanceOverviewDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func invoiceBasis(provider: String, month: String) throws -> InvoiceBasisView {
        let number = try ProviderDesk.parseNumber(provider)
        let period = try Self.month(month)
        return try context.read { reader in
            let farm = try ProviderDesk.existing(number, in: reader)
            let lines = try Self.lines(provider: number, month: period, today: context.today, municipalities: context.actor.scope, in: reader)
            let dayAmount = lines.reduce(Money.zero) { $0 + $1.dayAmount }
            let transport = lines.reduce(Money.zero) { $0 + $1.transportAmount }
            return InvoiceBasisView(provider: number, providerName: farm.name, month: period.iso, lines: lines, dayAmount: dayAmount,
                                transportAmount: transport, total: dayAmount + transport, complete: lines.allSatisfy { $0.missingDates.isEmpty })
        }
    }

    public func status(month: String) throws -> [AttendanceStatusLine] {
        let period = try Self.month(month)
        return try context.read { reader in
            let scope = context.actor.scope
            let byProvider = try Self.linesByProvider(month: period, today: context.today, municipalities: scope, in: reader)
            return try reader.providers(in: scope).compactMap { farm -> AttendanceStatusLine? in
                let lines = byProvider[farm.organisationNumber] ?? []
                guard !lines.isEmpty else { return nil }
                let present = lines.reduce(0) { $0 + ($1.days[AttendanceStatus.present.rawValue] ?? 0) }
                let possible = lines.reduce(0) { sum, line in
                    sum + [AttendanceStatus.present, .absentWithNotice, .absentWithoutNotice].reduce(0) { $0 + (line.days[$1.rawValue] ?? 0) }
                }
                return AttendanceStatusLine(
                    provider: farm.organisationNumber, providerName: farm.name, plannedDays: lines.reduce(0) { $0 + $1.plannedDays },
                    reportedDays: lines.reduce(0) { $0 + $1.reportedDays }, missingDays: lines.reduce(0) { $0 + $1.missingDates.count },
                    presentDays: present, attendanceRate: Percentage(present, of: possible))
            }
        }
    }

    public func submissions(provider: String? = nil) throws -> [AttendanceSubmission] {
        let number = try provider.map(ProviderDesk.parseNumber)
        return try context.read { try $0.submissions(provider: number) }
    }

    static func month(_ text: String) throws(TunetError) -> YearMonth {
        switch YearMonth.parse(text) {
        case .success(let month): return month
        case .failure(let reason): throw .invalid("month", text, reason.message)
        }
    }

    /// A farm's lines for the month in the municipalities (a farm invoices each municipality it serves on its own).
    static func lines(provider: OrganisationNumber, month: YearMonth, today: LocalDate, municipalities: MunicipalityScope = .every,
                      in reader: StoreReader) throws -> [InvoiceLine] {
        let placements = try reader.placements(in: municipalities, provider: provider).filter { $0.start <= month.lastDay && $0.end >= month.firstDay }
        let days = try reader.attendance(placements: placements.map(\.id), from: month.firstDay, to: month.lastDay)
        return try lines(placements, days: days, month: month, today: today, in: reader).compactMap { $0 }
    }

    /// Every farm's lines for the month: one query for the placements and one for the attendance,
    /// not two per farm (a national month has 1,100 farms). `parts` and `threshold`: see `SideBySide`.
    static func linesByProvider(month: YearMonth, today: LocalDate, municipalities: MunicipalityScope = .every, in reader: StoreReader,
                                parts: Int = SideBySide.cores, threshold: Int = SideBySide.defaultThreshold) throws -> [OrganisationNumber: [InvoiceLine]] {
        let read = try reader.placementsWithDays(in: municipalities, from: month.firstDay, to: month.lastDay)
        let placements = read.placements.filter { $0.start <= month.lastDay && $0.end >= month.firstDay }
        let lines = try lines(placements, days: read.days, month: month, today: today, in: reader, parts: parts, threshold: threshold)
        var result: [OrganisationNumber: [InvoiceLine]] = [:]
        for (placement, line) in zip(placements, lines) {
            if let line { result[placement.provider, default: []].append(line) }
            else if result[placement.provider] == nil { result[placement.provider] = [] }
        }
        return result
    }

    /// Each placement's line, in the placements' order; nil for a cancelled placement with nothing
    /// reported. `days`: the month's stored days of these placements (others are left out). The lines
    /// are worked out side by side: a national month has 10,000.
    private static func lines(_ placements: [Placement], days: [StoredAttendance], month: YearMonth, today: LocalDate, in reader: StoreReader,
                              parts: Int = SideBySide.cores, threshold: Int = SideBySide.defaultThreshold) throws -> [InvoiceLine?] {
        let reported = DaysByPlacement(days)
        var holidays: [String: [SchoolHoliday]] = [:]
        for placement in placements where holidays[placement.municipalityNumber] == nil {
            holidays[placement.municipalityNumber] = try reader.schoolHolidays(municipality: placement.municipalityNumber)
        }
        return try SideBySide.map(placements, parts: parts, threshold: threshold) { [holidays] placement in
            line(placement, reported: reported[placement.id], month: month, today: today,
                 holidays: holidays[placement.municipalityNumber] ?? [])
        }
    }

    private static func line(_ placement: Placement, reported rows: ArraySlice<StoredAttendance>, month: YearMonth, today: LocalDate,
                             holidays: [SchoolHoliday]) -> InvoiceLine? {
        if placement.isCancelled && rows.isEmpty { return nil }
        let reconciliation = MonthReconciliation(placement: placement, month: month, reported: rows.map(\.entry), today: today,
                                                 schoolHolidays: holidays)
        var days: [String: Int] = [:]
        for (status, count) in reconciliation.reportedByStatus { days[status.rawValue] = count }
        let dayAmount = rows.reduce(Money.zero) { $0 + $1.dayPrice }
        let transport = rows.reduce(Money.zero) { $0 + $1.transport }
        // The trips a day's transport amount was fixed for at import.
        func trips(_ row: StoredAttendance) -> Int {
            row.transport.ore > 0 ? ReportedDayPricing.trips(row.entry, placementTrips: placement.transportTripsPerDay) : 0
        }
        let periods = PricePeriod.periods(line: placement.priceLine, unit: .day,
                                          billed: rows.map { BilledUnits(date: $0.entry.date, quantity: 1, amount: $0.dayPrice) })
            + PricePeriod.periods(line: PlacementRules.standard.transportLine, unit: .trip,
                                  billed: rows.map { BilledUnits(date: $0.entry.date, quantity: trips($0), amount: $0.transport) })
        return InvoiceLine(
            placementId: placement.id, participant: placement.participant, agreement: placement.agreementReference,
            priceLine: placement.priceLine, plannedDays: reconciliation.plannedDays.count, reportedDays: reconciliation.reportedDays, days: days,
            billableDays: rows.filter { $0.dayPrice.ore > 0 }.count, dayAmount: dayAmount,
            transportTrips: rows.reduce(0) { $0 + trips($1) },
            transportAmount: transport, total: dayAmount + transport,
            missingDates: reconciliation.missingDays,
            ceilingOverride: placement.ceilingOverrideReason != nil, pricePeriods: periods)
    }
}
