import GRDB
import TunetDomain
import TunetStorage

/// Row mapping for `provider`. Dates are ISO text, sets are comma-separated codes.
extension Provider {
    /// The columns a provider is read from, in the order of `selection`: rows are read by position,
    /// because looking each column up by name took a fifth of `tunet provider list`.
    private enum Column: Int, CaseIterable {
        case organisationNumber, name, contactPerson, email, phone, address, municipalityNumber, producerNumber, farmNumber
        case targetGroups, placesPerDay, openWeekdays, iptApprovalDate, nextExternalAuditDate, policeCertificateDate, insuranceExpiry
        case status, statusReason, nonProfitBasis

        var name: String {
            switch self {
            case .organisationNumber: "organisation_number"
            case .name: "name"
            case .contactPerson: "contact_person"
            case .email: "email"
            case .phone: "phone"
            case .address: "address"
            case .municipalityNumber: "municipality_number"
            case .producerNumber: "producer_number"
            case .farmNumber: "farm_number"
            case .targetGroups: "target_groups"
            case .placesPerDay: "places_per_day"
            case .openWeekdays: "open_weekdays"
            case .iptApprovalDate: "ipt_approval_date"
            case .nextExternalAuditDate: "next_external_audit_date"
            case .policeCertificateDate: "police_certificate_date"
            case .insuranceExpiry: "insurance_expiry"
            case .status: "status"
            case .statusReason: "status_reason"
            case .nonProfitBasis: "non_profit_basis"
            }
        }
    }

    static let selection = "SELECT " + Column.allCases.map(\.name).joined(separator: ", ") + " FROM provider"

    init(row: SteppedRow) throws {
        func required(_ column: Column) throws -> String {
            guard let text = row.text(Int32(column.rawValue)) else { throw row.damaged(column.name, Int32(column.rawValue)) }
            return text
        }
        func optional(_ column: Column) -> String? { row.text(Int32(column.rawValue)) }
        func date(_ column: Column) throws -> LocalDate? {
            guard let text = optional(column) else { return nil }
            guard case .success(let date) = LocalDate.parse(text) else {
                throw TunetError.incompatibleDatabase(Message("files.store.not_a_date", ["column": .text("provider.\(column.name)"), "value": .text(text)]))
            }
            return date
        }
        let organisationText = try required(.organisationNumber)
        guard case .success(let organisationNumber) = OrganisationNumber.parse(organisationText) else {
            throw TunetError.incompatibleDatabase(Message("files.store.bad_organisation_number", ["value": .text(organisationText)]))
        }
        guard let placesPerDay = row.integer(Int32(Column.placesPerDay.rawValue)) else {
            throw row.damaged(Column.placesPerDay.name, Int32(Column.placesPerDay.rawValue))
        }
        guard let status = ProviderStatus(rawValue: try required(.status)) else {
            throw row.damaged(Column.status.name, Int32(Column.status.rawValue))
        }
        self.init(
            organisationNumber: organisationNumber,
            name: try required(.name),
            contactPerson: optional(.contactPerson),
            email: optional(.email),
            phone: optional(.phone),
            address: optional(.address),
            municipalityNumber: try required(.municipalityNumber),
            producerNumber: optional(.producerNumber),
            farmNumber: optional(.farmNumber),
            targetGroups: Set(try Self.members(row, .targetGroups, Self.targetGroupCodes, TargetGroup.init(name:))),
            placesPerDay: placesPerDay,
            openWeekdays: WeekdaySet(try Self.members(row, .openWeekdays, Self.weekdayCodes, Weekday.init(name:))),
            iptApprovalDate: try date(.iptApprovalDate),
            nextExternalAuditDate: try date(.nextExternalAuditDate),
            policeCertificateDate: try date(.policeCertificateDate),
            insuranceExpiry: try date(.insuranceExpiry),
            status: status,
            statusReason: optional(.statusReason),
            nonProfitBasis: optional(.nonProfitBasis)
        )
    }

    private static let targetGroupCodes = TargetGroup.allCases.map { (code: Array($0.rawValue.utf8), member: $0) }
    private static let weekdayCodes = Weekday.allCases.map { (code: Array($0.code.utf8), member: $0) }

    /// A column's comma-separated codes, matched on their bytes against the codes Tunet writes
    /// (splitting the text by characters cost more than reading the rest of the row); any other word
    /// is read as a person would have written it, and one that means nothing is a damaged database.
    private static func members<Member>(_ row: SteppedRow, _ column: Column, _ codes: [(code: [UInt8], member: Member)],
                                        _ reading: (String) -> Member?) throws -> [Member] {
        let index = Int32(column.rawValue)
        var unknown = false
        guard let members: [Member] = row.bytes(index, { bytes in
            var members: [Member] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if part.isEmpty { continue }
                if let known = codes.first(where: { $0.code.count == part.count && $0.code.withUnsafeBufferPointer { $0.elementsEqual(part) } }) {
                    members.append(known.member)
                } else if let read = reading(String(decoding: part, as: UTF8.self)) {
                    members.append(read)
                } else {
                    unknown = true
                }
            }
            return members
        }), !unknown else { throw row.damaged(column.name, index) }
        return members
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
            "non_profit_basis": nonProfitBasis,
        ]
    }
}

extension SQLiteReader {
    public func provider(_ number: OrganisationNumber) throws -> Provider? {
        try providers(try cached(Provider.selection + " WHERE organisation_number = ?"), [number.digits]).first
    }

    /// Every provider, ordered by farm name (then organisation number) as people look them up.
    public func allProviders() throws -> [Provider] {
        try providers(try cached(Provider.selection + " ORDER BY name COLLATE NOCASE, organisation_number"), [], reserving: try providerCount())
    }

    /// The providers `statement` (selecting `Provider.selection`) finds, read with SQLite's C API:
    /// GRDB's rows were a quarter of `tunet provider list` (BENCHMARKS.md).
    /// `reserving`: room for this many at once, where a list would otherwise be copied as it grows.
    func providers(_ statement: Statement, _ arguments: StatementArguments, reserving capacity: Int = 0) throws -> [Provider] {
        try statement.setArguments(arguments)
        var providers: [Provider] = []
        providers.reserveCapacity(capacity)
        try statement.step(table: "provider") { providers.append(try Provider(row: $0)) }
        return providers
    }

    public func providerCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM provider") ?? 0
    }
}

extension SQLiteTransaction {
    public func insert(_ provider: Provider, note: RecordedText? = nil) throws {
        let values = provider.columnValues
        let columns = values.keys.sorted()
        try db.execute(
            sql: "INSERT INTO provider (\(columns.joined(separator: ", "))) VALUES (\(Self.marks(columns.count)))",
            arguments: StatementArguments(columns.map { values[$0]! }))
        try audit("create", entity: "provider", id: provider.organisationNumber.digits, before: Provider?.none, after: provider,
                  note: note)
    }

    /// Stores the new state of a provider; `action` names the change in the audit log (update, suspend, ...).
    public func update(_ provider: Provider, action: String = "update", note: RecordedText? = nil) throws {
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
