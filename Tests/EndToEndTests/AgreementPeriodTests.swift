import Foundation
import Testing

@Suite("Agreement periods, the four-year rule, termination and cancelled placements, run as a user runs them")
struct AgreementPeriodTests {
    /// Two farms approved in 2026 (their external audits fall due in 2028), open Monday to Friday.
    func withFarms() throws -> TunetProcess {
        let tunet = try TunetProcess()
        for (org, name) in [("974760673", "Lia gård"), ("923609016", "Haugen gård")] {
            let added = try tunet.run("provider", "add", "--org", org, "--name", name, "--municipality", "3303", "--target-groups", "dementia",
                                      "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2026-06-01")
            #expect(added.status == 0, "\(added.stderr)")
        }
        return tunet
    }

    static func agreement(_ reference: String, start: String, end: String, options: [String] = [], extra: [String] = []) -> [String] {
        ["agreement", "add", "--reference", reference, "--title", "Dagaktivitet Kongsberg", "--municipality", "3303",
         "--provider", "974760673", "--provider", "923609016", "--target-groups", "dementia", "--start", start, "--end", end,
         "--estimated-value", "1000000", "--maximum-value", "1000000", "--call-off", "direct",
         "--price", "974760673:full_day:day:1000", "--price", "923609016:full_day:day:1000"]
            + options.flatMap { ["--option", $0] } + extra
    }

    static func placement(_ reference: String, start: String, end: String, weekdays: String = "mon-fri",
                          provider: String = "974760673") -> [String] {
        ["placement", "add", "--agreement", reference, "--kind", "dementia", "--municipality", "3303", "--weekdays", weekdays,
         "--start", start, "--end", end, "--decision", "HO-2027/1", "--provider", provider]
    }

    func expectUnchanged(_ tunet: TunetProcess, _ arguments: [String], today: String, message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(arguments, environment: ["TUNET_TODAY": today])
        #expect(result.status == 65, "\(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test("An agreement ending 30 June 2027, extended by its 6-month option, ends 31 December 2027 and takes placements that day")
    func monthEndExtension() throws {
        let tunet = try withFarms()
        let added = try tunet.run(Self.agreement("2026/60", start: "2026-07-01", end: "2027-06-30", options: ["6:2027-03-31"]),
                                  environment: ["TUNET_TODAY": "2026-07-01"])
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try tunet.json(try tunet.run(["agreement", "show", "2026/60", "--json"], environment: ["TUNET_TODAY": "2026-07-01"]))
        #expect((shown as? [String: Any])?["latest_possible_end"] as? String == "2027-12-31")
        let extended = try tunet.run(["agreement", "extend", "2026/60"], environment: ["TUNET_TODAY": "2027-03-01"])
        #expect(extended.stdout.contains("it now ends 2027-12-31"), "\(extended.stdout)\(extended.stderr)")
        let lastDay = try tunet.run(Self.placement("2026/60", start: "2027-12-31", end: "2027-12-31", weekdays: "fri"),
                                    environment: ["TUNET_TODAY": "2027-03-01"])
        #expect(lastDay.status == 0, "\(lastDay.stderr)")
        #expect(lastDay.stdout.contains("1 planned days") || lastDay.stdout.contains("1 planned day"), "\(lastDay.stdout)")
        try expectUnchanged(tunet, Self.placement("2026/60", start: "2028-01-03", end: "2028-01-03", weekdays: "mon"), today: "2027-03-01",
                            message: "2027-12-31")
    }

    @Test("29 February 2028 and one month is 31 March; the next option starts 1 April")
    func leapDayChain() throws {
        let tunet = try withFarms()
        let added = try tunet.run(Self.agreement("2027/61", start: "2027-03-01", end: "2028-02-29", options: ["1:2028-01-31", "1:2028-03-15"]),
                                  environment: ["TUNET_TODAY": "2027-03-01"])
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try tunet.run(["agreement", "show", "2027/61"], environment: ["TUNET_TODAY": "2027-03-01"])
        #expect(shown.stdout.contains("2028-03-01"), "\(shown.stdout)")
        #expect(shown.stdout.contains("2028-04-01"), "\(shown.stdout)")
        let json = try tunet.json(try tunet.run(["agreement", "show", "2027/61", "--json"], environment: ["TUNET_TODAY": "2027-03-01"]))
        #expect((json as? [String: Any])?["latest_possible_end"] as? String == "2028-04-30")
        #expect(try tunet.run(["agreement", "extend", "2027/61"], environment: ["TUNET_TODAY": "2028-01-15"]).stdout.contains("it now ends 2028-03-31"))
        #expect(try tunet.run(["agreement", "extend", "2027/61"], environment: ["TUNET_TODAY": "2028-03-01"]).stdout.contains("it now ends 2028-04-30"))
    }

    @Test("The four-year rule is measured to the true last day: 29 March 2027 to 28 February 2031 with a 1-month option is 4 years and 3 days")
    func fourYearRule() throws {
        let tunet = try withFarms()
        try expectUnchanged(tunet, Self.agreement("2027/62", start: "2027-03-29", end: "2031-02-28", options: ["1:2031-01-15"]),
                            today: "2027-03-01", message: "runs from 2027-03-29 to 2031-03-31, 4 years and 3 days")
        try expectUnchanged(tunet, Self.agreement("2027/62", start: "2027-03-29", end: "2031-03-29"), today: "2027-03-01",
                            message: "4 years and 1 day; a framework agreement may run at most 4 years (to 2031-03-28)")
        #expect(try tunet.run(Self.agreement("2027/63", start: "2027-03-29", end: "2031-03-28"),
                              environment: ["TUNET_TODAY": "2027-03-01"]).status == 0)
        #expect(try tunet.run(Self.agreement("2027/64", start: "2027-03-29", end: "2031-02-27", options: ["1:2031-01-15"]),
                              environment: ["TUNET_TODAY": "2027-03-01"]).status == 0)   // 27 March 2031: within
        let special = try tunet.run(Self.agreement("2027/62", start: "2027-03-29", end: "2031-02-28", options: ["1:2031-01-15"],
                                                   extra: ["--special-reason", "Investering i gårdens lokaler"]),
                                    environment: ["TUNET_TODAY": "2027-03-01"])
        #expect(special.status == 0, "\(special.stderr)")
    }

    /// An agreement for 2027 with two placements: one running the whole year, one starting in October.
    func withPlacements() throws -> TunetProcess {
        let tunet = try withFarms()
        #expect(try tunet.run(Self.agreement("2027/70", start: "2027-01-01", end: "2027-12-31"), environment: ["TUNET_TODAY": "2027-01-01"]).status == 0)
        for arguments in [Self.placement("2027/70", start: "2027-01-04", end: "2027-12-31", weekdays: "mon"),
                          Self.placement("2027/70", start: "2027-10-04", end: "2027-12-31", weekdays: "mon", provider: "923609016")] {
            let placed = try tunet.run(arguments, environment: ["TUNET_TODAY": "2027-01-01"])
            #expect(placed.status == 0, "\(placed.stderr)")
        }
        return tunet
    }

    func committed(_ tunet: TunetProcess, today: String) throws -> Int? {
        let json = try tunet.json(try tunet.run(["agreement", "consumption", "2027/70", "--json"], environment: ["TUNET_TODAY": today]))
        return ((json as? [[String: Any]])?.first?["consumption"] as? [String: Any])?["committed_ore"] as? Int
    }

    @Test("Terminating an agreement lists the placements running past the date and refuses until told what happens to them")
    func terminationNeedsADecision() throws {
        let tunet = try withPlacements()
        // Mondays 4 January to 27 December 2027, less Easter Monday and Whit Monday: 50 days; from 4 October: 13.
        #expect(try committed(tunet, today: "2027-01-01") == 6_300_000)
        try expectUnchanged(tunet, ["agreement", "terminate", "2027/70", "--reason", "Gården legger ned", "--on", "2027-09-01"],
                            today: "2027-08-20", message: """
                                has 2 placements running on or past 2027-09-01:
                                  - placement 1 (P-2027-0001, 974760673, 2027-01-04 to 2027-12-31)
                                  - placement 2 (P-2027-0002, 923609016, 2027-10-04 to 2027-12-31)
                                Say what happens to them: --end-placements ends each on 2027-08-31
                                """)
        let ended = try tunet.run(["agreement", "terminate", "2027/70", "--reason", "Gården legger ned", "--on", "2027-09-01", "--end-placements"],
                                  environment: ["TUNET_TODAY": "2027-08-20"])
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect(ended.stdout.contains("Terminated 2027/70 from 2027-09-01; its last day is 2027-08-31."))
        #expect(ended.stdout.contains("2 placements ended"))
        // Placement 1 keeps 4 January to 30 August: 35 Mondays less Easter and Whit Monday, 33 days; placement 2 is cancelled.
        let first = try tunet.json(try tunet.run(["placement", "show", "1", "--json"], environment: ["TUNET_TODAY": "2027-08-20"]))
        let firstPlacement = (first as? [String: Any])?["placement"] as? [String: Any]
        #expect(firstPlacement?["end"] as? String == "2027-08-31")
        #expect(firstPlacement?["planned_days"] as? Int == 33)
        let second = try tunet.json(try tunet.run(["placement", "show", "2", "--json"], environment: ["TUNET_TODAY": "2027-08-20"]))
        #expect(((second as? [String: Any])?["placement"] as? [String: Any])?["planned_days"] as? Int == 0)
        #expect(((second as? [String: Any])?["placement"] as? [String: Any])?["status"] as? String == "cancelled")
        #expect(try committed(tunet, today: "2027-08-20") == 3_300_000)
        let audit = try tunet.json(try tunet.run("audit", "--entity", "placement", "--json")) as? [[String: Any]]
        let changes = audit?.filter { ($0["note"] as? [String: Any])?["key"] as? String == "audit.note.ended_with_agreement" }
        #expect(changes?.compactMap { $0["action"] as? String }.sorted() == ["cancel", "end"])
        let read = try tunet.run("audit", "--entity", "placement")
        #expect(read.stdout.components(separatedBy: "agreement 2027/70 terminated from 2027-09-01: Gården legger ned").count == 3, "\(read.stdout)")
        let lest = try tunet.run(["audit", "--entity", "placement"], environment: ["TUNET_LANG": "nb"])
        #expect(lest.stdout.components(separatedBy: "avtale 2027/70 sagt opp fra 01.09.2027: Gården legger ned").count == 3, "\(lest.stdout)")
        #expect(try tunet.run(["placement", "show", "2"], environment: ["TUNET_LANG": "nb"]).stdout
            .contains("avlyst (avtale 2027/70 sagt opp fra 01.09.2027: Gården legger ned)"))
    }

    @Test("Placements may be kept past a termination, with the reason recorded")
    func terminationKeepingPlacements() throws {
        let tunet = try withPlacements()
        let kept = try tunet.run(["agreement", "terminate", "2027/70", "--reason", "Ny avtale fra september; avropene fullføres",
                                  "--on", "2027-09-01", "--keep-placements", "--json"], environment: ["TUNET_TODAY": "2027-08-20"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let json = try tunet.json(kept) as? [String: Any]
        #expect(json?["placements_kept"] as? Bool == true)
        #expect((json?["placements"] as? [[String: Any]])?.compactMap { $0["end_after"] as? String } == ["2027-12-31", "2027-12-31"])
        #expect(try committed(tunet, today: "2027-08-20") == 6_300_000)
        let audit = try tunet.run("audit", "--entity", "agreement", "--limit", "1")
        #expect(audit.stdout.contains("Ny avtale fra september; avropene fullføres (placements kept past the termination: 1 and 2)"), "\(audit.stdout)")
        let revisjon = try tunet.run(["audit", "--entity", "agreement", "--limit", "1"], environment: ["TUNET_LANG": "nb"])
        #expect(revisjon.stdout.contains("Ny avtale fra september; avropene fullføres (avrop som fortsetter etter oppsigelsen: 1 og 2)"), "\(revisjon.stdout)")
        let both = try tunet.run(["agreement", "terminate", "2027/70", "--reason", "x", "--end-placements", "--keep-placements"])
        #expect(both.status == 64)
    }

    @Test("A cancelled placement counts nothing: no planned days, no cost, in no total")
    func cancelledCountsNothing() throws {
        let tunet = try withPlacements()
        let cancelled = try tunet.run(["placement", "cancel", "2", "--reason", "Familien takket nei"], environment: ["TUNET_TODAY": "2027-01-02"])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(try committed(tunet, today: "2027-01-02") == 5_000_000)
        let list = try tunet.run(["placement", "list"], environment: ["TUNET_TODAY": "2027-01-02"])
        #expect(list.stdout.contains("Total: 1 placement, 50 planned days, NOK 50,000.00 projected (1 cancelled, counted as nothing)"), "\(list.stdout)")
        let json = try tunet.json(try tunet.run(["placement", "list", "--json"], environment: ["TUNET_TODAY": "2027-01-02"])) as? [[String: Any]]
        let second = json?.first { $0["id"] as? Int == 2 }
        #expect(second?["status"] as? String == "cancelled")
        #expect(second?["planned_days"] as? Int == 0)
        #expect(second?["projected_cost_ore"] as? Int == 0)

        #expect(try tunet.run(["export", "placements", "-o", "avrop.xlsx", "--lang", "nb"], environment: ["TUNET_TODAY": "2027-01-02"]).status == 0)
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('avrop.xlsx', data_only=True)['Plasseringer']
            headers = [c.value for c in ws[1]]
            days, cost = headers.index('Planlagte dager'), headers.index('Beregnet kostnad')
            rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
            assert rows[2][days].value == 0 and rows[2][cost].value == 0, (rows[2][days].value, rows[2][cost].value)
            assert rows['Sum'][days].value == 50 and rows['Sum'][cost].value == 50000, (rows['Sum'][days].value, rows['Sum'][cost].value)
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }
}
