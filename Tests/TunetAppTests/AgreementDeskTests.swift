import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

/// Registers the two farms the agreement form names.
func registerFarms(_ workspace: TestWorkspace) throws {
    let registry = ProviderDesk(workspace.context)
    _ = try registry.add(liaGard)
    var haugen = liaGard
    haugen[.organisationNumber] = "923609016"
    haugen[.name] = "Haugen gård"
    _ = try registry.add(haugen)
}

func kongsbergForm() -> AgreementForm {
    var form = AgreementForm()
    form.reference = "2023/4512"
    form.title = "Inn på tunet Kongsberg"
    form.municipalities = ["3303"]
    form.parties = ["974760673:1", "923609016:2"]
    form.targetGroups = "pupils,dementia"
    form.start = "2024-01-01"
    form.end = "2025-12-31"
    form.options = ["12:2025-09-30", "12:2026-09-30"]
    form.estimatedValue = "6000000"
    form.maximumValue = "8000000"
    form.callOffMethod = "ranking"
    form.prices = ["974760673:full_day:day:1250", "923609016:full_day:day:1190"]
    form.kpiBaseMonth = "2023M10"
    form.kpiIndexMonth = "10"
    return form
}

@Suite("Framework agreements")
struct AgreementDeskTests {
    @Test("An agreement with registered farms is stored and audited; unknown farms and a second reference are refused")
    func add() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        let before = try workspace.snapshot()
        #expect(throws: TunetError.self) { try AgreementDesk(workspace.context).add(kongsbergForm()) }
        #expect(try workspace.snapshot() == before)
        try registerFarms(workspace)
        let added = try AgreementDesk(workspace.context).add(kongsbergForm())
        #expect(added.summary.status == .active)
        #expect(added.summary.consumption.headroom == Money.kroner(8_000_000))
        #expect(throws: TunetError.conflict(Message("agreement.already_registered", ["reference": "2023/4512"]))) {
            try AgreementDesk(workspace.context).add(kongsbergForm())
        }
        let events = try AuditDesk(workspace.context).events(entity: "agreement")
        #expect(events.map(\.action) == ["create"])
        #expect(try AgreementDesk(workspace.context).show("2023/4512").agreement.parties.count == 2)
    }

    @Test("An option is exercised up to its deadline, and not after it")
    func extend() throws {
        let onDeadline = try TestWorkspace(today: LocalDate(year: 2025, month: 9, day: 30)!)
        try registerFarms(onDeadline)
        _ = try AgreementDesk(onDeadline.context).add(kongsbergForm())
        let extended = try AgreementDesk(onDeadline.context).extend("2023/4512")
        #expect(extended.agreement.currentEnd == LocalDate(year: 2026, month: 12, day: 31))
        #expect(extended.agreement.options[0].exercisedOn == LocalDate(year: 2025, month: 9, day: 30))

        let late = try TestWorkspace(today: LocalDate(year: 2025, month: 10, day: 1)!)
        try registerFarms(late)
        _ = try AgreementDesk(late.context).add(kongsbergForm())
        let before = try late.snapshot()
        do {
            _ = try AgreementDesk(late.context).extend("2023/4512")
            Issue.record("extended after the deadline")
        } catch let error as TunetError {
            #expect(error.english.contains("had to be decided by 2025-09-30"))
        }
        #expect(try late.snapshot() == before)
    }

    @Test("Termination needs a reason and a day within the agreement, once")
    func terminate() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        try registerFarms(workspace)
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        let registry = AgreementDesk(workspace.context)
        #expect(throws: TunetError.self) { try registry.terminate("2023/4512", reason: "") }
        #expect(throws: TunetError.self) { try registry.terminate("2023/4512", reason: "x", on: "2030-01-01") }
        let terminated = try registry.terminate("2023/4512", reason: "Replaced by the joint agreement", on: "2025-03-01")
        #expect(terminated.summary.status == .terminated)
        #expect(throws: TunetError.self) { try registry.terminate("2023/4512", reason: "again") }
        #expect(throws: TunetError.self) { try registry.extend("2023/4512") }
    }

    @Test("KPI adjustment keeps every price as a dated version, refuses a missing month and is idempotent")
    func adjustPrices() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        try registerFarms(workspace)
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        let kpi = ConsumerPriceIndexDesk(workspace.context)
        _ = try kpi.set("2023M10", "133.0")
        let before = try workspace.snapshot()
        do {
            _ = try PriceAdjustmentDesk(workspace.context).run(year: 2025)
            Issue.record("adjusted without the reference month")
        } catch let error as TunetError {
            #expect(error.problems.first?.value == "2024M10")
            #expect(error.english.contains("tunet kpi set 2024M10"))
        }
        #expect(try workspace.snapshot() == before)

        _ = try kpi.set("2024-10", "136.4")
        let report = try PriceAdjustmentDesk(workspace.context).run(year: 2025)
        #expect(report.adjusted.first?.prices.first { $0.line == "full_day" && $0.provider.digits == "974760673" }?.adjusted == Money(ore: 128_195))
        let prices = try AgreementDesk(workspace.context).prices("2023/4512", provider: "974760673", on: "2024-12-31")
        #expect(prices.prices.first?.amount == Money.kroner(1250))
        let later = try AgreementDesk(workspace.context).prices("2023/4512", provider: "974760673", on: "2025-01-01")
        #expect(later.prices.first?.amount == Money(ore: 128_195))
        #expect(later.versions.count == 2)

        let afterFirst = try workspace.snapshot()
        _ = try PriceAdjustmentDesk(workspace.context).run(year: 2025)
        #expect(try workspace.snapshot() == afterFirst)
        #expect(try PriceAdjustmentDesk(workspace.context).run(year: 2025).skipped["2023/4512"]?.reason == .alreadyApplied)
        #expect(try PriceAdjustmentDesk(workspace.context).run(year: 2024).skipped["2023/4512"]?.reason == .pricesApplyFromStart)
    }

    @Test("A KPI adjustment that would lift a price above NOK 1 000 000 for a unit is refused, naming the price, and changes nothing")
    func adjustmentBeyondTheLargestPrice() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        try registerFarms(workspace)
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        let kpi = ConsumerPriceIndexDesk(workspace.context)
        _ = try kpi.set("2023M10", "0.1")
        _ = try kpi.set("2024M10", "9999.9")
        let before = try workspace.snapshot()
        do {
            _ = try PriceAdjustmentDesk(workspace.context).run(year: 2025)
            Issue.record("a price above the largest was stored")
        } catch let error as TunetError {
            #expect(error.problems.contains { $0.reason.key == "agreement.adjust.too_large" })
            #expect(error.english.contains("full_day at 974760673"))
        }
        #expect(try workspace.snapshot() == before)
    }
}

@Suite("Consumer price index import")
struct ConsumerPriceIndexImportTests {
    @Test("The example download imports, skipping the unpublished month")
    func importsExample() throws {
        let workspace = try TestWorkspace()
        let report = try ConsumerPriceIndexDesk(workspace.context).importFile(examples.appendingPathComponent("kpi-03013.csv"))
        #expect(report.months == 7)
        #expect(report.skipped == 1)
        let values = try ConsumerPriceIndexDesk(workspace.context).list()
        #expect(values.first { $0.month == "2026M10" }?.index == IndexValue(tenths: 1432))
        let again = try ConsumerPriceIndexDesk(workspace.context).importFile(examples.appendingPathComponent("kpi-03013.csv"))
        #expect(again.unchanged == 7 && again.new.isEmpty)
    }

    @Test("The wide layout reads the all-item index and skips other consumer groups")
    func wideLayout() throws {
        let workspace = try TestWorkspace()
        let file = try workspace.file("wide.csv", """
            "konsumgruppe";"Konsumprisindeks (2015=100) 2026M09";"Konsumprisindeks (2015=100) 2026M10"
            "Totalindeks";142.8;143.2
            "Matvarer og alkoholfrie drikkevarer";150.1;151.0
            """)
        let report = try ConsumerPriceIndexDesk(workspace.context).importFile(file)
        #expect(report.new == ["2026M09", "2026M10"])
        #expect(report.skipped == 1)
    }

    @Test("A bad value or a repeated month stores nothing and names the row")
    func badRows() throws {
        let workspace = try TestWorkspace()
        let file = try workspace.file("bad.csv", """
            "måned";"Konsumprisindeks (2015=100)"
            "2026M09";142.8
            "2026M10";143.25
            "2026M09";142.9
            """)
        do {
            _ = try ConsumerPriceIndexDesk(workspace.context).importFile(file)
            Issue.record("imported a bad file")
        } catch let error as TunetError {
            #expect(error.problems.map(\.row) == [3, 4])
        }
        #expect(try ConsumerPriceIndexDesk(workspace.context).list().isEmpty)
        let notKPI = try workspace.file("other.csv", "a;b\n1;2\n")
        #expect(throws: TunetError.self) { try ConsumerPriceIndexDesk(workspace.context).importFile(notKPI) }
    }
}
