import Testing
import TunetDomain
import TunetText

/// The rules an invoice is checked by, on constructed bases whose answers are known.
@Suite("Invoice control: an EHF invoice set against the invoice basis")
struct InvoiceControlTests {
    static let farm = OrganisationNumber.completing("97476067")!
    static func day(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }
    static let march = DateSpan(from: day(1), to: day(31))

    static func basis(transport: Bool = true, kpiFrom16th: Bool = false, billedDays: [Int] = [2, 5, 9]) -> InvoiceBasisUnits {
        var versions = [PriceVersion(provider: farm, line: "full_day", unit: .day, validFrom: day(1).adding(days: -60), amount: .kroner(1200), source: "agreement")]
        if kpiFrom16th { versions.append(PriceVersion(provider: farm, line: "full_day", unit: .day, validFrom: day(16), amount: .kroner(1250), source: "kpi 2026")) }
        if transport { versions.append(PriceVersion(provider: farm, line: "transport", unit: .trip, validFrom: day(1).adding(days: -60), amount: .kroner(300), source: "agreement")) }
        let prices = PriceList(versions)
        let billed = ["full_day": billedDays.map { BilledUnits(date: day($0), quantity: 1, amount: prices.price(provider: farm, line: "full_day", on: day($0))!.amount) }]
        return InvoiceBasisUnits(provider: farm, period: march, billed: billed, missingDates: [], prices: prices, transportLine: "transport", today: day(31).adding(days: 5))
    }

    static func line(_ id: String, _ quantity: String, _ price: String, unit: String = "DAY", item: String = "Dag", code: String? = "full_day",
                     amount: Money? = nil) -> EHFLine {
        let q = DecimalNumber.parse(quantity)!, p = DecimalNumber.parse(price)!
        return EHFLine(id: id, position: Int(id) ?? 1, note: nil, quantity: q, unitCode: unit,
                       amount: amount ?? LineArithmetic.amount(quantity: q, price: p, base: .one)!, period: nil, itemName: item, sellersItemId: code,
                       price: p, baseQuantity: .one, taxCategory: "E", taxPercent: .zero, allowancesAndCharges: .zero)
    }

    static func invoice(_ lines: [EHFLine], net: Money? = nil) -> EHFInvoice {
        let sum = lines.reduce(Money.zero) { $0 + $1.amount }
        let totals = EHFTotals(lineExtension: sum, taxExclusive: net ?? sum, taxInclusive: net ?? sum, allowances: .zero, charges: .zero, prepaid: .zero,
                               rounding: .zero, payable: net ?? sum)
        return EHFInvoice(kind: .invoice, number: "1", issueDate: day(31), typeCode: "380", currency: "NOK", period: march, orderReference: nil,
                          contractReference: nil, buyerReference: nil, creditedInvoices: [], seller: EHFParty(organisationNumber: farm), buyer: EHFParty(),
                          lines: lines, allowancesAndCharges: [], taxSubtotals: [EHFTaxSubtotal(category: "E", percent: .zero, taxableAmount: sum, taxAmount: .zero, exemptionReason: nil)],
                          taxAmount: .zero, totals: totals)
    }

    @Test("Every kind of difference reads as a sentence in both languages, with every fact filled in or a dash")
    func everyKindHasItsSentence() {
        for language in [Language.nb, .en] {
            let table = Catalogue.table(language)
            for kind in InvoiceDifference.Kind.allCases {
                let message = InvoiceDifference(kind).message
                #expect(table[message.key] != nil, "\(language) \(message.key)")
                #expect(!Texts(language).render(message).contains("{"), "\(language) \(kind)")
            }
            var repeated = InvoiceDifference(.alreadyChecked, text: "matches", date: Self.day(31))
            repeated.sameFile = false
            #expect(table[repeated.message.key] != nil)
            #expect(table[InvoiceDifference(.chargeAdded, invoicedAmount: .kroner(75), text: "Gebyr").message.key] != nil)
        }
    }

    @Test("Three days at the agreement's price match; nothing else is said")
    func matches() {
        #expect(InvoiceControl.check(Self.invoice([Self.line("1", "3", "1200")]), basis: Self.basis()).differences == [])
    }

    @Test("Transport invoiced under an agreement without a transport price is named as such, not as an unknown line")
    func transportNotInAgreement() {
        let lines = [Self.line("1", "3", "1200"), Self.line("2", "6", "300", unit: "E54", item: "Skyss tur-retur", code: nil)]
        let kinds = InvoiceControl.check(Self.invoice(lines), basis: Self.basis(transport: false)).differences.map(\.kind)
        #expect(kinds == [.transportNotInAgreement, .totalDiffers])
    }

    @Test("A price between the month's two prices (1 200 and 1 250 from the 16th) is none of them; one above both is above by the exact øre")
    func prices() {
        let between = InvoiceControl.check(Self.invoice([Self.line("1", "4", "1225")]), basis: Self.basis(kpiFrom16th: true, billedDays: [2, 5, 16, 19]))
        #expect(between.differences.first?.kind == .priceNotAgreed)
        #expect(between.differences.first?.text == "1 200,00 / 1 250,00")
        let above = InvoiceControl.check(Self.invoice([Self.line("1", "3", "1200.01")]), basis: Self.basis())
        let difference = above.differences.first { $0.kind == .priceAboveAgreement }
        #expect(difference?.difference == Money(ore: 3))
        let below = InvoiceControl.check(Self.invoice([Self.line("1", "3", "1100")]), basis: Self.basis())
        #expect(below.differences.contains { $0.kind == .priceBelowAgreement && $0.difference == Money(ore: -30_000) })
    }

    @Test("Hours on a line counted in days, a line amount that is not quantity × price, and totals that do not add up are named")
    func arithmetic() {
        let lines = [Self.line("1", "3", "1200", unit: "HUR", amount: .kroner(3700))]
        let differences = InvoiceControl.check(Self.invoice(lines, net: .kroner(3650)), basis: Self.basis()).differences
        #expect(differences.contains { $0.kind == .unitDiffers && $0.line == "1" })
        #expect(differences.contains { $0.kind == .lineArithmetic && $0.expectedAmount == .kroner(3600) })
        #expect(differences.contains { $0.kind == .totalsArithmetic && $0.text == "TaxExclusiveAmount" })
    }

    @Test("What is to be paid is checked too: VAT no breakdown adds, a breakdown that does not add up, a prepaid amount and a rounding")
    func payable() {
        var invoice = Self.invoice([Self.line("1", "3", "1200")])
        invoice.taxAmount = Money(ore: 90_000)
        invoice.totals.taxInclusive = invoice.totals.taxExclusive + invoice.taxAmount
        invoice.totals.prepaid = Money(ore: -50_000)
        invoice.totals.rounding = Money(ore: 22)
        invoice.totals.payable = invoice.totals.taxInclusive - invoice.totals.prepaid + invoice.totals.rounding
        let kinds = InvoiceControl.check(invoice, basis: Self.basis()).differences.map(\.kind)
        #expect(kinds == [.totalsArithmetic, .vatCharged, .prepaidAmount, .roundingAmount], "\(kinds)")
    }

    @Test("A line that says transport is transport, also when it is counted in days")
    func transportByName() {
        let lines = [Self.line("1", "3", "1200"), Self.line("2", "3", "600", unit: "DAY", item: "Skyss", code: nil)]
        let comparison = InvoiceControl.check(Self.invoice(lines), basis: Self.basis())
        #expect(comparison.groups.map(\.priceLine) == ["full_day", "transport"])
    }

    @Test("Lines no price line answers to are kept added up without their names, so a full credit settles them too")
    func unmatchedCredited() {
        let lines = [Self.line("1", "3", "1200"), Self.line("2", "1", "50", unit: "C62", item: "Fakturagebyr for Ola Nordmann", code: nil)]
        let invoice = Self.invoice(lines)
        let checked = InvoiceControl.check(invoice, basis: Self.basis())
        #expect(checked.groups.map(\.priceLine) == ["full_day", InvoicedGroup.unmatched])
        let credit = InvoiceControl.groups(invoice, basis: Self.basis())
        let remaining = InvoiceControl.remaining(checked.groups, less: [credit])
        #expect(InvoiceControl.isFullyCredited(remaining, net: .zero))
    }

    @Test("A price with more decimals than øre is compared exactly: 1 200.000001 is above 1 200")
    func exactPrices() {
        #expect(LineArithmetic.compare(price: DecimalNumber.parse("1200.000001")!, base: .one, with: .kroner(1200)) == .greater)
        #expect(LineArithmetic.compare(price: DecimalNumber.parse("2400")!, base: DecimalNumber(2), with: .kroner(1200)) == .equal)
        #expect(LineArithmetic.amount(quantity: DecimalNumber.parse("3")!, price: DecimalNumber.parse("0.333333")!, base: .one) == Money(ore: 100))
        // Found in review: a quotient just under 2^64 rounded up overflowed and stopped the process.
        #expect(LineArithmetic.amount(quantity: DecimalNumber.parse("930085.624866")!, price: DecimalNumber.parse("991669.131343")!,
                                      base: DecimalNumber.parse("0.000005")!) == nil)
        #expect(LineArithmetic.unitPrice(price: DecimalNumber(1250), base: DecimalNumber.parse("0.5")!) == DecimalNumber(2500))
        #expect(DecimalNumber.parse("1,5") == nil)
        #expect(DecimalNumber.parse("1e5") == nil)
        #expect(DecimalNumber.parse("0.1234567") == nil)
        #expect(DecimalNumber.parse("12.") == DecimalNumber(12))
    }

    @Test("What credit notes leave of an invoice, per price line; crediting more than was invoiced is named")
    func credits() {
        let invoiced = [InvoicedGroup(priceLine: "full_day", unit: .day, quantity: DecimalNumber(4), amount: .kroner(4800))]
        let credited = [[InvoicedGroup(priceLine: "full_day", unit: .day, quantity: DecimalNumber(1), amount: .kroner(1200))]]
        let remaining = InvoiceControl.remaining(invoiced, less: credited)
        #expect(remaining == [InvoicedGroup(priceLine: "full_day", unit: .day, quantity: DecimalNumber(3), amount: .kroner(3600))])
        let note = Self.invoice([Self.line("1", "1", "1200")])
        #expect(InvoiceControl.checkRemaining(remaining, net: .kroner(3600), creditNote: note, basis: Self.basis()).differences == [])
        let over = InvoiceControl.remaining(invoiced, less: credited + credited + credited + credited + credited)
        #expect(InvoiceControl.checkRemaining(over, net: .kroner(-1200), creditNote: note, basis: Self.basis()).differences.first?.kind == .creditExceedsInvoice)
        #expect(InvoiceControl.isFullyCredited(InvoiceControl.remaining(invoiced, less: [invoiced]), net: .zero))
    }
}
