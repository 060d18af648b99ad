import Foundation
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// Attendance submissions and their days in PostgreSQL; each expectation is what the SQLite store
/// returns for the same calls.
@Suite("Attendance in PostgreSQL")
struct PostgresAttendanceTests {
    /// A priced day as a plan stores it.
    static func stored(_ placement: Int64, _ participant: Int, _ date: LocalDate, _ status: AttendanceStatus = .present, hours: Int? = 45,
                       trips: Int? = nil, extra: Bool = false, price: Int64 = 150_000) -> StoredAttendance {
        StoredAttendance(entry: AttendanceEntry(placementId: placement, participant: .generated(year: 2026, sequence: participant), date: date,
                                                status: status, hoursTenths: hours, transportTrips: trips, extraDay: extra),
                         dayPrice: Money(ore: status == .present ? price : 0), transport: Money(ore: Int64(trips ?? 0) * 20_000),
                         plannedCost: Money(ore: price), submissionId: 0)
    }

    static func submission(_ farm: OrganisationNumber, file: String, hash: String, rows: [StoredAttendance], new: Int, changed: Int = 0,
                           again: Int64? = nil) -> AttendanceSubmission {
        AttendanceSubmission(id: 0, receivedAt: "", actor: "", provider: farm, fileName: file, contentHash: hash, months: ["2026-03"], rows: rows.count,
                             newRows: new, changedRows: changed, unchangedRows: rows.count - new - changed, appliedAgainOf: again)
    }

    @Test("A submission's days replace earlier ones for the same day; its audit event keeps what they replaced; the stamps follow")
    func submissions() throws {
        let stores = try PlacementStores()
        try stores.place([try PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19"),
                          try PlacementStores.placement(2, sequence: 2, farm: PlacementStores.haugen, municipality: "1804", from: "2026-03-02",
                                                        to: "2026-06-19", decisionReference: "VED-1")])
        let march = (1...6).map { try! placementDay("2026-03-0\($0 + 1)") }
        let first = march.prefix(5).map { Self.stored(1, 1, $0) }
        let haugen = march.prefix(3).map { Self.stored(2, 2, $0, trips: 2) }
        let corrected = [Self.stored(1, 1, march[2], .absentWithNotice, hours: nil), Self.stored(1, 1, march[5], extra: true),
                         Self.stored(1, 1, march[3], .cancelledByProvider, hours: nil, price: 160_000)]
        let replaced = [first[2], first[3]]
        func submit(_ store: (AttendanceSubmission, [StoredAttendance], [StoredAttendance]) throws -> AttendanceSubmission) throws -> [AttendanceSubmission] {
            [try store(Self.submission(PlacementStores.lia, file: "lia-mars.csv", hash: "h1", rows: first, new: 5), first, []),
             try store(Self.submission(PlacementStores.haugen, file: "haugen-mars.csv", hash: "h2", rows: haugen, new: 3), haugen, []),
             try store(Self.submission(PlacementStores.lia, file: "lia-mars-rettet.csv", hash: "h3", rows: corrected, new: 1, changed: 2),
                        corrected, replaced),
             // Applied again on purpose: the same values replace themselves and belong to the newer submission.
             try store(Self.submission(PlacementStores.lia, file: "lia-mars-rettet.csv", hash: "h3", rows: corrected, new: 0, again: 3), corrected,
                       corrected)]
        }
        let stored = try stores.write { tx in try submit { try tx.storeSubmission($0, rows: $1, replaced: $2) } }
        #expect(stored.map(\.id) == [1, 2, 3, 4])
        #expect(stored[2].actor == "test" && stored[2].receivedAt == "2026-05-28T20:26:40.000Z")

        // A day already stored, sent as new, fails the submission instead of overwriting the day.
        let stale = [Self.stored(1, 1, march[0], .absentWithoutNotice, hours: nil)]
        #expect(throws: TunetError.self) {
            try stores.write { tx in
                try tx.storeSubmission(Self.submission(PlacementStores.lia, file: "gammel.csv", hash: "h4", rows: stale, new: 1), rows: stale, replaced: [])
            }
        }

        try stores.read { reader throws in
            #expect(try reader.submissions() == stored)
            #expect(try reader.submissions(provider: PlacementStores.haugen) == [stored[1]])
            #expect(try reader.submission(provider: PlacementStores.lia, contentHash: "h3") == stored[3], "the newest of a file applied again")
            #expect(try reader.submission(provider: PlacementStores.haugen, contentHash: "h3") == nil)
            #expect(try reader.submissions(contentHash: "h3") == [stored[2], stored[3]])
            #expect(try reader.lastSubmissionId() == 4, "the failed submission left no number behind")
            #expect(try reader.hasSubmissions(after: 2, from: [PlacementStores.lia]))
            #expect(try !reader.hasSubmissions(after: 2, from: [PlacementStores.haugen]))
            #expect(try reader.hasSubmissions(after: 1, from: [PlacementStores.lia, PlacementStores.haugen]))
            #expect(try !reader.hasSubmissions(after: 0, from: []))
            #expect(try reader.isSubmission(3, of: PlacementStores.lia, contentHash: "h3"))
            #expect(try !reader.isSubmission(3, of: PlacementStores.lia, contentHash: "h1"))
            #expect(try !reader.isSubmission(3, of: PlacementStores.haugen, contentHash: "h3"))

            let days = try reader.attendance(placements: [1], from: march[0], to: march[5])
            #expect(days.map(\.entry.date) == march)
            #expect(days.map(\.entry.status) == [.present, .present, .absentWithNotice, .cancelledByProvider, .present, .present])
            #expect(days.map(\.submissionId) == [1, 1, 4, 4, 1, 4], "a day sent again belongs to the newest submission that sent it")
            #expect(days[3].plannedCost == Money(ore: 160_000) && days[2].entry.hoursTenths == nil && days[5].entry.extraDay)
            #expect(days.allSatisfy { $0.entry.participant == .generated(year: 2026, sequence: 1) })
            // Placement by placement in number order, whatever order they are asked for in; an unknown placement has no days.
            let both = try reader.attendance(placements: [2, 1, 99], from: march[0], to: march[5])
            #expect(both.map(\.entry.placementId) == Array(repeating: 1, count: 6) + Array(repeating: 2, count: 3))
            #expect(both.suffix(3).map(\.transport) == Array(repeating: Money(ore: 40_000), count: 3))
            #expect(try reader.attendance(placements: [1], from: march[3], to: march[3]).map(\.entry.status) == [.cancelledByProvider])
            #expect(try reader.attendance(placements: [], from: march[0], to: march[5]).isEmpty)
        }

        let imports = try stores.auditEvents().filter { $0.entity == AttendanceSubmission.auditEntity }
        #expect(imports.map(\.action) == ["import", "import", "import", "import"])
        #expect(imports.map(\.entityId) == ["1", "2", "3", "4"])
        #expect(imports.map(\.before) == [nil, nil, ReplacedDaysSnapshot.json(replaced), ReplacedDaysSnapshot.json(corrected)])
        #expect(imports.map(\.after) == (try stored.map(AuditJSON.encode)))
        #expect(imports.last?.note == .written(Message("audit.note.attendance_import_again", [
            "file": "lia-mars-rettet.csv", "new": .integer(0), "changed": .integer(0), "unchanged": .integer(3), "earlier": "3"])))
    }

    /// The day `offset` days into a placement, its values varied by the offset.
    static func exportDay(_ placement: Placement, _ offset: Int) -> StoredAttendance {
        let status: AttendanceStatus = offset % 7 == 3 ? .absentWithNotice : .present
        let hours: Int? = offset % 5 == 0 ? nil : 40 + offset % 9
        let trips: Int? = offset % 2 == 0 ? 2 : nil
        return stored(placement.id, Int(placement.participant.text.suffix(4)) ?? 0, placement.start.adding(days: offset), status, hours: hours,
                      trips: trips, extra: offset % 11 == 0, price: 100_000 + Int64(offset))
    }

    @Test("Every stored day streams farm by farm, participant by participant, day by day, over more days than one fetch holds")
    func export() throws {
        let stores = try PlacementStores()
        // Codes in another order than the placements' numbers; participant 5 twice with Lia, the periods overlapping.
        let plan: [(sequence: Int, farm: OrganisationNumber, municipality: String, start: String)] = [
            (9, PlacementStores.lia, "3303", "2026-01-05"), (2, PlacementStores.haugen, "1804", "2026-01-05"),
            (5, PlacementStores.lia, "3303", "2026-01-05"), (1, PlacementStores.lia, "3303", "2026-02-02"),
            (7, PlacementStores.haugen, "1804", "2026-01-05"), (5, PlacementStores.lia, "3303", "2026-03-02"),
            (3, PlacementStores.haugen, "1804", "2026-01-12"), (4, PlacementStores.lia, "3303", "2026-01-05"),
            (8, PlacementStores.haugen, "1804", "2026-01-05"), (6, PlacementStores.lia, "3303", "2026-01-19"),
            (10, PlacementStores.lia, "3303", "2026-01-05"), (11, PlacementStores.haugen, "1804", "2026-01-05"),
        ]
        let placements = try plan.enumerated().map { index, planned in
            try PlacementStores.placement(Int64(index + 1), sequence: planned.sequence, farm: planned.farm, municipality: planned.municipality,
                                          from: planned.start, to: "2027-12-31")
        }
        try stores.place(placements)
        let daysEach = 460
        for farm in [PlacementStores.lia, PlacementStores.haugen] {
            let rows = placements.filter { $0.provider == farm }.flatMap { placement in
                (0..<daysEach).map { offset in Self.exportDay(placement, offset) }
            }
            let submission = Self.submission(farm, file: "\(farm.digits).csv", hash: farm.digits, rows: rows, new: rows.count)
            try stores.write { _ = try $0.storeSubmission(submission, rows: rows, replaced: []) }
        }

        // What the export must hand over, in its order: farm, participant, day; one participant's two
        // placements with a farm on the same day in the order they were made.
        let farmOrder = [PlacementStores.haugen.digits, PlacementStores.lia.digits]
        let expected = placements.flatMap { placement in (0..<daysEach).map { (placement, Self.exportDay(placement, $0)) } }
            .sorted { a, b in
                (farmOrder.firstIndex(of: a.0.provider.digits)!, a.0.participant.text, a.1.entry.date, a.0.id)
                    < (farmOrder.firstIndex(of: b.0.provider.digits)!, b.0.participant.text, b.1.entry.date, b.0.id)
            }
            .map { placement, day in
                AttendanceExportRow(municipality: placement.municipalityNumber, provider: placement.provider.digits, participant: placement.participant.text,
                                    agreement: PlacementStores.reference, date: day.entry.date, status: day.entry.status,
                                    hoursTenths: day.entry.hoursTenths, transportTrips: day.entry.transportTrips, extraDay: day.entry.extraDay,
                                    dayPrice: day.dayPrice, transport: day.transport)
            }
        func export(from: LocalDate?, to: LocalDate?, in scope: MunicipalityScope) throws -> [String] {
            var rows: [String] = []
            try stores.read { try $0.forEachAttendance(from: from, to: to, in: scope) { rows.append("\($0)") } }
            return rows
        }
        #expect(try export(from: nil, to: nil, in: .every) == expected.map { "\($0)" })
        let (spring, summer) = (try placementDay("2026-03-01"), try placementDay("2026-05-31"))
        #expect(try export(from: spring, to: summer, in: .every) == expected.filter { spring <= $0.date && $0.date <= summer }.map { "\($0)" })
        let winter = try placementDay("2026-02-15")
        #expect(try export(from: nil, to: winter, in: .only(["1804"])) == expected.filter { $0.municipality == "1804" && $0.date <= winter }.map { "\($0)" })
        #expect(try export(from: summer, to: nil, in: .only(["3303", "0301"])) == expected.filter { $0.municipality == "3303" && $0.date >= summer }.map { "\($0)" })
        #expect(try export(from: nil, to: nil, in: .only(["0301"])).isEmpty)

        var all: [AttendanceExportRow] = []
        try stores.read { reader throws in
            try reader.forEachAttendance(from: nil, to: nil, in: .every) { all.append($0) }
            // The cursor is closed: the same snapshot streams again.
            var again = 0
            try reader.forEachAttendance(from: nil, to: nil, in: .only(["1804"])) { _ in again += 1 }
            #expect(again == 5 * daysEach)
        }
        #expect(all.count == placements.count * daysEach)
        #expect(all.count > PostgresReader.exportBatch)
        let keys = all.map { [$0.provider, $0.participant] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(all.first?.participant == "P-2026-0002" && all.first?.municipality == "1804")
    }

    @Test("A body that throws ends the stream, and the transaction can stream again")
    func throwingBody() throws {
        struct Enough: Error {}
        let stores = try PlacementStores()
        try stores.place([try PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19")])
        let rows = (0..<3).map { Self.stored(1, 1, try! placementDay("2026-03-02").adding(days: $0)) }
        try stores.write { tx in
            _ = try tx.storeSubmission(Self.submission(PlacementStores.lia, file: "a.csv", hash: "a", rows: rows, new: 3), rows: rows, replaced: [])
            var seen = 0
            #expect(throws: Enough.self) { try tx.forEachAttendance(from: nil, to: nil, in: .every) { _ in seen += 1; throw Enough() } }
            #expect(seen == 1)
            try tx.forEachAttendance(from: nil, to: nil, in: .every) { _ in seen += 1 }
            #expect(seen == 4)
        }
    }
}
