import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the elements of a UBL 2.1 invoice or credit note that Tunet reads, as text by path
/// (`AccountingSupplierParty/Party/EndpointID`), while the parser streams past everything else:
/// an attachment of megabytes is never held. Repeated groups (lines, allowances and charges, VAT
/// breakdowns, credited invoices) are collected one group at a time.
final class EHFElements: NSObject, XMLParserDelegate {
    static let invoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    static let creditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    static let aggregateNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    static let basicNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"

    /// A group's leaves by path relative to the group, and `path@attribute` for the attributes read.
    typealias Group = [String: String]

    enum Stop: Equatable {
        case notUBL(root: String, namespace: String?)
        case declaration
        case textTooLong(path: String)
        case tooManyLines
        case tooManyGroups(path: String)
    }

    let maximumLines: Int
    let maximumTextLength: Int
    /// Allowances, charges, VAT breakdowns and references: far more than any real invoice has.
    static let maximumGroups = 1_000

    private(set) var rootName: String?
    private(set) var document: Group = [:]
    private(set) var lines: [Group] = []
    private(set) var lineAllowances: [[Group]] = []
    private(set) var allowances: [Group] = []
    private(set) var taxTotals: [(total: Group, subtotals: [Group])] = []
    private(set) var creditedInvoices: [String] = []
    /// Each currency the amounts are in, with the first amount in it, to be checked against the document's
    /// currency (at most a hundred: one other currency is already a problem).
    private(set) var currencies: [(path: String, currency: String)] = []
    private(set) var stop: Stop?

    private var path: [String] = []
    private var text = ""
    private var capturing = false
    private var line: Group?
    private var lineAllowance: Group?
    private var currentLineAllowances: [Group] = []
    private var allowance: Group?
    private var taxTotal: Group?
    private var taxSubtotal: Group?
    private var subtotals: [Group] = []

    init(maximumLines: Int, maximumTextLength: Int) {
        self.maximumLines = maximumLines
        self.maximumTextLength = maximumTextLength
    }

    var isCreditNote: Bool { rootName == "CreditNote" }
    var lineName: String { isCreditNote ? "CreditNoteLine" : "InvoiceLine" }

    /// The leaves that are read, relative to the document, a line, or a group.
    private static let documentLeaves = Set([
        "CustomizationID", "ProfileID", "ID", "IssueDate", "InvoiceTypeCode", "CreditNoteTypeCode", "DocumentCurrencyCode", "BuyerReference",
        "InvoicePeriod/StartDate", "InvoicePeriod/EndDate", "OrderReference/ID", "ContractDocumentReference/ID",
        "LegalMonetaryTotal/LineExtensionAmount", "LegalMonetaryTotal/TaxExclusiveAmount", "LegalMonetaryTotal/TaxInclusiveAmount",
        "LegalMonetaryTotal/AllowanceTotalAmount", "LegalMonetaryTotal/ChargeTotalAmount", "LegalMonetaryTotal/PrepaidAmount",
        "LegalMonetaryTotal/PayableRoundingAmount", "LegalMonetaryTotal/PayableAmount",
    ] + partyLeaves("AccountingSupplierParty") + partyLeaves("AccountingCustomerParty"))

    private static func partyLeaves(_ party: String) -> [String] {
        ["Party/EndpointID", "Party/PartyName/Name", "Party/PartyLegalEntity/RegistrationName", "Party/PartyLegalEntity/CompanyID",
         "Party/PartyTaxScheme/CompanyID"].map { "\(party)/\($0)" }
    }

    private static let lineLeaves: Set<String> = [
        "ID", "Note", "InvoicedQuantity", "CreditedQuantity", "LineExtensionAmount", "InvoicePeriod/StartDate", "InvoicePeriod/EndDate",
        "Item/Name", "Item/SellersItemIdentification/ID", "Item/ClassifiedTaxCategory/ID", "Item/ClassifiedTaxCategory/Percent",
        "Price/PriceAmount", "Price/BaseQuantity",
    ]
    private static let allowanceLeaves: Set<String> = ["ChargeIndicator", "Amount", "AllowanceChargeReason"]
    private static let subtotalLeaves: Set<String> = ["TaxableAmount", "TaxAmount", "TaxCategory/ID", "TaxCategory/Percent", "TaxCategory/TaxExemptionReason"]
    /// Attributes read, by the leaf's name.
    private static let attributes: [String: [String]] = [
        "EndpointID": ["schemeID"], "CompanyID": ["schemeID"], "InvoicedQuantity": ["unitCode"], "CreditedQuantity": ["unitCode"],
        "BaseQuantity": ["unitCode"],
    ]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard stop == nil else { return }
        if rootName == nil {
            let expected = element == "Invoice" ? Self.invoiceNamespace : element == "CreditNote" ? Self.creditNoteNamespace : nil
            guard let expected, namespaceURI == expected else { return halt(parser, .notUBL(root: element, namespace: namespaceURI)) }
            rootName = element
            return
        }
        let known = namespaceURI == Self.aggregateNamespace || namespaceURI == Self.basicNamespace
        path.append(known ? element : "#")
        text = ""
        capturing = false
        let joined = path.joined(separator: "/")
        if path.count == 1 {
            switch element {
            case lineName:
                guard lines.count < maximumLines else { return halt(parser, .tooManyLines) }
                line = [:]
                currentLineAllowances = []
            case "AllowanceCharge": allowance = [:]
            case "TaxTotal": taxTotal = [:]; subtotals = []
            default: break
            }
        } else if path.count == 2, path[0] == "TaxTotal", element == "TaxSubtotal" {
            taxSubtotal = [:]
        } else if path.count == 2, path[0] == lineName, element == "AllowanceCharge" {
            lineAllowance = [:]
        }
        if element.hasSuffix("Amount"), let currency = attributes["currencyID"], currencies.count < 100, !currencies.contains(where: { $0.currency == currency }) {
            currencies.append((joined, currency))
        }
        guard known, let (relative, place) = target(joined) else { return }
        capturing = true
        for name in Self.attributes[element] ?? [] {
            if let value = attributes[name] { store("\(relative)@\(name)", value, in: place) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard capturing, stop == nil else { return }
        text += string
        if text.utf8.count > maximumTextLength { halt(parser, .textTooLong(path: path.joined(separator: "/"))) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard stop == nil, !path.isEmpty else { return }
        let joined = path.joined(separator: "/")
        if capturing, let (relative, place) = target(joined) { store(relative, text.trimmingCharacters(in: .whitespacesAndNewlines), in: place) }
        capturing = false
        text = ""
        if path.count == 1 {
            switch path[0] {
            case lineName:
                if let line { lines.append(line); lineAllowances.append(currentLineAllowances) }
                line = nil
            case "AllowanceCharge":
                if let allowance { append(allowance, to: &allowances, parser) }
                allowance = nil
            case "TaxTotal":
                if let taxTotal {
                    guard taxTotals.count < Self.maximumGroups else { return halt(parser, .tooManyGroups(path: "TaxTotal")) }
                    taxTotals.append((taxTotal, subtotals))
                }
                taxTotal = nil
            default: break
            }
        } else if path.count == 2, path[0] == "TaxTotal", path[1] == "TaxSubtotal" {
            if let taxSubtotal { append(taxSubtotal, to: &subtotals, parser) }
            taxSubtotal = nil
        } else if path.count == 2, path[0] == lineName, path[1] == "AllowanceCharge" {
            if let lineAllowance { append(lineAllowance, to: &currentLineAllowances, parser) }
            lineAllowance = nil
        }
        path.removeLast()
    }

    private func append(_ group: Group, to groups: inout [Group], _ parser: XMLParser) {
        guard groups.count < Self.maximumGroups else { return halt(parser, .tooManyGroups(path: path.joined(separator: "/"))) }
        groups.append(group)
    }

    private enum Place { case document, line, lineAllowance, allowance, taxTotal, taxSubtotal, creditedInvoice }

    /// Where a leaf at `joined` (relative to the root) is kept, and its path relative to that place.
    private func target(_ joined: String) -> (String, Place)? {
        if Self.documentLeaves.contains(joined) { return (joined, .document) }
        if joined == "BillingReference/InvoiceDocumentReference/ID" { return (joined, .creditedInvoice) }
        let parts = path
        switch parts.first {
        case lineName:
            let relative = parts.dropFirst().joined(separator: "/")
            if Self.lineLeaves.contains(relative) { return (relative, .line) }
            if parts.count == 3, parts[1] == "AllowanceCharge", Self.allowanceLeaves.contains(parts[2]) { return (parts[2], .lineAllowance) }
        case "AllowanceCharge":
            let relative = parts.dropFirst().joined(separator: "/")
            if Self.allowanceLeaves.contains(relative) { return (relative, .allowance) }
        case "TaxTotal":
            if parts.count == 2, parts[1] == "TaxAmount" { return ("TaxAmount", .taxTotal) }
            if parts.count >= 3, parts[1] == "TaxSubtotal" {
                let relative = parts.dropFirst(2).joined(separator: "/")
                if Self.subtotalLeaves.contains(relative) { return (relative, .taxSubtotal) }
            }
        default: break
        }
        return nil
    }

    /// Keeps the first value of a leaf (a repeated single leaf is not read twice).
    private func store(_ key: String, _ value: String, in place: Place) {
        func keep(_ group: inout Group?) { if group?[key] == nil { group?[key] = value } }
        switch place {
        case .document: if document[key] == nil { document[key] = value }
        case .creditedInvoice:
            if !key.contains("@"), creditedInvoices.count < Self.maximumGroups { creditedInvoices.append(value) }
        case .line: keep(&line)
        case .lineAllowance: keep(&lineAllowance)
        case .allowance: keep(&allowance)
        case .taxTotal: keep(&taxTotal)
        case .taxSubtotal: keep(&taxSubtotal)
        }
    }

    private func halt(_ parser: XMLParser, _ reason: Stop) {
        stop = reason
        parser.abortParsing()
    }

    // A document type declaration is refused before parsing; these stop one that slipped through all the same.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) { halt(parser, .declaration) }
    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        halt(parser, .declaration)
    }
    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
                notationName: String?) { halt(parser, .declaration) }
    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) { halt(parser, .declaration) }
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        halt(parser, .declaration)
        return nil
    }
}
