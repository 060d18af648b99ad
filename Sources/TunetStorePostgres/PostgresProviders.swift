import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    static let providerSelection = """
        SELECT organisation_number, name, contact_person, email, phone, address, municipality_number, producer_number, farm_number,
               target_groups, places_per_day, open_weekdays, ipt_approval_date, next_external_audit_date, police_certificate_date,
               insurance_expiry, status, status_reason, non_profit_basis
        FROM provider
        """

    static func provider(_ row: PostgresRow) throws -> Provider {
        let cells = row.cells
        let statusText: String = try cells(16)
        guard let status = ProviderStatus(rawValue: statusText) else {
            throw TunetError.incompatibleDatabase(Message("files.store.unknown_value", ["column": "provider.status", "value": .text(statusText)]))
        }
        return Provider(
            organisationNumber: try StoredValue.organisationNumber(try cells(0)),
            name: try cells(1),
            contactPerson: try cells(2),
            email: try cells(3),
            phone: try cells(4),
            address: try cells(5),
            municipalityNumber: try cells(6),
            producerNumber: try cells(7),
            farmNumber: try cells(8),
            targetGroups: Set(try cells(9, as: String.self).split(separator: ",").compactMap { TargetGroup(rawValue: String($0)) }),
            placesPerDay: Int(try cells(10, as: Int32.self)),
            openWeekdays: WeekdaySet(try cells(11, as: String.self).split(separator: ",").compactMap { Weekday(name: String($0)) }),
            iptApprovalDate: try cells(12),
            nextExternalAuditDate: try cells(13),
            policeCertificateDate: try cells(14),
            insuranceExpiry: try cells(15),
            status: status,
            statusReason: try cells(17),
            nonProfitBasis: try cells(18)
        )
    }

    public func provider(_ number: OrganisationNumber) throws -> Provider? {
        try rows("\(unescaped: Self.providerSelection) WHERE organisation_number = \(number.digits)").first.map(Self.provider)
    }

    /// Every provider, ordered by farm name (then organisation number) as people look them up; the
    /// order is the one SQLite's NOCASE gives, so both stores list farms alike.
    public func allProviders() throws -> [Provider] {
        try rows("\(unescaped: Self.providerSelection) ORDER BY \(unescaped: Self.nocase("name")), organisation_number").map(Self.provider)
    }

    public func providerCount() throws -> Int {
        Int(try value("SELECT COUNT(*) FROM provider", as: Int64.self) ?? 0)
    }

    /// SQLite's NOCASE folds only A–Z, byte by byte: sorting on this expression lists text as SQLite does.
    static func nocase(_ column: String) -> String {
        "convert_to(translate(\(column), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'UTF8')"
    }
}

extension PostgresTransaction {
    public func insert(_ provider: Provider, note: RecordedText? = nil) throws {
        try rows("""
            INSERT INTO provider (organisation_number, name, contact_person, email, phone, address, municipality_number, producer_number,
                                  farm_number, target_groups, places_per_day, open_weekdays, ipt_approval_date, next_external_audit_date,
                                  police_certificate_date, insurance_expiry, status, status_reason, non_profit_basis)
            VALUES (\(provider.organisationNumber.digits), \(provider.name), \(provider.contactPerson), \(provider.email), \(provider.phone),
                    \(provider.address), \(provider.municipalityNumber), \(provider.producerNumber), \(provider.farmNumber),
                    \(TargetGroup.codes(provider.targetGroups)), \(provider.placesPerDay), \(provider.openWeekdays.codes),
                    \(provider.iptApprovalDate), \(provider.nextExternalAuditDate), \(provider.policeCertificateDate), \(provider.insuranceExpiry),
                    \(provider.status.rawValue), \(provider.statusReason), \(provider.nonProfitBasis))
            """)
        try audit("create", entity: "provider", id: provider.organisationNumber.digits, before: Provider?.none, after: provider, note: note)
    }

    /// Stores the new state of a provider; `action` names the change in the audit log (update, suspend, ...).
    public func update(_ provider: Provider, action: String = "update", note: RecordedText? = nil) throws {
        guard let before = try self.provider(provider.organisationNumber) else {
            throw TunetError.notFound(kind: "provider", key: provider.organisationNumber.digits)
        }
        guard before != provider else { return }
        try rows("""
            UPDATE provider SET name = \(provider.name), contact_person = \(provider.contactPerson), email = \(provider.email),
                phone = \(provider.phone), address = \(provider.address), municipality_number = \(provider.municipalityNumber),
                producer_number = \(provider.producerNumber), farm_number = \(provider.farmNumber),
                target_groups = \(TargetGroup.codes(provider.targetGroups)), places_per_day = \(provider.placesPerDay),
                open_weekdays = \(provider.openWeekdays.codes), ipt_approval_date = \(provider.iptApprovalDate),
                next_external_audit_date = \(provider.nextExternalAuditDate), police_certificate_date = \(provider.policeCertificateDate),
                insurance_expiry = \(provider.insuranceExpiry), status = \(provider.status.rawValue), status_reason = \(provider.statusReason),
                non_profit_basis = \(provider.nonProfitBasis)
            WHERE organisation_number = \(provider.organisationNumber.digits)
            """)
        try audit(action, entity: "provider", id: provider.organisationNumber.digits, before: before, after: provider, note: note)
    }
}
