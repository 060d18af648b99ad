import Foundation
import GRDB
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// Audit snapshots over 4 KB are kept deflated in the file, and read back as the JSON they were.
@Suite("Audit snapshots as the SQLite file keeps them")
struct StoredSnapshotTests {
    /// A correction's snapshot of `days` replaced days, as the store makes it.
    private func correction(days: Int) -> String {
        ReplacedDaysSnapshot.json(replacedDays(days))
    }

    private func replacedDays(_ days: Int) -> [StoredAttendance] {
        (0..<days).map { index in
            StoredAttendance(entry: AttendanceEntry(placementId: Int64(1 + index / 80), participant: ParticipantCode(stored: "P\(index / 80)"),
                                                    date: LocalDate(dayNumber: 20_000 + index % 80), status: AttendanceStatus.allCases[index % 4],
                                                    hoursTenths: index % 4 == 0 ? 55 : nil, transportTrips: nil, extraDay: false),
                             dayPrice: Money(ore: 50_000), transport: Money(ore: 0), plannedCost: Money(ore: 50_000), submissionId: 1)
        }
    }

    @Test("A small snapshot is kept as its text; a large one deflated, a tenth of its size or less, and read back byte for byte")
    func keptAndReadBack() throws {
        let small = #"{"name":"Lia gård","places_per_day":4}"#
        #expect(StoredSnapshot.value(small) == small.databaseValue)
        #expect(try StoredSnapshot.json(StoredSnapshot.value(small), column: "after_json") == small)
        #expect(try StoredSnapshot.json(.null, column: "before_json") == nil)
        #expect(StoredSnapshot.value(String?.none) == .null)
        #expect(StoredSnapshot.value(ReplacedDaysAudit?.none) == .null)

        let large = correction(days: 2_000)
        #expect(large.utf8.count > 40_000)
        guard case .blob(let blob) = StoredSnapshot.value(large).storage else {
            Issue.record("a snapshot of \(large.utf8.count) bytes was not deflated")
            return
        }
        #expect(blob.count * 10 < large.utf8.count)
        #expect(try StoredSnapshot.json(blob.databaseValue, column: "before_json") == large)
        // A correction's snapshot is deflated where it is made, beside the writer, which only stores it.
        let made = try #require(SQLiteStore.auditSnapshot(ofReplaced: replacedDays(2_000)))
        #expect(made.json == large)
        #expect(made.kept == blob)
        #expect(StoredSnapshot.value(made) == blob.databaseValue)
        let few = try #require(SQLiteStore.auditSnapshot(ofReplaced: replacedDays(3)))
        #expect(few.kept == nil)
        #expect(StoredSnapshot.value(few).storage.isText)
        let atTheEdge = String(repeating: "å", count: StoredSnapshot.deflatedAbove / 2)
        #expect(StoredSnapshot.value(atTheEdge) == atTheEdge.databaseValue, "4,096 bytes of UTF-8 stay text")
        #expect(try StoredSnapshot.json(StoredSnapshot.value(atTheEdge + "a"), column: "before_json") == atTheEdge + "a")
    }

    @Test("A blob that is not a deflated snapshot is reported as damage, naming the column")
    func damagedBlobs() throws {
        guard case .blob(let good) = StoredSnapshot.value(correction(days: 500)).storage else {
            Issue.record("not deflated")
            return
        }
        var cut = good
        cut.removeLast(good.count / 2)
        var wrongLength = good
        wrongLength[0] ^= 0x01
        for blob in [Data(), Data([1, 2, 3]), cut, wrongLength, Data([0xFF, 0xFF, 0xFF, 0x7F]) + good.dropFirst(4)] {
            let error = #expect(throws: TunetError.self) { try StoredSnapshot.json(blob.databaseValue, column: "before_json") }
            #expect("\(error.map { "\($0)" } ?? "")".contains("audit_event.before_json"))
        }
        #expect(throws: TunetError.self) { try StoredSnapshot.json(7.databaseValue, column: "after_json") }
    }

    @Test("An audit event with a large snapshot is stored deflated and listed with its JSON; a small one stays text")
    func throughTheStore() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        let large = correction(days: 2_000)
        try database.writeSQLite(actor: .atServer("test")) { tx in
            try tx.audit("import", entity: "attendance_submission", id: "1", beforeJSON: large, afterJSON: #"{"id":1}"#)
        }
        let events = try database.readSQLite { try $0.auditEvents(AuditQuery(entity: "attendance_submission")) }
        #expect(events.count == 1)
        #expect(events.first?.before == large)
        #expect(events.first?.after == #"{"id":1}"#)
        try database.readSQLite { (reader: SQLiteReader) throws in
            #expect(try String.fetchAll(reader.db, sql: "SELECT typeof(before_json) || ' ' || typeof(after_json) FROM audit_event WHERE entity = 'attendance_submission'")
                    == ["blob text"])
        }
        var copied: [[String?]] = []
        var columns: [String] = []
        try database.copyOut { batch in
            guard batch.table == "audit_event" else { return }
            columns = batch.columns
            copied += batch.rows
        }
        let before = try #require(columns.firstIndex(of: "before_json"))
        #expect(copied.map { $0[before] } == [large], "a copy to PostgreSQL is handed the JSON")
    }
}

private extension DatabaseValue.Storage {
    var isText: Bool {
        if case .string = self { return true }
        return false
    }
}
