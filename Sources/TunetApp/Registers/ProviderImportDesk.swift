import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

/// What an import did (or, in a dry run, would do).
public struct ProviderImportView: Sendable, Encodable {
    public let file: String
    public let encoding: String
    public let delimiter: String
    public let dryRun: Bool
    public let rows: Int
    public let created: [String]
    public let updated: [String]
    public let unchanged: [String]

    enum CodingKeys: String, CodingKey {
        case file, encoding, delimiter, rows, created, updated, unchanged
        case dryRun = "dry_run"
    }
}

/// Imports the provider register from a CSV file, all or nothing (format: Contracts/provider-register-csv.md).
public struct ProviderImportDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// Every spelling of a column header that is accepted, Norwegian and English.
    static let columnNames: [ProviderForm.Field: [String]] = [
        .organisationNumber: ["organisation_number", "organization_number", "org_number", "orgnr", "org_nr",
                              "organisasjonsnummer", "orgnummer"],
        .name: ["name", "farm_name", "navn", "gårdsnavn", "gardsnavn", "tilbyder"],
        .contactPerson: ["contact_person", "contact", "kontaktperson", "kontakt"],
        .email: ["email", "e-mail", "e-post", "epost"],
        .phone: ["phone", "telephone", "telefon", "tlf", "mobil"],
        .address: ["address", "adresse"],
        .municipalityNumber: ["municipality_number", "municipality", "kommunenummer", "kommunenr", "kommune"],
        .producerNumber: ["producer_number", "produsentnummer", "produsentnr"],
        .farmNumber: ["farm_number", "gnr/bnr", "gnr_bnr", "gårds- og bruksnummer", "gards_og_bruksnummer"],
        .targetGroups: ["target_groups", "target_group", "målgrupper", "malgrupper", "målgruppe"],
        .placesPerDay: ["places_per_day", "places", "plasser_per_dag", "plasser"],
        .openWeekdays: ["open_weekdays", "weekdays", "åpningsdager", "apningsdager", "dager"],
        .iptApprovalDate: ["ipt_approval_date", "approval_date", "ipt_godkjent", "godkjent_dato", "godkjenningsdato"],
        .nextExternalAuditDate: ["next_external_audit_date", "next_external_audit", "next_audit",
                                 "neste_eksterne_revisjon", "neste_revisjon", "ekstern_revisjon"],
        .policeCertificateDate: ["police_certificate_date", "police_certificate", "politiattest", "politiattest_dato"],
        .insuranceExpiry: ["insurance_expiry", "insurance", "forsikring_utløper", "forsikring_utlop", "forsikring"],
        .nonProfitBasis: ["non_profit_basis", "non_profit", "ideell_grunnlag", "ideell", "ideell_organisasjon"],
    ]

    /// - Parameters:
    ///   - updateExisting: registered organisation numbers update their provider; otherwise they are refused.
    ///   - dryRun: check everything and report, store nothing.
    public func run(file url: URL, updateExisting: Bool = false, dryRun: Bool = false) throws -> ProviderImportView {
        let reader = try CSVReader(contentsOf: url)
        let records = try reader.allRecords()
        guard let header = records.first, !header.isBlank else {
            throw TunetError.unreadableFile(path: url.path, reason: Message("provider.import.empty_file"))
        }
        let columns = try ColumnMap(header: header, names: Self.columnNames, required: ProviderForm.Field.required,
                                    fieldName: \.rawValue)
        let rows = records.dropFirst().filter { !$0.isBlank }
        if rows.isEmpty {
            throw TunetError.unreadableFile(path: url.path, reason: Message("provider.import.no_rows"))
        }

        let file = StoredText.fileName(url.lastPathComponent)
        let check = { (store: StoreReader) throws -> ImportPlan in
            try Self.plan(rows: Array(rows), header: header, columns: columns, store: store, updateExisting: updateExisting,
                          problemLimit: context.problemLimit, progress: context.progress)
        }
        let plan = dryRun ? try context.read(check) : try context.write { tx in
            let plan = try check(tx)
            for (provider, isNew) in plan.accepted {
                if isNew {
                    try tx.insert(provider, note: .written(Message("audit.note.imported_from", ["file": .text(file)])))
                } else {
                    try tx.update(provider, action: "update", note: .written(Message("audit.note.imported_from", ["file": .text(file)])))
                }
            }
            return plan
        }
        return ProviderImportView(
            file: file, encoding: reader.encoding.rawValue, delimiter: reader.delimiterName, dryRun: dryRun,
            rows: rows.count, created: plan.created, updated: plan.updated, unchanged: plan.unchanged)
    }

    struct ImportPlan {
        var accepted: [(Provider, isNew: Bool)] = []
        var created: [String] = [], updated: [String] = [], unchanged: [String] = []
    }

    /// Checks every row against the rules and the register; throws all problems at once.
    static func plan(rows: [TableRow], header: TableRow, columns: ColumnMap<ProviderForm.Field>, store: StoreReader,
                     updateExisting: Bool, problemLimit: Int = ProblemLimit.standard,
                     progress: any ProgressObserver = SilentProgress()) throws -> ImportPlan {
        var problems = ProblemCollector(limit: problemLimit)
        progress.begin(.readingRows, total: Int64(rows.count))
        var checked = ProgressCounter(progress, every: 64)
        var firstRowOf: [OrganisationNumber: Int] = [:]
        var plan = ImportPlan()
        for record in rows {
            checked.add()
            if let extra = record.fields.indices.dropFirst(header.fields.count).first(where: {
                !record.fields[$0].trimmingWhitespace().isEmpty
            }) {
                problems.add(FieldProblem(row: record.row, field: "column \(extra + 1)", value: record.fields[extra],
                                             reason: Message("provider.import.cell_without_heading")))
                continue
            }
            var form = ProviderForm()
            for field in ProviderField.editable {
                if let value = columns.value(field, in: record) { form[field] = value }
            }
            var existing: Provider?
            if case .success(let number) = OrganisationNumber.parse(form[.organisationNumber] ?? "") {
                if let earlier = firstRowOf[number] {
                    problems.add(FieldProblem(row: record.row, field: ProviderForm.Field.organisationNumber.rawValue,
                                                 value: number.digits, reason: Message("provider.import.repeated", ["number": .text(number.digits), "row": .integer(earlier)])))
                    continue
                }
                firstRowOf[number] = record.row
                existing = try store.provider(number)
                if let existing, !updateExisting {
                    problems.add(FieldProblem(
                        row: record.row, field: ProviderForm.Field.organisationNumber.rawValue, value: number.digits,
                        reason: Message("provider.import.already_registered", ["number": .text(number.digits), "name": .text(existing.name)],
                                        fields: ["update_existing"])))
                    continue
                }
            }
            do {
                let provider = try form.provider(updating: existing, row: record.row)
                let number = provider.organisationNumber.digits
                if existing == nil {
                    plan.created.append(number)
                } else if existing == provider {
                    plan.unchanged.append(number)
                } else {
                    plan.updated.append(number)
                }
                plan.accepted.append((provider, existing == nil))
            } catch {
                problems.absorb(error)
            }
        }
        try problems.check()
        return plan
    }
}
