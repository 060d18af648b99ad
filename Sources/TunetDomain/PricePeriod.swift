/// What one reported day billed under one price line: a day's price (quantity 1) or its transport
/// trips, with the amount fixed when the day was reported.
public struct BilledUnits: Hashable, Sendable {
    public var date: LocalDate
    /// Days (always 1) for a placement's price line, trips for transport.
    public var quantity: Int
    public var amount: Money

    public init(date: LocalDate, quantity: Int, amount: Money) {
        self.date = date
        self.quantity = quantity
        self.amount = amount
    }

    /// The price of one unit. A stored amount is always a whole number of units at one price.
    var unitPrice: Money { quantity > 0 ? Money(ore: amount.ore / Int64(quantity)) : amount }
}

/// The billed days of one price line in a row at one unit price: how an invoice basis shows which days
/// were billed at which price when a price version (a KPI adjustment) takes effect in the month.
public struct PricePeriod: Hashable, Sendable, Encodable {
    public let line: String
    /// What `quantity` counts: `day` for the placement's price line (each billed day once), `trip` for transport.
    public let unit: PriceUnit
    /// The first and last billed day of the period.
    public let from: LocalDate
    public let to: LocalDate
    /// Every billed day of the period, in order.
    public let dates: [LocalDate]
    public let quantity: Int
    public let unitPrice: Money
    /// The sum of the days' stored amounts: the periods of a line add up to exactly what was billed.
    public let amount: Money
    /// Each billed day with its quantity and amount: what an invoice's lines are set against.
    public let billed: [BilledUnits]

    public var days: Int { dates.count }

    enum CodingKeys: String, CodingKey {
        case line, unit, from, to, dates, days, quantity
        case unitPrice = "unit_price_ore"
        case amount = "amount_ore"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(unit.rawValue, forKey: .unit)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(days, forKey: .days)
        try container.encode(dates, forKey: .dates)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encode(amount, forKey: .amount)
    }

    /// One period per run of billed days (in date order) at the same unit price; a day at another price
    /// starts a new period, also when a later day returns to an earlier price. Days that billed nothing
    /// on this line (absence not billed, no trips) neither appear nor break a run.
    public static func periods(line: String, unit: PriceUnit, billed: [BilledUnits]) -> [PricePeriod] {
        var periods: [PricePeriod] = []
        var run: [BilledUnits] = []
        func close() {
            guard let first = run.first, let last = run.last else { return }
            periods.append(PricePeriod(line: line, unit: unit, from: first.date, to: last.date, dates: run.map(\.date),
                                       quantity: run.reduce(0) { $0 + $1.quantity }, unitPrice: first.unitPrice,
                                       amount: run.reduce(Money.zero) { $0 + $1.amount }, billed: run))
            run = []
        }
        for day in billed.filter({ $0.amount != .zero }).sorted(by: { $0.date < $1.date }) {
            if let current = run.first, current.unitPrice != day.unitPrice { close() }
            run.append(day)
        }
        close()
        return periods
    }
}
