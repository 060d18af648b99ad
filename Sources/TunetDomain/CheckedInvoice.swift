/// A farm's EHF invoice or credit note as Tunet checked it: which document it was (number, farm,
/// period, the file's SHA-256), its amounts per price line, the result and every difference. The file
/// itself is not kept, nor any line's note or item name: an invoice's free text may name a person.
public struct CheckedInvoice: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case matches
        case differs
        /// An invoice a credit note has credited in full.
        case credited
    }

    public var id: Int64
    public var provider: OrganisationNumber
    public var municipalityNumber: String
    public var kind: EHFInvoice.Kind
    public var number: String
    public var issueDate: LocalDate
    public var period: DateSpan
    public var checkedOn: LocalDate
    public var sha256: String
    public var status: Status
    /// For a credit note: the checked invoice it credits, when Tunet has it.
    public var creditedInvoiceId: Int64?
    public var contractReference: String?
    public var totals: EHFTotals
    public var taxAmount: Money
    public var expectedTotal: Money
    public var groups: [InvoicedGroup]
    public var lines: [InvoiceLineComparison]
    public var differences: [InvoiceDifference]

    public init(id: Int64, provider: OrganisationNumber, municipalityNumber: String, kind: EHFInvoice.Kind, number: String, issueDate: LocalDate,
                period: DateSpan, checkedOn: LocalDate, sha256: String, status: Status, creditedInvoiceId: Int64?, contractReference: String?,
                totals: EHFTotals, taxAmount: Money, expectedTotal: Money, groups: [InvoicedGroup], lines: [InvoiceLineComparison],
                differences: [InvoiceDifference]) {
        self.id = id
        self.provider = provider
        self.municipalityNumber = municipalityNumber
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
        self.period = period
        self.checkedOn = checkedOn
        self.sha256 = sha256
        self.status = status
        self.creditedInvoiceId = creditedInvoiceId
        self.contractReference = contractReference
        self.totals = totals
        self.taxAmount = taxAmount
        self.expectedTotal = expectedTotal
        self.groups = groups
        self.lines = lines
        self.differences = differences
    }

    /// The month the period starts in: what `invoice list --month` selects by.
    public var month: YearMonth { YearMonth(period.from) }

    enum CodingKeys: String, CodingKey {
        case id, kind, number, period, sha256, status, totals, groups, lines, differences
        case provider = "provider_organisation_number"
        case municipalityNumber = "municipality_number"
        case issueDate = "issue_date"
        case checkedOn = "checked_on"
        case creditedInvoiceId = "credited_invoice_id"
        case contractReference = "contract_reference"
        case taxAmount = "tax_amount_ore"
        case expectedTotal = "expected_total_ore"
    }
}
