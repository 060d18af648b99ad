import Foundation
import Testing
import TunetDomain
import TunetJSON
import TunetStorage
@testable import TunetStoreSQLite

/// An upload that corrects stored days keeps the days it replaced in its audit event.
@Suite("The audit snapshot of replaced days")
struct ReplacedDaysSnapshotTests {
    private func stored(_ placement: Int64, _ code: String, _ day: Int, _ status: AttendanceStatus, hours: Int? = nil, trips: Int? = nil,
                        extra: Bool = false) throws -> StoredAttendance {
        let date = try #require(LocalDate(year: 2026, month: 3, day: day))
        return StoredAttendance(entry: AttendanceEntry(placementId: placement, participant: ParticipantCode(stored: code), date: date,
                                                       status: status, hoursTenths: hours, transportTrips: trips, extraDay: extra),
                                dayPrice: Money(ore: 95_000), transport: .zero, plannedCost: Money(ore: 95_000), submissionId: 1)
    }

    /// The same document built from Codable values, written by the encoder every other audit snapshot uses.
    private struct Expected: Encodable {
        struct Placement: Encodable {
            let days: [[JSONCell]]
            let participant: String
            let placement_id: Int64
        }
        enum JSONCell: Encodable {
            case text(String), number(Int), flag(Bool), none
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let value): try container.encode(value)
                case .number(let value): try container.encode(value)
                case .flag(let value): try container.encode(value)
                case .none: try container.encodeNil()
                }
            }
        }
        let columns: [String]
        let placements: [Placement]
    }

    @Test("keeps every value of every day, grouped by placement in placement and date order, in the audit log's compact sorted-key JSON")
    func groupsDaysByPlacement() throws {
        let replaced = [
            try stored(12, "P-2026-0002", 4, .present, hours: 45, trips: 2),
            try stored(7, "P-2026-0001", 9, .absentWithoutNotice),
            try stored(7, "P-2026-0001", 2, .present, hours: 50, extra: true),
        ]
        let json = try #require(SQLiteStore.auditSnapshot(ofReplaced: replaced)?.json)
        let expected = Expected(columns: ["date", "status", "hours_tenths", "transport_trips", "extra_day"], placements: [
            .init(days: [[.text("2026-03-02"), .text("present"), .number(50), .none, .flag(true)],
                         [.text("2026-03-09"), .text("absent_without_notice"), .none, .none, .flag(false)]],
                  participant: "P-2026-0001", placement_id: 7),
            .init(days: [[.text("2026-03-04"), .text("present"), .number(45), .number(2), .flag(false)]],
                  participant: "P-2026-0002", placement_id: 12),
        ])
        #expect(json == (try SortedJSONEncoder(style: .compact).encodeToString(expected)))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    @Test("writes a whole month's correction, every status and value, as the encoder would, whether the days come in order or not")
    func wholeMonth() throws {
        let statuses = AttendanceStatus.allCases
        var replaced: [StoredAttendance] = []
        for placement in Int64(1)...4 {
            for day in 1...28 {
                let index = Int(placement) * 31 + day
                replaced.append(try stored(placement, "P-2026-000\(placement)", day, statuses[index % statuses.count],
                                           hours: index % 3 == 0 ? nil : index, trips: index % 5 == 0 ? nil : index % 3, extra: index % 7 == 0))
            }
        }
        let expected = Expected(columns: ["date", "status", "hours_tenths", "transport_trips", "extra_day"], placements: (Int64(1)...4).map { placement in
            .init(days: replaced.filter { $0.entry.placementId == placement }.map { day in
                [.text(day.entry.date.iso), .text(day.entry.status.rawValue), day.entry.hoursTenths.map { .number($0) } ?? .none,
                 day.entry.transportTrips.map { .number($0) } ?? .none, .flag(day.entry.extraDay)]
            }, participant: "P-2026-000\(placement)", placement_id: placement)
        })
        let encoded = try SortedJSONEncoder(style: .compact).encodeToString(expected)
        #expect(SQLiteStore.auditSnapshot(ofReplaced: replaced)?.json == encoded)
        #expect(SQLiteStore.auditSnapshot(ofReplaced: replaced.reversed())?.json == encoded)
    }

    @Test("escapes a participant code that holds JSON's special characters, and is absent when nothing was replaced")
    func escapesAndOmits() throws {
        let json = try #require(SQLiteStore.auditSnapshot(ofReplaced: [try stored(1, "P\"1\\\n", 2, .present)])?.json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let placements = try #require(document["placements"] as? [[String: Any]])
        #expect(placements.first?["participant"] as? String == "P\"1\\\n")
        #expect(SQLiteStore.auditSnapshot(ofReplaced: []) == nil)
    }
}
