import Foundation
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// A municipality in a fresh PostgreSQL database: two farms and one agreement with both, written by
/// one actor at one moment. The agreement goes in as a bare row with the audit event the SQLite store
/// records for it, until the PostgreSQL store keeps agreements itself.
///
/// The expectations of the tests that use it are what the SQLite store returns for the same calls:
/// they were compared side by side while this part was ported (the test target does not build
/// against the SQLite store).
final class PlacementStores {
    let postgres: PostgresStore

    static let actor = AuditActor.atServer("test")
    static let moment = Date(timeIntervalSince1970: 1_780_000_000)
    static let lia = try! OrganisationNumber.parse("974760673").get()
    static let haugen = try! OrganisationNumber.parse("923609016").get()
    static let reference = "2026/1"

    init() throws {
        postgres = try PostgresStore(address: try PostgresAddress.parse(try PostgresCluster.shared().freshDatabase(), environment: [:]).get(),
                                     busyTimeout: 5)
        let providers = [try Self.provider(Self.lia, name: "Lia gård", municipality: "3303"),
                         try Self.provider(Self.haugen, name: "Haugen", municipality: "1804")]
        let agreement = Agreement(reference: Self.reference, title: "Inn på tunet", municipalities: ["3303", "1804"],
                                  parties: [AgreementParty(provider: Self.lia, rank: nil), AgreementParty(provider: Self.haugen, rank: nil)],
                                  targetGroups: [.pupils, .dementia], start: try placementDay("2026-01-01"), end: try placementDay("2029-12-31"),
                                  estimatedValue: Money(ore: 100_000_000), maximumValue: Money(ore: 200_000_000), callOffMethod: .direct)
        try postgres.writePostgres(actor: Self.actor, at: Self.moment) { tx in
            for provider in providers { try tx.insert(provider) }
            let id = try tx.value("""
                INSERT INTO agreement (reference, title, municipalities, target_groups, start_date, end_date, estimated_value_ore, maximum_value_ore,
                                       call_off_method, absence_rule)
                VALUES (\(agreement.reference), \(agreement.title), \(agreement.municipalities), 'pupils,dementia', \(agreement.start), \(agreement.end),
                        \(agreement.estimatedValue.ore), \(agreement.maximumValue.ore), 'direct', 'present_only')
                RETURNING id
                """, as: Int64.self)!
            for party in agreement.parties {
                try tx.rows("INSERT INTO agreement_party (agreement_id, provider_id) VALUES (\(id), \(try tx.providerId(party.provider)))")
            }
            try tx.audit("create", entity: "agreement", id: agreement.reference, before: Agreement?.none, after: agreement)
        }
    }

    deinit { try? postgres.close() }

    /// Runs a change at the fixture's moment.
    @discardableResult
    func write<T>(_ change: (PostgresTransaction) throws -> T) throws -> T {
        try postgres.writePostgres(actor: Self.actor, at: Self.moment, change)
    }

    func read<T>(_ body: (PostgresReader) throws -> T) throws -> T {
        try postgres.readPostgres(body)
    }

    /// Every audit event, oldest first.
    func auditEvents() throws -> [AuditEvent] {
        try read { try $0.auditEvents(AuditQuery()) }
    }

    /// Stores the placements, numbered 1, 2, … in order.
    func place(_ placements: [Placement]) throws {
        try write { tx in for placement in placements { _ = try tx.insertPlacement { id in var numbered = placement; numbered.id = id; return numbered } } }
    }

    static func provider(_ number: OrganisationNumber, name: String, municipality: String) throws -> Provider {
        try ProviderForm([
            .organisationNumber: number.digits, .name: name, .municipalityNumber: municipality,
            .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
            .iptApprovalDate: "2025-05-02", .nextExternalAuditDate: "2027-05-02",
        ]).provider()
    }

    /// A pupil's placement (with learning goals) or, given a decision reference, a dementia placement.
    static func placement(_ id: Int64, sequence: Int, farm: OrganisationNumber = lia, municipality: String = "3303", from: String, to: String,
                          learningGoals: String? = nil, decisionReference: String? = nil, cost: Int64 = 1_000_000, days: Int = 10,
                          overrideReason: String? = nil) throws -> Placement {
        var form = PlacementForm()
        form.municipality = municipality
        form.weekdays = "mon-fri"
        form.start = from
        form.end = to
        if let decisionReference {
            form.kind = "dementia"
            form.decisionReference = decisionReference
            form.relativeRole = "datter"
            form.transport = true
        } else {
            form.kind = "pupil"
            form.school = "Kongsberg skole"
            form.grade = "5"
            form.contactTeacherRole = "kontaktlærer 5B"
            form.learningGoals = learningGoals
        }
        let plan = PlacementPlan(provider: farm, choice: ProviderChoice(method: .direct, provider: farm, rule: Message("rules.choice.direct"),
                                                                        inputs: nil, skipped: []),
                                 plannedDays: [], projectedCost: Money(ore: cost), ceilingOverrideReason: overrideReason, headroomAfter: .zero)
        var placement = Placement(id: id, participant: .generated(year: 2026, sequence: sequence), request: try form.request(), agreement: reference,
                                  plan: plan, createdOn: try placementDay("2026-01-05"))
        placement.plannedDays = days
        return placement
    }
}

/// A day written as ISO text, for the fixtures above and the tests that use them.
func placementDay(_ text: String) throws -> LocalDate { try LocalDate.parse(text).get() }
