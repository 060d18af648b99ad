import Foundation
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// Placements, follow-ups, school holidays and names in PostgreSQL; each expectation is what the SQLite
/// store returns for the same calls.
@Suite("Placements in PostgreSQL")
struct PostgresPlacementTests {
    @Test("A placement is stored whole under the number the store gives it, and read back by agreement, farm and period")
    func placements() throws {
        let stores = try PlacementStores()
        let made = [
            try PlacementStores.placement(0, sequence: 7, from: "2026-03-02", to: "2026-06-19", learningGoals: "lese mer", cost: 1_200_000, days: 12),
            try PlacementStores.placement(0, sequence: 3, farm: PlacementStores.haugen, municipality: "1804", from: "2026-02-02", to: "2026-12-18",
                                          decisionReference: "VED-2026-11", cost: 9_000_000, days: 90),
            try PlacementStores.placement(0, sequence: 12, from: "2026-08-17", to: "2026-12-18", cost: 3_000_000, days: 30,
                                          overrideReason: "kommunen betaler resten"),
        ]
        var numbers: [Int64] = []
        let stored = try stores.write { tx in
            try made.map { placement in try tx.insertPlacement { id in numbers.append(id); var numbered = placement; numbered.id = id; return numbered } }
        }
        #expect(stored.map(\.id) == [1, 2, 3])
        #expect(numbers == [0, 1, 0, 2, 0, 3], "a draft first, to find the agreement and the farm; then the placement under its number")

        var cancelled = stored[2]
        cancelled.cancel(reason: .typed("flyttet"))
        try stores.write { try $0.update(cancelled, action: "cancel", note: .typed("flyttet")) }
        // Nothing changed, nothing written: no event either.
        try stores.write { try $0.update(cancelled, action: "cancel") }

        try stores.read { reader throws in
            #expect(try reader.placement(1) == stored[0])
            #expect(try reader.placement(3) == cancelled)
            #expect(try reader.placement(99) == nil)
            #expect(try reader.placements() == [stored[0], stored[1], cancelled])
            #expect(try reader.placements(agreement: PlacementStores.reference).map(\.id) == [1, 2, 3])
            #expect(try reader.placements(agreement: "2030/9").isEmpty)
            #expect(try reader.placements(provider: PlacementStores.haugen) == [stored[1]])
            #expect(try reader.placements(agreement: PlacementStores.reference, provider: PlacementStores.lia).map(\.id) == [1, 3])
            #expect(try reader.placedParticipants() == Set([7, 3, 12].map { ParticipantCode.generated(year: 2026, sequence: $0) }))
            let (from, to) = (try placementDay("2026-06-01"), try placementDay("2026-09-01"))
            #expect(try reader.placementsOverlapping(providers: [PlacementStores.lia, PlacementStores.haugen], from: from, to: to).map(\.id) == [2, 1],
                    "farm by farm, and the cancelled placement holds no place")
            #expect(try reader.placementsOverlapping(providers: [], from: from, to: to).isEmpty)
            let committed = try reader.committedValue(agreement: PlacementStores.reference)
            #expect(committed.money == Money(ore: 10_200_000) && committed.participantDays == 102)
            let nothing = try reader.committedValue(agreement: "2030/9")
            #expect(nothing.money == .zero && nothing.participantDays == 0)
            #expect(try reader.lastParticipantSequence(year: 2026) == 12)
            #expect(try reader.lastParticipantSequence(year: 2025) == 0)
        }

        let events = try stores.auditEvents().filter { $0.entity == "placement" }
        #expect(events.map { "\($0.action) \($0.entityId)" } == ["create 1", "create 2", "create 3", "cancel 3"])
        let (first, lastCreated, afterCancel) = (try AuditJSON.encode(stored[0]), try AuditJSON.encode(stored[2]), try AuditJSON.encode(cancelled))
        #expect(events[0].before == nil && events[0].after == first)
        #expect(events[2].note == .written(Message("audit.note.ceiling_override", ["reason": "kommunen betaler resten"])))
        #expect(events[3].before == lastCreated && events[3].after == afterCancel)
        #expect(events[3].note == .typed("flyttet") && events[3].actor == "test" && events[3].at == "2026-05-28T20:26:40.000Z")
    }

    @Test("Placements that share farms' places come farm by farm, each farm's by period, as SQLite reads them")
    func overlappingOrder() throws {
        let stores = try PlacementStores()
        let periods: [(OrganisationNumber, String, String)] = [
            (PlacementStores.lia, "2026-05-04", "2026-06-19"), (PlacementStores.lia, "2026-03-02", "2026-12-18"),
            (PlacementStores.haugen, "2026-04-01", "2026-06-19"), (PlacementStores.lia, "2026-03-02", "2026-06-19"),
            (PlacementStores.haugen, "2026-01-05", "2026-03-01"), (PlacementStores.lia, "2026-01-05", "2026-12-18"),
            (PlacementStores.lia, "2026-06-01", "2026-06-19"),
        ]
        try stores.place(try periods.enumerated().map { index, period in
            try PlacementStores.placement(0, sequence: index + 1, farm: period.0, from: period.1, to: period.2)
        })
        let farms = [PlacementStores.lia, PlacementStores.haugen]
        let (from, to) = (try placementDay("2026-03-01"), try placementDay("2026-05-31"))
        #expect(try stores.read { try $0.placementsOverlapping(providers: farms, from: from, to: to).map(\.id) } == [5, 3, 6, 4, 2, 1])
    }

    @Test("A placement naming an agreement or a farm the store lacks is refused before it is numbered")
    func unknownAgreement() throws {
        let stores = try PlacementStores()
        var stray = try PlacementStores.placement(0, sequence: 1, from: "2026-03-02", to: "2026-06-19")
        stray.agreementReference = "2030/9"
        let refused = #expect(throws: TunetError.self) { try stores.write { try $0.insertPlacement { _ in stray } } }
        #expect(refused == .notFound(kind: "agreement", key: "2030/9"))
        stray.agreementReference = PlacementStores.reference
        stray.provider = try OrganisationNumber.parse("889640707").get()
        let unknownFarm = #expect(throws: TunetError.self) { try stores.write { try $0.insertPlacement { _ in stray } } }
        #expect(unknownFarm == .notFound(kind: "provider", key: "889640707"))
        let stored = try stores.write { tx in
            try tx.insertPlacement { id in var numbered = stray; numbered.id = id; numbered.provider = PlacementStores.lia; return numbered }
        }
        #expect(stored.id == 1, "a refused placement used no number")
    }

    @Test("Follow-ups come back by date, school holidays by municipality and period; a calendar stored again unchanged is not audited")
    func followUpsAndHolidays() throws {
        let stores = try PlacementStores()
        try stores.place([try PlacementStores.placement(0, sequence: 1, from: "2026-03-02", to: "2026-06-19")])
        let followUps = [
            FollowUp(id: 0, placementId: 1, date: try placementDay("2026-05-04"), roles: ["deltaker", "kontaktlærer"], wishesAndNeeds: "mer dyrestell",
                     nextDate: try placementDay("2026-06-01")),
            FollowUp(id: 0, placementId: 1, date: try placementDay("2026-03-16"), roles: ["deltaker"], wishesAndNeeds: "trives", nextDate: nil),
        ]
        let autumn = [
            SchoolHoliday(municipalityNumber: "3303", from: try placementDay("2026-10-05"), to: try placementDay("2026-10-09"), name: "Høstferie"),
            SchoolHoliday(municipalityNumber: "3303", from: try placementDay("2026-12-21"), to: try placementDay("2027-01-01"), name: "Juleferie"),
            SchoolHoliday(municipalityNumber: "3303", from: try placementDay("2026-10-05"), to: try placementDay("2026-10-06"), name: "Kort høstferie"),
        ]
        let north = [SchoolHoliday(municipalityNumber: "1804", from: try placementDay("2026-10-12"), to: try placementDay("2026-10-16"), name: "Høstferie")]
        let stored = try stores.write { tx in
            let stored = try followUps.map(tx.insert)
            try tx.replaceSchoolHolidays(municipality: "3303", autumn, note: nil)
            try tx.replaceSchoolHolidays(municipality: "1804", north, note: .typed("fra skolekontoret"))
            return stored
        }
        #expect(stored.map(\.id) == [1, 2])
        try stores.write { try $0.replaceSchoolHolidays(municipality: "3303", autumn.reversed(), note: nil) }

        try stores.read { reader throws in
            #expect(try reader.followUps(placement: 1) == [stored[1], stored[0]])
            #expect(try reader.followUps(placement: 2).isEmpty)
            #expect(try reader.schoolHolidays() == north + [autumn[2], autumn[0], autumn[1]])
            #expect(try reader.schoolHolidays(municipality: "3303").map(\.name) == ["Kort høstferie", "Høstferie", "Juleferie"])
        }
        let events = try stores.auditEvents()
        #expect(events.filter { $0.entity == "follow_up" }.map(\.note) == [1, 1].map { .written(Message("audit.note.follow_up", ["placement": .integer($0)])) })
        #expect(events.filter { $0.entity == "follow_up" }.last?.after == (try AuditJSON.encode(stored[1])))
        let calendars = events.filter { $0.entity == "school_calendar" }
        #expect(calendars.map(\.entityId) == ["3303", "1804"])
        let northJSON = try AuditJSON.encode(north)
        #expect(calendars.map(\.before) == ["[]", "[]"] && calendars[1].after == northJSON)
        #expect(calendars[1].note == .typed("fra skolekontoret"))
    }

    @Test("A name is kept beside the code, never in the audit log, and every read of it is audited with its purpose")
    func names() throws {
        let stores = try PlacementStores()
        let kari = ParticipantCode.generated(year: 2026, sequence: 1)
        let per = ParticipantCode.generated(year: 2026, sequence: 2)
        let nameless = ParticipantCode.generated(year: 2026, sequence: 3)
        let purpose = Message("audit.note.follow_up", ["placement": .integer(1)])
        let read = try stores.write { tx in
            try tx.setParticipantName(kari, name: "Kari Nordmann")
            try tx.setParticipantName(per, name: "Per Hansen")
            try tx.setParticipantName(kari, name: "Kari Nordmann Lie")
            return try tx.readParticipantNames([per, nameless, kari], purpose: purpose)
        }
        #expect(read == [kari: "Kari Nordmann Lie", per: "Per Hansen"])
        #expect(try stores.write { try $0.readParticipantNames([], purpose: purpose) }.isEmpty)
        let events = try stores.auditEvents()
        let participantEvents = events.filter { $0.entity == "participant" }
        #expect(participantEvents.map { "\($0.action) \($0.entityId)" } == [
            "create-name P-2026-0001", "create-name P-2026-0002", "update-name P-2026-0001", "read-name P-2026-0002", "read-name P-2026-0001",
        ])
        #expect(participantEvents.allSatisfy { $0.before == nil && $0.after == nil })
        #expect(participantEvents.last?.note == .written(purpose))
        #expect(!events.contains { "\($0)".contains("Nordmann") || "\($0)".contains("Hansen") })
    }
}
