import TunetDomain
import TunetStorage

/// The provider register: adding, changing, suspending and looking up farms.
public struct ProviderDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func add(_ form: ProviderForm) throws -> ProviderView {
        let provider = try form.provider()
        try context.write { tx in
            try Self.refuseDuplicate(provider.organisationNumber, in: tx)
            try tx.insert(provider)
        }
        return ProviderView(provider, today: context.today)
    }

    /// Changes the given fields; the organisation number identifies the farm and cannot be changed. Values equal
    /// to the stored ones change nothing and write no audit event; the result says whether anything changed.
    public func update(_ organisationNumber: String, with form: ProviderForm) throws -> ProviderUpdateView {
        let number = try Self.parseNumber(organisationNumber)
        if let given = form[.organisationNumber], !given.trimmingWhitespace().isEmpty,
           case .success(let other) = OrganisationNumber.parse(given), other != number {
            throw TunetError.invalid(ProviderForm.Field.organisationNumber.rawValue, given,
                                     Message("provider.organisation_number.fixed"))
        }
        let (updated, changed) = try context.write { tx in
            let existing = try Self.existing(number, in: tx)
            let updated = try form.provider(updating: existing)
            guard updated != existing else { return (existing, false) }
            try tx.update(updated)
            return (updated, true)
        }
        return ProviderUpdateView(summary: ProviderView(updated, today: context.today), changed: changed)
    }

    public func suspend(_ organisationNumber: String, reason: String) throws -> ProviderView {
        let number = try Self.parseNumber(organisationNumber)
        let reason = try FreeText.requiredReason(reason, for: .suspension, maximumLength: 500)
        let updated = try context.write { tx in
            var provider = try Self.existing(number, in: tx)
            guard provider.status == .active else {
                throw TunetError.conflict(provider.statusReason.map {
                    Message("provider.already_suspended", ["name": .text(provider.name), "number": .text(number.description), "reason": .text($0)])
                } ?? Message("provider.already_suspended_without_reason", ["name": .text(provider.name), "number": .text(number.description)]))
            }
            provider.status = .suspended
            provider.statusReason = reason
            try tx.update(provider, action: "suspend", note: .typed(reason))
            return provider
        }
        return ProviderView(updated, today: context.today)
    }

    public func reactivate(_ organisationNumber: String, note: String? = nil) throws -> ProviderView {
        let number = try Self.parseNumber(organisationNumber)
        let updated = try context.write { tx in
            var provider = try Self.existing(number, in: tx)
            guard provider.status == .suspended else {
                throw TunetError.conflict(Message("provider.not_suspended", ["name": .text(provider.name), "number": .text(number.description)]))
            }
            provider.status = .active
            provider.statusReason = nil
            try tx.update(provider, action: "reactivate", note: note.map(RecordedText.typed))
            return provider
        }
        return ProviderView(updated, today: context.today)
    }

    /// The farm's name alone (a page's heading), without its history.
    public func name(of number: OrganisationNumber) throws -> String {
        try context.read { try Self.existing(number, in: $0).name }
    }

    public func show(_ organisationNumber: String) throws -> ProviderDetailView {
        let number = try Self.parseNumber(organisationNumber)
        return try context.read { reader in
            let provider = try Self.existing(number, in: reader)
            let events = try reader.auditEvents(AuditQuery(entity: "provider", entityId: number.digits))
            return ProviderDetailView(summary: ProviderView(provider, today: context.today),
                                  history: events.map(AuditEventView.init))
        }
    }

    public func list(_ filter: ProviderFilter = ProviderFilter()) throws -> [ProviderView] {
        try context.read { reader in
            let providers = try reader.providers(in: context.actor.scope)
            var views: [ProviderView] = []
            views.reserveCapacity(providers.count)
            for provider in providers {
                let view = ProviderView(provider, today: context.today)
                if filter.matches(view) { views.append(view) }
            }
            return views
        }
    }

    static func parseNumber(_ text: String) throws(TunetError) -> OrganisationNumber {
        switch OrganisationNumber.parse(text) {
        case .success(let number): return number
        case .failure(let reason): throw .invalid(ProviderForm.Field.organisationNumber.rawValue, text, reason.message)
        }
    }

    static func existing(_ number: OrganisationNumber, in reader: StoreReader) throws -> Provider {
        guard let provider = try reader.provider(number) else {
            throw TunetError.notFound(kind: "provider", key: number.digits)
        }
        return provider
    }

    static func refuseDuplicate(_ number: OrganisationNumber, in reader: StoreReader, row: Int? = nil) throws {
        if let holder = try reader.provider(number) {
            throw TunetError.invalidInput([FieldProblem(
                row: row, field: ProviderForm.Field.organisationNumber.rawValue, value: number.digits,
                reason: Message("provider.already_registered", ["number": .text(number.digits), "name": .text(holder.name)]))])
        }
    }
}
