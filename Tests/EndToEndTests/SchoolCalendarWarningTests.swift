import Foundation
import Testing

@Suite("A pupil placed where no school calendar is recorded, run as a user runs it")
struct SchoolCalendarWarningTests {
    /// Lia gård in Kongsberg under a ranked agreement for 2026–2027, a team with one member, and no school calendar.
    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "pupils,dementia",
             "--places-per-day", "2", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01", "--police-certificate", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/5", "--title", "IPT Kongsberg", "--municipality", "3303", "--provider", "974760673:1",
             "--target-groups", "pupils,dementia", "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "200000",
             "--maximum-value", "200000", "--call-off", "ranking", "--price", "974760673:full_day:day:1000"],
            ["team", "add", "--name", "Arbeidslag", "--municipality", "3303", "--owner", "Kommunedirektør"],
            ["team", "member", "add", "--name", "Kari Lia", "--sector", "education", "--role", "leder"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments)
            #expect(result.status == 0, "\(arguments[0]) \(arguments[1]): \(result.stderr)")
        }
        return tunet
    }

    static let pupil = ["placement", "add", "--agreement", "2026/5", "--kind", "pupil", "--municipality", "3303", "--weekdays", "mon-fri",
                        "--start", "2026-12-07", "--end", "2026-12-31", "--school", "Kongsberg skole", "--grade", "6"]
    static let warning = "warning: No school calendar is recorded for 3303 Kongsberg in the school year 2026/27 (2026-08-01 to 2027-07-31), "
        + "so the pupil is planned through its school holidays. Load it with `tunet calendar school import FILE` or add each holiday with "
        + "`tunet calendar school set --municipality 3303 --from DATE --to DATE --name NAME`."

    @Test("The dry run and the placement warn that 18 weekdays through Christmas are planned; task generate raises a task once")
    func warnsAndRaisesTask() throws {
        let tunet = try prepared()
        let dry = try tunet.run(Self.pupil + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would place with 974760673: 18 planned days, NOK 18,000.00. Dry run: nothing was stored."))
        #expect(dry.stderr.contains(Self.warning), "\(dry.stderr)")
        let json = try tunet.json(try tunet.run(Self.pupil + ["--dry-run", "--json"])) as? [String: Any]
        let warnings = (json?["plan"] as? [String: Any])?["warnings"] as? [[String: Any]]
        #expect(warnings?.count == 1)
        #expect(warnings?.first?["code"] as? String == "school_calendar_missing")
        #expect(warnings?.first?["municipality_number"] as? String == "3303")
        #expect(warnings?.first?["school_year"] as? String == "2026/27")

        let placed = try tunet.run(Self.pupil)
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("Placed P-2026-0001 with 974760673 as placement 1: 18 planned days, NOK 18,000.00 committed."))
        #expect(placed.stderr.contains(Self.warning))

        let generated = try tunet.run("task", "generate")
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("Raised Task 1 (open): Load the school calendar of 3303 Kongsberg for 2026/27: 1 pupil placement is planned through its school holidays (tunet calendar school import FILE) — Kari Lia"))
        #expect(generated.stdout.contains("1 raised, 0 already raised, 0 whose condition is gone."))
        let task = try tunet.json(try tunet.run("task", "show", "1", "--json")) as? [String: Any]
        #expect(task?["rule_key"] as? String == "1|school_calendar:3303:2026/27")
        #expect(task?["kind"] as? String == "school_calendar")
        #expect(task?["due"] as? String == "2026-12-07")
        #expect(try tunet.run("task", "generate").stdout.contains("0 raised, 1 already raised, 0 whose condition is gone."))

        #expect(try tunet.run("calendar", "school", "set", "--municipality", "3303", "--from", "2026-12-21", "--to", "2027-01-01",
                              "--name", "Juleferie").status == 0)
        let withCalendar = try tunet.run(Self.pupil + ["--dry-run"])
        #expect(withCalendar.stdout.contains("Would place with 974760673: 10 planned days, NOK 10,000.00."))
        #expect(!withCalendar.stderr.contains("warning"))
        let gone = try tunet.run("task", "generate")
        #expect(gone.stdout.contains("Condition no longer holds for task(s) #1."))
    }

    @Test("Across two school years only the one without a calendar is named; a dementia placement needs none")
    func onlyTheMissingYear() throws {
        let tunet = try prepared()
        #expect(try tunet.run("calendar", "school", "set", "--municipality", "3303", "--from", "2026-12-21", "--to", "2027-01-01",
                              "--name", "Juleferie").status == 0)
        let result = try tunet.run("placement", "add", "--agreement", "2026/5", "--kind", "pupil", "--municipality", "3303", "--weekdays", "tue",
                                   "--start", "2027-06-01", "--end", "2027-08-31", "--school", "Kongsberg skole", "--grade", "6", "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("No school calendar is recorded for 3303 Kongsberg in the school year 2027/28 (2027-08-01 to 2028-07-31)"))
        #expect(!result.stderr.contains("2026/27"))
        let dementia = try tunet.run("placement", "add", "--agreement", "2026/5", "--kind", "dementia", "--municipality", "3303",
                                     "--weekdays", "mon-fri", "--start", "2027-06-01", "--end", "2027-08-31", "--decision", "HO-2027/1", "--dry-run")
        #expect(dementia.status == 0, "\(dementia.stderr)")
        #expect(dementia.stderr.isEmpty)
    }

    @Test("The demo's school calendars cover the school year its pupils are placed in, summer holidays included")
    func demoCalendars() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run(["demo"], environment: ["TUNET_TODAY": "2026-12-02"]).status == 0)
        let calendar = try tunet.json(try tunet.run(["calendar", "school", "show", "--municipality", "3303", "--json"],
                                                    environment: ["TUNET_TODAY": "2026-12-02"])) as? [String: Any]
        let holidays = (calendar?["school_holidays"] as? [[String: Any]])?.map { "\($0["from"]!)–\($0["to"]!) \($0["name"]!)" }
        #expect(holidays == [
            "2026-08-01–2026-08-16 Sommerferie", "2026-09-28–2026-10-02 Høstferie", "2026-12-21–2027-01-02 Juleferie",
            "2027-02-15–2027-02-19 Vinterferie", "2027-03-22–2027-03-29 Påskeferie", "2027-06-19–2027-07-31 Sommerferie",
        ])
        let tasks = try tunet.json(try tunet.run(["task", "list", "--every-team", "--json"], environment: ["TUNET_TODAY": "2026-12-02"])) as? [[String: Any]]
        #expect(tasks?.contains { ($0["kind"] as? String) == "school_calendar" } == false)
    }

    @Test("Built on 23 November the demo's pupils reach back into 2025/26, and that school year has its calendar too")
    func demoAcrossSchoolYears() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let calendar = try tunet.json(try tunet.run("calendar", "school", "show", "--municipality", "1866", "--json")) as? [String: Any]
        let summers = (calendar?["school_holidays"] as? [[String: Any]])?.filter { $0["name"] as? String == "Sommerferie" }
            .map { "\($0["from"]!)–\($0["to"]!)" }
        #expect(summers == ["2025-08-01–2025-08-17", "2026-06-20–2026-07-31", "2026-08-01–2026-08-16", "2027-06-19–2027-07-31"])
        let tasks = try tunet.json(try tunet.run("task", "list", "--every-team", "--json")) as? [[String: Any]]
        #expect(tasks?.contains { ($0["kind"] as? String) == "school_calendar" } == false)
    }
}
