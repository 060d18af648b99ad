import Foundation
import GRDB
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetText

@Suite("Providers read back from the database")
struct ProviderReadTests {
    private func fullProvider() throws -> Provider {
        Provider(organisationNumber: try OrganisationNumber.parse("923609016").get(), name: "Ærlig «Øvre» gård — Åsen",
                 contactPerson: "Kari Nordmann", email: "post@asen.no", phone: "+47 912 34 567", address: "Åsvegen 1, 3616 Kongsberg",
                 municipalityNumber: "3303", producerNumber: "3303123456", farmNumber: "12/3",
                 targetGroups: [.pupils, .dementia], placesPerDay: 7, openWeekdays: WeekdaySet([.monday, .wednesday, .saturday]),
                 iptApprovalDate: LocalDate(year: 2024, month: 2, day: 29), nextExternalAuditDate: LocalDate(year: 2027, month: 1, day: 31),
                 policeCertificateDate: LocalDate(year: 2025, month: 12, day: 31), insuranceExpiry: LocalDate(year: 2026, month: 6, day: 30),
                 status: .suspended, statusReason: "Mangler forsikring", nonProfitBasis: "Ideell stiftelse")
    }

    @Test("Every field of a provider, filled or empty, reads back as stored: one by number, all, and by municipality")
    func everyFieldReadsBack() throws {
        let file = try TemporaryDatabaseFile()
        let store = try SQLiteStore(path: file.path)
        let full = try fullProvider()
        let bare = try sampleProvider("974760673", name: "Lia gård")
        try store.writeSQLite(actor: .atServer("test")) { try $0.insert(full); try $0.insert(bare) }
        try store.readSQLite { (reader: SQLiteReader) throws in
            #expect(try reader.provider(full.organisationNumber) == full)
            #expect(try reader.provider(bare.organisationNumber) == bare)
            #expect(try reader.provider(try OrganisationNumber.parse("982463718").get()) == nil)
            #expect(try reader.allProviders() == [bare, full])
            #expect(try reader.providers(in: .only(["3303"])) == [bare, full])
            #expect(try reader.providers(in: .only(["0301"])) == [])
        }
    }

    @Test("A provider's row changed outside Tunet is refused with its column and value named, in bokmål")
    func damagedRowIsNamed() throws {
        let file = try TemporaryDatabaseFile()
        let store = try SQLiteStore(path: file.path)
        try store.writeSQLite(actor: .atServer("test")) { try $0.insert(try sampleProvider()) }
        let outside = try DatabaseQueue(path: file.path)
        try outside.write { try $0.execute(sql: "UPDATE provider SET insurance_expiry = 'snart'") }
        try outside.close()
        do {
            _ = try store.readSQLite { (reader: SQLiteReader) throws in try reader.allProviders() }
            Issue.record("read a damaged provider")
        } catch let error as TunetError {
            #expect(error.category == .incompatibleDatabase)
            #expect(Texts(.nb).render(error.message) == "provider.insurance_expiry inneholder «snart», som ikke er en dato; databasen er skadet")
        }
        // The statement is usable again after the failed read.
        let again = try DatabaseQueue(path: file.path)
        try again.write { try $0.execute(sql: "UPDATE provider SET insurance_expiry = NULL") }
        try again.close()
        #expect(try store.readSQLite { (reader: SQLiteReader) throws in try reader.allProviders() }.count == 1)
    }

    @Test("Weekdays and target groups are read as Tunet writes them, or as a person would; a word that means nothing is named")
    func codeListsAreRead() throws {
        let file = try TemporaryDatabaseFile()
        let store = try SQLiteStore(path: file.path)
        try store.writeSQLite(actor: .atServer("test")) { try $0.insert(try sampleProvider()) }
        func update(_ sql: String) throws {
            let outside = try DatabaseQueue(path: file.path)
            try outside.write { try $0.execute(sql: sql) }
            try outside.close()
        }
        try update("UPDATE provider SET open_weekdays = 'mon,Fre,sun', target_groups = 'elever'")
        let read = try store.readSQLite { (reader: SQLiteReader) throws in try reader.allProviders() }
        #expect(read.map(\.openWeekdays) == [WeekdaySet([.monday, .friday, .sunday])])
        #expect(read.map(\.targetGroups) == [[.pupils]])

        try update("UPDATE provider SET open_weekdays = 'mon,someday'")
        do {
            _ = try store.readSQLite { (reader: SQLiteReader) throws in try reader.allProviders() }
            Issue.record("read a damaged provider")
        } catch let error as TunetError {
            #expect(Texts(.nb).render(error.message) == "provider.open_weekdays inneholder «mon,someday», som Tunet ikke kjenner; databasen er skadet")
        }
    }
}
