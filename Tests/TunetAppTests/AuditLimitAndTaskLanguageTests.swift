import Foundation
import Testing
import TunetJSON
import TunetText
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

@Suite("The audit log's newest events, and a task read in each language")
struct AuditLimitAndTaskLanguageTests {
    /// Four farms registered one after the other: four audit events, 1 to 4.
    func fourEvents() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        for (number, name) in [("974760673", "Lia gård"), ("923609016", "Haugen gård"), ("912345602", "Berg gård"), ("912345718", "Ås gård")] {
            var form = liaGard
            form[.organisationNumber] = number
            form[.name] = name
            _ = try ProviderDesk(workspace.context).add(form)
        }
        return workspace
    }

    @Test("A limit gives the newest events, oldest first; with oldest, the first; filters apply before the limit")
    func newest() throws {
        let workspace = try fourEvents()
        let log = AuditDesk(workspace.context)
        #expect(try log.events().map(\.id) == [1, 2, 3, 4])
        #expect(try log.events(limit: 2).map(\.id) == [3, 4])
        #expect(try log.events(limit: 2, oldest: true).map(\.id) == [1, 2])
        #expect(try log.events(limit: 10).map(\.id) == [1, 2, 3, 4])
        #expect(try log.events(id: "923609016", limit: 1).map(\.entityId) == ["923609016"])
        let refused = #expect(throws: TunetError.self) { try log.events(limit: 0) }
        #expect(refused?.problems.first?.reason.english == "the limit must be at least 1")
    }

    @Test("Actions and kinds of objects read as words; an action without a word shows its code")
    func words() {
        #expect(AuditEventView.actionText("open", Texts(.nb)) == "kunngjort")
        #expect(AuditEventView.actionText("read-name", Texts(.nb)) == "navn lest")
        #expect(AuditEventView.entityText("team_member", Texts(.en)) == "team member")
        #expect(AuditEventView.actionText("something-new", Texts(.nb)) == "something-new")
    }

    @Test("A raised task's title, history and routing are in the desk's language, in the view and in its JSON")
    func taskInEachLanguage() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2026, month: 11, day: 23)!)
        var lia = liaGard
        lia[.insuranceExpiry] = "2026-12-31"
        _ = try ProviderDesk(workspace.context).add(lia)
        let team = WorkTeamDesk(workspace.context)
        _ = try team.addTeam(name: "Arbeidslag", municipalities: ["3303"], owner: "Kommunedirektør")
        _ = try team.addMember(team: nil, name: "Siri Moen", sector: "coordinating_unit", role: "r", email: nil)
        let raised = try #require(try TaskRuleDesk(workspace.context, language: .nb).generate().raised.first)
        #expect(raised.title == "Hent inn fornyet forsikring fra Lia gård: den utløper 31.12.2026")
        let json = try SortedJSONEncoder().encodeToString(raised)
        #expect(json.contains(#""title":"Hent inn fornyet forsikring fra Lia gård: den utløper 31.12.2026""#), "\(json)")
        #expect(json.contains(#""reason":"ingen aktive medlemmer i innkjøp, så arbeidslagets koordinerende enhet tar den""#), "\(json)")
        #expect(json.contains(#""from_member":null"#))
        let english = try TaskDesk(workspace.context, language: .en).show(raised.task.id)
        #expect(english.title == "Get the renewed insurance of Lia gård: it expires 2026-12-31")
        let englishJSON = try SortedJSONEncoder().encodeToString(english)
        #expect(englishJSON.contains(#""text":"raised by the insurance renewal rule; owner Siri Moen: no active member in procurement, so the team's coordinating unit takes it""#),
                "\(englishJSON)")
        #expect(englishJSON.contains(#""routing":null"#))
    }
}
