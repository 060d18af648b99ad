import TunetDomain
import TunetStorage

/// A procurement as shown: the competition, what its value means under the rules, and (from the
/// evaluation on) the ranking.
public struct ProcurementView: Sendable, Encodable {
    public let procurement: Procurement
    public let classification: ProcurementClassification
    public let evaluation: [EvaluatedTender]?

    enum DerivedKeys: String, CodingKey { case classification, evaluation }

    public func encode(to encoder: Encoder) throws {
        try procurement.encode(to: encoder)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(classification, forKey: .classification)
        try derived.encode(evaluation, forKey: .evaluation)
    }
}

/// Competitions from draft to a concluded framework agreement:
/// draft → open → evaluating → awarded → concluded, or cancelled with a reason.
public struct ProcurementDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// - Parameter reservedForNonProfits: only farms marked non-profit may tender; allowed where the
    ///   regulation allows it (health and social services under part IV chapter 30).
    public func create(title: String, targetGroups: String, municipalities: [String], estimatedValue: String,
                       category: String? = nil, reservedForNonProfits: Bool = false) throws -> ProcurementView {
        var problems = ProblemCollector()
        let title = title.trimmingWhitespace()
        if title.isEmpty { problems.add("title", nil, Message("procurement.title.required")) }
        if let reason = FreeText.check(title, maximumLength: 200) { problems.add("title", title, reason.message) }
        let groups = problems.take("target-groups", targetGroups, TargetGroup.parseSet(targetGroups))
        var numbers: [String] = []
        if municipalities.isEmpty { problems.add("municipality", nil, Message("procurement.municipality.required")) }
        for raw in municipalities {
            if let municipality = problems.take("municipality", raw, Municipality.parse(raw)), !numbers.contains(municipality.number) {
                numbers.append(municipality.number)
            }
        }
        let value = problems.take("estimated-value", estimatedValue, Money.parse(estimatedValue))
        if let value, value.ore <= 0 { problems.add("estimated-value", estimatedValue, Message("procurement.estimated_value.not_positive")) }
        var serviceCategory = ServiceCategory.special
        if let category {
            if let parsed = ServiceCategory(name: category) { serviceCategory = parsed } else {
                problems.add("category", category, Message("procurement.category.unknown"))
            }
        }
        let today = context.today
        if reservedForNonProfits, let value {
            let rules = ProcurementThresholds.norway.classify(value, category: serviceCategory, on: today)
            if !rules.mayBeReservedForNonProfits {
                problems.add("reserved-for-non-profits", nil, Message("procurement.reserved.not_allowed", ["rules": rules.regime.labelValue]))
            }
        }
        try problems.check()
        guard let groups, let value else { throw TunetError.internalFault("unparsed procurement") }
        let procurement = try context.write { tx in
            try tx.insertProcurement { id in
                Procurement(id: id, title: title, targetGroups: groups, municipalities: numbers, estimatedValue: value,
                            category: serviceCategory, createdOn: today, reservedForNonProfits: reservedForNonProfits)
            }
        }
        return view(procurement)
    }

    public func setCriteria(_ id: Int64, criteria: [String], priceLines: [String], deadline: String) throws -> ProcurementView {
        var problems = ProblemCollector()
        var parsedCriteria: [AwardCriterion] = []
        var template: [PriceTemplateLine] = []
        do { parsedCriteria = try ProcurementInput.criteria(criteria) } catch { problems.absorb(error) }
        do { template = try ProcurementInput.priceTemplate(priceLines) } catch { problems.absorb(error) }
        var deadlineDate: LocalDate?
        switch LocalDate.parse(deadline) {
        case .success(let date):
            deadlineDate = date
            if date < context.today { problems.add("deadline", deadline, Message("procurement.deadline.passed", ["deadline": .date(date)])) }
        case .failure(let problem): problems.add("deadline", deadline, problem.reason)
        }
        try problems.check()
        return try change(id, action: "criteria") { procurement in
            try procurement.require(.draft, toDo: .setCriteria)
            procurement.criteria = parsedCriteria
            procurement.priceTemplate = template
            procurement.tenderDeadline = deadlineDate
        }
    }

    public func open(_ id: Int64) throws -> ProcurementView {
        try change(id, action: "open") { procurement in
            try procurement.require(.draft, toDo: .open)
            guard !procurement.criteria.isEmpty, !procurement.priceTemplate.isEmpty, let deadline = procurement.tenderDeadline else {
                throw TunetError.conflict(Message("procurement.open.incomplete", ["id": .integer(id)]))
            }
            if deadline < context.today {
                throw TunetError.conflict(Message("procurement.open.deadline_passed", ["deadline": .date(deadline)]))
            }
            procurement.state = .open
        }
    }

    public func tender(_ id: Int64, provider: String, prices: [String], scores: [String] = [], received: String? = nil,
                       lateReason: String? = nil) throws -> ProcurementView {
        let number = try ProviderDesk.parseNumber(provider)
        var receivedOn = context.today
        if let received {
            switch LocalDate.parse(received) {
            case .success(let date): receivedOn = date
            case .failure(let problem): throw TunetError.invalid("received", received, problem.reason)
            }
            if receivedOn > context.today { throw TunetError.invalid("received", received, Message("procurement.tender.received_in_future")) }
        }
        let late = try FreeText.typedIfGiven(lateReason, field: "late_reason", maximumLength: 1000)
        return try changeReading(id, action: "tender", note: late.map { .written(Message("audit.note.late_tender", ["reason": .text($0)])) }) { procurement, tx in
            try procurement.require(.open, toDo: .receiveTenders)
            guard let bidder = try tx.provider(number) else {
                throw TunetError.invalid("provider", number.digits, Message("provider.not_registered", ["number": .text(number.digits)]))
            }
            if procurement.reservedForNonProfits && !bidder.isNonProfit {
                throw TunetError.invalid("provider", number.digits, Message("procurement.tender.not_non_profit", [
                    "provider": .text(bidder.name), "number": .text(number.digits), "id": .integer(id)]))
            }
            if procurement.tenders.contains(where: { $0.provider == number }) {
                throw TunetError.conflict(Message("procurement.tender.repeated", ["provider": .text(number.digits), "id": .integer(id)]))
            }
            let tenderedPrices = try ProcurementInput.tenderPrices(prices, template: procurement.priceTemplate)
            let tenderedScores = try ProcurementInput.scores(scores, criteria: procurement.criteria)
            if let deadline = procurement.tenderDeadline, receivedOn > deadline, late == nil {
                throw TunetError.invalid("received", receivedOn.iso,
                                         Message("procurement.tender.late", ["deadline": .date(deadline)], fields: ["late_reason"]))
            }
            procurement.tenders.append(Tender(provider: number, receivedOn: receivedOn, lateReason: late, prices: tenderedPrices,
                                              scores: tenderedScores))
        }
    }

    public func score(_ id: Int64, provider: String, scores: [String]) throws -> ProcurementView {
        let number = try ProviderDesk.parseNumber(provider)
        return try change(id, action: "score") { procurement in
            try procurement.require(.open, .evaluating, toDo: .score)
            guard let index = procurement.tenders.firstIndex(where: { $0.provider == number }) else {
                throw TunetError.invalid("provider", number.digits, Message("procurement.score.no_tender", ["provider": .text(number.digits), "id": .integer(id)]))
            }
            let parsed = try ProcurementInput.scores(scores, criteria: procurement.criteria)
            if parsed.isEmpty { throw TunetError.invalid("score", nil, Message("procurement.score.none")) }
            procurement.tenders[index].scores.merge(parsed) { $1 }
        }
    }

    /// Ranks the tenders; the first evaluation after the deadline moves the competition to evaluating.
    public func evaluate(_ id: Int64) throws -> ProcurementView {
        try change(id, action: "evaluate") { procurement in
            try procurement.require(.open, .evaluating, toDo: .evaluate)
            if procurement.state == .open {
                if let deadline = procurement.tenderDeadline, context.today <= deadline {
                    throw TunetError.conflict(Message("procurement.evaluate.deadline_not_passed", ["deadline": .date(deadline)]))
                }
                procurement.state = .evaluating
            }
            _ = try TenderEvaluation.evaluate(procurement)
        }
    }

    /// Awards to the named providers, or to the best `count` tenders; computes the standstill period.
    public func award(_ id: Int64, winners: [String], count: Int?, noticeDate: String?, electronically: Bool,
                      standstillDays: Int? = nil) throws -> ProcurementView {
        var notice = context.today
        if let noticeDate {
            switch LocalDate.parse(noticeDate) {
            case .success(let date): notice = date
            case .failure(let problem): throw TunetError.invalid("notice-date", noticeDate, problem.reason)
            }
        }
        if winners.isEmpty == (count == nil) {
            throw TunetError.invalid("winner", nil, Message("procurement.award.winners_missing", fields: ["winner", "winners"]))
        }
        let named = try winners.map(ProviderDesk.parseNumber)
        let note = standstillDays.map { RecordedText.written(Message("audit.note.standstill_asked", ["days": .integer($0)])) }
        return try changeReading(id, action: "award", note: note) { procurement, tx in
            try procurement.require(.evaluating, toDo: .award)
            let ranking = try TenderEvaluation.evaluate(procurement)
            var chosen: [OrganisationNumber]
            if let count {
                guard (1...ranking.count).contains(count) else {
                    throw TunetError.invalid("winners", String(count), Message("procurement.award.winners_out_of_range", ["tenders": .integer(ranking.count)]))
                }
                chosen = ranking.prefix(count).map(\.provider)
            } else {
                for number in named where !ranking.contains(where: { $0.provider == number }) {
                    throw TunetError.invalid("winner", number.digits, Message("procurement.award.winner_without_tender", ["provider": .text(number.digits), "id": .integer(id)]))
                }
                chosen = ranking.map(\.provider).filter { named.contains($0) }
            }
            if procurement.reservedForNonProfits {
                for number in chosen {
                    let winner = try tx.provider(number)
                    if winner?.isNonProfit != true {
                        throw TunetError.conflict(Message("procurement.award.no_longer_non_profit", [
                            "provider": .text(winner?.name ?? number.digits), "number": .text(number.digits), "id": .integer(id)]))
                    }
                }
            }
            if let deadline = procurement.tenderDeadline, notice <= deadline {
                throw TunetError.invalid("notice-date", notice.iso, Message("procurement.award.notice_before_deadline", ["deadline": .date(deadline)]))
            }
            if notice > context.today { throw TunetError.invalid("notice-date", notice.iso, Message("procurement.award.notice_in_future")) }
            let standstill: Award.Standstill?
            switch Award.standstill(required: procurement.classification().standstillRequired, electronically: electronically,
                                    requestedDays: standstillDays) {
            case .success(let period): standstill = period
            case .failure(let reason): throw TunetError.invalid("standstill-days", standstillDays.map(String.init), reason.message)
            }
            procurement.award = Award(
                winners: chosen.enumerated().map { AgreementParty(provider: $1, rank: $0 + 1) }, noticeDate: notice,
                notifiedElectronically: electronically, standstill: standstill)
            procurement.state = .awarded
        }
    }

    /// Concludes the framework agreement with the winners, their rank and their tendered prices.
    /// `terms` gives the agreement's own terms (reference, period, options, maximum, call-off method,
    /// clauses); the competition supplies its municipalities, target groups, estimated value, parties
    /// and prices, and the title when `terms` has none.
    public func conclude(_ id: Int64, terms: AgreementForm) throws -> (ProcurementView, AgreementAddedView) {
        let today = context.today
        let (procurement, added) = try context.write { tx -> (Procurement, AgreementAddedView) in
            var procurement = try Self.existing(id, in: tx)
            try procurement.require(.awarded, toDo: .conclude)
            guard let award = procurement.award else { throw TunetError.internalFault("awarded without an award") }
            if let end = award.standstillEnd, today <= end {
                throw TunetError.conflict(Message(award.standstillVoluntary ? "procurement.conclude.in_voluntary_standstill" : "procurement.conclude.in_standstill",
                                                 ["end": .date(end), "from": .date(award.mayConcludeFrom)]))
            }
            var form = terms
            if form.title.trimmingWhitespace().isEmpty { form.title = procurement.title }
            form.municipalities = procurement.municipalities
            form.parties = award.winners.map { "\($0.provider.digits):\($0.rank ?? 1)" }
            form.targetGroups = TargetGroup.codes(procurement.targetGroups)
            form.estimatedValue = procurement.estimatedValue.decimalString
            form.prices = award.winners.flatMap { winner -> [String] in
                let tender = procurement.tenders.first { $0.provider == winner.provider }
                return procurement.priceTemplate.compactMap { line in
                    tender?.prices[line.line].map { "\(winner.provider.digits):\(line.line):\(line.unit.rawValue):\($0.decimalString)" }
                }
            }
            var (agreement, warnings) = try form.agreement()
            agreement.procurementId = procurement.id
            if try tx.agreement(agreement.reference) != nil {
                throw TunetError.conflict(Message("agreement.already_registered", ["reference": .text(agreement.reference)]))
            }
            try tx.insert(agreement, note: .written(Message("audit.note.concluded_from", ["procurement": .integer(procurement.id)])))
            procurement.state = .concluded
            procurement.agreementReference = agreement.reference
            try tx.update(procurement, action: "conclude", note: .written(Message("audit.note.concluded_as", ["reference": .text(agreement.reference)])))
            return (procurement, AgreementAddedView(summary: try AgreementDesk(context).summary(agreement, in: tx), warnings: warnings))
        }
        return (view(procurement), added)
    }

    public func cancel(_ id: Int64, reason: String) throws -> ProcurementView {
        let reason = try FreeText.requiredReason(reason, for: .cancellation)
        return try change(id, action: "cancel", note: .typed(reason)) { procurement in
            try procurement.require(.draft, .open, .evaluating, .awarded, toDo: .cancel)
            procurement.state = .cancelled
            procurement.cancellationReason = reason
        }
    }

    public func show(_ id: Int64) throws -> ProcurementView {
        view(try context.read { try Self.existing(id, in: $0) })
    }

    public func list(state: ProcurementState? = nil) throws -> [ProcurementView] {
        try context.read { try $0.procurements(in: context.actor.scope) }.filter { state == nil || $0.state == state }.map(view)
    }

    private func change(_ id: Int64, action: String, note: RecordedText? = nil, _ body: (inout Procurement) throws -> Void) throws -> ProcurementView {
        try changeReading(id, action: action, note: note) { procurement, _ in try body(&procurement) }
    }

    /// A change that reads other records in the same transaction as it writes.
    private func changeReading(_ id: Int64, action: String, note: RecordedText? = nil,
                               _ body: (inout Procurement, any StoreTransaction) throws -> Void) throws -> ProcurementView {
        let procurement = try context.write { tx in
            var procurement = try Self.existing(id, in: tx)
            try body(&procurement, tx)
            try tx.update(procurement, action: action, note: note)
            return procurement
        }
        return view(procurement)
    }

    func view(_ procurement: Procurement) -> ProcurementView {
        let evaluated = [.evaluating, .awarded, .concluded].contains(procurement.state) ? try? TenderEvaluation.evaluate(procurement) : nil
        return ProcurementView(procurement: procurement, classification: procurement.classification(), evaluation: evaluated)
    }

    static func existing(_ id: Int64, in reader: StoreReader) throws -> Procurement {
        guard let procurement = try reader.procurement(id) else { throw TunetError.notFound(kind: "procurement", key: String(id)) }
        return procurement
    }
}
