import TunetDomain

public protocol InvoiceCheckReading {
    func checkedInvoice(_ id: Int64) throws -> CheckedInvoice?
    /// The farm's invoice (or credit note) with this number, if it was checked before.
    func checkedInvoice(provider: OrganisationNumber, kind: EHFInvoice.Kind, number: String) throws -> CheckedInvoice?
    /// The checked invoices of the municipalities in `scope`, of one farm or every farm, in the order they were checked.
    func checkedInvoices(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [CheckedInvoice]
}

public protocol InvoiceCheckWriting {
    /// Stores a new check made from the number the store gives it (audited `invoice_check`).
    func insertCheckedInvoice(_ make: (Int64) -> CheckedInvoice) throws -> CheckedInvoice
    /// Stores a check's new state (a credit note changes its invoice's status); `action` names it in the audit log.
    func update(_ invoice: CheckedInvoice, action: String) throws
}
