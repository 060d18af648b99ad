import Foundation
import Testing

/// The Aktive sammen method follows a person in five steps: a referral, a conversation with the person and
/// their relatives, the clarified need, the network that carries it out (the placement), and follow-up.
@Suite("tunet placement journey: a person from referral to follow-up, run as a user runs it (today 2026-11-23)")
struct JourneyCommandTests {
    static let bokmal = ["TUNET_LANG": "nb", "TUNET_TODAY": "2026-11-23"]

    /// Lia gård under a direct agreement for Kongsberg, and a referral for a person with dementia on 2 November.
    func referred() throws -> TunetProcess {
        let tunet = try BoughtPlacesCommandTests().prepared(bought: [])
        let referred = try tunet.run(["placement", "journey", "refer", "--kind", "dementia", "--municipality", "3303", "--referred-by", "fastlege",
                                      "--date", "2026-11-02"], environment: Self.bokmal)
        #expect(referred.status == 0, "\(referred.stderr)")
        #expect(referred.stdout == "Henvisning registrert: forløp 1 for P-2026-0001 (demens (dagaktivitet), 3303 Kongsberg).\n", "\(referred.stdout)")
        return tunet
    }

    func run(_ tunet: TunetProcess, _ arguments: [String], today: String = "2026-11-23") throws -> TunetProcess.Result {
        try tunet.run(arguments, environment: ["TUNET_LANG": "nb", "TUNET_TODAY": today])
    }

    @Test("Every step is dated, by whom and audited; the placement by call-off is the network; the first follow-up reaches the last step")
    func wholeJourney() throws {
        let tunet = try referred()
        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--role", "datter",
                                "--wishes", "Vil stelle dyr og være ute", "--date", "2026-11-09"]).status == 0)
        let need = try run(tunet, ["placement", "journey", "need", "P-2026-0001", "--goals", "Mestring og fellesskap", "--weekdays", "tue,thu",
                                   "--transport", "--decision", "HO-2026/12", "--date", "2026-11-16"])
        #expect(need.stdout == "Forløp 1 for P-2026-0001: behov avklart registrert.\n", "\(need.stdout) \(need.stderr)")
        let placed = try run(tunet, ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--participant", "P-2026-0001",
                                     "--kind", "dementia", "--municipality", "3303", "--weekdays", "tue,thu", "--start", "2026-12-01",
                                     "--end", "2027-05-31", "--decision", "HO-2026/12", "--transport"])
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(try run(tunet, ["placement", "journey", "network", "1", "--placement", "1", "--contact-role", "datter",
                                "--first-visit", "2026-12-01", "--date", "2026-11-20"]).status == 0)

        let shown = try run(tunet, ["placement", "journey", "1"])
        #expect(shown.stdout.contains("Står i steget: nettverk etablert\n"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Venter:        3 dager i steget\n"))
        #expect(shown.stdout.contains("henvisning         02.11.2026"), "\(shown.stdout)")
        #expect(shown.stdout.contains("til stede: deltaker og datter; ønsker: Vil stelle dyr og være ute"))
        #expect(shown.stdout.contains("mål: Mestring og fellesskap; tir og tor, med skyss; vedtak HO-2026/12"))
        #expect(shown.stdout.contains("plassering 1, kontakt: datter, første besøk 01.12.2026"))

        #expect(try run(tunet, ["placement", "followup", "add", "1", "--date", "2026-12-15", "--roles", "participant,relative",
                                "--wishes", "Trives godt"], today: "2026-12-15").status == 0)
        let followed = try tunet.json(try run(tunet, ["placement", "journey", "P-2026-0001", "--json"], today: "2026-12-15")) as? [String: Any]
        #expect(followed?["step"] as? String == "follow_up")
        #expect(followed?["waiting_days"] is NSNull)
        #expect((followed?["reached"] as? [String: String]) == ["referral": "2026-11-02", "conversation": "2026-11-09", "need": "2026-11-16",
                                                                 "network": "2026-11-20", "follow_up": "2026-12-15"])
        let audit = try run(tunet, ["audit", "--entity", "journey", "--id", "1", "--json"])
        let actions = (try tunet.json(audit) as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(actions == ["create", "journey_conversation", "journey_need", "journey_network"], "\(audit.stdout)")
    }

    @Test("Steps come in order and in time: a need before the conversation, or a conversation dated before the referral, is refused in bokmål and changes nothing; a correction keeps the step's day")
    func outOfOrder() throws {
        let tunet = try referred()
        let before = try tunet.databaseSnapshot()
        let refused = try run(tunet, ["placement", "journey", "need", "1", "--goals", "Mestring", "--weekdays", "tue", "--decision", "HO-1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Forløp 1 står i steget «henvisning»; «behov avklart» kan ikke registreres nå."), "\(refused.stderr)")
        let early = try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--wishes", "Ute", "--date", "2026-10-30"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("«samtale» er datert 30.10.2026, før «henvisning» (02.11.2026)"), "\(early.stderr)")
        #expect(try tunet.databaseSnapshot() == before)

        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--wishes", "Ute", "--date", "2026-11-09"]).status == 0)
        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--wishes", "Ute med dyr"]).status == 0)
        let shown = try tunet.json(try run(tunet, ["placement", "journey", "1", "--json"])) as? [String: Any]
        #expect((shown?["reached"] as? [String: String])?["conversation"] == "2026-11-09", "a correction without --date keeps the day")
        #expect(((shown?["journey"] as? [String: Any])?["conversation"] as? [String: Any])?["wishes"] as? String == "Ute med dyr")
    }

    @Test("Bad input names the field and changes nothing: an unknown kind, a day in the future, a pupil without school, another person's placement, a bad waiting time")
    func badInput() throws {
        let tunet = try referred()
        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--wishes", "Ute"]).status == 0)
        #expect(try run(tunet, ["placement", "journey", "need", "1", "--goals", "Mestring", "--weekdays", "wed", "--decision", "HO-1"]).status == 0)
        #expect(try run(tunet, ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--participant", "P-2026-0050",
                                "--kind", "dementia", "--municipality", "3303", "--weekdays", "wed", "--start", "2026-12-01", "--end", "2026-12-31",
                                "--decision", "HO-9"]).status == 0)
        #expect(try run(tunet, ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--participant", "P-2026-0001",
                                "--kind", "pupil", "--municipality", "3303", "--weekdays", "wed", "--start", "2026-12-01", "--end", "2026-12-18",
                                "--school", "Kongsberg skole", "--grade", "4"]).status == 0)
        let before = try tunet.databaseSnapshot()
        for (arguments, message) in [
            (["placement", "journey", "refer", "--kind", "voksen", "--municipality", "3303", "--referred-by", "NAV"], "bruk pupil (elev) eller dementia (demens)"),
            (["placement", "journey", "refer", "--kind", "pupil", "--municipality", "3303", "--referred-by", "NAV", "--date", "2026-12-24"],
             "datoen kan ikke være fram i tid"),
            (["placement", "journey", "network", "1", "--placement", "1"], "plassering 1 er ikke en gjeldende plassering for deltaker P-2026-0001"),
            (["placement", "journey", "network", "1", "--placement", "2"], "plassering 2 er ikke en plassering for demens (dagaktivitet) i kommune 3303"),
            (["placement", "journey", "list", "--waiting-longer-than", "en måned"], "skriv antall dager som 30d"),
            (["placement", "journey", "list", "--step", "venteliste"], "bruk referral (henvisning)"),
        ] {
            let refused = try run(tunet, arguments)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
        #expect(try tunet.databaseSnapshot() == before)
        let pupil = try run(tunet, ["placement", "journey", "refer", "--kind", "pupil", "--municipality", "3303", "--referred-by", "kontaktlærer"])
        #expect(pupil.status == 0)
        #expect(try run(tunet, ["placement", "journey", "conversation", "2", "--role", "elev", "--wishes", "Dyr"]).status == 0)
        let noSchool = try run(tunet, ["placement", "journey", "need", "2", "--goals", "Naturfag", "--weekdays", "tue"])
        #expect(noSchool.stderr.contains("for en elev må skole og trinn være med"), "\(noSchool.stderr)")
    }

    @Test("Who waits where: list by step and by waiting time; the task rule raises a task after 30 days in a step, not on the 30th")
    func waiting() throws {
        let tunet = try referred()
        let list = try run(tunet, ["placement", "journey", "list", "--step", "referral"])
        #expect(list.stdout.contains("P-2026-0001  3303 Kongsberg  henvisning  02.11.2026     21"), "\(list.stdout)")
        let none = try run(tunet, ["placement", "journey", "list", "--waiting-longer-than", "3w"])
        #expect(none.stdout == "Ingen forløp passer.\n", "\(none.stdout)")
        let some = try tunet.json(try run(tunet, ["placement", "journey", "list", "--waiting-longer-than", "20d", "--json"])) as? [[String: Any]]
        #expect(some?.count == 1)

        #expect(try run(tunet, ["team", "add", "--name", "Arbeidslag Kongsberg", "--municipality", "3303", "--owner", "Kommunedirektør"]).status == 0)
        #expect(try run(tunet, ["team", "member", "add", "--name", "Anne Ås", "--sector", "health_and_care", "--role", "demenskoordinator"]).status == 0)
        let onTheThirtieth = try run(tunet, ["task", "generate"], today: "2026-12-02")
        #expect(!onTheThirtieth.stdout.contains("har ventet"), "\(onTheThirtieth.stdout)")
        let after = try run(tunet, ["task", "generate"], today: "2026-12-03")
        #expect(after.stdout.contains("P-2026-0001 har ventet 31 dager i steget «henvisning» (3303 Kongsberg) — Anne Ås"), "\(after.stdout)")
        let json = try tunet.json(try run(tunet, ["task", "list", "--json"], today: "2026-12-03")) as? [[String: Any]]
        #expect(json?.first { ($0["kind"] as? String) == "journey_waiting" }?["link"] as? [String: String] == ["kind": "journey", "key": "1"])
    }

    @Test("privacy erase takes the journey's free text from the record, the audit log and the database file; the steps and dates stay")
    func erased() throws {
        let tunet = try referred()
        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--role", "datteren Kari",
                                "--wishes", "Savner hesten Blakken"]).status == 0)
        #expect(try run(tunet, ["team", "add", "--name", "Arbeidslag Kongsberg", "--municipality", "3303", "--owner", "Kommunedirektør"]).status == 0)
        #expect(try run(tunet, ["team", "member", "add", "--name", "Anne Ås", "--sector", "health_and_care", "--role", "koordinator"]).status == 0)
        #expect(try run(tunet, ["task", "add", "--title", "Ring datteren Kari om Blakken", "--sector", "health_and_care", "--link", "journey:1"]).status == 0)
        let erased = try run(tunet, ["privacy", "erase", "--participant", "P-2026-0001", "--yes", "--json"])
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect((try tunet.json(erased) as? [String: Any])?["journeys_erased"] as? Int == 1)
        let shown = try tunet.json(try run(tunet, ["placement", "journey", "1", "--json"])) as? [String: Any]
        let journey = shown?["journey"] as? [String: Any]
        #expect((journey?["conversation"] as? [String: Any])?["wishes"] as? String == "[erased]")
        #expect((journey?["conversation"] as? [String: Any])?["roles"] as? [String] == ["[erased]", "[erased]"])
        let task = try tunet.json(try run(tunet, ["task", "show", "1", "--json"])) as? [String: Any]
        #expect(task?["title"] as? String == "[erased]", "a task about the journey may name the person: \(String(describing: task))")
        #expect((journey?["referral"] as? [String: Any])?["referred_by"] as? String == "[erased]")
        #expect(shown?["step"] as? String == "conversation")
        let audit = try run(tunet, ["audit", "--entity", "journey", "--verbose", "--json"])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("journey_conversation") && audit.stdout.contains("[erased]"), "\(audit.stdout)")
        #expect(!audit.stdout.contains("Blakken") && !audit.stdout.contains("Kari"))
        if tunet.sharedDatabase == nil {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: tunet.databasePath))
            #expect(bytes.range(of: Data("Blakken".utf8)) == nil, "the erased text is gone from the database file")
        }
    }

    @Test("A referral never placed is kept as long as the retention says: older than 5 years it is erased; the privacy report counts journey texts")
    func retention() throws {
        let tunet = try referred()
        #expect(try run(tunet, ["placement", "journey", "refer", "--kind", "pupil", "--municipality", "3303", "--referred-by", "helsesykepleier Kari",
                                "--date", "2020-03-02"]).status == 0)
        let report = try run(tunet, ["privacy", "report"])
        #expect(report.stdout.contains("tekster fra deltakernes forløp"), "\(report.stdout)")
        let retained = try run(tunet, ["privacy", "retention", "--older-than", "5y", "--yes"])
        #expect(retained.status == 0, "\(retained.stderr)")
        #expect(retained.stdout.contains("P-2026-0002"), "\(retained.stdout)")
        let old = try tunet.json(try run(tunet, ["placement", "journey", "2", "--json"])) as? [String: Any]
        #expect(((old?["journey"] as? [String: Any])?["referral"] as? [String: Any])?["referred_by"] as? String == "[erased]")
        let recent = try tunet.json(try run(tunet, ["placement", "journey", "1", "--json"])) as? [String: Any]
        #expect(((recent?["journey"] as? [String: Any])?["referral"] as? [String: Any])?["referred_by"] as? String == "fastlege")
    }

    @Test("Retention keeps a person referred again after an old placement ended: the new journey is their latest day with Tunet")
    func retentionKeepsTheNewJourney() throws {
        let tunet = try BoughtPlacesCommandTests().prepared(bought: [])
        #expect(try run(tunet, ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--participant", "P-2026-0003",
                                "--kind", "dementia", "--municipality", "3303", "--weekdays", "wed", "--start", "2026-01-05", "--end", "2026-01-31",
                                "--decision", "HO-1"], today: "2026-01-05").status == 0)
        #expect(try run(tunet, ["placement", "journey", "refer", "--participant", "P-2026-0003", "--kind", "dementia", "--municipality", "3303",
                                "--referred-by", "fastlege", "--date", "2026-11-10"]).status == 0)
        let listed = try run(tunet, ["privacy", "retention", "--older-than", "6m"])
        #expect(!listed.stdout.contains("P-2026-0003"), "\(listed.stdout)")
        let later = try run(tunet, ["privacy", "retention", "--older-than", "6m"], today: "2027-06-01")
        #expect(later.stdout.contains("P-2026-0003"), "\(later.stdout)")
    }

    @Test("The journeys report: per municipality the people in each step and the median days between steps, read back with openpyxl")
    func report() throws {
        let tunet = try referred()
        #expect(try run(tunet, ["placement", "journey", "conversation", "1", "--role", "deltaker", "--wishes", "Ute", "--date", "2026-11-12"]).status == 0)
        #expect(try run(tunet, ["placement", "journey", "refer", "--kind", "dementia", "--municipality", "3303", "--referred-by", "NAV",
                                "--date", "2026-11-10"]).status == 0)
        #expect(try run(tunet, ["placement", "journey", "conversation", "2", "--role", "deltaker", "--wishes", "Dyr", "--date", "2026-11-17"]).status == 0)
        #expect(try run(tunet, ["placement", "journey", "refer", "--kind", "dementia", "--municipality", "3303", "--referred-by", "NAV"]).status == 0)
        #expect(try run(tunet, ["export", "journeys", "-o", "forlop.xlsx"]).status == 0)
        let check = """
            import openpyxl
            book = openpyxl.load_workbook("forlop.xlsx")
            rows = [[c.value for c in r] for r in book["Per kommune"].iter_rows()]
            header = rows[0]
            kongsberg = next(r for r in rows if r[0] == "3303 Kongsberg")
            print(kongsberg[header.index("Forløp")], kongsberg[header.index("I henvisning")], kongsberg[header.index("I samtale")])
            print(kongsberg[header.index("Dager henvisning–samtale (median)")])
            each = [[c.value for c in r] for r in book["Forløp"].iter_rows()]
            print(each[0][:5], len(each) - 1)
            """
        let (status, output) = try Python.run(check, in: tunet.folder)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "3 1 2", "\(output)")
        // 10 and 7 days from referral to conversation: the median is 8.5.
        #expect(lines.dropFirst().first == "8.5", "\(output)")
        #expect(lines.last == "['Forløp', 'Deltaker', 'Kommune', 'Type', 'Steg'] 3", "\(output)")
    }
}
