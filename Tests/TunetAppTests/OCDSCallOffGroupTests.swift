import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage

/// How call-offs become OCDS releases when farms have few participants: never a sum for fewer than five.
@Suite("OCDS call-offs: farms with fewer than five participants")
struct OCDSCallOffGroupTests {
    /// Kongsberg's agreement as a direct order; in March 2026 Lia gård and Haugen gård each have three people
    /// with dementia on Mondays (six together), in April only Lia gård, with two of them.
    func workspace() throws -> TestWorkspace {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 2)!)
        var form = kongsbergForm()
        form.callOffMethod = "direct"
        form.options = []
        form.start = "2026-01-01"
        form.end = "2027-12-31"
        form.prices = ["974760673:full_day:day:1000", "923609016:full_day:day:900"]
        _ = try AgreementDesk(workspace.context).add(form)
        var rows = ["organisation_number,participant,date,status,hours,transport_trips,extra_day"]
        for (provider, count, end) in [("974760673", 3, "2026-04-13"), ("923609016", 3, "2026-03-30")] {
            for index in 0..<count {
                var placement = PlacementForm()
                placement.kind = "dementia"
                placement.municipality = "3303"
                placement.weekdays = "mon"
                placement.provider = provider
                placement.start = "2026-03-02"
                placement.end = index < 2 ? end : "2026-03-30"
                placement.decisionReference = "HO-\(provider)-\(index)"
                let made = try #require(try PlacementDesk(workspace.context).add(to: "2023/4512", placement).placement).placement
                for day in ["2026-03-02", "2026-03-09"] + (placement.end == "2026-04-13" ? ["2026-04-13"] : []) {
                    rows.append("\(provider),\(made.participant.text),\(day),present,5,,")
                }
            }
        }
        let later = TunetContext(store: workspace.context.store, actor: .atServer("test"), today: LocalDate(year: 2026, month: 5, day: 1)!)
        _ = try AttendanceImportDesk(later).run(file: try workspace.file("dager.csv", rows.joined(separator: "\n") + "\n"))
        return workspace
    }

    @Test("Two farms of three are published together as one call-off with both as suppliers; a month of two is held back and counted")
    func smallFarmsTogether() throws {
        let workspace = try self.workspace()
        let today = TunetContext(store: workspace.context.store, actor: .atServer("test"), today: LocalDate(year: 2026, month: 5, day: 1)!)
        var request = OCDSRequest()
        request.buyers = ["3303=964000093"]
        let path = workspace.folder.appendingPathComponent("ocds.json").path
        let view = try OCDSDesk(today).write(request, to: path)
        #expect(view.callOffs == 1)
        #expect(view.heldBack == 1)
        #expect(view.heldBackValue == Money.kroner(2_000), "April: two days at Lia gård")
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let callOff = try #require((package["releases"] as? [[String: Any]])?.first { ($0["ocid"] as? String)?.contains("-avrop-") == true })
        #expect(callOff["ocid"] as? String == "ocds-tunet0-avrop-2023_2F4512-3303-andre-2026-03")
        let award = try #require((callOff["awards"] as? [[String: Any]])?.first)
        #expect((award["suppliers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["NO-BRC-923609016", "NO-BRC-974760673"])
        // Three people two Mondays at kr 1 000 and three at kr 900.
        #expect((award["value"] as? [String: Any])?["amount"] as? Double == 11_400)
        let contract = try #require((callOff["contracts"] as? [[String: Any]])?.first)
        #expect((contract["description"] as? String)?.hasSuffix("deltakere: 6.") == true, "\(contract)")
    }
}
