/// A framework agreement as typed on the command line: raw text, checked here with every problem
/// reported at once. Whether the named providers are registered is checked by the use case.
public struct AgreementForm: Sendable {
    public var reference = ""
    public var title = ""
    public var municipalities: [String] = []
    /// `ORGNR` or `ORGNR:RANK`.
    public var parties: [String] = []
    public var targetGroups = ""
    public var start = ""
    public var end = ""
    /// `MONTHS:DEADLINE`, like `12:2026-09-30`.
    public var options: [String] = []
    public var estimatedValue = ""
    public var maximumValue: String?
    public var maximumParticipantDays: String?
    public var callOffMethod = ""
    public var allocationCriteria: String?
    public var absenceRule: String?
    /// `billable_days` (the default) or `as_reported`.
    public var transportBilling: String?
    public var allowsExtraDays = false
    /// `ORGNR:GROUP:PLACES` or `ORGNR:GROUP:PLACES:WEEKDAYS`, see `BoughtPlaces.parse`.
    public var boughtPlaces: [String] = []
    public var allowsExtraPlaces = false
    /// `2023M10`: the index month the prices are given in.
    public var kpiBaseMonth: String?
    /// The month of the index read each year, 1–12.
    public var kpiIndexMonth: String?
    /// The month the adjusted prices take effect, 1–12 (default January).
    public var kpiEffectiveMonth: String?
    /// The day of that month, 1–28 (default 1).
    public var kpiEffectiveDay: String?
    public var specialReason: String?
    /// `ORGNR:LINE:UNIT:AMOUNT`, like `974760673:full_day:day:1250`.
    public var prices: [String] = []

    public init() {}

    public static let maximumYears = 4

    /// True when an agreement from `start` to `lastDay` (its true last day, after every option) runs longer
    /// than the four years the regulation allows without a special reason.
    public static func exceedsMaximumDuration(start: LocalDate, lastDay: LocalDate) -> Bool {
        lastDay > start.lastDayOfPeriod(months: maximumYears * 12)
    }

    /// A period's length as contracts count it, in whole months from its first day and then days:
    /// 29 March 2027 through 31 March 2031 is "4 years and 3 days" ("4 år og 3 dager").
    static func duration(from start: LocalDate, through last: LocalDate) -> Message {
        let dayAfter = last.adding(days: 1)
        var months = (dayAfter.year - start.year) * 12 + (dayAfter.month - start.month)
        while months > 0 && start.adding(months: months) > dayAfter { months -= 1 }
        let days = start.adding(months: months).days(until: dayAfter)
        let parts: [MessageValue] = [(months / 12, "rules.duration.years"), (months % 12, "rules.duration.months"), (days, "rules.duration.days")]
            .filter { $0.0 > 0 }.map { .message(Message($0.1, ["count": .integer($0.0)])) }
        return Message("rules.duration", ["parts": parts.isEmpty ? .message(Message("rules.duration.days", ["count": 0])) : .list(parts)])
    }

    /// The checked agreement, and warnings that do not stop it (a maximum below the estimate).
    public func agreement() throws(TunetError) -> (Agreement, warnings: [Message]) {
        var problems = ProblemCollector()
        var warnings: [Message] = []

        let reference = self.reference.trimmingWhitespace()
        if let reason = Self.checkReference(reference) { problems.add("reference", reference, reason.message) }
        let title = self.title.trimmingWhitespace()
        if title.isEmpty {
            problems.add("title", nil, Message("rules.agreement.title_required"))
        } else if let reason = FreeText.check(title, maximumLength: 200) {
            problems.add("title", title, reason.message)
        }

        var municipalityNumbers: [String] = []
        if municipalities.isEmpty { problems.add("municipality", nil, Message("rules.agreement.municipality_required")) }
        for raw in municipalities.flatMap({ $0.split(separator: ",").map(String.init) }) {
            if let municipality = problems.take("municipality", raw, Municipality.parse(raw)),
               !municipalityNumbers.contains(municipality.number) {
                municipalityNumbers.append(municipality.number)
            }
        }

        let method = CallOffMethod(name: callOffMethod)
        if method == nil {
            problems.add("call-off", callOffMethod, Message("rules.agreement.call_off_unknown", ["text": .text(callOffMethod)]))
        }

        var parties: [AgreementParty] = []
        if self.parties.isEmpty { problems.add("provider", nil, Message("rules.agreement.party_required")) }
        for raw in self.parties {
            let pieces = raw.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(pieces.count),
                  let number = problems.take("provider", raw, OrganisationNumber.parse(pieces[0])) else {
                if pieces.count > 2 { problems.add("provider", raw, Message("rules.agreement.party_form")) }
                continue
            }
            var rank: Int?
            if pieces.count == 2 {
                rank = Int(digitsOnly: pieces[1])
                if rank == nil || rank! < 1 {
                    problems.add("provider", raw, Message("rules.agreement.rank_form"))
                    continue
                }
            }
            if parties.contains(where: { $0.provider == number }) {
                problems.add("provider", raw, Message("rules.agreement.party_twice", ["provider": .text(number.digits)]))
                continue
            }
            parties.append(AgreementParty(provider: number, rank: rank))
        }
        if method == .ranking {
            let ranks = parties.compactMap(\.rank)
            if ranks.count != parties.count {
                problems.add("provider", nil, Message("rules.agreement.rank_required"))
            } else if Set(ranks).count != ranks.count {
                problems.add("provider", nil, Message("rules.agreement.rank_twice"))
            }
        }
        if method == .criteria && (allocationCriteria ?? "").trimmingWhitespace().isEmpty {
            problems.add("allocation-criteria", nil, Message("rules.agreement.criteria_required"))
        }

        let groups = problems.take("target-groups", targetGroups, TargetGroup.parseSet(targetGroups))
        let startDate = problems.date("start", start)
        let endDate = problems.date("end", end)
        if let startDate, let endDate, endDate < startDate {
            problems.add("end", endDate.iso, Message("rules.agreement.ends_before_start", ["end": .date(endDate), "start": .date(startDate)]))
        }

        var options: [ExtensionOption] = []
        for raw in self.options {
            let pieces = raw.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let months = Int(digitsOnly: pieces[0]), (1...60).contains(months) else {
                problems.add("option", raw, Message("rules.agreement.option_form"))
                continue
            }
            if let deadline = problems.date("option", pieces[1]) {
                options.append(ExtensionOption(months: months, decisionDeadline: deadline))
            }
        }

        let estimated = problems.take("estimated-value", estimatedValue, Money.parse(estimatedValue))
        if let estimated, estimated.ore <= 0 { problems.add("estimated-value", estimatedValue, Message("rules.agreement.estimate_above_zero")) }
        var maximum: Money?
        if let raw = maximumValue, !raw.trimmingWhitespace().isEmpty {
            maximum = problems.take("maximum-value", raw, Money.parse(raw))
            if let value = maximum, value.ore <= 0 {
                problems.add("maximum-value", raw, Message("rules.agreement.maximum_above_zero"))
            } else if let value = maximum, let estimated, value < estimated {
                warnings.append(Message("rules.agreement.maximum_below_estimate", ["maximum": .money(value), "estimated": .money(estimated)]))
            }
        } else {
            problems.add("maximum-value", nil,
                         Message("rules.agreement.maximum_required"))
        }
        var maximumDays: Int?
        if let raw = maximumParticipantDays, !raw.trimmingWhitespace().isEmpty {
            maximumDays = Int(digitsOnly: raw.trimmingWhitespace())
            if maximumDays == nil || maximumDays! < 1 {
                problems.add("maximum-participant-days", raw, Message("rules.agreement.whole_number_above_zero"))
            }
        }

        var absence = AbsenceBillingRule.presentOnly
        if let raw = absenceRule, !raw.trimmingWhitespace().isEmpty {
            if let rule = AbsenceBillingRule(name: raw) { absence = rule } else {
                problems.add("absence-rule", raw, Message("rules.agreement.absence_rule_unknown"))
            }
        }

        var transport = TransportBilling.billableDays
        if let raw = transportBilling, !raw.trimmingWhitespace().isEmpty {
            if let setting = TransportBilling(name: raw) { transport = setting } else {
                problems.add("transport-billing", raw, Message("rules.agreement.transport_billing_unknown", ["text": .text(raw)]))
            }
        }

        let clause = priceAdjustmentClause(&problems)

        var special: String?
        if let raw = specialReason?.trimmingWhitespace(), !raw.isEmpty {
            if let reason = FreeText.check(raw, maximumLength: 1000) { problems.add("special-reason", raw, reason.message) }
            special = raw
        }
        if let startDate, let endDate, endDate >= startDate {
            let draft = Agreement(reference: "", title: "", municipalities: [], parties: [], targetGroups: [], start: startDate,
                                  end: endDate, options: options, estimatedValue: .zero, maximumValue: .zero, callOffMethod: .direct)
            for (index, (option, optionStart)) in zip(options, draft.optionStarts).enumerated() {
                if option.decisionDeadline >= optionStart {
                    problems.add("option", "\(option.months):\(option.decisionDeadline.iso)",
                                 Message("rules.agreement.option_deadline_late", ["option": .integer(index + 1), "start": .date(optionStart), "deadline": .date(option.decisionDeadline)]))
                } else if option.decisionDeadline < startDate {
                    problems.add("option", "\(option.months):\(option.decisionDeadline.iso)",
                                 Message("rules.agreement.option_deadline_early", ["option": .integer(index + 1)]))
                }
            }
            if Self.exceedsMaximumDuration(start: startDate, lastDay: draft.latestPossibleEnd) && special == nil {
                problems.add("end", draft.latestPossibleEnd.iso,
                             Message("rules.agreement.too_long", [
                                 "start": .date(startDate), "end": .date(draft.latestPossibleEnd),
                                 "duration": .message(Self.duration(from: startDate, through: draft.latestPossibleEnd)),
                                 "years": .integer(Self.maximumYears), "limit": .date(startDate.lastDayOfPeriod(months: Self.maximumYears * 12))],
                                 fields: ["special_reason"]))
            }
        }

        var priceList = PriceList()
        for raw in prices {
            let pieces = raw.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 4 else {
                problems.add("price", raw, Message("rules.agreement.price_form"))
                continue
            }
            guard let number = problems.take("price", raw, OrganisationNumber.parse(pieces[0])) else { continue }
            if !parties.isEmpty && !parties.contains(where: { $0.provider == number }) {
                problems.add("price", raw, Message("rules.agreement.price_not_party", ["provider": .text(number.digits)]))
                continue
            }
            let line = pieces[1].trimmingWhitespace()
            if let reason = PriceVersion.checkLineCode(line) { problems.add("price", raw, reason.message); continue }
            guard let unit = PriceUnit(name: pieces[2]) else {
                problems.add("price", raw, Message("rules.price_unit.unknown", ["text": .text(pieces[2])]))
                continue
            }
            guard let amount = problems.take("price", raw, Money.parsePrice(pieces[3])) else { continue }
            if amount.ore <= 0 {
                problems.add("price", raw, Message("rules.agreement.price_above_zero", ["amount": .money(amount)]))
                continue
            }
            if priceList.versions.contains(where: { $0.provider == number && $0.line == line }) {
                problems.add("price", raw, Message("rules.agreement.price_line_twice", ["provider": .text(number.digits), "line": .text(line)]))
                continue
            }
            if let startDate {
                priceList.add(PriceVersion(provider: number, line: line, unit: unit, validFrom: startDate, amount: amount, source: "agreement"))
            }
        }
        let bought = BoughtPlaces.parse(boughtPlaces, parties: parties, groups: groups, problems: &problems)
        if allowsExtraPlaces && boughtPlaces.isEmpty {
            problems.add("allows-extra-places", nil, Message("rules.bought_places.extra_without_bought"))
        }
        for party in parties where !priceList.versions.contains(where: { $0.provider == party.provider }) {
            warnings.append(Message("rules.agreement.no_price_list", ["provider": .text(party.provider.digits)]))
        }

        try problems.check()
        guard let method, let groups, let startDate, let endDate, let estimated, let maximum else {
            throw .internalFault("an agreement field was accepted without a value")
        }
        let agreement = Agreement(
            reference: reference, title: title, municipalities: municipalityNumbers, parties: parties, targetGroups: groups,
            start: startDate, end: endDate, options: options, estimatedValue: estimated, maximumValue: maximum,
            maximumParticipantDays: maximumDays, callOffMethod: method,
            allocationCriteria: allocationCriteria?.trimmingWhitespace().nilIfEmpty, absenceRule: absence,
            transportBilling: transport, allowsExtraDays: allowsExtraDays, priceAdjustment: clause, specialReason: special, prices: priceList,
            boughtPlaces: bought, allowsExtraPlaces: allowsExtraPlaces)
        return (agreement, warnings)
    }

    private func priceAdjustmentClause(_ problems: inout ProblemCollector) -> PriceAdjustmentClause? {
        let base = kpiBaseMonth?.trimmingWhitespace().nilIfEmpty
        let month = kpiIndexMonth?.trimmingWhitespace().nilIfEmpty
        if base == nil && month == nil {
            if kpiEffectiveMonth?.trimmingWhitespace().nilIfEmpty != nil {
                problems.add("kpi-effective-month", kpiEffectiveMonth, Message("rules.agreement.kpi_effective_alone", fields: ["kpi_base", "kpi_month"]))
            }
            return nil
        }
        guard let base, let month else {
            problems.add(base == nil ? "kpi-base" : "kpi-month", nil,
                         Message("rules.agreement.kpi_incomplete", fields: ["kpi_base", "kpi_month"]))
            return nil
        }
        let baseMonth = problems.take("kpi-base", base, YearMonth.parse(base))
        func monthNumber(_ field: String, _ text: String) -> Int? {
            guard let value = Int(digitsOnly: text), (1...12).contains(value) else {
                problems.add(field, text, Message("rules.agreement.month_number"))
                return nil
            }
            return value
        }
        let indexMonth = monthNumber("kpi-month", month)
        let effective = kpiEffectiveMonth?.trimmingWhitespace().nilIfEmpty.map { monthNumber("kpi-effective-month", $0) } ?? 1
        var day: Int? = 1
        if let text = kpiEffectiveDay?.trimmingWhitespace().nilIfEmpty {
            day = Int(digitsOnly: text).flatMap { (1...28).contains($0) ? $0 : nil }
            if day == nil { problems.add("kpi-effective-day", text, Message("rules.agreement.effective_day")) }
        }
        guard let baseMonth, let indexMonth, let effective, let day else { return nil }
        return PriceAdjustmentClause(baseMonth: baseMonth, indexMonth: indexMonth, effectiveMonth: effective, effectiveDay: day)
    }

    /// Case numbers as municipalities write them: `2024/1234`, `IPT-KONGSBERG-2023`.
    public static func checkReference(_ text: String) -> FieldReason? {
        guard !text.isEmpty else { return FieldReason(Message("rules.agreement.reference_required")) }
        guard text.count <= 40, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.".contains($0)) }) else {
            return FieldReason("rules.agreement.reference_invalid", ["text": .text(text)])
        }
        return nil
    }
}

extension String {
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
