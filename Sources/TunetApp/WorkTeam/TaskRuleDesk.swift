import TunetDomain
import TunetStorage
import TunetText

public struct TaskGenerationView: Sendable, Encodable {
    public let raised: [TaskView]
    /// Open tasks whose condition no longer holds (the approval was renewed, the option decided): they say so.
    public let conditionGone: [Int64]
    public let unchanged: Int
    /// Municipalities that something concerns but no work team serves: nothing was raised for them.
    public let withoutTeam: [String]

    enum CodingKeys: String, CodingKey {
        case raised, unchanged
        case conditionGone = "condition_gone"
        case withoutTeam = "municipalities_without_team"
    }
}

/// Runs the rules and raises tasks idempotently: one rule key per subject and team, so running twice
/// raises nothing new. A finding goes to the team of each municipality it concerns (a placement's
/// municipality; an agreement's, a competition's or a pilot's municipalities; for a farm, the
/// municipalities it serves): a farm serving Kongsberg and Oslo gets a task in each team.
public struct TaskRuleDesk: Sendable {
    let context: TunetContext
    let thresholds: TaskRuleThresholds
    /// The language the report's tasks are read in; the tasks keep their titles as messages.
    let language: Language

    /// - Parameter thresholds: the rules' thresholds; by default the standard ones with the context's renewal days.
    public init(_ context: TunetContext, thresholds: TaskRuleThresholds? = nil, language: Language = .standard) {
        self.context = context
        self.thresholds = thresholds ?? {
            var standard = TaskRuleThresholds()
            standard.renewalDays = context.renewalDays
            return standard
        }()
        self.language = language
    }

    struct Finding {
        let key: String
        let title: Message
        let kind: TaskKind
        let sectors: [Sector]
        let due: LocalDate?
        let link: TaskLink?
        let municipalities: Set<String>
    }

    /// Raises the tasks of every team, or of `team` alone.
    public func generate(team: String? = nil) throws -> TaskGenerationView {
        try thresholds.check()
        let teams = try WorkTeamDesk(context).teams()
        let chosen = team == nil && !teams.isEmpty ? teams : [try WorkTeamDesk.pick(team, from: teams)]
        let chosenIds = Set(chosen.map(\.team.id))
        let today = context.today
        let (raised, gone, unchanged, withoutTeam) = try context.write { tx -> ([(WorkTask, TaskOwnerChoice)], [Int64], Int, Set<String>) in
            let findings = try self.findings(in: tx)
            var keys = Set<String>()
            var raised: [(WorkTask, TaskOwnerChoice)] = []
            var unchanged = 0
            var withoutTeam = Set<String>()
            for finding in findings {
                withoutTeam.formUnion(finding.municipalities.filter { number in !teams.contains { $0.team.municipalities.contains(number) } })
                for view in chosen where view.team.serves(any: finding.municipalities) {
                    let key = Self.ruleKey(finding.key, team: view.team)
                    keys.insert(key)
                    if try tx.task(ruleKey: key) != nil { unchanged += 1; continue }
                    let owner = TaskOwnerRule.choose(sectors: finding.sectors, team: view.team, members: view.members)
                    let task = try tx.insertTask { id in
                        var task = WorkTask(id: id, teamId: view.team.id, title: .written(finding.title), kind: finding.kind, sectors: finding.sectors,
                                            ownerId: owner.memberId, due: finding.due, link: finding.link, ruleKey: key, createdOn: today)
                        task.history = [TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "created", toMember: owner.memberId,
                                                  text: .written(Message("task.history.raised", [
                                                      "kind": finding.kind.labelValue, "owner": .text(owner.ownerName), "reason": .message(owner.reason),
                                                  ])))]
                        return task
                    }
                    raised.append((task, owner))
                }
            }
            var gone: [Int64] = []
            for var task in try tx.tasks() where chosenIds.contains(task.teamId) && task.ruleKey != nil && !task.status.isClosed
                && !task.conditionGone && !keys.contains(task.ruleKey!) {
                task.conditionGone = true
                task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "condition_gone",
                                              text: .written(Message("task.history.condition_gone", ["day": .date(today)]))))
                try tx.update(task, action: "condition-gone")
                gone.append(task.id)
            }
            return (raised, gone, unchanged, withoutTeam)
        }
        let desk = TaskDesk(context, language: language)
        return TaskGenerationView(raised: try raised.map { try desk.view($0, routing: $1) }, conditionGone: gone, unchanged: unchanged,
                                  withoutTeam: withoutTeam.sorted())
    }

    /// A rule's key for one team's task: the same finding is one task in each team it concerns.
    static func ruleKey(_ key: String, team: Team) -> String { "\(team.id)|\(key)" }

    /// The municipalities a farm serves: those of its running placements and running agreements, else its own.
    private func servedMunicipalities(placements: [Placement], agreements: [Agreement]) -> [OrganisationNumber: Set<String>] {
        let today = context.today
        var served: [OrganisationNumber: Set<String>] = [:]
        for placement in placements where !placement.isCancelled && placement.end >= today {
            served[placement.provider, default: []].insert(placement.municipalityNumber)
        }
        for agreement in agreements where agreement.terminatedOn == nil && agreement.currentEnd >= today {
            for party in agreement.parties { served[party.provider, default: []].formUnion(agreement.municipalities) }
        }
        return served
    }

    func findings(in reader: StoreReader) throws -> [Finding] {
        let today = context.today
        var findings: [Finding] = []
        let providers = try reader.allProviders()
        let placements = try reader.placements()
        let agreements = try reader.allAgreements()
        let served = servedMunicipalities(placements: placements, agreements: agreements)
        func municipalities(of provider: Provider) -> Set<String> { served[provider.organisationNumber] ?? [provider.municipalityNumber] }
        let compliance = ProviderCompliance.standard.warning(approvalDays: thresholds.approvalDays, insuranceDays: thresholds.insuranceDays,
                                                             policeCertificateDays: thresholds.policeCertificateDays)
        // IPT approval or external audit due.
        for provider in providers where provider.status == .active {
            guard let due = compliance.auditDue(provider, on: today) else { continue }
            findings.append(Finding(key: "approval:\(provider.organisationNumber):\(due.iso)",
                                    title: Message("task.title.approval", ["provider": .text(provider.name), "due": .date(due)]), kind: .approvalRenewal,
                                    sectors: [.agriculture], due: due, link: TaskLink(kind: .provider, key: provider.organisationNumber.digits),
                                    municipalities: municipalities(of: provider)))
        }
        // Insurance expiring or expired.
        for provider in providers where provider.status == .active {
            guard let renewal = compliance.insuranceRenewal(provider, on: today) else { continue }
            let expiry = renewal.expiry
            findings.append(Finding(key: "insurance:\(provider.organisationNumber):\(expiry.iso)",
                                    title: Message(renewal.state == .expired ? "task.title.insurance_expired" : "task.title.insurance_expiring",
                                                   ["provider": .text(provider.name), "expiry": .date(expiry)]),
                                    kind: .insuranceRenewal, sectors: [.procurement], due: expiry,
                                    link: TaskLink(kind: .provider, key: provider.organisationNumber.digits), municipalities: municipalities(of: provider)))
        }
        // Police certificates for farms with pupils.
        let withPupils = Dictionary(grouping: placements.filter { $0.kind == .pupil && !$0.isCancelled && $0.end >= today }, by: \.provider)
            .mapValues { Set($0.map(\.municipalityNumber)) }
        for provider in providers {
            guard let pupilMunicipalities = withPupils[provider.organisationNumber] else { continue }
            guard let renewal = compliance.policeCertificateRenewal(provider, on: today) else { continue }
            let expiry = renewal.lastValidDay
            findings.append(Finding(key: "police:\(provider.organisationNumber):\(provider.policeCertificateDate?.iso ?? "missing")",
                                    title: expiry.map { Message("task.title.police_certificate_expiring", ["provider": .text(provider.name), "last_day": .date($0)]) }
                                        ?? Message("task.title.police_certificate_missing", ["provider": .text(provider.name)]),
                                    kind: .policeCertificate, sectors: [.education], due: expiry ?? today.adding(days: 14),
                                    link: TaskLink(kind: .provider, key: provider.organisationNumber.digits), municipalities: pupilMunicipalities))
        }
        for agreement in agreements where agreement.terminatedOn == nil && agreement.currentEnd >= today {
            let concerned = Set(agreement.municipalities)
            // Extension options to decide.
            if let index = agreement.nextOpenOption, agreement.options[index].decisionDeadline >= today,
               today.days(until: agreement.options[index].decisionDeadline) <= thresholds.optionDays {
                let deadline = agreement.options[index].decisionDeadline
                findings.append(Finding(key: "option:\(agreement.reference):\(index + 1)",
                                        title: Message("task.title.option", [
                                            "option": .integer(index + 1), "reference": .text(agreement.reference),
                                            "months": .integer(agreement.options[index].months), "deadline": .date(deadline),
                                        ]),
                                        kind: .extensionDecision, sectors: [.procurement], due: deadline,
                                        link: TaskLink(kind: .agreement, key: agreement.reference), municipalities: concerned))
            }
            // Runs out with no option left (or its deadline passed): a new competition must be planned.
            if let need = RenewalRule(leadDays: thresholds.renewalDays).need(of: agreement, on: today) {
                findings.append(Finding(key: "renewal:\(agreement.reference):\(need.end.iso)",
                                        title: Self.renewalTitle(need),
                                        kind: .newCompetition, sectors: [.procurement], due: need.end,
                                        link: TaskLink(kind: .agreement, key: agreement.reference), municipalities: concerned))
            }
            // The ceiling at 80 % and 100 %.
            let use = try CeilingLedger.consumption(of: agreement, in: reader)
            for percent in [thresholds.ceilingFullPercent, thresholds.ceilingWarningPercent] {
                if let used = use.percentUsed, used.reaches(percent: percent) {
                    findings.append(Finding(key: "ceiling\(percent):\(agreement.reference)",
                                            title: Message("task.title.ceiling", [
                                                "reference": .text(agreement.reference), "threshold": .integer(percent), "used": .percentage(used),
                                            ]),
                                            kind: .ceiling, sectors: [.procurement, .finance], due: today.adding(days: 14),
                                            link: TaskLink(kind: .agreement, key: agreement.reference), municipalities: concerned))
                    break
                }
            }
            // At today's pace the maximum comes before the agreement ends, or within a new competition's lead time.
            // One task per forecast month: a pace that moves the day to another month raises it anew with its day.
            if let forecast = try CeilingForecastReading.forecast(of: agreement, consumption: use, today: today, in: reader),
               let date = forecast.expected.date, forecast.isEarly(leadDays: thresholds.renewalDays) {
                findings.append(Finding(key: "ceiling_forecast:\(agreement.reference):\(YearMonth(date).iso)",
                                        title: Message("task.title.ceiling_forecast", ["reference": .text(agreement.reference),
                                                                                      "forecast": .message(forecast.message)]),
                                        kind: .ceiling, sectors: [.procurement, .finance], due: today.adding(days: 14),
                                        link: TaskLink(kind: .agreement, key: agreement.reference), municipalities: concerned))
            }
        }
        // Pupils placed in a school year their municipality has no school calendar for.
        findings += try schoolCalendarFindings(placements: placements, in: reader)
        findings += try journeyFindings(in: reader)
        findings += try invoiceFindings(in: reader)
        // Last month's attendance missing on the 5th.
        if today.day >= thresholds.attendanceDay {
            let lastMonth = YearMonth(today).adding(months: -1)
            let byProvider = try AttendanceOverviewDesk.linesByProvider(month: lastMonth, today: today, in: reader)
            let municipalityOf = Dictionary(placements.map { ($0.id, $0.municipalityNumber) }, uniquingKeysWith: { first, _ in first })
            for provider in providers {
                let lines = (byProvider[provider.organisationNumber] ?? []).filter { !$0.missingDates.isEmpty }
                // One task in each municipality whose placements miss days: each team follows up its own.
                for (municipality, missingLines) in Dictionary(grouping: lines, by: { municipalityOf[$0.placementId] ?? provider.municipalityNumber }) {
                    let missing = missingLines.reduce(0) { $0 + $1.missingDates.count }
                    findings.append(Finding(key: "attendance:\(provider.organisationNumber):\(lastMonth.iso):\(municipality)",
                                            title: Message("task.title.attendance", [
                                                "provider": .text(provider.name), "month": .message(Self.monthName(lastMonth)), "missing": .integer(missing),
                                            ]),
                                            kind: .missingAttendance, sectors: [.finance], due: today.adding(days: 7),
                                            link: TaskLink(kind: .provider, key: provider.organisationNumber.digits), municipalities: [municipality]))
                }
            }
        }
        // Follow-up conversations due.
        for placement in placements where !placement.isCancelled && placement.end >= today {
            guard let next = try reader.followUps(placement: placement.id).last?.nextDate,
                  today.days(until: next) <= thresholds.followUpDays else { continue }
            findings.append(Finding(key: "followup:\(placement.id):\(next.iso)",
                                    title: Message("task.title.follow_up", ["participant": .text(placement.participant.text), "due": .date(next)]),
                                    kind: .followUp,
                                    sectors: [placement.kind == .pupil ? .education : .healthAndCare], due: next,
                                    link: TaskLink(kind: .placement, key: String(placement.id)), municipalities: [placement.municipalityNumber]))
        }
        // Standstill periods ending.
        for procurement in try reader.allProcurements() where procurement.state == .awarded {
            guard let end = procurement.award?.standstillEnd, end >= today, today.days(until: end) <= thresholds.standstillDays else { continue }
            findings.append(Finding(key: "standstill:\(procurement.id)",
                                    title: Message("task.title.standstill", [
                                        "procurement": .text(String(procurement.id)), "end": .date(end), "from": .date(end.adding(days: 1)),
                                    ]),
                                    kind: .standstillEnd, sectors: [.procurement], due: end.adding(days: 1),
                                    link: TaskLink(kind: .procurement, key: String(procurement.id)), municipalities: Set(procurement.municipalities)))
        }
        // Pilot evaluations: yearly on the start's anniversary, and at the end.
        for pilot in try reader.pilots() where pilot.to >= today {
            var due = pilot.from.adding(years: 1)
            while due < today { due = due.adding(years: 1) }
            due = min(due, pilot.to)
            guard today.days(until: due) <= thresholds.pilotEvaluationDays else { continue }
            findings.append(Finding(key: "pilot:\(pilot.id):\(due.iso)",
                                    title: Message("task.title.pilot_evaluation", ["pilot": .text(pilot.name), "due": .date(due)]),
                                    kind: .pilotEvaluation, sectors: pilot.targetGroup == .pupils ? [.education] : [.healthAndCare], due: due,
                                    link: TaskLink(kind: .pilot, key: String(pilot.id)), municipalities: Set(pilot.municipalities)))
        }
        return findings
    }

    /// One task per municipality and school year (not yet over) with pupil placements but no school calendar.
    func schoolCalendarFindings(placements: [Placement], in reader: StoreReader) throws -> [Finding] {
        let today = context.today
        let holidays = Dictionary(grouping: try reader.schoolHolidays(), by: \.municipalityNumber)
        struct Gap: Hashable { let municipality: String; let year: SchoolYear }
        var firstDays: [Gap: LocalDate] = [:]
        var counts: [Gap: Int] = [:]
        for placement in placements where placement.kind == .pupil && !placement.isCancelled && placement.end >= today {
            let from = max(placement.start, today)
            for year in SchoolCalendarRule.missingSchoolYears(from: from, to: placement.end, holidays: holidays[placement.municipalityNumber] ?? []) {
                let gap = Gap(municipality: placement.municipalityNumber, year: year)
                let first = max(from, year.firstDay)
                firstDays[gap] = firstDays[gap].map { min($0, first) } ?? first
                counts[gap, default: 0] += 1
            }
        }
        return firstDays.sorted { ($0.key.municipality, $0.key.year.startYear) < ($1.key.municipality, $1.key.year.startYear) }.map { gap, first in
            let municipality = Municipality.named(gap.municipality)?.description ?? gap.municipality
            let count = counts[gap] ?? 0
            return Finding(key: "school_calendar:\(gap.municipality):\(gap.year)",
                           title: Message("task.title.school_calendar", [
                               "municipality": .text(municipality), "school_year": .text(gap.year.description), "placements": .integer(count),
                           ]),
                           kind: .schoolCalendar, sectors: [.education], due: first > today ? first : today.adding(days: 7),
                           link: nil, municipalities: [gap.municipality])
        }
    }

    /// Why a new competition must be planned, as the title of its task.
    static func renewalTitle(_ need: RenewalNeed) -> Message {
        switch need.reason {
        case .noOptionLeft:
            Message("task.title.renewal_no_option", ["reference": .text(need.reference), "end": .date(need.end)])
        case .optionDeadlinePassed(let option, let deadline):
            Message("task.title.renewal_deadline_passed", [
                "reference": .text(need.reference), "end": .date(need.end), "option": .integer(option), "deadline": .date(deadline),
            ])
        }
    }

    /// "oktober 2026", "October 2026".
    static func monthName(_ month: YearMonth) -> Message {
        Message("task.month.\(month.month)", ["year": .text(String(month.year))])
    }
}
