import Foundation
import Testing
import TunetTestSupport
@testable import TunetApp
import TunetFixtures
@testable import TunetDomain
import TunetStorage

/// A framework agreement for Kongsberg, Modum and Fredrikstad together, with one ceiling (NOK 8 000 000)
/// and Lia gård first in the ranking at NOK 1 250 a day. Today is 1 March 2026.
func jointAgreementWorkspace() throws -> TestWorkspace {
    let workspace = try TestWorkspace(today: LocalDate(year: 2026, month: 3, day: 1)!)
    try registerFarms(workspace)
    var form = kongsbergForm()
    form.reference = "2026/FELLES"
    form.title = "Inn på tunet i tre kommuner"
    form.municipalities = ["3303", "3316", "3107"]
    form.start = "2026-01-01"
    form.end = "2027-12-31"
    form.options = []
    _ = try AgreementDesk(workspace.context).add(form)
    return workspace
}

/// A person with dementia placed for a municipality of the joint agreement on the five Mondays of March
/// 2026 (5 × NOK 1 250 = NOK 6 250 committed).
@discardableResult
func placeOnMarchMondays(_ workspace: TestWorkspace, for municipality: String) throws -> Placement {
    var form = PlacementForm()
    form.kind = "dementia"
    form.municipality = municipality
    form.weekdays = "mon"
    form.start = "2026-03-02"
    form.end = "2026-03-30"
    form.decisionReference = "HO-\(municipality)"
    return try #require(try PlacementDesk(workspace.context).add(to: "2026/FELLES", form).placement).placement
}

@Suite("A joint agreement's shared ceiling, municipality by municipality")
struct JointAgreementConsumptionTests {
    typealias Line = (municipality: String, committed: Money, spent: Money)

    func lines(_ view: AgreementView) -> [Line] {
        view.consumptionByMunicipality.map { ($0.municipalityNumber, $0.committed, $0.spent) }
    }

    @Test("Each municipality of the agreement has a line, zero without placements, and the lines add up to the agreement's consumption")
    func linesAddUp() throws {
        let workspace = try jointAgreementWorkspace()
        let kongsberg = try placeOnMarchMondays(workspace, for: "3303")
        try placeOnMarchMondays(workspace, for: "3316")
        // Lia gård reports Kongsberg's first Monday: NOK 1 250 spent, released from what was committed.
        let later = TunetContext(store: workspace.context.store, actor: .atServer("test"), today: LocalDate(year: 2026, month: 3, day: 3)!)
        let file = try workspace.file("mars.csv", """
            organisation_number,participant,date,status,hours,transport_trips,extra_day
            974760673,\(kongsberg.participant.text),2026-03-02,present,5,,

            """)
        let imported = try AttendanceImportDesk(later).run(file: file)
        #expect(imported.new == 1)

        let view = try AgreementDesk(later).show("2026/FELLES")
        let shown = lines(view)
        #expect(shown.map(\.municipality) == ["3303", "3316", "3107"])
        #expect(shown.map(\.committed) == [Money.kroner(5_000), Money.kroner(6_250), .zero])
        #expect(shown.map(\.spent) == [Money.kroner(1_250), .zero, .zero])
        #expect(view.consumption == Consumption(maximum: Money.kroner(8_000_000), committed: Money.kroner(11_250), spent: Money.kroner(1_250)))
        #expect(shown.reduce(Money.zero) { $0 + $1.committed } == view.consumption.committed)
        #expect(shown.reduce(Money.zero) { $0 + $1.spent } == view.consumption.spent)
        let modum = try #require(view.consumptionByMunicipality.first { $0.municipalityNumber == "3316" })
        #expect(modum.municipalityName == "Modum")
        #expect(modum.shareOfUsed?.text == "50,0 %")
        #expect(modum.shareOfMaximum == Percentage(625_000, of: 800_000_000))
        #expect(view.consumptionByMunicipality.last?.shareOfUsed?.text == "0,0 %", "Fredrikstad has used nothing of the NOK 12 500")
    }

    @Test("A placement for one municipality moves that municipality's line and no other")
    func placementMovesItsOwnLine() throws {
        let workspace = try jointAgreementWorkspace()
        try placeOnMarchMondays(workspace, for: "3303")
        let before = lines(try AgreementDesk(workspace.context).show("2026/FELLES"))
        try placeOnMarchMondays(workspace, for: "3107")
        let after = lines(try AgreementDesk(workspace.context).show("2026/FELLES"))
        #expect(before.map(\.committed) == [Money.kroner(6_250), .zero, .zero])
        #expect(after.map(\.committed) == [Money.kroner(6_250), .zero, Money.kroner(6_250)])
        #expect(after.map(\.spent) == before.map(\.spent))
    }

    @Test("The demo's dementia agreement for Oslo and Viken shows its five municipalities, each with its own placement")
    func demoPilot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-joint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try TunetConfiguration(databaseOption: try TestDatabase.location(in: folder, name: "demo.sqlite"), actorOption: "demo",
                                                   environment: ["TUNET_TODAY": "2026-11-23"])
        _ = try DemoScenario.build(configuration, replace: false)
        let view = try AgreementDesk(try configuration.context()).show("2025/DAG-77")
        #expect(view.consumptionByMunicipality.map(\.municipalityText)
                == ["3316 Modum", "3326 Hemsedal", "3107 Fredrikstad", "3222 Lørenskog", "0301 Oslo"])
        #expect(view.consumptionByMunicipality.allSatisfy { $0.committed > .zero && $0.spent > .zero })
        #expect(view.consumptionByMunicipality.reduce(Money.zero) { $0 + $1.used } == view.consumption.used)
    }
}
