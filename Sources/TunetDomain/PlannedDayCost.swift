/// What a planned day commits: the placement's line at that day's price, plus the placement's own
/// trips at that day's transport price. The planner sums it over a placement's days to hold it
/// against the ceiling; a reported planned day records it, so that spent can be set against committed.
/// A price is the line's latest version valid from that day or earlier (PriceList.price).
public struct PlannedDayCost: Sendable {
    public let provider: OrganisationNumber
    public let priceLine: String
    public let transportLine: String
    /// The placement's own trips on a day the participant comes: two with transport, none without.
    public let tripsPerDay: Int
    /// The line's versions as the day number each holds from, narrowed once per placement: finding them
    /// by farm and line name for every reported day copied a price version each time (BENCHMARKS.md).
    private let dayVersions: [(from: Int, amount: Money)]
    private let tripVersions: [(from: Int, amount: Money)]

    /// The line a price is missing for, on the day that needs it.
    public struct MissingPrice: Error, Sendable {
        public let line: String
        public let date: LocalDate
        /// True when the missing price is the transport line's.
        public let isTransport: Bool
    }

    public init(prices: PriceList, provider: OrganisationNumber, priceLine: String, tripsPerDay: Int, rules: PlacementRules = .standard) {
        self.provider = provider
        self.priceLine = priceLine
        transportLine = rules.transportLine
        self.tripsPerDay = tripsPerDay
        func versions(_ line: String) -> [(from: Int, amount: Money)] {
            // In the price list's order: by farm, line and the day each holds from.
            prices.versions.filter { $0.provider == provider && $0.line == line }.map { ($0.validFrom.dayNumber, $0.amount) }
        }
        dayVersions = versions(priceLine)
        tripVersions = versions(rules.transportLine)
    }

    /// The price of the placement's line on `date`.
    public func dayPrice(on date: LocalDate) -> Money? { dayVersions.last { $0.from <= date.dayNumber }?.amount }
    /// The price of one trip on `date`.
    public func tripPrice(on date: LocalDate) -> Money? { tripVersions.last { $0.from <= date.dayNumber }?.amount }

    /// The cost of a planned day on `date`.
    public func cost(on date: LocalDate) -> Result<Money, MissingPrice> {
        cost(on: date, dayPrice: dayPrice(on: date), tripPrice: tripPrice(on: date))
    }

    /// The cost of a planned day from its prices, looked up already (a reported day needs them anyway);
    /// the trip price is asked for only when the placement has trips.
    public func cost(on date: LocalDate, dayPrice: Money?, tripPrice: @autoclosure () -> Money?) -> Result<Money, MissingPrice> {
        guard let dayPrice else { return .failure(MissingPrice(line: priceLine, date: date, isTransport: false)) }
        guard tripsPerDay > 0 else { return .success(dayPrice) }
        guard let trip = tripPrice() else { return .failure(MissingPrice(line: transportLine, date: date, isTransport: true)) }
        return .success(dayPrice + trip * Int64(tripsPerDay))
    }

    /// The sum over `days`; the first day a price is missing on, if one is.
    public func cost(of days: [LocalDate]) -> Result<Money, MissingPrice> {
        var total = Money.zero
        for day in days {
            switch cost(on: day) {
            case .success(let amount): total += amount
            case .failure(let missing): return .failure(missing)
            }
        }
        return .success(total)
    }
}
