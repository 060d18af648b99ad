import Foundation
import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// Two writes the tests need before the placements part exists in PostgreSQL: a placement and a
/// farm's reported days, stored as SQLite's store stores them (their columns repeat the document).
extension PostgresTransaction {
    /// The placement's row as SQLite's store writes it: its columns repeat what queries filter on.
    func placeForTest(_ make: (Int64) -> Placement) throws -> Placement {
        let draft = make(0)
        let agreement = try value("SELECT id FROM agreement WHERE reference = \(draft.agreementReference)", as: Int64.self)
        let provider = try providerId(draft.provider)
        let id = try value("""
            INSERT INTO placement (participant_code, kind, agreement_id, provider_id, municipality_number, start_date, end_date, planned_days,
                                   projected_cost_ore, document)
            VALUES ('', '', \(agreement), \(provider), '', \(draft.start), \(draft.end), 0, 0, '{}'::jsonb)
            RETURNING id
            """, as: Int64.self)!
        let placement = make(id)
        let document = try PostgresDocument.encode(placement)
        try rows("""
            UPDATE placement SET participant_code = \(placement.participant.text), kind = \(placement.kind.rawValue),
                municipality_number = \(placement.municipalityNumber), cancelled = \(placement.isCancelled), planned_days = \(placement.plannedDays),
                projected_cost_ore = \(placement.projectedCost.ore), document = \(document)::jsonb
            WHERE id = \(id)
            """)
        return placement
    }

    func reportForTest(_ days: [AttendanceEntry], provider: OrganisationNumber, dayPrice: Money, transport: Money, plannedCost: Money) throws {
        let farm = try providerId(provider)
        let id = try value("""
            INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows, changed_rows,
                                               unchanged_rows)
            VALUES (\(timestamp), \(actor.name), \(farm), 'mai.csv', \(String(repeating: "a", count: 64)), '', \(days.count),
                    \(days.count), 0, 0)
            RETURNING id
            """, as: Int64.self)!
        for day in days {
            try rows("""
                INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                                        planned_cost_ore, submission_id)
                VALUES (\(day.placementId), \(day.date), \(day.status.rawValue), \(day.hoursTenths), \(day.transportTrips), \(day.extraDay),
                        \(dayPrice.ore), \(transport.ore), \(plannedCost.ore), \(id))
                """)
        }
    }
}

/// A new PostgreSQL database of the shared test cluster. Every write happens at its own moment, one
/// second after the one before, as the audit log shows.
final class PostgresFixture {
    let store: PostgresStore
    private var clock = Date(timeIntervalSince1970: 1_780_000_000)

    init() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        store = try PostgresStore(address: try PostgresAddress.parse(url, environment: [:]).get(), busyTimeout: 5)
    }

    deinit { try? store.close() }

    @discardableResult
    func write<T>(actor: AuditActor = .atServer("test"), _ body: (PostgresTransaction) throws -> T) throws -> T {
        clock += 1
        return try store.writePostgres(actor: actor, at: clock, body)
    }

    func read<T>(_ body: (PostgresReader) throws -> T) throws -> T {
        try store.readPostgres(body)
    }

    /// Lia, Berg and Haugen, the joint agreement and Bodø's own.
    func withAgreements() throws {
        try write { tx in
            for farm in try Samples.farms() { try tx.insert(farm) }
            try tx.insert(Samples.joint(), note: .typed("vedtak 12/26"))
            try tx.insert(Samples.bodo())
        }
    }
}

/// Farms, agreements and the like, made as the application makes them.
enum Samples {
    static func date(_ text: String) -> LocalDate { try! LocalDate.parse(text).get() }
    static func number(_ digits: String) -> OrganisationNumber { try! OrganisationNumber.parse(digits).get() }

    static func provider(_ number: String, name: String, municipality: String) throws -> Provider {
        try ProviderForm([
            .organisationNumber: number, .name: name, .municipalityNumber: municipality,
            .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
            .iptApprovalDate: "2025-05-02", .nextExternalAuditDate: "2027-05-02",
        ]).provider()
    }

    static let lia = number("974760673"), berg = number("971526920"), haugen = number("923609016")

    /// Lia in Trondheim (5001), Berg in Bodø (1804), Haugen in Trondheim with no agreement of its own.
    static func farms() throws -> [Provider] {
        [try provider("974760673", name: "Lia gård", municipality: "5001"), try provider("971526920", name: "berg gård", municipality: "1804"),
         try provider("923609016", name: "Haugen", municipality: "5001")]
    }

    /// A joint agreement of Trondheim and Bodø with two ranked farms, an option, prices that change and a KPI clause.
    static func joint() -> Agreement {
        Agreement(reference: "2026/12", title: "Inn på tunet, Trondheim og Bodø", municipalities: ["5001", "1804"],
                  parties: [AgreementParty(provider: lia, rank: 1), AgreementParty(provider: berg, rank: 2)],
                  targetGroups: [.pupils, .dementia], start: date("2026-01-01"), end: date("2027-12-31"),
                  options: [ExtensionOption(months: 12, decisionDeadline: date("2027-09-30")),
                            ExtensionOption(months: 6, decisionDeadline: date("2028-09-30"), exercisedOn: date("2028-01-15"))],
                  estimatedValue: Money(ore: 200_000_000), maximumValue: Money(ore: 250_000_000), maximumParticipantDays: 4000,
                  callOffMethod: .ranking, absenceRule: .billUnannouncedAbsence, transportBilling: .asReported, allowsExtraDays: true,
                  priceAdjustment: PriceAdjustmentClause(baseMonth: YearMonth(year: 2025, month: 10)!, indexMonth: 10, effectiveMonth: 3, effectiveDay: 15),
                  prices: PriceList([
                    PriceVersion(provider: lia, line: "full_day", unit: .day, validFrom: date("2026-01-01"), amount: Money(ore: 120_000), source: "agreement"),
                    PriceVersion(provider: lia, line: "full_day", unit: .day, validFrom: date("2027-03-15"), amount: Money(ore: 123_400), source: "kpi 2027"),
                    PriceVersion(provider: berg, line: "transport", unit: .trip, validFrom: date("2026-01-01"), amount: Money(ore: 30_000), source: "agreement"),
                  ]))
    }

    /// Bodø's own agreement with one farm, unranked, without options or clause.
    static func bodo() -> Agreement {
        Agreement(reference: "2025/7", title: "Dagaktivitet Bodø", municipalities: ["1804"], parties: [AgreementParty(provider: berg, rank: nil)],
                  targetGroups: [.dementia], start: date("2025-06-01"), end: date("2026-05-31"), estimatedValue: Money(ore: 50_000_000),
                  maximumValue: Money(ore: 60_000_000), callOffMethod: .direct, specialReason: "Særlige grunner",
                  prices: PriceList([PriceVersion(provider: berg, line: "full_day", unit: .day, validFrom: date("2025-06-01"),
                                                  amount: Money(ore: 110_000), source: "agreement")]))
    }

    static func placement(_ id: Int64, participant: String, agreement: String, provider: OrganisationNumber, municipality: String,
                          kind: PlacementKind = .dementia, cost: Int64 = 1_000_000) -> Placement {
        let request = PlacementRequest(participant: ParticipantCode(stored: participant), kind: kind, municipalityNumber: municipality,
                                       weekdays: try! WeekdaySet.parse("mon-fri").get(), start: date("2026-03-02"), end: date("2026-06-19"),
                                       priceLine: "full_day", provider: provider, pupil: nil,
                                       dementia: kind == .dementia ? DementiaDetails(decisionReference: "V-1", transport: true, relativeRole: nil) : nil,
                                       overrideCeilingReason: nil)
        let choice = ProviderChoice(method: .ranking, provider: provider, rule: Message("rules.choice.ranking"), inputs: nil, skipped: [])
        let plan = PlacementPlan(provider: provider, choice: choice, plannedDays: [date("2026-03-02"), date("2026-03-03")],
                                 projectedCost: Money(ore: cost), ceilingOverrideReason: nil, headroomAfter: .zero)
        return Placement(id: id, participant: ParticipantCode(stored: participant), request: request, agreement: agreement, plan: plan,
                         createdOn: date("2026-02-20"))
    }

    static func days(_ placement: Int64, _ dates: [String], _ status: AttendanceStatus = .present) -> [AttendanceEntry] {
        dates.map { AttendanceEntry(placementId: placement, participant: ParticipantCode(stored: "P"), date: date($0), status: status,
                                    hoursTenths: nil, transportTrips: 2, extraDay: false) }
    }

    static func procurement(_ id: Int64, municipalities: [String]) -> Procurement {
        Procurement(id: id, title: "Inn på tunet \(municipalities.joined(separator: "+"))", targetGroups: [.pupils], municipalities: municipalities,
                    estimatedValue: Money(ore: 320_000_000), category: .special, createdOn: date("2026-02-01"))
    }

    static func pilot(_ id: Int64, municipalities: [String]) -> Pilot {
        Pilot(id: id, name: "Elever i \(municipalities.joined(separator: "+"))", county: "18", targetGroup: .pupils, municipalities: municipalities,
              from: date("2026-01-01"), to: date("2027-06-30"), projectLeader: "Fylkets prosjektleder", researchPartner: "Nord universitet")
    }

    static func task(_ id: Int64, team: Int64, due: String?, ruleKey: String?) -> WorkTask {
        WorkTask(id: id, teamId: team, title: .typed("Følg opp \(id)"), kind: .other, sectors: [.nav, .education], ownerId: nil,
                 due: due.map(date), link: TaskLink(kind: .agreement, key: "2026/12"), ruleKey: ruleKey, createdOn: date("2026-03-01"))
    }
}
