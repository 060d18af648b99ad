/// Every field of a provider, named as in files, JSON and the audit log.
public enum ProviderField: String, CaseIterable, Sendable, CodingKey {
    case organisationNumber = "organisation_number"
    case name
    case contactPerson = "contact_person"
    case email, phone, address
    case municipalityNumber = "municipality_number"
    case producerNumber = "producer_number"
    case farmNumber = "farm_number"
    case targetGroups = "target_groups"
    case placesPerDay = "places_per_day"
    case openWeekdays = "open_weekdays"
    case iptApprovalDate = "ipt_approval_date"
    case nextExternalAuditDate = "next_external_audit_date"
    case policeCertificateDate = "police_certificate_date"
    case insuranceExpiry = "insurance_expiry"
    case nonProfitBasis = "non_profit_basis"
    /// Changed by suspend and reactivate only, never by a form or a file.
    case status
    case statusReason = "status_reason"

    public static let required: [ProviderField] = [
        .organisationNumber, .name, .municipalityNumber, .targetGroups, .placesPerDay, .openWeekdays,
    ]

    /// The fields people may type on a form or in a file.
    public static let editable: [ProviderField] = allCases.filter { $0 != .status && $0 != .statusReason }
}

/// The fields of a provider as typed on a command line or read from a file: raw text, checked here.
///
/// For a new provider every required field must be given. For an update, a field left `nil` keeps
/// its stored value and an empty text clears an optional field.
public struct ProviderForm: Sendable, Equatable {
    public typealias Field = ProviderField

    public var values: [Field: String]

    public init(_ values: [Field: String] = [:]) { self.values = values }

    public subscript(field: Field) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public static let maximumPlacesPerDay = 200
    static let maximumTextLength = 200

    /// Checks every field and returns the provider, or all problems at once.
    /// - Parameters:
    ///   - existing: the stored provider when updating; nil when adding.
    ///   - row: the file row, for problems found during an import.
    public func provider(updating existing: Provider? = nil, row: Int? = nil) throws(TunetError) -> Provider {
        var problems = ProblemCollector(row: row)
        if existing == nil {
            for field in Field.required where (values[field]?.trimmingWhitespace() ?? "").isEmpty {
                problems.add(field.rawValue, nil, Message("rules.provider.required_for_new"))
            }
        }
        func text(_ field: Field) -> String? { values[field]?.trimmingWhitespace() }
        /// nil: not given; .some(nil): cleared; .some(value): new value.
        func optionalText(_ field: Field, _ check: (String) -> FieldReason?) -> String?? {
            guard let value = text(field) else { return nil }
            if value.isEmpty { return .some(nil) }
            if let reason = check(value) {
                problems.add(field.rawValue, value, reason.message)
                return nil
            }
            return .some(value)
        }
        func optionalDate(_ field: Field) -> LocalDate?? {
            guard let value = text(field) else { return nil }
            if value.isEmpty { return .some(nil) }
            switch LocalDate.parse(value) {
            case .success(let date): return .some(date)
            case .failure(let problem):
                problems.add(field.rawValue, value, problem.reason)
                return nil
            }
        }

        var organisationNumber = existing?.organisationNumber
        if let value = text(.organisationNumber), !value.isEmpty {
            organisationNumber = problems.take(Field.organisationNumber.rawValue, value, OrganisationNumber.parse(value))
                ?? organisationNumber
        }
        var name = existing?.name
        if let value = text(.name) {
            if value.isEmpty {
                if existing != nil { problems.add(Field.name.rawValue, value, Message("rules.provider.name_empty")) }
            } else if let reason = FreeText.check(value, maximumLength: Self.maximumTextLength) {
                problems.add(Field.name.rawValue, value, reason.message)
            } else {
                name = value
            }
        }
        let contactPerson = optionalText(.contactPerson) { FreeText.check($0, maximumLength: Self.maximumTextLength) }
        let email = optionalText(.email, ContactDetails.checkEmail)
        let phone = optionalText(.phone, ContactDetails.checkPhone)
        let address = optionalText(.address) { FreeText.check($0, maximumLength: Self.maximumTextLength) }
        var municipalityNumber = existing?.municipalityNumber
        if let value = text(.municipalityNumber), !value.isEmpty {
            municipalityNumber = problems.take(Field.municipalityNumber.rawValue, value, Municipality.parse(value))?.number
                ?? municipalityNumber
        } else if existing != nil, text(.municipalityNumber) == "" {
            problems.add(Field.municipalityNumber.rawValue, "", Message("rules.provider.municipality_empty"))
        }
        let producerNumber = optionalText(.producerNumber, FarmIdentifiers.checkProducerNumber)
        let farmNumber = optionalText(.farmNumber, FarmIdentifiers.checkFarmNumber)
        var targetGroups = existing?.targetGroups
        if let value = text(.targetGroups), !(value.isEmpty && existing == nil) {
            targetGroups = problems.take(Field.targetGroups.rawValue, value, TargetGroup.parseSet(value)) ?? targetGroups
        }
        var placesPerDay = existing?.placesPerDay
        if let value = text(.placesPerDay), !(value.isEmpty && existing == nil) {
            if let places = Int(digitsOnly: value), (1...Self.maximumPlacesPerDay).contains(places) {
                placesPerDay = places
            } else {
                problems.add(Field.placesPerDay.rawValue, value,
                             Message("rules.provider.places_per_day", ["text": .text(value), "maximum": .integer(Self.maximumPlacesPerDay)]))
            }
        }
        var openWeekdays = existing?.openWeekdays
        if let value = text(.openWeekdays), !(value.isEmpty && existing == nil) {
            openWeekdays = problems.take(Field.openWeekdays.rawValue, value, WeekdaySet.parse(value)) ?? openWeekdays
        }
        let approval = optionalDate(.iptApprovalDate)
        let audit = optionalDate(.nextExternalAuditDate)
        let police = optionalDate(.policeCertificateDate)
        let insurance = optionalDate(.insuranceExpiry)
        let nonProfitBasis = optionalText(.nonProfitBasis) { FreeText.check($0, maximumLength: Self.maximumTextLength) }

        let approvalDate = approval ?? existing?.iptApprovalDate
        let auditDate = audit ?? existing?.nextExternalAuditDate
        if let approvalDate, let auditDate, auditDate < approvalDate {
            problems.add(Field.nextExternalAuditDate.rawValue, auditDate.iso,
                         Message("rules.provider.audit_before_approval", ["audit": .date(auditDate), "approval": .date(approvalDate)]))
        }
        if auditDate != nil && approvalDate == nil && (audit != nil || approval != nil) {
            problems.add(Field.iptApprovalDate.rawValue, nil,
                         Message("rules.provider.audit_needs_approval"))
        }

        try problems.check()
        guard let organisationNumber, let name, let municipalityNumber, let targetGroups, let placesPerDay,
              let openWeekdays else {
            throw .internalFault("a required provider field was neither given nor stored")
        }
        return Provider(
            organisationNumber: organisationNumber, name: name,
            contactPerson: contactPerson ?? existing?.contactPerson,
            email: email ?? existing?.email,
            phone: phone ?? existing?.phone,
            address: address ?? existing?.address,
            municipalityNumber: municipalityNumber,
            producerNumber: producerNumber ?? existing?.producerNumber,
            farmNumber: farmNumber ?? existing?.farmNumber,
            targetGroups: targetGroups, placesPerDay: placesPerDay, openWeekdays: openWeekdays,
            iptApprovalDate: approvalDate, nextExternalAuditDate: auditDate,
            policeCertificateDate: police ?? existing?.policeCertificateDate,
            insuranceExpiry: insurance ?? existing?.insuranceExpiry,
            status: existing?.status ?? .active, statusReason: existing?.statusReason,
            nonProfitBasis: nonProfitBasis ?? existing?.nonProfitBasis
        )
    }
}
