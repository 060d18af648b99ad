import Foundation
import Testing
@testable import TunetApp
import TunetFixtures
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

final class TestWorkspace {
    let folder: URL
    let context: TunetContext

    init(today: LocalDate = LocalDate(year: 2026, month: 11, day: 23)!) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try TunetConfiguration(databaseOption: try TestDatabase.location(in: folder), actorOption: "test", environment: [:])
        context = TunetContext(store: try configuration.openStore(mustExist: false, forService: false), actor: .atServer("test"), today: today)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Everything stored, to prove that a refused command changed nothing.
    func snapshot() throws -> String {
        try context.store.read { reader in
            try AuditJSON.encode(reader.allProviders()) + "\n" + String(reader.auditEventCount())
        }
    }
}

let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Contracts/examples")

let liaGard = ProviderForm([
    .organisationNumber: "974760673", .name: "Lia gård", .municipalityNumber: "3303",
    .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
    .iptApprovalDate: "2025-05-02", .nextExternalAuditDate: "2027-05-02",
])

@Suite("The provider register")
struct ProviderDeskTests {
    @Test("A registered farm is listed with its derived approval state")
    func addAndList() throws {
        let workspace = try TestWorkspace()
        let registry = ProviderDesk(workspace.context)
        let added = try registry.add(liaGard)
        #expect(added.approvalState == .valid)
        #expect(added.municipalityName == "Kongsberg")
        #expect(try registry.list().map(\.provider.name) == ["Lia gård"])
        #expect(try registry.list(ProviderFilter(targetGroup: .other)).isEmpty)
        #expect(try registry.list(ProviderFilter(municipalityNumber: "3303")).count == 1)
    }

    @Test("A duplicate organisation number is refused, naming the farm that has it, and nothing changes")
    func duplicate() throws {
        let workspace = try TestWorkspace()
        let registry = ProviderDesk(workspace.context)
        _ = try registry.add(liaGard)
        let before = try workspace.snapshot()
        var other = liaGard
        other[.name] = "Another farm"
        do {
            _ = try registry.add(other)
            Issue.record("accepted a duplicate")
        } catch let error as TunetError {
            #expect(error.english.contains("already registered to Lia gård"))
        }
        #expect(try workspace.snapshot() == before)
    }

    @Test("Suspending needs a reason and can happen once; reactivating only a suspended farm")
    func suspension() throws {
        let workspace = try TestWorkspace()
        let registry = ProviderDesk(workspace.context)
        _ = try registry.add(liaGard)
        #expect(throws: TunetError.self) { try registry.suspend("974760673", reason: "  ") }
        #expect(try registry.suspend("974760673", reason: "Insurance expired").provider.status == .suspended)
        #expect(throws: TunetError.self) { try registry.suspend("974760673", reason: "again") }
        #expect(try registry.reactivate("974760673").provider.status == .active)
        #expect(throws: TunetError.self) { try registry.reactivate("974760673") }
        let history = try registry.show("974760673").history.map(\.action)
        #expect(history == ["create", "suspend", "reactivate"])
    }

    @Test("An update cannot change the organisation number and refuses an unknown farm")
    func updateRules() throws {
        let workspace = try TestWorkspace()
        let registry = ProviderDesk(workspace.context)
        _ = try registry.add(liaGard)
        #expect(throws: TunetError.self) { try registry.update("974760673", with: ProviderForm([.organisationNumber: "923609016"])) }
        #expect(throws: TunetError.notFound(kind: "provider", key: "923609016")) {
            try registry.update("923609016", with: ProviderForm([.name: "X"]))
        }
        let updated = try registry.update("974 760 673", with: ProviderForm([.placesPerDay: "6"]))
        #expect(updated.summary.provider.placesPerDay == 6)
        #expect(updated.changed)
        let before = try workspace.snapshot()
        let again = try registry.update("974760673", with: ProviderForm([.placesPerDay: "6"]))
        #expect(!again.changed)
        #expect(try workspace.snapshot() == before)
    }
}

@Suite("Importing the provider register")
struct ProviderImportTests {
    @Test("Both example files import, with æøå and Norwegian dates intact")
    func importsExamples() throws {
        let workspace = try TestWorkspace()
        let excel = try ProviderImportDesk(workspace.context).run(file: examples.appendingPathComponent("providers-excel-semicolon.csv"))
        #expect(excel.encoding == "Windows-1252")
        #expect(excel.created.count == 3)
        let utf8 = try ProviderImportDesk(workspace.context).run(file: examples.appendingPathComponent("providers-utf8-bom.csv"))
        #expect(utf8.created.count == 2)
        let farms = try ProviderDesk(workspace.context).list()
        #expect(farms.count == 5)
        let bjornstad = try #require(farms.first { $0.provider.organisationNumber.digits == "812345672" })
        #expect(bjornstad.provider.name == "Øvre Bjørnstad gård")
        #expect(bjornstad.provider.iptApprovalDate == LocalDate(year: 2025, month: 5, day: 2))
        #expect(bjornstad.provider.openWeekdays == WeekdaySet.workdays)
        #expect(bjornstad.provider.targetGroups == [.pupils, .dementia])
    }

    @Test("One bad row stores nothing, and every bad row is listed with row, column and reason")
    func allOrNothing() throws {
        let workspace = try TestWorkspace()
        let before = try workspace.snapshot()
        do {
            _ = try ProviderImportDesk(workspace.context).run(file: examples.appendingPathComponent("providers-with-errors.csv"))
            Issue.record("imported a bad file")
        } catch let error as TunetError {
            let found = error.problems.map { "\($0.row ?? 0) \($0.field)" }
            #expect(found == ["3 organisation_number", "4 municipality_number", "5 ipt_approval_date",
                              "6 organisation_number", "7 places_per_day"])
            #expect(error.problems[3].reason.english.contains("also on row 2"))
        }
        #expect(try workspace.snapshot() == before)
    }

    @Test("A dry run reports what would happen and stores nothing")
    func dryRun() throws {
        let workspace = try TestWorkspace()
        let before = try workspace.snapshot()
        let report = try ProviderImportDesk(workspace.context).run(file: examples.appendingPathComponent("providers-utf8-bom.csv"), dryRun: true)
        #expect(report.dryRun)
        #expect(report.created == ["812345702", "812345710"])
        #expect(try workspace.snapshot() == before)
    }

    @Test("Registered farms are refused unless --update-existing, which updates and reports unchanged rows")
    func existingFarms() throws {
        let workspace = try TestWorkspace()
        let file = examples.appendingPathComponent("providers-utf8-bom.csv")
        _ = try ProviderImportDesk(workspace.context).run(file: file)
        #expect(throws: TunetError.self) { try ProviderImportDesk(workspace.context).run(file: file) }
        let again = try ProviderImportDesk(workspace.context).run(file: file, updateExisting: true)
        #expect(again.unchanged.count == 2)
        #expect(again.created.isEmpty && again.updated.isEmpty)
    }

    @Test("Cells beyond the header, empty files and unknown columns are refused")
    func malformedFiles() throws {
        let workspace = try TestWorkspace()
        let extra = try workspace.file("extra.csv", "organisation_number,name,municipality_number,target_groups,places_per_day,open_weekdays\n974760673,Lia,3303,pupils,4,mon,surprise\n")
        #expect(throws: TunetError.self) { try ProviderImportDesk(workspace.context).run(file: extra) }
        let empty = try workspace.file("empty.csv", "")
        #expect(throws: TunetError.self) { try ProviderImportDesk(workspace.context).run(file: empty) }
        let missing = workspace.folder.appendingPathComponent("missing.csv")
        #expect(throws: TunetError.self) { try ProviderImportDesk(workspace.context).run(file: missing) }
        #expect(try workspace.snapshot().hasSuffix("\n0"))
    }
}

@Suite("The demo database")
struct DemoScenarioTests {
    @Test("The demo has Kongsberg's six farms, the pilot municipalities and mixed approval states, and refuses to overwrite")
    func demo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try TunetConfiguration(
            databaseOption: try TestDatabase.location(in: folder, name: "demo.sqlite"), actorOption: "demo", environment: [:])
        let report = try DemoScenario.build(configuration, replace: false)
        #expect(report.providers == 16)
        #expect(report.approvalStates.keys.sorted() == ["audit_overdue", "expiring", "not_approved", "valid"])
        let farms = try ProviderDesk(try configuration.context()).list(ProviderFilter(municipalityNumber: "3303"))
        #expect(farms.count == 6)
        for number in ["1804", "1837", "1865", "1866", "1870"] {
            #expect(report.municipalities.contains { $0.hasPrefix(number) })
        }
        #expect(throws: TunetError.self) { try DemoScenario.build(configuration, replace: false) }
        if TestDatabase.usesPostgres {
            let refused = #expect(throws: TunetError.self) { try DemoScenario.build(configuration, replace: true) }
            #expect(refused?.english.contains("shared PostgreSQL database: Tunet does not delete or replace it") == true)
        } else {
            #expect(try DemoScenario.build(configuration, replace: true).providers == 16)
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("An option beats the environment, which beats the default")
    func precedence() throws {
        let environment = ["TUNET_DATABASE": "/data/env.sqlite", "TUNET_ACTOR": "envuser", "USER": "osuser"]
        let fromOption = try TunetConfiguration(databaseOption: "/data/opt.sqlite", actorOption: "kari", environment: environment)
        #expect(fromOption.databasePath == "/data/opt.sqlite")
        #expect(fromOption.actor == "kari")
        let fromEnvironment = try TunetConfiguration(databaseOption: nil, actorOption: nil, environment: environment)
        #expect(fromEnvironment.databasePath == "/data/env.sqlite")
        #expect(fromEnvironment.actor == "envuser")
        let defaults = try TunetConfiguration(databaseOption: nil, actorOption: nil, environment: ["USER": "osuser"])
        #expect(defaults.databasePath == "tunet.sqlite")
        #expect(defaults.actor == "osuser")
    }

    @Test("TUNET_TODAY fixes the day, and a wrong one is refused")
    func fixedToday() throws {
        #expect(try TunetConfiguration(databaseOption: nil, actorOption: nil, environment: ["TUNET_TODAY": "01.03.2026"]).today
            == LocalDate(year: 2026, month: 3, day: 1))
        #expect(throws: TunetError.self) {
            try TunetConfiguration(databaseOption: nil, actorOption: nil, environment: ["TUNET_TODAY": "tomorrow"])
        }
    }

    @Test("Today is the Norwegian day, even late in the UTC evening")
    func osloDay() {
        // 2026-06-30 22:30 UTC is 1 July 00:30 in Oslo (summer time).
        let instant = Date(timeIntervalSince1970: 1_782_858_600)
        #expect(OsloTime.today(now: instant) == LocalDate(year: 2026, month: 7, day: 1))
        #expect(OsloTime.startOfDayUTC(LocalDate(year: 2026, month: 1, day: 15)!) == "2026-01-14T23:00:00.000Z")
    }
}
