import Foundation
import TunetDomain
import TunetText
import TunetStorage

/// A cell's value before it is written; the catalogue column decides how it looks.
public enum ReportValue: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case money(Money)
    case date(LocalDate)
    /// A share, 0.25 for 25 %.
    case percent(Double)
    case flag(Bool)
    /// A code a person reads as a word in the export's language (`expiring` is "utløper snart"); the
    /// catalogue's highlights name the code.
    case label(Message, code: String)
    /// A day the catalogue highlights by a code that goes with it (a forecast day that comes early).
    case codedDate(LocalDate, code: String)
    /// Status codes per day of the month, for `days_of_month` columns.
    case days([Int: String])
    case none
}

public typealias ReportRow = [String: ReportValue]

/// One sheet's rows, possibly split into several sheets (one per farm).
struct SheetRows {
    var suffix: String?
    var rows: [ReportRow]
    /// What the sheet's heading says, for catalogue sheets that have one: a title, then a note.
    var heading: [Message] = []
}

/// Where each catalogue source gets its rows. Sources emit every field they know; the catalogue
/// picks the columns, so a new column needs only a catalogue entry when its field exists.
struct ReportSources {
    let context: TunetContext
    let filters: ReportFilters
    /// What several sheets of the export read alike, read once for all of them.
    let readings = ReportReadings()
    /// The export's language, for the texts a source writes itself (a task's title, a link).
    var texts: Texts { Texts(filters.language) }

    func label<Code: Labelled>(_ code: Code) -> ReportValue { .label(code.label, code: code.rawValue) }

    /// Several codes in one cell, separated by commas: "elever, personer med demens".
    private func labels<Code: Labelled>(_ codes: [Code]) -> ReportValue {
        let texts = texts
        return .text(codes.map { texts.render($0.label) }.joined(separator: ", "))
    }

    /// "mon-fri" in English, "man–fre" in bokmål: the runs of days as `WeekdaySet.display` writes them.
    private func weekdays(_ days: WeekdaySet) -> String {
        guard filters.language == .nb else { return days.display }
        return days.display.split(separator: ",").map { part in
            part.split(separator: "-").map { code in Weekday(name: String(code))?.norwegianShort ?? String(code) }.joined(separator: "–")
        }.joined(separator: ",")
    }

    func rows(for source: String, in reader: StoreReader) throws -> [SheetRows] {
        switch source {
        case "providers": return [SheetRows(rows: try providers(reader))]
        case "agreements": return [SheetRows(rows: try agreements(reader).map(\.0))]
        case "agreement_options": return [SheetRows(rows: try agreements(reader).flatMap(\.1))]
        case "agreement_municipalities": return [SheetRows(rows: try agreementMunicipalities(reader))]
        case "bought_places": return [SheetRows(rows: try boughtPlaces(reader))]
        case "journey_steps": return [SheetRows(rows: try journeySteps(reader))]
        case "journeys": return [SheetRows(rows: try journeyRows(reader))]
        case "procurement_scores": return [SheetRows(rows: try procurementScores(reader))]
        case "placements": return [SheetRows(rows: try placements(reader))]
        case "attendance_grid": return try attendanceGrid(reader)
        case "invoice_lines": return [try invoiceLines(reader)]
        case "invoice_periods": return [try invoicePeriods(reader)]
        case "audit": return [SheetRows(rows: try audit(reader))]
        case "tasks": return [SheetRows(rows: try tasks(reader))]
        case "pilot_figures": return [SheetRows(rows: try pilotEvaluations(reader).flatMap(pilotFigures))]
        case "pilot_measures": return [SheetRows(rows: try pilotEvaluations(reader).flatMap(pilotMeasures))]
        default: throw TunetError.internalFault("the catalogue names an unknown source '\(source)'")
        }
    }

    private func providers(_ reader: StoreReader) throws -> [ReportRow] {
        let compliance = ProviderCompliance.standard
        return try reader.providers(in: filters.covered).map { provider in
            let standing = compliance.standing(of: provider, on: context.today)
            return [
                "organisation_number": .text(provider.organisationNumber.digits), "name": .text(provider.name),
                "municipality": .text(provider.municipality?.description ?? provider.municipalityNumber),
                "target_groups": labels(TargetGroup.allCases.filter(provider.targetGroups.contains)), "places_per_day": .integer(provider.placesPerDay),
                "open_weekdays": .text(weekdays(provider.openWeekdays)), "approval_state": label(standing.approval),
                "ipt_approval_date": provider.iptApprovalDate.map(ReportValue.date) ?? .none,
                "external_audit_due": standing.externalAuditDue.map(ReportValue.date) ?? .none,
                "police_certificate_state": label(standing.policeCertificate),
                "police_certificate_date": provider.policeCertificateDate.map(ReportValue.date) ?? .none,
                "insurance_state": label(standing.insurance),
                "insurance_expiry": provider.insuranceExpiry.map(ReportValue.date) ?? .none, "status": label(provider.status),
                "email": provider.email.map(ReportValue.text) ?? .none, "phone": provider.phone.map(ReportValue.text) ?? .none,
            ]
        }
    }

    private func agreements(_ reader: StoreReader) throws -> [(ReportRow, [ReportRow])] {
        let registry = AgreementDesk(context)
        return try reader.agreements(in: filters.covered).filter { agreement in
            filters.overlaps(agreement.start, agreement.currentEnd)
        }.map { agreement in
            let summary = try registry.summary(agreement, in: reader)
            let use = summary.consumption
            let row: ReportRow = [
                "reference": .text(agreement.reference), "title": .text(agreement.title),
                "municipalities": .text(agreement.municipalities.joined(separator: ", ")), "call_off_method": label(agreement.callOffMethod),
                "providers": .integer(agreement.parties.count), "start": .date(agreement.start), "current_end": .date(agreement.currentEnd),
                "latest_possible_end": .date(agreement.latestPossibleEnd), "maximum": .money(use.maximum), "committed": .money(use.committed),
                "spent": .money(use.spent), "headroom": .money(use.headroom), "percent_used": use.percentUsed.map { .percent($0.ratio) } ?? .none,
                "status": label(summary.status), "special_reason": agreement.specialReason.map(ReportValue.text) ?? .none,
                "estimated": .money(agreement.estimatedValue),
                "ceiling_reached_on": forecastDay(summary), "ceiling_forecast": forecastText(summary),
            ]
            let options: [ReportRow] = zip(agreement.options, agreement.optionStarts).enumerated().map { index, pair in
                [
                    "reference": .text(agreement.reference), "option": .integer(index + 1), "months": .integer(pair.0.months),
                    "starts": .date(pair.1), "decision_deadline": .date(pair.0.decisionDeadline),
                    "exercised_on": pair.0.exercisedOn.map(ReportValue.date) ?? .none,
                ]
            }
            return (row, options)
        }
    }

    /// The forecast's code: `early` when the maximum comes before the agreement ends or within a new
    /// competition's lead time, `reached` when it has come, `in_time` or `not_at_this_pace` otherwise.
    private func forecastCode(_ summary: AgreementView) -> String? {
        guard let forecast = summary.forecast else { return nil }
        switch forecast.expected {
        case .alreadyReached: return "reached"
        case .notAtThisPace: return "not_at_this_pace"
        case .reached: return summary.forecastIsEarly ? "early" : "in_time"
        }
    }

    private func forecastDay(_ summary: AgreementView) -> ReportValue {
        guard let date = summary.forecast?.expected.date, let code = forecastCode(summary) else { return .none }
        return .codedDate(date, code: code)
    }

    private func forecastText(_ summary: AgreementView) -> ReportValue {
        guard let forecast = summary.forecast, let code = forecastCode(summary) else { return .none }
        return .label(forecast.message, code: code)
    }

    private func procurementScores(_ reader: StoreReader) throws -> [ReportRow] {
        let names = try Dictionary(uniqueKeysWithValues: reader.allProviders().map { ($0.organisationNumber, $0.name) })
        var rows: [ReportRow] = []
        for procurement in try reader.procurements(in: filters.covered) where [.evaluating, .awarded, .concluded].contains(procurement.state) {
            let winners = Set(procurement.award?.winners.map(\.provider) ?? [])
            for tender in try TenderEvaluation.evaluate(procurement) {
                for criterion in procurement.criteria {
                    let points = tender.pointsMilli[criterion.name] ?? 0
                    rows.append([
                        "procurement": .integer(Int(procurement.id)), "title": .text(procurement.title), "rank": .integer(tender.rank),
                        "provider": .text(tender.provider.digits), "provider_name": .text(names[tender.provider] ?? ""),
                        "criterion": .text(criterion.name), "weight": .integer(criterion.weight), "points": .number(Double(points) / 1000),
                        "weighted": .number(Double(points * Int64(criterion.weight)) / 100_000), "total": .number(Double(tender.totalMilli) / 1000),
                        "evaluated_price": .money(tender.evaluatedPrice), "awarded": .flag(winners.contains(tender.provider)),
                    ])
                }
            }
        }
        return rows
    }

    private func placements(_ reader: StoreReader) throws -> [ReportRow] {
        let names = try Dictionary(uniqueKeysWithValues: reader.allProviders().map { ($0.organisationNumber, $0.name) })
        return try reader.placements(in: filters.covered).filter { placement in
            filters.overlaps(placement.start, placement.end)
        }.map { placement in
            [
                "id": .integer(Int(placement.id)), "participant": .text(placement.participant.text), "kind": label(placement.kind),
                "municipality": .text(Municipality.named(placement.municipalityNumber)?.description ?? placement.municipalityNumber),
                "agreement": .text(placement.agreementReference), "provider": .text(placement.provider.digits),
                "provider_name": .text(names[placement.provider] ?? ""), "weekdays": .text(weekdays(placement.weekdays)),
                "start": .date(placement.start), "end": .date(placement.end), "planned_days": .integer(placement.plannedDays),
                "projected_cost": .money(placement.projectedCost), "chosen_by": .text(texts("report.chosen_by", ["method": placement.choice.method.labelValue, "rule": .message(placement.choice.rule)])),
                "status": label(placement.status(on: context.today)), "ceiling_override": .flag(placement.ceilingOverrideReason != nil),
            ]
        }
    }

    private func attendanceGrid(_ reader: StoreReader) throws -> [SheetRows] {
        let month = filters.month(today: context.today)
        var sheets: [SheetRows] = []
        for provider in try reader.providers(in: filters.covered) {
            let placements = try reader.placements(in: filters.covered, provider: provider.organisationNumber).filter { placement in
                !placement.isCancelled && placement.start <= month.lastDay && placement.end >= month.firstDay
            }
            guard !placements.isEmpty else { continue }
            let reported = Dictionary(grouping: try reader.attendance(placements: placements.map(\.id), from: month.firstDay, to: month.lastDay),
                                      by: { (stored: StoredAttendance) in stored.entry.placementId })
            let rows: [ReportRow] = try placements.map { placement in
                let entries = (reported[placement.id] ?? []).map(\.entry)
                let reconciliation = MonthReconciliation(placement: placement, month: month, reported: entries, today: context.today,
                                                         schoolHolidays: try reader.schoolHolidays(municipality: placement.municipalityNumber))
                var days: [Int: String] = [:]
                for day in reconciliation.missingDays { days[day.day] = "?" }
                for entry in entries { days[entry.date.day] = entry.status.code }
                return [
                    "participant": .text(placement.participant.text), "agreement": .text(placement.agreementReference), "days": .days(days),
                    "present": .integer(reconciliation.reported(.present)), "missing": .integer(reconciliation.missingDays.count),
                ]
            }
            sheets.append(SheetRows(suffix: provider.name, rows: rows))
        }
        return sheets
    }

    private func tasks(_ reader: StoreReader) throws -> [ReportRow] {
        let members = try reader.members()
        let teams = try reader.teams(in: filters.covered)
        return try reader.tasks(in: filters.covered).filter { task in (filters.from.map { day in task.due.map { $0 >= day } ?? true } ?? true)
            && (filters.to.map { day in task.due.map { $0 <= day } ?? true } ?? true) }.map { task in
            let owner = members.first { $0.id == task.ownerId }
            // Without a member the team's owner holds the task: no task is without an owner.
            let ownerName = owner?.name ?? teams.first { $0.id == task.teamId }?.owner
            return [
                "id": .integer(Int(task.id)), "title": .text(texts.render(task.title)), "kind": label(task.kind),
                "owner": ownerName.map { .text($0) } ?? .none, "owner_sector": owner.map { label($0.sector) } ?? .none,
                "sectors": labels(task.sectors), "due": task.due.map(ReportValue.date) ?? .none, "overdue": .flag(task.isOverdue(on: context.today)),
                "status": task.conditionGone
                    ? .label(Message("report.task_status_condition_gone", ["status": task.status.labelValue]), code: task.status.rawValue)
                    : label(task.status),
                "link": task.link.map { .text(texts("report.task_link", ["kind": $0.kind.labelValue, "key": .text($0.key)])) } ?? .none,
                "hand_overs": .integer(task.history.filter { $0.action == "assigned" }.count), "rule": .flag(task.ruleKey != nil),
            ]
        }
    }

    private func pilotEvaluations(_ reader: StoreReader) throws -> [PilotEvaluationView] {
        let evaluator = PilotEvaluator(reader: reader, today: context.today)
        let pilots = try reader.pilots(in: filters.scope)
        let chosen = filters.pilotNames.isEmpty ? pilots.filter { $0.municipalities.contains(where: filters.includes) }
            : filters.pilotNames.compactMap { name in pilots.first { $0.name == name } }
        return try chosen.map { try evaluator.evaluate($0, from: filters.from ?? $0.from, to: filters.to ?? $0.to) }
    }

    private func pilotFigures(_ evaluation: PilotEvaluationView) -> [ReportRow] {
        (evaluation.municipalities + [evaluation.total]).map { figures in
            [
                "pilot": .text(evaluation.pilot.name),
                "municipality": .text(figures.municipality == "all" ? texts("report.all_municipalities")
                                      : Municipality.named(figures.municipality)?.description ?? figures.municipality),
                "participants": .integer(figures.participants), "placements": .integer(figures.placements),
                "planned_days": .integer(figures.plannedDays), "present_days": .integer(figures.presentDays),
                "absent_days": .integer(figures.absentDays),
                "attendance_rate": figures.attendanceRate.map { .percent($0.ratio) } ?? .none, "spent": .money(figures.spent),
                "cost_per_day": figures.costPerAttendedDay.map(ReportValue.money) ?? .none,
                "reference_price": figures.referencePrice.map(ReportValue.money) ?? .none,
                "cost_ratio": figures.costRatio.map { .percent($0.ratio) } ?? .none,
            ]
        }
    }

    private func pilotMeasures(_ evaluation: PilotEvaluationView) -> [ReportRow] {
        evaluation.measures.map { measure in
            [
                "pilot": .text(evaluation.pilot.name), "municipality": .text(measure.municipalityNumber), "from": .date(measure.from),
                "to": .date(measure.to), "measure": .text(measure.name), "value": .number(Double(measure.valueTenths) / 10),
                "unit": label(measure.unit), "n": .integer(measure.n), "source": .text(measure.source),
                "setting": label(measure.setting),
            ]
        }
    }

    private func audit(_ reader: StoreReader) throws -> [ReportRow] {
        let since = filters.from.map(OsloTime.startOfDayUTC)
        let until = filters.to.map { OsloTime.startOfDayUTC($0.adding(days: 1)) }
        return try reader.auditEvents(AuditQuery(since: since)).filter { until == nil || $0.at < until! }.map { event in
            [
                "id": .integer(Int(event.id)), "local_time": .text(OsloTime.localTimestamp(event.at, in: filters.language)), "actor": .text(AuditEventView(event).actorText(texts)),
                "action": .text(AuditEventView.actionText(event.action, texts)), "entity": .text(AuditEventView.entityText(event.entity, texts)),
                "entity_id": .text(event.entityId),
                "note": event.note.map { .text(texts.render($0)) } ?? .none, "before": event.before.map(ReportValue.text) ?? .none,
                "after": event.after.map(ReportValue.text) ?? .none,
            ]
        }
    }
}
