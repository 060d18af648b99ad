import Foundation
import Testing

@Suite("Agreements that run out, and tasks that always have an owner, run as a user runs them")
struct RenewalAndTaskOwnerTests {
    @Test("On the demo of 2 December 2026, Kongsberg's 2023/4512 (ends 2026-12-31, option 2's deadline missed) asks for a new competition")
    func demoRenewal() throws {
        let tunet = try TunetProcess()
        let day = ["TUNET_TODAY": "2026-12-02"]
        #expect(try tunet.run(["demo"], environment: day).status == 0)
        let tasks = try tunet.json(try tunet.run(["task", "list", "--team", "1", "--json"], environment: day)) as? [[String: Any]]
        let renewal = try #require(tasks?.first { $0["rule_key"] as? String == "1|renewal:2023/4512:2026-12-31" })
        #expect(renewal["title"] as? String
            == "Plan a new competition: agreement 2023/4512 ends 2026-12-31 and the decision deadline of option 2 (2026-09-30) has passed")
        #expect(renewal["kind"] as? String == "new_competition")
        #expect(renewal["due"] as? String == "2026-12-31")
        #expect(renewal["owner_name"] as? String == "Eva Dahl")
        #expect((renewal["link"] as? [String: Any])?["key"] as? String == "2023/4512")
        #expect(tasks?.filter { $0["kind"] as? String == "new_competition" }.count == 1)   // Nordland's and the dementia pilot's run longer
        let again = try tunet.run(["task", "generate"], environment: day)
        #expect(again.status == 0)
        #expect(!again.stdout.contains("Plan a new competition"), "\(again.stdout)")   // raised once, by the demo's own run
    }

    /// Lia gård under an agreement that ends 2027-08-20 (270 days after 2026-11-23) without options, and a
    /// team with members in education and the coordinating unit only.
    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "2", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/7", "--title", "Dagaktivitet Kongsberg", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-08-20", "--estimated-value", "500000",
             "--maximum-value", "500000", "--call-off", "direct", "--price", "974760673:full_day:day:1000"],
            ["team", "add", "--name", "Arbeidslag", "--municipality", "3303", "--owner", "Kommunedirektør"],
            ["team", "member", "add", "--name", "Kari Lia", "--sector", "education", "--role", "leder"],
            ["team", "member", "add", "--name", "Siri Moen", "--sector", "coordinating_unit", "--role", "koordinerende enhet"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments)
            #expect(result.status == 0, "\(arguments[0]) \(arguments[1]): \(result.stderr)")
        }
        return tunet
    }

    @Test("Raised 270 days before the end (not with --renewal-days 269), and with nobody in procurement it goes to the coordinating unit, saying why")
    func renewalToCoordinatingUnit() throws {
        let tunet = try prepared()
        let short = try tunet.run("task", "generate", "--renewal-days", "269")
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout.contains("0 raised, 0 already raised, 0 whose condition is gone."))
        let generated = try tunet.run("task", "generate")
        #expect(generated.stdout.contains(
            "Raised Task 1 (open): Plan a new competition: agreement 2026/7 ends 2027-08-20 and it has no option left to extend it — Siri Moen\n"
            + "  Owner: Siri Moen, because no active member in procurement, so the team's coordinating unit takes it."), "\(generated.stdout)")
        let json = try tunet.json(try tunet.run("task", "show", "1", "--json")) as? [String: Any]
        #expect(json?["rule_key"] as? String == "1|renewal:2026/7:2027-08-20")
        #expect(json?["owner_name"] as? String == "Siri Moen")
        #expect(json?["routing"] is NSNull)
        let history = (json?["history"] as? [[String: Any]])?.first?["text"] as? String
        #expect(history == "raised by the new competition rule; owner Siri Moen: no active member in procurement, so the team's coordinating unit takes it")
    }

    @Test("task add without --owner goes to the coordinating unit, or the team's owner without one, and says so")
    func addWithoutOwner() throws {
        let tunet = try prepared()
        let added = try tunet.run("task", "add", "--title", "Ring gården om gjerdet", "--sector", "agriculture")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added Task 1 (open): Ring gården om gjerdet — Siri Moen\n"
            + "  Owner: Siri Moen, because no active member in agriculture, so the team's coordinating unit takes it.\n")
        let json = try tunet.json(try tunet.run("task", "add", "--title", "Skriv referat", "--sector", "education", "--json")) as? [String: Any]
        #expect(json?["owner_name"] as? String == "Kari Lia")
        #expect((json?["routing"] as? [String: Any])?["route"] as? String == "sector")

        let lone = try TunetProcess()
        for arguments in [["team", "add", "--name", "Arbeidslag", "--municipality", "3303", "--owner", "Kommunedirektør"],
                          ["team", "member", "add", "--name", "Kari Lia", "--sector", "education", "--role", "leder"]] {
            #expect(try lone.run(arguments).status == 0)
        }
        let toOwner = try lone.run("task", "add", "--title", "Avklar NAV-tiltak", "--sector", "nav", "--json")
        let task = try lone.json(toOwner) as? [String: Any]
        #expect(task?["owner"] is NSNull)
        #expect(task?["owner_id"] is NSNull)
        #expect(task?["owner_name"] as? String == "Kommunedirektør")
        let routing = task?["routing"] as? [String: Any]
        #expect(routing?["route"] as? String == "team_owner")
        #expect(routing?["reason"] as? String == "no active member in NAV and none in the coordinating unit, so the team's owner takes it")
        let text = try lone.run("task", "add", "--title", "Avklar NAV-tiltak igjen", "--sector", "nav")
        #expect(text.stdout.contains("Added Task 2 (open): Avklar NAV-tiltak igjen — Kommunedirektør (the team's owner)\n"
            + "  Owner: Kommunedirektør (the team's owner), because no active member in NAV and none in the coordinating unit, so the team's owner takes it."))
        let list = try lone.run("task", "list")
        #expect(list.stdout.contains("Kommunedirektør (the team's owner)"))
        #expect(try lone.run("task", "show", "1").stdout.contains("Owner:   Kommunedirektør (the team's owner)\n"))
    }
}
