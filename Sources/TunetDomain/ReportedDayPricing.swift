/// What a reported day costs, fixed when the farm's report is imported and never worked out again
/// (a later price change does not move what was billed):
/// - the day's price, if the agreement's absence rule lets the farm bill the day's status;
/// - transport: the trips reported, else the placement's own on a day the participant came, each at
///   the transport price of that day; under the default transport billing (`billable_days`) only on a
///   day the absence rule bills, so never on a day the farm cancelled (`AT`) and on an absence only
///   when the agreement bills it; under `as_reported` whatever the day's status;
/// - the planned cost, on a planned day only, whatever happened (PlannedDayCost).
/// A price is the line's latest version valid from that day or earlier (PriceList.price).
public struct ReportedDayPricing: Sendable {
    public let agreementReference: String
    public let absenceRule: AbsenceBillingRule
    public let transportBilling: TransportBilling
    /// The placement's prices, and what its planned day costs.
    public let planned: PlannedDayCost

    public var provider: OrganisationNumber { planned.provider }
    public var priceLine: String { planned.priceLine }
    public var transportLine: String { planned.transportLine }
    public var placementTrips: Int { planned.tripsPerDay }

    public init(agreement: Agreement, placement: Placement, rules: PlacementRules = .standard) {
        agreementReference = agreement.reference
        absenceRule = agreement.absenceRule
        transportBilling = agreement.transportBilling
        planned = PlannedDayCost(prices: agreement.prices, provider: placement.provider, priceLine: placement.priceLine,
                                 tripsPerDay: placement.transportTripsPerDay, rules: rules)
    }

    /// The price of the placement's line on `date`.
    public func dayPrice(on date: LocalDate) -> Money? { planned.dayPrice(on: date) }
    /// The price of one trip on `date`.
    public func tripPrice(on date: LocalDate) -> Money? { planned.tripPrice(on: date) }

    /// The trips a reported day's transport is billed for: none on a day the farm may not bill, unless
    /// the agreement bills transport as reported.
    public func trips(_ entry: AttendanceEntry) -> Int {
        guard transportBilling == .asReported || entry.status.isBillable(under: absenceRule) else { return 0 }
        return Self.trips(entry, placementTrips: placementTrips)
    }

    /// The trips reported, else the placement's own trips on a day the participant came, else none.
    public static func trips(_ entry: AttendanceEntry, placementTrips: Int) -> Int {
        entry.transportTrips ?? (entry.status == .present ? placementTrips : 0)
    }

    /// The amounts of a reported day; `planned` when the day is one of the placement's planned days.
    /// Fails, naming the line and the day, when a price the day needs has no version valid on it.
    public func price(_ entry: AttendanceEntry, planned isPlanned: Bool) -> Result<PricedDay, FieldReason> {
        let date = entry.date
        func missing(_ line: String) -> FieldReason {
            FieldReason("attendance.row.no_price", [
                "agreement": .text(agreementReference), "line": .text(line), "provider": .text(provider.digits), "date": .date(date),
            ])
        }
        // Each price is looked up once, though the billed and the planned amount may both need it.
        var day: Money?, trip: Money?
        func dayAmount() -> Money? {
            if day == nil { day = dayPrice(on: date) }
            return day
        }
        func tripAmount() -> Money? {
            if trip == nil { trip = tripPrice(on: date) }
            return trip
        }
        var billed = Money.zero
        if entry.status.isBillable(under: absenceRule) {
            guard let price = dayAmount() else { return .failure(missing(priceLine)) }
            billed = price
        }
        let trips = trips(entry)
        var transport = Money.zero
        if trips > 0 {
            guard let price = tripAmount() else { return .failure(missing(transportLine)) }
            transport = price * Int64(trips)
        }
        var plannedCost = Money.zero
        if isPlanned {
            switch planned.cost(on: date, dayPrice: dayAmount(), tripPrice: tripAmount()) {
            case .success(let cost): plannedCost = cost
            case .failure(let gap): return .failure(missing(gap.line))
            }
        }
        return .success(PricedDay(dayPrice: billed, transport: transport, plannedCost: plannedCost))
    }
}

/// The amounts fixed for one reported day.
public struct PricedDay: Hashable, Sendable {
    /// The day's price when billable, else zero.
    public let dayPrice: Money
    public let transport: Money
    /// What the day was committed at, when it was planned; zero otherwise.
    public let plannedCost: Money

    public init(dayPrice: Money, transport: Money, plannedCost: Money) {
        self.dayPrice = dayPrice
        self.transport = transport
        self.plannedCost = plannedCost
    }

    public var total: Money { dayPrice + transport }
}
