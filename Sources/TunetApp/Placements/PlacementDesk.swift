import TunetDomain
import TunetStorage

/// A placement as listed and shown: the stored call-off with its status today.
public struct PlacementView: Sendable, Encodable {
    public let placement: Placement
    public let status: PlacementStatus
    /// Only with --include-names, and every read of it is audited.
    public let name: String?

    enum DerivedKeys: String, CodingKey {
        case status, name
        case ceilingOverride = "ceiling_override"
    }

    public func encode(to encoder: Encoder) throws {
        try placement.encode(to: encoder)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(status, forKey: .status)
        try derived.encode(placement.ceilingOverrideReason != nil, forKey: .ceilingOverride)
        if let name { try derived.encode(name, forKey: .name) }
    }
}

public struct PlacementPlanView: Sendable, Encodable {
    public let plan: PlacementPlan
    /// Nil in a dry run.
    public let placement: PlacementView?
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case plan, placement
        case dryRun = "dry_run"
    }
}

public struct PlacementFilter: Sendable {
    public var agreement: String?
    public var provider: OrganisationNumber?
    public var kind: PlacementKind?
    public var municipalityNumber: String?
    public var activeOn: LocalDate?
    public var participant: ParticipantCode?

    public init() {}

    func matches(_ placement: Placement) -> Bool {
        if let agreement, placement.agreementReference != agreement { return false }
        if let provider, placement.provider != provider { return false }
        if let kind, placement.kind != kind { return false }
        if let municipalityNumber, placement.municipalityNumber != municipalityNumber { return false }
        if let activeOn, placement.isCancelled || activeOn < placement.start || activeOn > placement.end { return false }
        if let participant, placement.participant != participant { return false }
        return true
    }
}

/// Call-offs: placing pupils and people with dementia on farms under an agreement.
public struct PlacementDesk: Sendable {
    let context: TunetContext
    let rules: PlacementRules

    public init(_ context: TunetContext, rules: PlacementRules = .standard) {
        self.context = context
        self.rules = rules
    }

    /// Chooses the farm by the agreement's call-off method and stores the placement; a dry run only shows the choice.
    public func add(to agreementReference: String, _ form: PlacementForm, name: String? = nil, dryRun: Bool = false) throws -> PlacementPlanView {
        let request = try form.request()
        let trimmedName = name?.trimmingWhitespace().nilIfEmpty
        if let trimmedName, let reason = FreeText.check(trimmedName, maximumLength: 200) {
            throw TunetError.invalid("name", nil, reason.message)
        }
        let work = { (reader: StoreReader, tx: StoreTransaction?) throws -> PlacementPlanView in
            try Self.place(request, under: agreementReference, name: trimmedName, today: context.today, rules: rules, reader: reader, tx: tx)
        }
        if dryRun { return try context.read { try work($0, nil) } }
        return try context.write { try work($0, $0) }
    }

    /// The call-off inside a transaction the caller holds (nil: only the choice, for a dry run).
    package static func place(_ request: PlacementRequest, under agreementReference: String, name: String?, today: LocalDate, rules: PlacementRules,
                      reader: StoreReader, tx: StoreTransaction?) throws -> PlacementPlanView {
        let agreement = try AgreementDesk.existing(agreementReference, in: reader)
        let situation = try situation(agreement, from: request.start, to: request.end, municipality: request.municipalityNumber, in: reader)
        let plan = try PlacementPlanner.plan(request, in: situation, rules: rules)
        guard let tx else { return PlacementPlanView(plan: plan, placement: nil, dryRun: true) }
        let code = try request.participant ?? ParticipantCode.generated(year: today.year, sequence: tx.lastParticipantSequence(year: today.year) + 1)
        let placement = try tx.insertPlacement { id in
            Placement(id: id, participant: code, request: request, agreement: agreement.reference, plan: plan, createdOn: today)
        }
        if let name { try tx.setParticipantName(code, name: name) }
        return PlacementPlanView(plan: plan, placement: PlacementView(placement: placement, status: placement.status(on: today), name: nil),
                                dryRun: false)
    }

    /// Moves the end earlier; the committed value of the days no longer planned is released.
    public func end(_ id: Int64, on date: String, reason: String? = nil) throws -> PlacementView {
        let day = try Self.date("on", date)
        let reason = try FreeText.typedIfGiven(reason, field: "reason", maximumLength: 1000)
        return try change(id, action: "end", note: reason.map(RecordedText.typed)) { placement, reader in
            guard day >= placement.start, day < placement.end else {
                throw TunetError.invalid("on", day.iso, Message("placement.end_out_of_range", ["start": .date(placement.start), "end": .date(placement.end)]))
            }
            placement.end = day
            try recost(&placement, in: reader)
        }
    }

    /// Moves the end later, checking the farm's capacity, the agreement's period and the ceiling for the added days.
    public func extend(_ id: Int64, to date: String, overrideCeilingReason: String? = nil) throws -> PlacementView {
        let day = try Self.date("to", date)
        let overrideCeilingReason = try FreeText.typedIfGiven(overrideCeilingReason, field: "override_ceiling", maximumLength: 1000)
        return try change(id, action: "extend", note: overrideCeilingReason.map { .written(Message("audit.note.ceiling_override", ["reason": .text($0)])) }) { placement, reader in
            guard day > placement.end else {
                throw TunetError.invalid("to", day.iso, Message("placement.extend_not_later", ["end": .date(placement.end)]))
            }
            let agreement = try AgreementDesk.existing(placement.agreementReference, in: reader)
            guard day <= agreement.currentEnd, agreement.terminatedOn.map({ day < $0 }) ?? true else {
                let runs: [String: MessageValue] = ["agreement": .text(agreement.reference), "end": .date(agreement.currentEnd)]
                throw TunetError.invalid("to", day.iso, agreement.terminatedOn.map {
                    Message("placement.extend_beyond_terminated", runs.merging(["terminated": .date($0)]) { $1 })
                } ?? Message("placement.extend_beyond_agreement", runs))
            }
            let extra = PlacementRequest(participant: placement.participant, kind: placement.kind, municipalityNumber: placement.municipalityNumber,
                                         weekdays: placement.weekdays, start: placement.end.adding(days: 1), end: day,
                                         priceLine: placement.priceLine, provider: placement.provider, pupil: placement.pupil,
                                         dementia: placement.dementia, overrideCeilingReason: overrideCeilingReason)
            let situation = try Self.situation(agreement, from: extra.start, to: day, municipality: placement.municipalityNumber, in: reader)
            let days = PlacementPlanner.plannedDays(weekdays: extra.weekdays, from: extra.start, to: day, kind: extra.kind,
                                                    schoolHolidays: situation.schoolHolidays)
            let obstacles = PlacementPlanner.obstacles(placement.provider, extra, days, situation, rules, excluding: placement.id)
            if !obstacles.isEmpty {
                throw TunetError.conflict(PlacementPlanner.cannotTakeExtension(placement.provider, obstacles))
            }
            let before = placement.projectedCost
            placement.end = day
            try recost(&placement, in: reader)
            let added = placement.projectedCost - before
            let use = situation.consumption
            if use.used + added > agreement.maximumValue {
                guard let overrideCeilingReason else {
                    throw TunetError.conflict(Message("placement.extension_above_ceiling", [
                        "agreement": .text(agreement.reference), "added": .money(added), "used": .money(use.used),
                        "maximum": .money(agreement.maximumValue), "headroom": .money(use.headroom),
                    ], fields: ["override_ceiling", "reason"]))
                }
                placement.ceilingOverrideReason = overrideCeilingReason
            }
        }
    }

    public func cancel(_ id: Int64, reason: String) throws -> PlacementView {
        let reason = try FreeText.requiredReason(reason, for: .cancellation, maximumLength: 500)
        return try change(id, action: "cancel", note: .typed(reason)) { placement, _ in
            if placement.isCancelled { throw TunetError.conflict(Message("placement.already_cancelled", ["id": .text(String(id))])) }
            placement.cancel(reason: .typed(reason))
        }
    }

    public func show(_ id: Int64, includeNames: Bool = false) throws -> (PlacementView, [FollowUp]) {
        let today = context.today
        let read = { (reader: StoreReader, tx: StoreTransaction?) throws -> (PlacementView, [FollowUp]) in
            guard let placement = try reader.placement(id) else { throw TunetError.notFound(kind: "placement", key: String(id)) }
            let name = try tx?.readParticipantNames([placement.participant], purpose: Message("audit.note.placement_shown", ["placement": .integer(id)]))[placement.participant]
            return (PlacementView(placement: placement, status: placement.status(on: today), name: name), try reader.followUps(placement: id))
        }
        return includeNames ? try context.write { try read($0, $0) } : try context.read { try read($0, nil) }
    }

    public func list(_ filter: PlacementFilter = PlacementFilter(), includeNames: Bool = false) throws -> [PlacementView] {
        let today = context.today
        let read = { (reader: StoreReader, tx: StoreTransaction?) throws -> [PlacementView] in
            // Someone acting for some municipalities reads only theirs.
            let scope = context.actor.scope
            let placements = try (scope == .every ? reader.placements(agreement: filter.agreement, provider: filter.provider)
                                                  : reader.placements(in: scope, provider: filter.provider)).filter(filter.matches)
            let names = try tx?.readParticipantNames(placements.map(\.participant), purpose: Message("audit.note.placements_listed")) ?? [:]
            return placements.map { PlacementView(placement: $0, status: $0.status(on: today), name: names[$0.participant]) }
        }
        return includeNames ? try context.write { try read($0, $0) } : try context.read { try read($0, nil) }
    }

    public func addFollowUp(_ id: Int64, date: String, roles: [String], wishesAndNeeds: String, next: String? = nil) throws -> FollowUp {
        var problems = ProblemCollector()
        var day: LocalDate?
        day = problems.date("date", date)
        var nextDay: LocalDate?
        if let next {
            nextDay = problems.date("next", next)
        }
        let cleanRoles = roles.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if cleanRoles.isEmpty { problems.add("roles", nil, Message("placement.followup.roles_required")) }
        for role in cleanRoles { if let reason = FreeText.check(role, maximumLength: 60) { problems.add("roles", role, reason.message) } }
        let text = wishesAndNeeds.trimmingWhitespace()
        if text.isEmpty { problems.add("wishes", nil, Message("placement.followup.wishes_required")) }
        if text.unicodeScalars.contains(where: { $0 == "\0" }) || text.count > Self.longestWishes {
            problems.add("wishes", nil, Message("placement.followup.wishes_too_long", ["maximum": .integer(Self.longestWishes)]))
        } else if let reason = FreeText.check(text, maximumLength: Self.longestWishes) {
            problems.add("wishes", nil, reason.message)
        }
        if let day, day > context.today { problems.add("date", day.iso, Message("placement.followup.date_in_future")) }
        if let day, let nextDay, nextDay <= day { problems.add("next", nextDay.iso, Message("placement.followup.next_not_after", ["date": .date(day)])) }
        try problems.check()
        return try context.write { tx in
            guard try tx.placement(id) != nil else { throw TunetError.notFound(kind: "placement", key: String(id)) }
            return try tx.insert(FollowUp(id: 0, placementId: id, date: day!, roles: cleanRoles, wishesAndNeeds: text, nextDate: nextDay))
        }
    }

    /// The longest wishes and needs a follow-up records, in characters.
    static let longestWishes = 4000

    public func followUps(_ id: Int64) throws -> [FollowUp] {
        try context.read { reader in
            guard try reader.placement(id) != nil else { throw TunetError.notFound(kind: "placement", key: String(id)) }
            return try reader.followUps(placement: id)
        }
    }

    // MARK: - Helpers

    static func situation(_ agreement: Agreement, from: LocalDate, to: LocalDate, municipality: String,
                          in reader: StoreReader) throws -> PlacementSituation {
        var providers: [OrganisationNumber: Provider] = [:]
        for party in agreement.parties { providers[party.provider] = try reader.provider(party.provider) }
        let committed = try reader.committedValue(agreement: agreement.reference)
        return PlacementSituation(
            agreement: agreement, providers: providers,
            existing: try reader.placementsOverlapping(providers: agreement.parties.map(\.provider), from: from, to: to),
            schoolHolidays: try reader.schoolHolidays(municipality: municipality),
            consumption: try CeilingLedger.consumption(of: agreement, in: reader), plannedParticipantDays: committed.participantDays)
    }

    private func recost(_ placement: inout Placement, in reader: StoreReader) throws {
        try Self.recost(&placement, under: try AgreementDesk.existing(placement.agreementReference, in: reader), rules: rules, in: reader)
    }

    /// Plans the placement's days again over its period and prices them: after its end moved.
    static func recost(_ placement: inout Placement, under agreement: Agreement, rules: PlacementRules, in reader: StoreReader) throws {
        let days = PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: placement.start, to: placement.end, kind: placement.kind,
                                                schoolHolidays: try reader.schoolHolidays(municipality: placement.municipalityNumber))
        switch PlacementPlanner.cost(of: days, provider: placement.provider, line: placement.priceLine,
                                     tripsPerDay: placement.transportTripsPerDay, prices: agreement.prices, rules: rules) {
        case .success(let cost): placement.projectedCost = cost
        case .failure(let reason): throw TunetError.invalid("price-line", placement.priceLine, reason.message)
        }
        placement.plannedDays = days.count
    }

    private func change(_ id: Int64, action: String, note: RecordedText?, _ body: (inout Placement, StoreReader) throws -> Void) throws -> PlacementView {
        let today = context.today
        return try context.write { tx in
            guard var placement = try tx.placement(id) else { throw TunetError.notFound(kind: "placement", key: String(id)) }
            if placement.isCancelled && action != "cancel" {
                throw TunetError.conflict(Message("placement.cancelled_cannot", ["id": .text(String(id)), "reason": placement.cancelledReason?.messageValue ?? .text(""),
                                                                                 "action": .label("placement.action.\(action)")]))
            }
            try body(&placement, tx)
            try tx.update(placement, action: action, note: note)
            return PlacementView(placement: placement, status: placement.status(on: today), name: nil)
        }
    }

    /// Why a farm cannot take more days, as the planner gives them (as text, or as messages rendered by the reader).
    static func reasons(_ reasons: [String]) -> MessageValue { .text(reasons.joined(separator: "; ")) }
    static func reasons(_ reasons: [Message]) -> MessageValue { .list(reasons.map { .message($0) }) }

    static func date(_ field: String, _ text: String) throws(TunetError) -> LocalDate {
        switch LocalDate.parse(text) {
        case .success(let date): return date
        case .failure(let problem): throw .invalid(field, text, problem.reason)
        }
    }
}
