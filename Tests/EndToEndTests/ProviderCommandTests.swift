import Foundation
import Testing
import TunetTestSupport

private let liaArguments = [
    "provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303",
    "--target-groups", "pupils,dementia", "--places-per-day", "4", "--open-weekdays", "mon-fri",
    "--approval-date", "02.05.2025", "--next-audit", "2027-05-02", "--police-certificate", "2026-01-10",
    "--email", "post@liagard.example", "--phone", "+47 912 34 567",
]

@Suite("tunet provider, run as a user runs it")
struct ProviderCommandTests {
    @Test("add, list, show, update, suspend and reactivate a farm")
    func lifecycle() throws {
        let tunet = try TunetProcess()
        let added = try tunet.run(liaArguments)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Registered Lia gård (974760673); approval: valid."))
        #expect(TestDatabase.usesPostgres || FileManager.default.fileExists(atPath: tunet.databasePath))

        let list = try tunet.run("provider", "list")
        #expect(list.status == 0)
        #expect(list.stdout.contains("974760673"))
        #expect(list.stdout.contains("3303 Kongsberg"))
        #expect(list.stdout.contains("1 provider"))

        let listJSON = try tunet.json(try tunet.run("provider", "list", "--json")) as? [[String: Any]]
        let farm = try #require(listJSON?.first)
        #expect(farm["organisation_number"] as? String == "974760673")
        #expect(farm["approval_state"] as? String == "valid")
        #expect(farm["target_groups"] as? [String] == ["dementia", "pupils"])
        #expect(farm["open_weekdays"] as? [String] == ["mon", "tue", "wed", "thu", "fri"])
        #expect(farm["ipt_approval_date"] as? String == "2025-05-02")
        #expect(farm["municipality_name"] as? String == "Kongsberg")

        let updated = try tunet.run("provider", "update", "974760673", "--places-per-day", "6", "--email", "")
        #expect(updated.status == 0, "\(updated.stderr)")
        let shown = try tunet.json(try tunet.run("provider", "show", "974760673", "--json")) as? [String: Any]
        #expect(shown?["places_per_day"] as? Int == 6)
        #expect(shown?["email"] is NSNull)
        let history = (shown?["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(history == ["create", "update"])

        #expect(try tunet.run("provider", "suspend", "974760673", "--reason", "Insurance expired").status == 0)
        let suspended = try tunet.run("provider", "list", "--status", "suspended")
        #expect(suspended.stdout.contains("Lia gård"))
        #expect(try tunet.run("provider", "reactivate", "974760673").status == 0)

        let text = try tunet.run("provider", "show", "974760673")
        #expect(text.stdout.contains("Organisation number:   974 760 673"))
        #expect(text.stdout.contains("reactivate"))

        let audit = try tunet.json(try tunet.run("audit", "--entity", "provider", "--id", "974760673", "--json")) as? [[String: Any]]
        #expect(audit?.compactMap { $0["action"] as? String } == ["create", "update", "suspend", "reactivate"])
        #expect(audit?.allSatisfy { $0["actor"] as? String == "e2e-tester" } == true)
    }

    @Test("--as and TUNET_ACTOR name the actor in the audit log; --database and TUNET_DATABASE choose the file")
    func actorAndDatabase() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run(liaArguments + ["--as", "kari.lia", "--database", "other.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: tunet.folder.appendingPathComponent("other.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: tunet.databasePath))
        let audit = try tunet.run("audit", "--json", environment: ["TUNET_DATABASE": "other.sqlite"])
        #expect(audit.stdout.contains("\"actor\" : \"kari.lia\""))
    }

    @Test("Filters by target group, municipality and approval state")
    func filters() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let pupilsInHadsel = try tunet.json(try tunet.run("provider", "list", "--target-group", "pupils", "--municipality", "1866", "--json")) as? [[String: Any]]
        #expect(pupilsInHadsel?.count == 1)
        let expiring = try tunet.json(try tunet.run("provider", "list", "--state", "expiring", "--json")) as? [[String: Any]]
        #expect(expiring?.isEmpty == false)
        #expect(expiring?.allSatisfy { $0["approval_state"] as? String == "expiring" } == true)
        let overdue = try tunet.run("provider", "list", "--state", "audit_overdue")
        #expect(overdue.stdout.contains("audit overdue"))
        let bad = try tunet.run("provider", "list", "--state", "fine")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("use valid, expiring, audit_overdue or not_approved"))
    }

    @Test("Importing the example files: Windows-1252 with semicolons and UTF-8 with BOM")
    func importsExamples() throws {
        let tunet = try TunetProcess()
        let dry = try tunet.run("provider", "import", TunetProcess.example("providers-excel-semicolon.csv"), "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would import 3 rows"))
        #expect(dry.stdout.contains("Windows-1252, semicolon-separated"))
        #expect(try tunet.run("provider", "list").stdout.contains("No providers match"))

        let real = try tunet.run("provider", "import", TunetProcess.example("providers-excel-semicolon.csv"))
        #expect(real.status == 0)
        #expect(real.stdout.contains("3 new"))
        let shown = try tunet.run("provider", "show", "812345672")
        #expect(shown.stdout.contains("Øvre Bjørnstad gård"))
        #expect(shown.stdout.contains("Bjørnstadvegen 4, 3614 Kongsberg"))

        let second = try tunet.run("provider", "import", TunetProcess.example("providers-utf8-bom.csv"), "--json")
        let report = try tunet.json(second) as? [String: Any]
        #expect(report?["encoding"] as? String == "UTF-8 with BOM")
        #expect((report?["created"] as? [String])?.count == 2)
    }

    @Test("--version and --help with examples for every command")
    func help() throws {
        let tunet = try TunetProcess()
        let version = try tunet.run("--version")
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        #expect(try tunet.run("--help").stdout.contains("Examples:"))
        let groups: [String: [String]] = [
            "provider": ["add", "update", "show", "list", "suspend", "reactivate", "import"],
            "procurement": ["create", "criteria", "open", "tender", "score", "evaluate", "award", "conclude", "cancel", "show", "list"],
            "agreement": ["add", "show", "list", "extend", "terminate", "prices", "adjust-prices", "consumption"],
            "kpi": ["set", "import", "list"],
            "placement": ["add", "list", "show", "end", "extend", "cancel", "followup", "followup add", "followup list"],
            "attendance": ["template", "import", "submissions", "status"],
            "invoice": ["basis"],
            "team": ["add", "show", "list", "member", "member add", "member list", "member remove"],
            "task": ["add", "list", "show", "assign", "start", "done", "cancel", "comment", "generate"],
            "pilot": ["add", "list", "show", "reference-price", "measure", "measure add", "evaluate", "compare"],
            "calendar": ["school", "school set", "school import", "school show"],
            "token": ["issue", "list", "revoke"],
            "privacy": ["report", "erase", "retention"],
        ]
        var commands: [[String]] = [["audit"], ["demo"], ["export"], ["serve"], ["backup"], ["restore"]]
        for (group, leaves) in groups {
            commands.append([group])
            for leaf in leaves { commands.append([group] + leaf.split(separator: " ").map(String.init)) }
        }
        for command in commands {
            let help = try tunet.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "no example in help for \(command.joined(separator: " "))")
        }
    }

    @Test("The demo builds a database a new user can explore, and refuses to overwrite one")
    func demo() throws {
        let tunet = try TunetProcess()
        let demo = try tunet.run("demo")
        #expect(demo.status == 0)
        #expect(demo.stdout.contains("16 providers"))
        let again = try tunet.run("demo")
        #expect(again.status == 65)
        #expect(again.stderr.contains("--replace"))
        let replaced = try tunet.run("demo", "--replace")
        if TestDatabase.usesPostgres {
            #expect(replaced.status == 65 && replaced.stderr.contains("shared PostgreSQL database: Tunet does not delete or replace it"), "\(replaced.stderr)")
        } else {
            #expect(replaced.status == 0)
        }
    }
}
