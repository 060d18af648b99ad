import TunetDomain
import TunetStorage
import TunetText

/// Framework agreements: registering, extending, terminating and looking them up.
public struct AgreementDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func add(_ form: AgreementForm) throws -> AgreementAddedView {
        let (agreement, warnings) = try form.agreement()
        let summary = try context.write { tx in
            if try tx.agreement(agreement.reference) != nil {
                throw TunetError.conflict(Message("agreement.already_registered", ["reference": .text(agreement.reference)]))
            }
            try Self.requireRegistered(agreement.parties.map(\.provider), in: tx)
            try tx.insert(agreement, note: Message.sentences(warnings).map(RecordedText.written))
            return try self.summary(agreement, in: tx)
        }
        return AgreementAddedView(summary: summary, warnings: warnings)
    }

    public func show(_ reference: String) throws -> AgreementView {
        try context.read { reader in try summary(try Self.existing(reference, in: reader), in: reader) }
    }

    public func list(_ filter: AgreementFilter = AgreementFilter()) throws -> [AgreementView] {
        try context.read { reader in try reader.agreements(in: context.actor.scope).map { try summary($0, in: reader) }.filter(filter.matches) }
    }

    /// Exercises the next option, which must be decided by its deadline.
    public func extend(_ reference: String, note: String? = nil) throws -> AgreementView {
        let note = try FreeText.typedIfGiven(note, field: "note", maximumLength: 1000)
        let today = context.today
        let updated = try context.write { tx in
            var agreement = try Self.existing(reference, in: tx)
            try Self.refuseIfEnded(agreement, today: today)
            guard let index = agreement.nextOpenOption else {
                throw TunetError.conflict(Message("agreement.extend.no_option", ["reference": .text(agreement.reference)]))
            }
            let option = agreement.options[index]
            guard today <= option.decisionDeadline else {
                throw TunetError.conflict(Message("agreement.extend.deadline_passed", ["option": .integer(index + 1), "reference": .text(agreement.reference), "deadline": .date(option.decisionDeadline)]))
            }
            agreement.options[index].exercisedOn = today
            try tx.update(agreement, action: "extend", note: note.map(RecordedText.typed)
                          ?? .written(Message("audit.note.option_exercised", ["option": .integer(index + 1), "months": .integer(option.months)])))
            return try summary(agreement, in: tx)
        }
        return updated
    }

    /// Terminates the agreement from a day (the first day it no longer applies). Placements that run on or
    /// past that day must be decided for: ended on the agreement's last day (those not yet started are
    /// cancelled), each releasing its committed value and audited, or kept with the reason recorded.
    /// Without a decision the termination is refused and lists them.
    public func terminate(_ reference: String, reason: String, on date: String? = nil,
                          placements decision: PlacementsAtTermination? = nil) throws -> TerminationView {
        let reason = try FreeText.requiredReason(reason, for: .termination)
        var problems = ProblemCollector()
        var day = context.today
        if let date, let parsed = problems.date("on", date) { day = parsed }
        try problems.check()
        return try context.write { tx in
            var agreement = try Self.existing(reference, in: tx)
            if let terminated = agreement.terminatedOn {
                throw TunetError.conflict(Message("agreement.terminate.already", ["reference": .text(agreement.reference), "from": .date(terminated)]))
            }
            guard day >= agreement.start && day <= agreement.currentEnd else {
                throw TunetError.invalid("on", day.iso, Message("agreement.terminate.outside", ["start": .date(agreement.start), "end": .date(agreement.currentEnd)]))
            }
            let affected = try tx.placements(agreement: agreement.reference).filter { !$0.isCancelled && $0.end >= day }
            guard affected.isEmpty || decision != nil else {
                let listed = affected.map {
                    MessageValue.message(Message("agreement.terminate.placement", [
                        "id": .integer($0.id), "participant": .text($0.participant.text), "provider": .text($0.provider.digits),
                        "start": .date($0.start), "end": .date($0.end)]))
                }
                throw TunetError.conflict(Message("agreement.terminate.placements_undecided", [
                    "reference": .text(agreement.reference), "count": .integer(affected.count), "day": .date(day),
                    "last_day": .date(day.adding(days: -1)), "placements": .lines(listed)], fields: ["end_placements", "keep_placements", "reason"]))
            }
            agreement.terminatedOn = day
            agreement.terminationReason = reason
            var changes: [PlacementChangeAtTermination] = []
            var note = Message("audit.note.terminated", ["reason": .text(reason)])
            switch decision {
            case .end?:
                let lastDay = day.adding(days: -1)
                let why = RecordedText.written(Message("audit.note.ended_with_agreement", [
                    "reference": .text(agreement.reference), "day": .date(day), "reason": .text(reason)]))
                for var placement in affected {
                    let before = placement
                    if placement.start > lastDay {
                        placement.cancel(reason: why)
                        try tx.update(placement, action: "cancel", note: why)
                    } else {
                        placement.end = lastDay
                        try PlacementDesk.recost(&placement, under: agreement, rules: .standard, in: tx)
                        try tx.update(placement, action: "end", note: why)
                    }
                    changes.append(PlacementChangeAtTermination(before: before, after: placement))
                }
                note = Message("audit.note.terminated_placements_ended", ["reason": .text(reason), "count": .integer(affected.count)])
            case .keep?:
                changes = affected.map { PlacementChangeAtTermination(before: $0, after: $0) }
                if !affected.isEmpty {
                    note = Message("audit.note.terminated_placements_kept", [
                        "reason": .text(reason), "placements": .list(affected.map { .integer($0.id) })])
                }
            case nil:
                break
            }
            try tx.update(agreement, action: "terminate", note: .written(note))
            return TerminationView(summary: try summary(agreement, in: tx), placements: changes, keptPlacements: decision == .keep)
        }
    }

    /// The prices valid on a day, for one provider or all.
    public func prices(_ reference: String, provider: String? = nil, on date: String? = nil) throws -> PriceListView {
        var day = context.today
        var number: OrganisationNumber?
        var problems = ProblemCollector()
        if let date, let parsed = problems.date("on", date) { day = parsed }
        if let provider { number = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
        try problems.check()
        let agreement = try context.read { try Self.existing(reference, in: $0) }
        if let number, agreement.party(number) == nil {
            throw TunetError.invalid("provider", number.digits, Message("agreement.prices.not_a_party", ["provider": .text(number.digits), "reference": .text(agreement.reference)]))
        }
        let current = agreement.prices.prices(on: day).filter { number == nil || $0.provider == number }
        let history = agreement.prices.versions.filter { number == nil || $0.provider == number }
        return PriceListView(reference: reference, on: day, prices: current, versions: history)
    }

    public func consumption(_ reference: String? = nil) throws -> [AgreementView] {
        guard let reference else { return try list() }
        return [try show(reference)]
    }

    func summary(_ agreement: Agreement, in reader: StoreReader) throws -> AgreementView {
        let ledger = try CeilingLedger.ledger(of: agreement, in: reader)
        let forecast = try CeilingForecastReading.forecast(of: agreement, consumption: ledger.total, today: context.today, in: reader)
        return AgreementView(agreement, today: context.today, consumption: ledger.total, byMunicipality: ledger.byMunicipality, forecast: forecast,
                             renewalDays: context.renewalDays)
    }

    package static func existing(_ reference: String, in reader: StoreReader) throws -> Agreement {
        guard let agreement = try reader.agreement(reference.trimmingWhitespace()) else {
            throw TunetError.notFound(kind: "agreement", key: reference)
        }
        return agreement
    }

    static func requireRegistered(_ providers: [OrganisationNumber], in reader: StoreReader) throws {
        var problems = ProblemCollector()
        for number in providers where try reader.provider(number) == nil {
            problems.add("provider", number.digits, Message("provider.not_registered", ["number": .text(number.digits)]))
        }
        try problems.check()
    }

    static func refuseIfEnded(_ agreement: Agreement, today: LocalDate) throws {
        if let terminated = agreement.terminatedOn {
            throw TunetError.conflict(Message("agreement.extend.terminated", ["reference": .text(agreement.reference), "from": .date(terminated)]))
        }
        if today > agreement.currentEnd {
            throw TunetError.conflict(Message("agreement.extend.expired", ["reference": .text(agreement.reference), "end": .date(agreement.currentEnd)]))
        }
    }
}

public struct PriceListView: Sendable, Encodable {
    public let reference: String
    public let on: LocalDate
    public let prices: [PriceVersion]
    public let versions: [PriceVersion]
}
