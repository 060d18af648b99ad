import Foundation
import Testing
import TunetTestSupport
@testable import TunetApp
import TunetFixtures
@testable import TunetDomain
import TunetStorage
import TunetText

/// The ceiling forecast read from a real store: the days' costs come from placements and reported attendance.
@Suite("The ceiling forecast from an agreement's placements and attendance")
struct CeilingForecastDeskTests {
    static let reference = "2023/4512"

    /// Kongsberg's agreement (1 January 2026 to 31 December 2027, maximum NOK 40 000, NOK 1 000 a day at
    /// Lia gård), a person with dementia on the 13 Mondays from 5 January to 30 March, January reported,
    /// and another placed ahead on the Mondays from 13 April to 25 May (Whit Monday is a holiday: 6 days).
    func history() throws -> (TestWorkspace, TunetContext) {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 2)!)
        var form = kongsbergForm()
        form.maximumValue = "40000"
        form.estimatedValue = "40000"
        form.options = []
        form.start = "2026-01-01"
        form.end = "2027-12-31"
        form.prices = ["974760673:full_day:day:1000", "923609016:full_day:day:1000"]
        _ = try AgreementDesk(workspace.context).add(form)
        var placement = PlacementForm()
        placement.kind = "dementia"
        placement.municipality = "3303"
        placement.weekdays = "mon"
        placement.start = "2026-01-05"
        placement.end = "2026-03-30"
        placement.decisionReference = "HO-1"
        let first = try #require(try PlacementDesk(workspace.context).add(to: Self.reference, placement).placement).placement
        placement.start = "2026-04-13"
        placement.end = "2026-05-25"
        placement.decisionReference = "HO-2"
        _ = try PlacementDesk(workspace.context).add(to: Self.reference, placement)

        let today = TunetContext(store: workspace.context.store, actor: .atServer("test"), today: LocalDate(year: 2026, month: 4, day: 1)!)
        let january = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"].map { "974760673,\(first.participant.text),\($0),present,5,," }
        let file = try workspace.file("januar.csv", (["organisation_number,participant,date,status,hours,transport_trips,extra_day"] + january)
            .joined(separator: "\n") + "\n")
        #expect(try AttendanceImportDesk(today).run(file: file).new == 4)
        return (workspace, today)
    }

    @Test("NOK 13 000 over 90 days, 6 000 committed ahead and NOK 21 000 of room: reached 04.10.2026, between 09.09 and 20.10")
    func knownAnswer() throws {
        let (_, today) = try history()
        let view = try AgreementDesk(today).show(Self.reference)
        #expect(view.consumption.used == Money.kroner(19_000))
        let forecast = try #require(view.forecast)
        #expect(forecast.windowCost == Money.kroner(13_000))
        #expect(forecast.expected == .reached(LocalDate(year: 2026, month: 10, day: 4)!))
        #expect(forecast.earliest == .reached(LocalDate(year: 2026, month: 9, day: 9)!))
        #expect(forecast.latest == .reached(LocalDate(year: 2026, month: 10, day: 20)!))
        #expect(view.forecastIsEarly)
        #expect(Texts(.nb).render(forecast.message)
                == "Med dagens tempo nås maksimalverdien 04.10.2026 (mellom 09.09.2026 og 20.10.2026), 14½ måneder før avtalen utløper.")
        #expect(try AgreementDesk(today).consumption().map(\.forecast) == [forecast])
    }

    @Test("The ceiling task rule raises the forecast once, in the forecast's words, and not for an agreement that ended")
    func taskRule() throws {
        let (_, today) = try history()
        let raised = try TaskRuleDesk(today).generate()
        #expect(keys(raised).contains("ceiling_forecast:\(Self.reference):2026-10"))
        let task = try #require(raised.raised.first { $0.task.ruleKey?.hasSuffix("ceiling_forecast:\(Self.reference):2026-10") == true })
        #expect(task.task.title.bokmal.hasPrefix("Avtale 2023/4512: Med dagens tempo nås maksimalverdien 04.10.2026"))
        #expect(keys(try TaskRuleDesk(today).generate()).isEmpty, "the same condition raises nothing new")
        let later = TunetContext(store: today.store, actor: .atServer("test"), today: LocalDate(year: 2028, month: 1, day: 1)!)
        #expect(try AgreementDesk(later).show(Self.reference).forecast == nil)
    }
}
