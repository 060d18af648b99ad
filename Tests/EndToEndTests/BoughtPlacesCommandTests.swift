import Foundation
import Testing

/// Kongsberg buys places from its farms: so many for education, so many for health and care. A call-off
/// beyond the bought places is refused unless the agreement allows extra places, and the use is shown day
/// by day as booked of bought.
@Suite("Bought places per farm and target group, run as a user runs them")
struct BoughtPlacesCommandTests {
    static let bokmal = ["TUNET_LANG": "nb", "TUNET_TODAY": "2026-11-23"]

    /// Lia gård (three places a day) under a direct agreement for Kongsberg that buys `bought` of them.
    func prepared(bought: [String], extra: Bool = false) throws -> TunetProcess {
        let tunet = try TunetProcess()
        var agreement = ["agreement", "add", "--reference", "2026/KB-1", "--title", "IPT Kongsberg", "--municipality", "3303",
                         "--provider", "974760673", "--target-groups", "pupils,dementia", "--start", "2026-01-01", "--end", "2027-12-31",
                         "--estimated-value", "2000000", "--maximum-value", "2000000", "--call-off", "direct",
                         "--price", "974760673:full_day:day:1000", "--price", "974760673:transport:trip:250"]
        agreement += bought.flatMap { ["--bought-places", $0] } + (extra ? ["--allows-extra-places"] : [])
        for arguments in [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "pupils,dementia",
             "--places-per-day", "3", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01", "--police-certificate", "2025-06-01"],
            agreement,
        ] {
            let result = try tunet.run(arguments, environment: Self.bokmal)
            #expect(result.status == 0, "\(arguments[0]) \(arguments[1]): \(result.stderr)")
        }
        return tunet
    }

    static func dementia(_ weekdays: String) -> [String] {
        ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--kind", "dementia", "--municipality", "3303",
         "--weekdays", weekdays, "--start", "2026-12-01", "--end", "2026-12-31", "--decision", "HO-2026/7"]
    }

    @Test("A call-off beyond the bought places is refused in bokmål, naming the weekday and the places, and changes nothing")
    func beyondBoughtRefused() throws {
        let tunet = try prepared(bought: ["974760673:dementia:1"])
        #expect(try tunet.run(Self.dementia("wed"), environment: Self.bokmal).status == 0)
        let before = try tunet.databaseSnapshot()
        let refused = try tunet.run(Self.dementia("wed"), environment: Self.bokmal)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("1 av 1 kjøpte plass for personer med demens er booket på ons (første gang 02.12.2026), og avtalen tillater ikke ekstra plasser"),
                "\(refused.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
        // The farm's own places are not the limit: the same farm takes a pupil, for whom nothing is bought.
        let pupil = ["placement", "add", "--agreement", "2026/KB-1", "--provider", "974760673", "--kind", "pupil", "--municipality", "3303",
                     "--weekdays", "wed", "--start", "2026-12-01", "--end", "2026-12-18", "--school", "Kongsberg skole", "--grade", "5"]
        #expect(try tunet.run(pupil, environment: Self.bokmal).status == 0)
    }

    @Test("Where the agreement allows extra places, the call-off beyond the bought ones is made, and the use shows more booked than bought")
    func extraPlacesAllowed() throws {
        let tunet = try prepared(bought: ["974760673:dementia:1"], extra: true)
        #expect(try tunet.run(Self.dementia("wed"), environment: Self.bokmal).status == 0)
        let second = try tunet.run(Self.dementia("wed"), environment: Self.bokmal)
        #expect(second.status == 0, "\(second.stderr)")
        let use = try tunet.json(try tunet.run(["agreement", "places", "2026/KB-1", "--from", "2026-12-02", "--to", "2026-12-02", "--json"],
                                               environment: Self.bokmal)) as? [String: Any]
        let day = (use?["days"] as? [[String: Any]])?.first
        #expect(day?["booked"] as? Int == 2)
        #expect(day?["bought"] as? Int == 1)
        #expect(day?["share"] as? Double == 200.0)
    }

    @Test("Places bought per weekday: Monday and Wednesday full, Friday free; agreement show and places show booked of bought day by day")
    func perWeekdayAndUse() throws {
        let tunet = try prepared(bought: ["974760673:dementia:1:mon,wed", "974760673:dementia:2:fri", "974760673:pupils:4"])
        #expect(try tunet.run(Self.dementia("mon,wed"), environment: Self.bokmal).status == 0)
        let full = try tunet.run(Self.dementia("mon"), environment: Self.bokmal)
        #expect(full.status == 65)
        #expect(full.stderr.contains("1 av 1 kjøpte plass for personer med demens er booket på man"), "\(full.stderr)")
        #expect(try tunet.run(Self.dementia("fri"), environment: Self.bokmal).status == 0)
        // Bought on Monday, Wednesday and Friday only: none is bought on Tuesday.
        let tuesday = try tunet.run(Self.dementia("tue"), environment: Self.bokmal)
        #expect(tuesday.status == 65)
        #expect(tuesday.stderr.contains("avtalen kjøper ingen plasser for personer med demens på tir (første gang 01.12.2026)"), "\(tuesday.stderr)")

        let shown = try tunet.run(["agreement", "show", "2026/KB-1"], environment: ["TUNET_LANG": "nb", "TUNET_TODAY": "2026-11-30"])
        #expect(shown.stdout.contains("Kjøpte plasser\n  Lia gård, personer med demens: 1 plass på man og ons"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Lia gård, personer med demens: 2 plasser på fre"))
        #expect(shown.stdout.contains("Lia gård, elever: 4 plasser hver dag"))
        #expect(shown.stdout.contains("Ekstra plasser ut over de kjøpte: ikke tillatt"))
        #expect(shown.stdout.contains("Bruk 30.11.2026–06.12.2026 (booket av kjøpt)"))
        let wednesday = shown.stdout.split(separator: "\n").first { $0.hasPrefix("02.12.2026") && $0.contains("demens") }
        #expect(wednesday == "02.12.2026  ons  Lia gård  personer med demens       1      1  100,0 %", "\(String(describing: wednesday))")

        let days = (try tunet.json(try tunet.run(["agreement", "places", "2026/KB-1", "--from", "2026-12-01", "--to", "2026-12-31", "--json"],
                                                 environment: Self.bokmal)) as? [String: Any])?["days"] as? [[String: Any]]
        // 25 and 26 December are public holidays: no day is listed for them.
        #expect(days?.contains { $0["date"] as? String == "2026-12-25" } == false)
        #expect(days?.filter { $0["target_group"] as? String == "dementia" && $0["date"] as? String == "2026-12-04" }.first?["booked"] as? Int == 1)
    }

    @Test("Bought places are changed with agreement places --set, audited; 0 stops buying there; bad input names the value and changes nothing")
    func changedAndRefused() throws {
        let tunet = try prepared(bought: ["974760673:dementia:1"])
        let changed = try tunet.run(["agreement", "places", "2026/KB-1", "--set", "974760673:dementia:3", "--set", "974760673:pupils:2"],
                                    environment: Self.bokmal)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("Lia gård, personer med demens: 3 plasser hver dag"), "\(changed.stdout)")
        let audit = try tunet.run(["audit", "--entity", "agreement", "--id", "2026/KB-1", "--verbose", "--json"], environment: Self.bokmal)
        #expect(audit.stdout.contains("bought_places"), "\(audit.stdout)")
        let stopped = try tunet.json(try tunet.run(["agreement", "places", "2026/KB-1", "--set", "974760673:pupils:0", "--json"],
                                                   environment: Self.bokmal)) as? [String: Any]
        #expect((stopped?["bought"] as? [[String: Any]])?.count == 1)

        let before = try tunet.databaseSnapshot()
        for (arguments, message) in [
            (["agreement", "places", "2026/KB-1", "--set", "923609016:dementia:2"], "tilbyder 923609016 er ikke part i avtalen"),
            (["agreement", "places", "2026/KB-1", "--set", "974760673:dementia:mange"], "antall kjøpte plasser må være et helt tall fra 0 (ingen, kjøpet stopper) til 200"),
            (["agreement", "places", "2026/KB-1", "--set", "974760673:voksne:2"], "«voksne» er ikke en målgruppe"),
            (["agreement", "places", "2026/KB-1", "--set", "974760673:dementia:2:man,søndagen"], "bought-places"),
            (["agreement", "places", "2026/KB-1", "--set", "974760673:dementia:0:mon"], "0 plasser stopper kjøpet hos gården for målgruppen alle dager"),
            (["agreement", "places", "2026/KB-1", "--set", "974760673:dementia:4:,"], "bought-places"),
        ] {
            let refused = try tunet.run(arguments, environment: Self.bokmal)
            #expect(refused.status == 65, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        #expect(try tunet.databaseSnapshot() == before)
    }
}

@Suite("A pilot's evaluation shows the places bought per sector")
struct PilotBoughtPlacesTests {
    @Test("14 places for education and 13 for health and care, as Kongsberg buys them, in bokmål and in JSON")
    func perSector() throws {
        let tunet = try BoughtPlacesCommandTests().prepared(bought: ["974760673:pupils:14", "974760673:dementia:7:mon-wed", "974760673:dementia:13:thu"])
        let pilot = ["pilot", "add", "--name", "IPT Kongsberg", "--county", "Buskerud", "--target-group", "pupils", "--municipality", "3303",
                     "--from", "2026-01-01", "--to", "2026-12-31", "--project-leader", "Prosjektleder, Kongsberg kommune"]
        #expect(try tunet.run(pilot, environment: BoughtPlacesCommandTests.bokmal).status == 0)
        let evaluated = try tunet.run(["pilot", "evaluate", "1"], environment: BoughtPlacesCommandTests.bokmal)
        #expect(evaluated.stdout.contains("Kjøpte plasser i avtalene: 14 plasser i oppvekst og utdanning og 13 plasser i helse og omsorg."),
                "\(evaluated.stdout)")
        let json = try tunet.json(try tunet.run(["pilot", "evaluate", "1", "--json"], environment: BoughtPlacesCommandTests.bokmal)) as? [String: Any]
        #expect(json?["places_bought_by_sector"] as? [String: Int] == ["education": 14, "health_and_care": 13])
    }
}

@Suite("The bought places report, read back with openpyxl")
struct BoughtPlacesReportTests {
    @Test("export bought-places writes one row per open day with bought, booked and the share; public holidays left out; totals add up")
    func report() throws {
        let tunet = try BoughtPlacesCommandTests().prepared(bought: ["974760673:dementia:2"])
        #expect(try tunet.run(BoughtPlacesCommandTests.dementia("wed"), environment: BoughtPlacesCommandTests.bokmal).status == 0)
        let export = try tunet.run(["export", "bought-places", "--from", "2026-12-01", "--to", "2026-12-31", "-o", "plasser.xlsx"],
                                   environment: BoughtPlacesCommandTests.bokmal)
        #expect(export.status == 0, "\(export.stderr)")
        let check = """
            import openpyxl
            book = openpyxl.load_workbook("plasser.xlsx")
            sheet = book["Kjøpte plasser"]
            rows = [[c.value for c in row] for row in sheet.iter_rows()]
            header = next(i for i, r in enumerate(rows) if r[0] == "Dato")
            print(rows[header])
            data = [r for r in rows[header + 1:] if r[0] is not None and r[0] != "Sum"]
            print(len(data), sum(r[7] for r in data), sum(r[6] for r in data))
            wednesday = next(r for r in data if r[0].strftime("%Y-%m-%d") == "2026-12-02")
            print(wednesday[1], wednesday[4], wednesday[5], wednesday[6], wednesday[7], wednesday[8])
            print(any(r[0].strftime("%m-%d") in ("12-25", "12-26") for r in data))
            """
        let (status, output) = try Python.run(check, in: tunet.folder)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "['Dato', 'Dag', 'Avtale', 'Orgnr', 'Gård', 'Målgruppe', 'Kjøpt', 'Booket', 'Andel booket', 'Ut over kjøpt']", "\(output)")
        // December 2026 has 23 weekdays less Christmas Day (a Friday): 22 open days, 5 Wednesdays booked once
        // (the 30th too: dementia placements do not follow school holidays), 2 places bought each day.
        #expect(lines.dropFirst().first == "22 5 44", "\(output)")
        #expect(lines.dropFirst(2).first == "ons Lia gård personer med demens 2 1 0.5", "\(output)")
        #expect(lines.last == "False", "\(output)")
    }
}
