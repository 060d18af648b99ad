/// One way a farm's invoice differs from what Tunet knows: its invoice basis, the agreement's prices,
/// the invoice's own arithmetic, or an earlier check. Kept as facts (codes, quantities, øre) so that
/// it reads in either language and programs can act on `kind`.
public struct InvoiceDifference: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// More days or trips invoiced on a price line than the invoice basis bills.
        case moreInvoiced = "more_invoiced"
        case lessInvoiced = "less_invoiced"
        /// A price line the basis bills and the invoice leaves out.
        case notInvoiced = "not_invoiced"
        case priceAboveAgreement = "price_above_agreement"
        case priceBelowAgreement = "price_below_agreement"
        /// Between two prices the agreement had in the period, and equal to neither.
        case priceNotAgreed = "price_not_agreed"
        case amountDiffers = "amount_differs"
        case totalDiffers = "total_differs"
        case transportNotInAgreement = "transport_not_in_agreement"
        case unknownLine = "unknown_line"
        case unitDiffers = "unit_differs"
        case attendanceIncomplete = "attendance_incomplete"
        case periodNotEnded = "period_not_ended"
        case outsidePeriod = "line_outside_period"
        case alreadyChecked = "already_checked"
        /// Another invoice of the farm to the same municipality covers days of the period (and is not credited).
        case periodAlreadyInvoiced = "period_already_invoiced"
        case vatCharged = "vat_charged"
        /// An amount said to be paid already (BT-113), taken off what is to be paid.
        case prepaidAmount = "prepaid_amount"
        /// A rounding (BT-114) added to what is to be paid.
        case roundingAmount = "rounding_amount"
        case chargeAdded = "charge_added"
        case allowanceGiven = "allowance_given"
        case lineArithmetic = "line_amount_inconsistent"
        case totalsArithmetic = "totals_inconsistent"
        case creditExceedsInvoice = "credit_exceeds_invoice"
    }

    public var kind: Kind
    /// The invoice line (its ID) the difference is about.
    public var line: String?
    public var priceLine: String?
    public var unit: PriceUnit?
    public var invoicedQuantity: DecimalNumber?
    public var expectedQuantity: DecimalNumber?
    public var invoicedAmount: Money?
    public var expectedAmount: Money?
    /// A price per unit as invoiced (price ÷ base quantity, exact).
    public var invoicedPrice: DecimalNumber?
    public var agreedPrice: Money?
    public var dates: [LocalDate]?
    /// A name the invoice gives (an item, a charge's reason, a VAT category) or an earlier check's number.
    public var text: String?
    public var date: LocalDate?
    public var percent: DecimalNumber?
    /// For an invoice already checked: whether the file is the same as the one checked then.
    public var sameFile: Bool?

    public init(_ kind: Kind, line: String? = nil, priceLine: String? = nil, unit: PriceUnit? = nil, invoicedQuantity: DecimalNumber? = nil,
                expectedQuantity: DecimalNumber? = nil, invoicedAmount: Money? = nil, expectedAmount: Money? = nil,
                invoicedPrice: DecimalNumber? = nil, agreedPrice: Money? = nil, dates: [LocalDate]? = nil, text: String? = nil,
                date: LocalDate? = nil, percent: DecimalNumber? = nil) {
        self.kind = kind
        self.line = line
        self.priceLine = priceLine
        self.unit = unit
        self.invoicedQuantity = invoicedQuantity
        self.expectedQuantity = expectedQuantity
        self.invoicedAmount = invoicedAmount
        self.expectedAmount = expectedAmount
        self.invoicedPrice = invoicedPrice
        self.agreedPrice = agreedPrice
        self.dates = dates
        self.text = text
        self.date = date
        self.percent = percent
    }

    /// Invoiced less expected, when both are amounts.
    public var difference: Money? {
        guard let invoicedAmount, let expectedAmount else { return nil }
        return invoicedAmount - expectedAmount
    }

    enum CodingKeys: String, CodingKey {
        case kind, line, unit, dates, text, date, percent, difference
        case sameFile = "same_file"
        case priceLine = "price_line"
        case invoicedQuantity = "invoiced_quantity"
        case expectedQuantity = "expected_quantity"
        case invoicedAmount = "invoiced_amount_ore"
        case expectedAmount = "expected_amount_ore"
        case invoicedPrice = "invoiced_unit_price"
        case agreedPrice = "agreed_unit_price_ore"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        line = try c.decodeIfPresent(String.self, forKey: .line)
        priceLine = try c.decodeIfPresent(String.self, forKey: .priceLine)
        unit = try c.decodeIfPresent(PriceUnit.self, forKey: .unit)
        invoicedQuantity = try c.decodeIfPresent(DecimalNumber.self, forKey: .invoicedQuantity)
        expectedQuantity = try c.decodeIfPresent(DecimalNumber.self, forKey: .expectedQuantity)
        invoicedAmount = try c.decodeIfPresent(Money.self, forKey: .invoicedAmount)
        expectedAmount = try c.decodeIfPresent(Money.self, forKey: .expectedAmount)
        invoicedPrice = try c.decodeIfPresent(DecimalNumber.self, forKey: .invoicedPrice)
        agreedPrice = try c.decodeIfPresent(Money.self, forKey: .agreedPrice)
        dates = try c.decodeIfPresent([LocalDate].self, forKey: .dates)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        date = try c.decodeIfPresent(LocalDate.self, forKey: .date)
        percent = try c.decodeIfPresent(DecimalNumber.self, forKey: .percent)
        sameFile = try c.decodeIfPresent(Bool.self, forKey: .sameFile)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encodeIfPresent(priceLine, forKey: .priceLine)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(invoicedQuantity, forKey: .invoicedQuantity)
        try c.encodeIfPresent(expectedQuantity, forKey: .expectedQuantity)
        try c.encodeIfPresent(invoicedAmount, forKey: .invoicedAmount)
        try c.encodeIfPresent(expectedAmount, forKey: .expectedAmount)
        try c.encodeIfPresent(difference, forKey: .difference)
        try c.encodeIfPresent(invoicedPrice, forKey: .invoicedPrice)
        try c.encodeIfPresent(agreedPrice, forKey: .agreedPrice)
        try c.encodeIfPresent(dates, forKey: .dates)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(percent, forKey: .percent)
        try c.encodeIfPresent(sameFile, forKey: .sameFile)
    }

    /// The difference as a sentence: `invoice.difference.<kind>` with its facts.
    public var message: Message {
        var arguments: [String: MessageValue] = [:]
        arguments["line"] = line.map { .text($0) }
        arguments["price_line"] = priceLine.map { .text($0) }
        arguments["unit"] = unit.map { .label("invoice.unit.\($0.rawValue)") }
        arguments["invoiced_quantity"] = invoicedQuantity.map { counted($0) }
        arguments["expected_quantity"] = expectedQuantity.map { counted($0) }
        arguments["invoiced_amount"] = invoicedAmount.map { .money($0) }
        arguments["expected_amount"] = expectedAmount.map { .money($0) }
        arguments["difference"] = difference.map { .money(Money(ore: $0.ore < 0 ? -$0.ore : $0.ore)) }
        arguments["invoiced_price"] = invoicedPrice.map(Self.price)
        arguments["agreed_price"] = agreedPrice.map { .money($0) }
        arguments["dates"] = dates.map { .list($0.prefix(10).map { .date($0) } + ($0.count > 10 ? [.message(Message("invoice.difference.more_dates", ["count": .integer($0.count - 10)]))] : [])) }
        arguments["count"] = dates.map { .integer($0.count) }
        arguments["text"] = text.map { .text($0) }
        arguments["date"] = date.map { .date($0) }
        arguments["percent"] = percent.map { .text($0.description.replacingDecimalPoint) }
        // A charge's reason is shown when checked and not kept (it may name a person): a kept one is told without it.
        if (kind == .chargeAdded || kind == .allowanceGiven) && text == nil {
            return Message("invoice.difference.\(kind.rawValue)_unnamed", ["invoiced_amount": invoicedAmount.map { .money($0) } ?? .text("–")])
        }
        // A fact a sentence names but this difference lacks reads as a dash, never as a placeholder.
        for key in ["line", "price_line", "unit", "invoiced_quantity", "expected_quantity", "invoiced_amount", "expected_amount", "difference",
                    "invoiced_price", "agreed_price", "dates", "count", "text", "date", "percent"] where arguments[key] == nil {
            arguments[key] = .text("–")
        }
        if kind == .alreadyChecked {
            arguments["status"] = text.map { .label("invoice.status.\($0)") } ?? .text("–")
            return Message("invoice.difference.already_checked\(sameFile == false ? "_other_file" : "")", arguments)
        }
        return Message("invoice.difference.\(kind.rawValue)", arguments)
    }

    /// "20 dager", "1 tur", "2,5 timer"; a bare number for a line of no known unit.
    func counted(_ value: DecimalNumber) -> MessageValue {
        guard let unit else { return Self.quantity(value) }
        return .message(Message("invoice.quantity.\(unit.rawValue)", ["count": Self.quantity(value)]))
    }

    /// A quantity as people write it: `20` or `2,5`.
    static func quantity(_ value: DecimalNumber) -> MessageValue {
        if let whole = value.whole { return .integer(whole) }
        return .text(value.description.replacingDecimalPoint)
    }

    /// A unit price: kroner and øre when it is whole øre, otherwise every decimal written.
    static func price(_ value: DecimalNumber) -> MessageValue {
        if let money = value.money { return .money(money) }
        return .text(value.description.replacingDecimalPoint)
    }
}

extension String {
    /// `12.5` as Norwegian writes it: `12,5`.
    var replacingDecimalPoint: String { String(map { $0 == "." ? "," : $0 }) }
}
