import Foundation
import Testing

@Suite("tunet team and tunet task, run as a user runs them")
struct TaskCommandTests {
    @Test("A team, its members, a task handed over between sectors, and the rules run twice")
    func flow() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let team = try tunet.json(try tunet.run("team", "show", "1", "--json")) as? [String: Any]
        #expect((team?["members"] as? [Any])?.count == 7)
        let again = try tunet.run("task", "generate")
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 raised"))

        let added = try tunet.run("task", "add", "--team", "1", "--title", "Skaff politiattest fra Bergsetra", "--kind", "police_certificate", "--sector", "education",
                                  "--owner", "Kari Lia", "--due", "2026-11-01", "--link", "provider:912346102")
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
        let overdue = try tunet.run(["task", "list", "--mine", "--overdue"], environment: ["TUNET_ACTOR": "Kari Lia"])
        #expect(overdue.stdout.contains("Skaff politiattest fra Bergsetra"))
        #expect(try tunet.run("task", "assign", id, "--to", "per.haugen@kommune.example", "--comment", "NAV har kontakten").status == 0)
        #expect(try tunet.run("task", "start", id).status == 0)
        #expect(try tunet.run("task", "comment", id, "--text", "Ringt gården").status == 0)
        #expect(try tunet.run("task", "done", id, "--comment", "Mottatt").status == 0)
        let shown = try tunet.run("task", "show", id)
        for expected in ["assigned", "Kari Lia", "Per Haugen", "NAV har kontakten", "started", "Ringt gården", "done"] {
            #expect(shown.stdout.contains(expected), "missing \(expected)")
        }
        let json = try tunet.json(try tunet.run("task", "show", id, "--json")) as? [String: Any]
        #expect(json?["status"] as? String == "done")
        #expect(json?["sectors"] as? [String] == ["education", "nav"])
    }

    @Test("Bad team and task input is refused and changes nothing")
    func badInput() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let before = try tunet.databaseSnapshot()
        let cases: [([String], String)] = [
            (["task", "add", "--team", "1", "--title", "X", "--sector", "defence"], "'defence' is not a sector"),
            (["task", "add", "--team", "1", "--title", "X", "--sector", "nav", "--owner", "Nobody"], "no team member 'Nobody'"),
            (["task", "add", "--team", "1", "--title", "X", "--sector", "nav", "--link", "agreement:1999/1"], "there is no agreement '1999/1'"),
            (["task", "add", "--team", "1", "--title", "X", "--sector", "nav", "--due", "2026-02-30"], "not a day in the calendar"),
            (["task", "add", "--title", "X", "--sector", "nav"], "there are 3 teams; say which with --team"),
            (["task", "list"], "there are 3 work teams (1 Arbeidslag Inn på tunet Kongsberg, 2 Arbeidslag dagaktivitet Oslo og Viken and 3 Arbeidslag Inn på tunet Bodø); choose one with --team, or see all with --every-team"),
            (["task", "done", "999"], "No task '999'"),
            (["task", "list", "--mine"], "no team member is named 'e2e-tester'"),
            (["team", "member", "add", "--team", "1", "--name", "Y", "--sector", "nav", "--role", "r", "--email", "y@"], "is not an e-mail address"),
            (["team", "add", "--name", "Arbeidslag Inn på tunet Kongsberg", "--municipality", "3303", "--owner", "K"], "already exists"),
            (["team", "add", "--name", "Et nytt lag", "--municipality", "3201,3303", "--owner", "K"],
             "3303 Kongsberg already has a work team (Arbeidslag Inn på tunet Kongsberg); a municipality's tasks go to one team"),
            (["team", "add", "--name", "Et nytt lag", "--owner", "K"], "give the municipality the team works for"),
        ]
        for (arguments, message) in cases {
            let result = try tunet.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try tunet.databaseSnapshot() == before)
    }
}
