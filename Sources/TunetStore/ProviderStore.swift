import GRDB
import TunetDomain

/// Row mapping for `provider`. Dates are ISO text, sets are comma-separated codes.
extension Provider {
    init(row: Row) throws {
        func date(_ column: String) throws -> LocalDate? {
            guard let text: String = row[column] else { return nil }
            guard case .success(let date) = LocalDate.parse(text) else {
                throw TunetError.incompatibleDatabase("provider.\(column) holds '\(text)', which is not a date")
            }
            return date
        }
        let organisationText: String = row["organisation_number"]
        guard case .success(let organisationNumber) = OrganisationNumber.parse(organisationText) else {
            throw TunetError.incompatibleDatabase("provider.organisation_number holds '\(organisationText)', which is not valid")
        }
        let groupCodes: String = row["target_groups"]
        let weekdayCodes: String = row["open_weekdays"]
        let statusText: String = row["status"]
        self.init(
            organisationNumber: organisationNumber,
            name: row["name"],
            contactPerson: row["contact_person"],
            email: row["email"],
            phone: row["phone"],
            address: row["address"],
            municipalityNumber: row["municipality_number"],
            producerNumber: row["producer_number"],
            farmNumber: row["farm_number"],
            targetGroups: Set(groupCodes.split(separator: ",").compactMap { TargetGroup(rawValue: String($0)) }),
            placesPerDay: row["places_per_day"],
            openWeekdays: WeekdaySet(weekdayCodes.split(separator: ",").compactMap { Weekday(name: String($0)) }),
            iptApprovalDate: try date("ipt_approval_date"),
            nextExternalAuditDate: try date("next_external_audit_date"),
            policeCertificateDate: try date("police_certificate_date"),
            insuranceExpiry: try date("insurance_expiry"),
            status: ProviderStatus(rawValue: statusText) ?? .active,
            statusReason: row["status_reason"]
        )
    }

    var columnValues: [String: (any DatabaseValueConvertible)?] {
        [
            "organisation_number": organisationNumber.digits,
            "name": name,
            "contact_person": contactPerson,
            "email": email,
            "phone": phone,
            "address": address,
            "municipality_number": municipalityNumber,
            "producer_number": producerNumber,
            "farm_number": farmNumber,
            "target_groups": TargetGroup.codes(targetGroups),
            "places_per_day": placesPerDay,
            "open_weekdays": openWeekdays.codes,
            "ipt_approval_date": iptApprovalDate?.iso,
            "next_external_audit_date": nextExternalAuditDate?.iso,
            "police_certificate_date": policeCertificateDate?.iso,
            "insurance_expiry": insuranceExpiry?.iso,
            "status": status.rawValue,
            "status_reason": statusReason,
        ]
    }
}

extension StoreReader {
    public func provider(_ number: OrganisationNumber) throws -> Provider? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM provider WHERE organisation_number = ?",
                                         arguments: [number.digits]) else { return nil }
        return try Provider(row: row)
    }

    /// Every provider, ordered by farm name (then organisation number) as people look them up.
    public func allProviders() throws -> [Provider] {
        try Row.fetchAll(db, sql: "SELECT * FROM provider ORDER BY name COLLATE NOCASE, organisation_number")
            .map(Provider.init(row:))
    }

    public func providerCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM provider") ?? 0
    }
}

extension StoreTransaction {
    public func insert(_ provider: Provider, note: String? = nil) throws {
        let values = provider.columnValues
        let columns = values.keys.sorted()
        try db.execute(
            sql: "INSERT INTO provider (\(columns.joined(separator: ", "))) VALUES (\(Self.marks(columns.count)))",
            arguments: StatementArguments(columns.map { values[$0]! }))
        try audit("create", entity: "provider", id: provider.organisationNumber.digits, before: Provider?.none, after: provider,
                  note: note)
    }

    /// Stores the new state of a provider; `action` names the change in the audit log (update, suspend, ...).
    public func update(_ provider: Provider, action: String = "update", note: String? = nil) throws {
        guard let before = try self.provider(provider.organisationNumber) else {
            throw TunetError.notFound(kind: "provider", key: provider.organisationNumber.digits)
        }
        guard before != provider else { return }
        let values = provider.columnValues
        let columns = values.keys.sorted().filter { $0 != "organisation_number" }
        try db.execute(
            sql: "UPDATE provider SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE organisation_number = ?",
            arguments: StatementArguments(columns.map { values[$0]! } + [provider.organisationNumber.digits]))
        try audit(action, entity: "provider", id: provider.organisationNumber.digits, before: before, after: provider,
                  note: note)
    }
}
