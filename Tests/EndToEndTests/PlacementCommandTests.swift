import Foundation
import Testing

@Suite("tunet placement and tunet calendar, run as a user runs them")
struct PlacementCommandTests {
    /// Two farms under a ranked agreement for Hadsel: Strand (rank 1, one place, police certificate)
    /// and Fjellheim (rank 2, two places, no police certificate), both open Monday to Friday.
    func prepared(maximum: String = "200000") throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "923609016", "--name", "Strand gård", "--municipality", "1866", "--target-groups", "pupils,dementia",
             "--places-per-day", "1", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01", "--police-certificate", "2025-06-01"],
            ["provider", "add", "--org", "974760673", "--name", "Fjellheim gård", "--municipality", "1866", "--target-groups", "pupils,dementia",
             "--places-per-day", "2", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/5", "--title", "IPT Hadsel", "--municipality", "1866", "--provider", "923609016:1",
             "--provider", "974760673:2", "--target-groups", "pupils,dementia", "--start", "2026-01-01", "--end", "2027-12-31",
             "--estimated-value", maximum, "--maximum-value", maximum, "--call-off", "ranking",
             "--price", "923609016:full_day:day:1000", "--price", "923609016:transport:trip:250",
             "--price", "974760673:full_day:day:900", "--price", "974760673:transport:trip:250"],
            ["calendar", "school", "import", TunetProcess.example("school-calendar.csv")],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments)
            #expect(result.status == 0, "\(arguments[0]) \(arguments[1]): \(result.stderr)")
        }
        return tunet
    }

    static let pupil = ["placement", "add", "--agreement", "2026/5", "--kind", "pupil", "--municipality", "1866", "--weekdays", "wed",
                        "--start", "2026-12-01", "--end", "2026-12-31", "--school", "Stokmarknes skole", "--grade", "6"]
    static let dementia = ["placement", "add", "--agreement", "2026/5", "--kind", "dementia", "--municipality", "1866", "--weekdays", "wed",
                           "--start", "2026-12-01", "--end", "2026-12-31", "--decision", "HO-2026/7", "--transport"]

    @Test("A pupil is placed by the ranking, school holidays left out; the next pupil cannot go where there is no police certificate")
    func ranking() throws {
        let tunet = try prepared()
        let first = try tunet.run(Self.pupil)
        #expect(first.status == 0, "\(first.stderr)")
        // Wednesdays 2, 9, 16 December; 23 and 30 are in the Christmas holiday.
        #expect(first.stdout.contains("Placed P-2026-0001 with 923609016 as placement 1: 3 planned days, NOK 3,000.00 committed."))
        let second = try tunet.run(Self.pupil)
        #expect(second.status == 65)
        #expect(second.stderr.contains("rank 1 923609016: full on wed (1 of 1 places taken, first on 2026-12-02)"))
        #expect(second.stderr.contains("rank 2 974760673: it has no police certificate, which pupil placements require"))
        // A dementia placement is not bound by school holidays and cascades to rank 2.
        let third = try tunet.run(Self.dementia)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("with 974760673"))
        #expect(third.stdout.contains("5 planned days, NOK 7,000.00"))   // 5 × (900 + 2 × 250)
        #expect(third.stdout.contains("skipped rank 1 923609016: full on wed"))

        let shown = try tunet.json(try tunet.run("placement", "show", "2", "--json")) as? [String: Any]
        let placement = shown?["placement"] as? [String: Any]
        let rule = (placement?["choice"] as? [String: Any])?["rule"] as? [String: Any]
        #expect(rule?["key"] as? String == "rules.choice.ranking")
        #expect((rule?["arguments"] as? [String: Any])?["rank"] as? [String: String] == ["text": "2"])
        let consumption = try tunet.json(try tunet.run("agreement", "consumption", "2026/5", "--json")) as? [[String: Any]]
        #expect((consumption?.first?["consumption"] as? [String: Any])?["committed_ore"] as? Int == 1_000_000)
    }

    @Test("A dry run shows the choice and the cost and stores nothing")
    func dryRun() throws {
        let tunet = try prepared()
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(Self.pupil + ["--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Would place with 923609016: 3 planned days, NOK 3,000.00. Dry run: nothing was stored."))
        #expect(try tunet.databaseSnapshot() == before)
    }

    @Test("Above the ceiling the placement is refused with the headroom; an override with a reason is audited and flagged")
    func ceiling() throws {
        let tunet = try prepared(maximum: "4000")
        #expect(try tunet.run(Self.pupil).status == 0)
        let before = try tunet.databaseSnapshot()
        let refused = try tunet.run(Self.dementia)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("headroom now NOK 1,000.00, this placement NOK 7,000.00"))
        let norwegian = try tunet.run(Self.dementia, environment: ["TUNET_LANG": "nb"])
        #expect(norwegian.stderr.contains("feil: Avtale 2026/5 ville blitt overskredet: bundet og brukt ville bli kr 10 000,00, over maksimalverdien "
            + "på kr 4 000,00 (gjenstående nå kr 1 000,00, denne plasseringen kr 7 000,00)."), "\(norwegian.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
        let half = try tunet.run(Self.dementia + ["--override-ceiling"])
        #expect(half.status == 64)
        let overridden = try tunet.run(Self.dementia + ["--override-ceiling", "--reason", "Decided by the chief executive 2026-11-20"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("CEILING OVERRIDE recorded"))
        let list = try tunet.run("placement", "list")
        #expect(list.stdout.contains("! placed above the agreement's maximum value"))
        let audit = try tunet.run("audit", "--entity", "placement")
        #expect(audit.stdout.contains("maximum value overridden: Decided by the chief executive"), "\(audit.stdout)")
        let revisjon = try tunet.run(["audit", "--entity", "placement"], environment: ["TUNET_LANG": "nb"])
        #expect(revisjon.stdout.contains("maksimalverdien overstyrt: Decided by the chief executive"), "\(revisjon.stdout)")
        let status = try tunet.json(try tunet.run("agreement", "show", "2026/5", "--json")) as? [String: Any]
        #expect(status?["status"] as? String == "exhausted")
    }

    @Test("End releases committed value, extend checks again, cancel releases all; each is audited")
    func lifecycle() throws {
        let tunet = try prepared()
        #expect(try tunet.run(Self.dementia).status == 0)
        let ended = try tunet.run("placement", "end", "1", "--on", "2026-12-10", "--reason", "Moved")
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect(ended.stdout.contains("now ends 2026-12-10: 2 planned days, NOK 3,000.00 committed"))
        let extended = try tunet.run("placement", "extend", "1", "--to", "2027-01-31")
        #expect(extended.status == 0, "\(extended.stderr)")
        #expect(extended.stdout.contains("now ends 2027-01-31"))
        #expect(try tunet.run("placement", "cancel", "1", "--reason", "The family declined").status == 0)
        let consumption = try tunet.json(try tunet.run("agreement", "consumption", "2026/5", "--json")) as? [[String: Any]]
        #expect((consumption?.first?["consumption"] as? [String: Any])?["committed_ore"] as? Int == 0)
        let audit = try tunet.json(try tunet.run("audit", "--entity", "placement", "--json")) as? [[String: Any]]
        #expect(audit?.compactMap { $0["action"] as? String } == ["create", "end", "extend", "cancel"])
        let refused = try tunet.run("placement", "extend", "1", "--to", "2027-03-01")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is cancelled"))
    }

    @Test("Names are stored apart, shown only with --include-names, every read audited, never in the audit's content")
    func names() throws {
        let tunet = try prepared()
        #expect(try tunet.run(Self.pupil + ["--name", "Kari Nordmann"]).status == 0)
        #expect(!(try tunet.run("placement", "list")).stdout.contains("Kari"))
        #expect(!(try tunet.run("placement", "show", "1", "--json")).stdout.contains("Kari"))
        #expect(try tunet.run("placement", "list", "--include-names").stdout.contains("Kari Nordmann"))
        let audit = try tunet.run("audit", "--entity", "participant", "--json", "--verbose")
        #expect(audit.stdout.contains("read-name"))
        #expect(!audit.stdout.contains("Kari"))
        #expect(!(try tunet.run("audit", "--json")).stdout.contains("Kari"))
    }

    @Test("Follow-ups are dated, with roles, wishes and the next date")
    func followUps() throws {
        let tunet = try prepared()
        #expect(try tunet.run(Self.dementia).status == 0)
        let added = try tunet.run("placement", "followup", "add", "1", "--date", "2026-11-20", "--roles", "participant,relative",
                                  "--wishes", "Vil gjerne stelle hestene", "--next", "2027-02-20")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try tunet.json(try tunet.run("placement", "followup", "list", "1", "--json")) as? [[String: Any]]
        #expect(listed?.first?["wishes_and_needs"] as? String == "Vil gjerne stelle hestene")
        #expect(listed?.first?["roles"] as? [String] == ["participant", "relative"])
        let future = try tunet.run("placement", "followup", "add", "1", "--date", "2026-12-20", "--roles", "participant", "--wishes", "x")
        #expect(future.status == 65)
        #expect(future.stderr.contains("the date is in the future"))
    }

    func expectRefusal(_ tunet: TunetProcess, _ arguments: [String], status: Int32 = 65, message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(arguments)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test("Each bad placement input gets a clear message and changes nothing")
    func badInput() throws {
        let tunet = try prepared()
        func with(_ option: String, _ value: String) -> [String] {
            var arguments = Self.pupil
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }
        try expectRefusal(tunet, with("--start", "2025-12-01"), message: "must lie within the agreement's period")
        try expectRefusal(tunet, with("--weekdays", "sat"), message: "closed on sat")
        try expectRefusal(tunet, with("--grade", "11"), message: "the grade, 1 to 10")
        try expectRefusal(tunet, with("--municipality", "3303"), message: "municipality 3303 is not a party to agreement 2026/5")
        try expectRefusal(tunet, with("--end", "2026-11-30"), message: "ends (2026-11-30) before it starts")
        try expectRefusal(tunet, Self.pupil + ["--participant", "01017012345"], message: "looks like a national identity number")
        try expectRefusal(tunet, Self.pupil + ["--provider", "923609016"], message: "calls off by ranking")
        try expectRefusal(tunet, Self.dementia.filter { $0 != "--transport" }.dropLast(2) + [], message: "individual decision (vedtak)")
        try expectRefusal(tunet, ["placement", "show", "99"], status: 66, message: "No placement '99'")
    }

    @Test("The school calendar imports all or nothing and shows the public holidays")
    func calendar() throws {
        let tunet = try prepared()
        let shown = try tunet.run("calendar", "school", "show", "--municipality", "1866", "--year", "2026")
        #expect(shown.stdout.contains("Høstferie"))
        #expect(shown.stdout.contains("Ascension Day"), "\(shown.stdout)")
        let json = try tunet.json(try tunet.run("calendar", "school", "show", "--municipality", "1866", "--year", "2026", "--json")) as? [String: Any]
        #expect((json?["public_holidays"] as? [[String: Any]])?.first { $0["date"] as? String == "2026-05-14" }?["holiday"] as? String == "ascension_day")
        let bad = try tunet.write("bad.csv", "kommunenummer;fra;til;navn\n1866;01.01.2027;05.01.2027;Vinter\n1866;03.01.2027;10.01.2027;Overlapp\n0602;01.01.2027;02.01.2027;X\n")
        try expectRefusal(tunet, ["calendar", "school", "import", bad], message: "overlaps Vinter")
    }

    @Test("The demo places pupils and people with dementia across both pilots")
    func demo() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let placements = try tunet.json(try tunet.run("placement", "list", "--json")) as? [[String: Any]]
        #expect(Set(placements?.compactMap { $0["kind"] as? String } ?? []) == ["pupil", "dementia"])
        let municipalities = { (kind: String) in
            Set(placements?.filter { $0["kind"] as? String == kind }.compactMap { $0["municipality_number"] as? String } ?? [])
        }
        #expect(municipalities("pupil").isSuperset(of: ["1804", "1837", "1866", "1870"]))        // the Nordland pupil pilot
        #expect(municipalities("dementia").isSuperset(of: ["0301", "3107", "3222", "3316", "3326"])) // Oslo and Viken's dementia pilot
        #expect(placements?.contains { (($0["choice"] as? [String: Any])?["skipped"] as? [Any])?.isEmpty == false } == true)
        let submissions = try tunet.json(try tunet.run("attendance", "submissions", "--json")) as? [[String: Any]]
        #expect((submissions?.count ?? 0) >= 8)   // a few months of attendance from the farms
    }
}
