import Foundation
import GRDB
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetText

@Suite("Notes in the audit log")
struct AuditNoteTests {
    @Test("A note Tunet writes is kept as its message and read in either language; a typed note is kept as typed")
    func writtenAndTyped() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        let provider = try sampleProvider()
        var suspended = provider
        suspended.status = .suspended
        try database.writeSQLite(actor: .atServer("kari")) { tx in
            try tx.insert(provider, note: .written(Message("audit.note.imported_from", ["file": "tilbydere.csv"])))
            try tx.update(suspended, action: "suspend", note: .typed(#"{"key":"audit.note.synthetic"}"#))
        }
        let notes = try database.readSQLite { try $0.auditEvents(AuditQuery()) }.map(\.note)
        #expect(notes.compactMap { $0.map(Texts(.nb).render) } == ["importert fra tilbydere.csv", #"{"key":"audit.note.synthetic"}"#])
        #expect(notes.compactMap { $0.map(Texts(.en).render) } == ["imported from tilbydere.csv", #"{"key":"audit.note.synthetic"}"#])
    }

    @Test("A note stored as plain text, before notes were messages, reads as typed text")
    func earlierPlainNote() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        try database.writeSQLite(actor: .atServer("kari")) { tx in
            try tx.db.execute(sql: """
                INSERT INTO audit_event (at, actor, action, entity, entity_id, before_json, after_json, note)
                VALUES ('2026-01-05T08:00:00.000Z', 'kari', 'update', 'provider', '974760673', NULL, NULL, 'import of providers.csv')
                """)
        }
        let events = try database.readSQLite { try $0.auditEvents(AuditQuery()) }
        #expect(events.map(\.note) == [.typed("import of providers.csv")])
    }
}
