import Foundation
import Testing
@testable import TunetDomain
import TunetText

@Suite("A task's title and notes: typed text kept as typed, Tunet's sentences kept as messages")
struct TaskTextTests {
    @Test("Typed text is stored as a string, a rule's title as its message, and reads in either language afterwards")
    func storedForms() throws {
        let typed = RecordedText.typed("Ring gården")
        #expect(String(decoding: try JSONEncoder().encode(typed), as: UTF8.self) == #""Ring gården""#)
        let written = RecordedText.written(Message("task.title.pilot_evaluation", ["pilot": "Demens Kongsberg", "due": .date(LocalDate(year: 2027, month: 1, day: 1)!)]))
        let data = try JSONEncoder().encode(written)
        let decoded = try JSONDecoder().decode(RecordedText.self, from: data)
        #expect(decoded == written)
        guard case .written(let message) = decoded else { Issue.record("not a message: \(decoded)"); return }
        #expect(Texts(.nb).render(message) == "Skriv evalueringen av piloten «Demens Kongsberg» innen 01.01.2027")
        #expect(Texts(.en).render(message) == "Write the evaluation of pilot 'Demens Kongsberg' due 2027-01-01")
        #expect(decoded.typed == nil && typed.typed == "Ring gården")
    }

    @Test("A task stored before titles were messages reads its title and history as typed text")
    func earlierTask() throws {
        let document = #"""
            {"id":3,"team_id":1,"title":"Renew the IPT approval of Lia gård: external audit due 2026-12-01","kind":"approval_renewal",
             "sectors":["agriculture"],"owner_id":5,"due":"2026-12-01","link":null,"status":"open","rule_key":"approval:974760673:2026-12-01",
             "condition_gone":false,"created_on":"2026-09-02",
             "history":[{"at":"2026-09-02T08:00:00.000Z","actor":"kari","action":"created","from_member":null,"to_member":5,
                         "text":"raised by rule approval:974760673:2026-12-01; owner Ola Berg: the first active member in agriculture"}]}
            """#
        let task = try JSONDecoder().decode(WorkTask.self, from: Data(document.utf8))
        #expect(task.title == .typed("Renew the IPT approval of Lia gård: external audit due 2026-12-01"))
        #expect(task.history.first?.text?.typed?.hasPrefix("raised by rule approval:974760673") == true)
    }

    @Test("Why an owner was chosen reads in each language; the sectors passed over are listed as the language lists them")
    func ownerReasons() {
        let team = Team(id: 1, name: "Arbeidslag", municipalityNumber: "3303", owner: "Kommunedirektør")
        let members = [TeamMember(id: 1, teamId: 1, name: "Nils", sector: .finance, role: "r", email: nil)]
        let choice = TaskOwnerRule.choose(sectors: [.procurement, .agriculture, .finance], team: team, members: members)
        #expect(Texts(.nb).render(choice.reason) == "ingen aktive medlemmer i innkjøp og landbruk; første aktive medlem i økonomi")
        #expect(Texts(.en).render(choice.reason) == "no active member in procurement and agriculture; the first active member in finance")
        let none = TaskOwnerRule.choose(sectors: [], team: team, members: [])
        #expect(Texts(.nb).render(none.reason) == "oppgaven nevner ingen sektor og ingen i koordinerende enhet, så arbeidslagets eier tar den")
    }
}
