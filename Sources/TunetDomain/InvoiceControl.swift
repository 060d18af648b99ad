/// What the invoice basis bills a farm in an invoice's period: per price line, the billed units (a day,
/// or a day's trips, each with the amount fixed when the day was reported), the planned days still
/// without a report, and the agreement's prices for the farm.
public struct InvoiceBasisUnits: Sendable {
    public var provider: OrganisationNumber
    public var period: DateSpan
    /// By price line code; only days inside `period`.
    public var billed: [String: [BilledUnits]]
    public var missingDates: [LocalDate]
    /// The farm's price versions in the agreements its placements in the period fall under.
    public var prices: PriceList
    public var transportLine: String
    public var today: LocalDate

    public init(provider: OrganisationNumber, period: DateSpan, billed: [String: [BilledUnits]], missingDates: [LocalDate], prices: PriceList,
                transportLine: String, today: LocalDate) {
        self.provider = provider
        self.period = period
        self.billed = billed.mapValues { $0.filter { period.contains($0.date) } }.filter { !$0.value.isEmpty }
        self.missingDates = missingDates.filter { period.contains($0) }.sorted()
        self.prices = prices
        self.transportLine = transportLine
        self.today = today
    }

    public var total: Money { billed.values.joined().reduce(Money.zero) { $0 + $1.amount } }

    /// The unit a price line counts in: the agreement's, else trips for transport, days for a line only billed.
    public func unit(of line: String) -> PriceUnit? {
        if let version = prices.versions.first(where: { $0.line == line }) { return version.unit }
        if line == transportLine { return billed[line] == nil ? nil : .trip }
        return billed[line] == nil ? nil : .day
    }

    public var knownLines: Set<String> { Set(prices.versions.map(\.line)).union(billed.keys) }
}

/// An invoice's lines added up per price line: kept with each check, so that a later credit note can be set against it.
public struct InvoicedGroup: Hashable, Sendable, Codable {
    /// Where the lines no price line answers to are added up, whatever they are called (an item's name is not kept);
    /// no price line can have this code (a code has no hyphen).
    public static let unmatched = "unmatched-lines"

    public var priceLine: String
    public var unit: PriceUnit
    public var quantity: DecimalNumber
    public var amount: Money

    public init(priceLine: String, unit: PriceUnit, quantity: DecimalNumber, amount: Money) {
        self.priceLine = priceLine
        self.unit = unit
        self.quantity = quantity
        self.amount = amount
    }

    enum CodingKeys: String, CodingKey {
        case unit, quantity
        case priceLine = "price_line"
        case amount = "amount_ore"
    }
}

/// A price line's invoiced quantity and amount beside the basis's.
public struct InvoiceLineComparison: Hashable, Sendable, Codable {
    public var priceLine: String
    public var unit: PriceUnit
    public var invoicedQuantity: DecimalNumber
    public var expectedQuantity: DecimalNumber
    public var invoicedAmount: Money
    public var expectedAmount: Money

    enum CodingKeys: String, CodingKey {
        case unit
        case priceLine = "price_line"
        case invoicedQuantity = "invoiced_quantity"
        case expectedQuantity = "expected_quantity"
        case invoicedAmount = "invoiced_amount_ore"
        case expectedAmount = "expected_amount_ore"
    }
}

/// An invoice set against its basis: the price lines side by side, the totals, and every difference.
public struct InvoiceComparison: Hashable, Sendable {
    public var lines: [InvoiceLineComparison]
    public var groups: [InvoicedGroup]
    public var invoicedNet: Money
    public var expectedTotal: Money
    public var differences: [InvoiceDifference]

    public init(lines: [InvoiceLineComparison], groups: [InvoicedGroup], invoicedNet: Money, expectedTotal: Money, differences: [InvoiceDifference]) {
        self.lines = lines
        self.groups = groups
        self.invoicedNet = invoicedNet
        self.expectedTotal = expectedTotal
        self.differences = differences
    }

    public var matches: Bool { differences.isEmpty }
}

/// The rules an EHF invoice is checked by (Contracts/ehf-invoice.md): each line is matched to a price
/// line of the agreement; per price line the days or trips and the amount are set against the basis;
/// each line's price against the agreement's price on its days; the totals; the invoice's own sums; VAT.
public enum InvoiceControl {
    /// Words in an item's name that mean transport when its identifier names no price line.
    static let transportWords = ["transport", "skyss", "kjøring", "reise", "taxi", "trip"]

    /// The price line an invoice line is for: the seller's item identifier or the item's name when it is a
    /// line's code, else transport by its name, else the only day line for a line counted in days.
    public static func priceLine(of line: EHFLine, basis: InvoiceBasisUnits) -> String? {
        let known = basis.knownLines
        for candidate in [line.sellersItemId, line.itemName].compactMap({ $0?.trimmingWhitespace().lowercased() }) where known.contains(candidate) {
            return candidate
        }
        if looksLikeTransport(line) { return basis.transportLine }
        if line.unitCode == "DAY" {
            let dayLines = known.filter { basis.unit(of: $0) == .day }
            if dayLines.count == 1 { return dayLines.first }
        }
        return nil
    }

    static func looksLikeTransport(_ line: EHFLine) -> Bool {
        let name = (line.itemName + " " + (line.sellersItemId ?? "")).lowercased()
        return transportWords.contains { name.contains($0) }
    }

    /// Checks an invoice against the basis of its period.
    public static func check(_ invoice: EHFInvoice, basis: InvoiceBasisUnits) -> InvoiceComparison {
        var differences = documentChecks(invoice, basis: basis)
        var groups: [String: InvoicedGroup] = [:]
        var agreedPrices: [PriceQuestion: Set<Money>] = [:]
        for line in invoice.lines {
            guard let code = priceLine(of: line, basis: basis), let unit = basis.unit(of: code) else {
                groups[InvoicedGroup.unmatched, default: InvoicedGroup(priceLine: InvoicedGroup.unmatched, unit: .day, quantity: .zero, amount: .zero)]
                    .add(line)
                differences.append(looksLikeTransport(line) && basis.unit(of: basis.transportLine) == nil
                                   ? InvoiceDifference(.transportNotInAgreement, line: line.id, invoicedQuantity: line.quantity,
                                                       invoicedAmount: line.amount, text: line.itemName)
                                   : InvoiceDifference(.unknownLine, line: line.id, invoicedQuantity: line.quantity, invoicedAmount: line.amount,
                                                       text: line.itemName))
                continue
            }
            if let conflict = unitConflict(line, unit: unit) { differences.append(conflict.with(priceLine: code)) }
            if let outside = line.period, !(invoice.period.contains(outside.from) && invoice.period.contains(outside.to)) {
                differences.append(InvoiceDifference(.outsidePeriod, line: line.id, dates: [outside.from, outside.to]))
            }
            differences += priceChecks(line, code: code, unit: unit, basis: basis, known: &agreedPrices)
            groups[code, default: InvoicedGroup(priceLine: code, unit: unit, quantity: .zero, amount: .zero)].add(line)
        }
        let sorted = groups.values.sorted { $0.priceLine < $1.priceLine }
        let (lines, groupDifferences) = compare(sorted, basis: basis)
        differences += groupDifferences
        if invoice.totals.taxExclusive != basis.total {
            differences.append(InvoiceDifference(.totalDiffers, invoicedAmount: invoice.totals.taxExclusive, expectedAmount: basis.total))
        }
        return InvoiceComparison(lines: lines, groups: sorted, invoicedNet: invoice.totals.taxExclusive, expectedTotal: basis.total,
                                 differences: differences)
    }

    /// Checks what remains of an invoice after its credit notes (this one included) against the basis of
    /// the invoice's period; a credit note that credits everything matches whatever the basis.
    ///
    /// `open` is what the invoice's document-level charges and allowances come to before this credit note
    /// (less what earlier credit notes credited of them). The note's charges credit the invoice's charges and
    /// its allowances the invoice's allowances; what they credit beyond them is named, and so is what the
    /// invoice still charges or allows after the note.
    public static func checkRemaining(_ remaining: [InvoicedGroup], net: Money, creditNote: EHFInvoice, basis: InvoiceBasisUnits,
                                      open: DocumentAdjustments = DocumentAdjustments()) -> InvoiceComparison {
        var differences = documentChecks(creditNote, basis: basis, periodChecks: false, namesAdjustments: false)
        var left = open
        for entry in creditNote.allowancesAndCharges {
            let before = entry.isCharge ? left.charges : left.allowances
            let beyond = before.ore >= entry.amount.ore ? Money.zero : Money(ore: entry.amount.ore - max(before.ore, 0))
            if entry.isCharge { left.charges = left.charges - entry.amount } else { left.allowances = left.allowances - entry.amount }
            if beyond > .zero {
                differences.append(InvoiceDifference(entry.isCharge ? .chargeAdded : .allowanceGiven, invoicedAmount: beyond, text: entry.reason ?? "–"))
            }
        }
        if left.charges > .zero { differences.append(InvoiceDifference(.chargeAdded, invoicedAmount: left.charges)) }
        if left.allowances > .zero { differences.append(InvoiceDifference(.allowanceGiven, invoicedAmount: left.allowances)) }
        for group in remaining where group.quantity < .zero || group.amount < .zero {
            differences.append(InvoiceDifference(.creditExceedsInvoice, priceLine: group.priceLine, unit: group.unit,
                                                 invoicedQuantity: -group.quantity, invoicedAmount: Money(ore: -group.amount.ore)))
        }
        if isFullyCredited(remaining, net: net) {
            return InvoiceComparison(lines: [], groups: remaining, invoicedNet: net, expectedTotal: basis.total, differences: differences)
        }
        if !basis.missingDates.isEmpty {
            differences.append(InvoiceDifference(.attendanceIncomplete, dates: basis.missingDates))
        }
        if let unmatched = remaining.first(where: { $0.priceLine == InvoicedGroup.unmatched }), unmatched.amount > .zero {
            differences.append(InvoiceDifference(.unknownLine, invoicedAmount: unmatched.amount))
        }
        let (lines, groupDifferences) = compare(remaining.filter { $0.quantity != .zero || $0.amount != .zero }, basis: basis)
        differences += groupDifferences
        if net != basis.total { differences.append(InvoiceDifference(.totalDiffers, invoicedAmount: net, expectedAmount: basis.total)) }
        return InvoiceComparison(lines: lines, groups: remaining, invoicedNet: net, expectedTotal: basis.total, differences: differences)
    }

    public static func isFullyCredited(_ remaining: [InvoicedGroup], net: Money) -> Bool {
        net == .zero && remaining.allSatisfy { $0.quantity == .zero && $0.amount == .zero }
    }

    /// What the credit notes leave of an invoice, per price line (quantities and amounts less what was credited).
    public static func remaining(_ invoiced: [InvoicedGroup], less credited: [[InvoicedGroup]]) -> [InvoicedGroup] {
        var byLine = Dictionary(invoiced.map { ($0.priceLine, $0) }, uniquingKeysWith: { first, _ in first })
        for credit in credited.joined() {
            var group = byLine[credit.priceLine] ?? InvoicedGroup(priceLine: credit.priceLine, unit: credit.unit, quantity: .zero, amount: .zero)
            group.quantity = group.quantity - credit.quantity
            group.amount = group.amount - credit.amount
            byLine[credit.priceLine] = group
        }
        return byLine.values.sorted { $0.priceLine < $1.priceLine }
    }

    /// A credit note's lines added up per price line, as `check` adds up an invoice's.
    public static func groups(_ document: EHFInvoice, basis: InvoiceBasisUnits) -> [InvoicedGroup] {
        var groups: [String: InvoicedGroup] = [:]
        for line in document.lines {
            let known = priceLine(of: line, basis: basis).flatMap { code in basis.unit(of: code).map { (code, $0) } }
            let code = known?.0 ?? InvoicedGroup.unmatched
            groups[code, default: InvoicedGroup(priceLine: code, unit: known?.1 ?? .day, quantity: .zero, amount: .zero)].add(line)
        }
        return groups.values.sorted { $0.priceLine < $1.priceLine }
    }

    /// The checks that need no basis lines: the invoice's own sums, VAT, allowances and charges, and its period.
    static func documentChecks(_ invoice: EHFInvoice, basis: InvoiceBasisUnits, periodChecks: Bool = true,
                               namesAdjustments: Bool = true) -> [InvoiceDifference] {
        var differences: [InvoiceDifference] = []
        if periodChecks && invoice.period.to > basis.today {
            differences.append(InvoiceDifference(.periodNotEnded, date: invoice.period.to))
        }
        if periodChecks && !basis.missingDates.isEmpty {
            differences.append(InvoiceDifference(.attendanceIncomplete, dates: basis.missingDates))
        }
        for line in invoice.lines {
            if let expected = LineArithmetic.amount(quantity: line.quantity, price: line.price, base: line.baseQuantity),
               expected + line.allowancesAndCharges != line.amount {
                differences.append(InvoiceDifference(.lineArithmetic, line: line.id, invoicedQuantity: line.quantity,
                                                     invoicedAmount: line.amount, expectedAmount: expected + line.allowancesAndCharges,
                                                     invoicedPrice: line.price))
            }
        }
        let totals = invoice.totals
        let lineSum = invoice.lines.reduce(Money.zero) { $0 + $1.amount }
        let allowances = invoice.allowancesAndCharges.filter { !$0.isCharge }.reduce(Money.zero) { $0 + $1.amount }
        let charges = invoice.allowancesAndCharges.filter(\.isCharge).reduce(Money.zero) { $0 + $1.amount }
        // EN 16931's BR-CO-10, -13, -15 and -16: each total follows from the one before it.
        let sums: [(stated: Money, expected: Money, name: String)] = [
            (totals.lineExtension, lineSum, "LineExtensionAmount"),
            (totals.taxExclusive, totals.lineExtension - allowances + charges, "TaxExclusiveAmount"),
            (totals.taxInclusive, totals.taxExclusive + invoice.taxAmount, "TaxInclusiveAmount"),
            (totals.payable, totals.taxInclusive - totals.prepaid + totals.rounding, "PayableAmount"),
        ]
        for sum in sums where sum.stated != sum.expected {
            differences.append(InvoiceDifference(.totalsArithmetic, invoicedAmount: sum.stated, expectedAmount: sum.expected, text: sum.name))
        }
        // BR-CO-14: the breakdowns' VAT adds up to the total's.
        let breakdown = invoice.taxSubtotals.reduce(Money.zero) { $0 + $1.taxAmount }
        if !invoice.taxSubtotals.isEmpty && breakdown != invoice.taxAmount {
            differences.append(InvoiceDifference(.totalsArithmetic, invoicedAmount: invoice.taxAmount, expectedAmount: breakdown, text: "TaxAmount"))
        }
        let charged = invoice.taxSubtotals.filter { !$0.addsNoTax }
        for subtotal in charged {
            differences.append(InvoiceDifference(.vatCharged, invoicedAmount: subtotal.taxAmount, expectedAmount: .zero, text: subtotal.category,
                                                 percent: subtotal.percent))
        }
        if charged.isEmpty && invoice.taxAmount != .zero {
            differences.append(InvoiceDifference(.vatCharged, invoicedAmount: invoice.taxAmount, expectedAmount: .zero))
        }
        if totals.prepaid != .zero { differences.append(InvoiceDifference(.prepaidAmount, invoicedAmount: totals.prepaid)) }
        if totals.rounding != .zero { differences.append(InvoiceDifference(.roundingAmount, invoicedAmount: totals.rounding)) }
        for entry in invoice.allowancesAndCharges where namesAdjustments {
            differences.append(InvoiceDifference(entry.isCharge ? .chargeAdded : .allowanceGiven, invoicedAmount: entry.amount,
                                                 text: entry.reason ?? "–"))
        }
        return differences
    }

    /// A unit code that contradicts the price line's unit: days invoiced as hours, or hours as days.
    static func unitConflict(_ line: EHFLine, unit: PriceUnit) -> InvoiceDifference? {
        let invoiced: PriceUnit? = switch line.unitCode {
        case "DAY": .day
        case "HUR": .hour
        default: nil
        }
        guard let invoiced, invoiced != unit, !(invoiced == .day && unit == .halfDay) else { return nil }
        return InvoiceDifference(.unitDiffers, line: line.id, unit: unit, text: line.unitCode)
    }

    /// The line's price per unit against the agreement's prices on the days it covers (the billed days in the
    /// line's period, or in the invoice's; every day of it when none was billed).
    static func priceChecks(_ line: EHFLine, code: String, unit: PriceUnit, basis: InvoiceBasisUnits,
                            known: inout [PriceQuestion: Set<Money>]) -> [InvoiceDifference] {
        let span = line.period ?? basis.period
        let question = PriceQuestion(line: code, span: span)
        // Worked out once per price line and period: an invoice of thousands of lines shares a few periods.
        let agreed = known[question] ?? {
            let billedDays = (basis.billed[code] ?? []).map(\.date).filter { span.contains($0) }
            let days = billedDays.isEmpty ? (0...span.from.days(until: span.to)).map { span.from.adding(days: $0) } : billedDays
            return Set(days.compactMap { basis.prices.price(provider: basis.provider, line: code, on: $0)?.amount })
        }()
        known[question] = agreed
        guard let highest = agreed.max(), let lowest = agreed.min() else { return [] }
        let orderings = agreed.map { LineArithmetic.compare(price: line.price, base: line.baseQuantity, with: $0) }
        guard !orderings.contains(.equal) else { return [] }
        let unitPrice = unitPrice(line)
        if LineArithmetic.compare(price: line.price, base: line.baseQuantity, with: highest) == .greater {
            return [InvoiceDifference(.priceAboveAgreement, line: line.id, priceLine: code, unit: unit, invoicedQuantity: line.quantity,
                                      invoicedAmount: line.amount, expectedAmount: LineArithmetic.amount(quantity: line.quantity, price: DecimalNumber(highest), base: .one),
                                      invoicedPrice: unitPrice, agreedPrice: highest)]
        }
        if LineArithmetic.compare(price: line.price, base: line.baseQuantity, with: lowest) == .less {
            return [InvoiceDifference(.priceBelowAgreement, line: line.id, priceLine: code, unit: unit, invoicedQuantity: line.quantity,
                                      invoicedAmount: line.amount, expectedAmount: LineArithmetic.amount(quantity: line.quantity, price: DecimalNumber(lowest), base: .one),
                                      invoicedPrice: unitPrice, agreedPrice: lowest)]
        }
        return [InvoiceDifference(.priceNotAgreed, line: line.id, priceLine: code, unit: unit, invoicedPrice: unitPrice, agreedPrice: highest,
                                  text: agreed.sorted().map(\.formatted).joined(separator: " / "))]
    }

    /// price ÷ base quantity, to the millionth (a base quantity other than one is rare).
    static func unitPrice(_ line: EHFLine) -> DecimalNumber {
        LineArithmetic.unitPrice(price: line.price, base: line.baseQuantity) ?? line.price
    }

    /// Per price line, the invoiced quantity and amount against the basis's.
    static func compare(_ groups: [InvoicedGroup], basis: InvoiceBasisUnits) -> ([InvoiceLineComparison], [InvoiceDifference]) {
        var comparisons: [InvoiceLineComparison] = []
        var differences: [InvoiceDifference] = []
        let codes = Set(groups.map(\.priceLine)).union(basis.billed.keys).sorted()
        for code in codes where code != InvoicedGroup.unmatched {
            let billed = basis.billed[code] ?? []
            let expectedQuantity = DecimalNumber(billed.reduce(0) { $0 + $1.quantity })
            let expectedAmount = billed.reduce(Money.zero) { $0 + $1.amount }
            let unit = groups.first { $0.priceLine == code }?.unit ?? basis.unit(of: code) ?? .day
            guard let group = groups.first(where: { $0.priceLine == code }) else {
                differences.append(InvoiceDifference(.notInvoiced, priceLine: code, unit: unit, invoicedQuantity: .zero, expectedQuantity: expectedQuantity,
                                                     invoicedAmount: .zero, expectedAmount: expectedAmount, dates: billed.map(\.date)))
                comparisons.append(InvoiceLineComparison(priceLine: code, unit: unit, invoicedQuantity: .zero, expectedQuantity: expectedQuantity,
                                                         invoicedAmount: .zero, expectedAmount: expectedAmount))
                continue
            }
            comparisons.append(InvoiceLineComparison(priceLine: code, unit: unit, invoicedQuantity: group.quantity, expectedQuantity: expectedQuantity,
                                                     invoicedAmount: group.amount, expectedAmount: expectedAmount))
            if group.quantity != expectedQuantity {
                differences.append(InvoiceDifference(group.quantity > expectedQuantity ? .moreInvoiced : .lessInvoiced, priceLine: code, unit: unit,
                                                     invoicedQuantity: group.quantity, expectedQuantity: expectedQuantity))
            }
            if group.amount != expectedAmount {
                differences.append(InvoiceDifference(.amountDiffers, priceLine: code, unit: unit, invoicedAmount: group.amount, expectedAmount: expectedAmount))
            }
        }
        return (comparisons, differences)
    }
}

/// Which prices the agreement had for a price line over a period.
struct PriceQuestion: Hashable {
    let line: String
    let span: DateSpan
}

extension InvoicedGroup {
    mutating func add(_ line: EHFLine) {
        quantity = quantity + line.quantity
        amount += line.amount
    }
}

extension InvoiceDifference {
    func with(priceLine: String) -> InvoiceDifference {
        var copy = self
        copy.priceLine = priceLine
        return copy
    }
}

