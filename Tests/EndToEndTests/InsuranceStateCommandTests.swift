import Foundation
import Testing

@Suite("The insurance state of each farm, run as a user runs it (today 2026-11-23)")
struct InsuranceStateCommandTests {
    /// Four dementia farms in Kongsberg, approved, insured to 90 days ahead (Lia), 91 days ahead
    /// (Haugen), yesterday (Holmen) and with no expiry recorded (Bergsetra); a ranked agreement with
    /// Holmen first, and a team with a procurement member.
    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let farms: [(String, String, String?)] = [
            ("974760673", "Lia gård", "2027-02-21"), ("923609016", "Haugen gård", "2027-02-22"),
            ("971526157", "Holmen gård", "2026-11-22"), ("912346102", "Bergsetra", nil),
        ]
        var setup: [[String]] = farms.map { org, name, expiry in
            ["provider", "add", "--org", org, "--name", name, "--municipality", "3303", "--target-groups", "dementia", "--places-per-day", "2",
             "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"] + (expiry.map { ["--insurance-expiry", $0] } ?? [])
        }
        setup += [
            ["agreement", "add", "--reference", "2026/9", "--title", "Dagaktivitet Kongsberg", "--municipality", "3303",
             "--provider", "971526157:1", "--provider", "974760673:2", "--provider", "923609016:3", "--target-groups", "dementia",
             "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "500000", "--maximum-value", "500000", "--call-off", "ranking",
             "--price", "971526157:full_day:day:1000", "--price", "974760673:full_day:day:1100", "--price", "923609016:full_day:day:1200"],
            ["team", "add", "--name", "Arbeidslag", "--municipality", "3303", "--owner", "Kommunedirektør"],
            ["team", "member", "add", "--name", "Eva Dahl", "--sector", "procurement", "--role", "innkjøpsrådgiver"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments)
            #expect(result.status == 0, "\(arguments[0]) \(arguments[1]): \(result.stderr)")
        }
        return tunet
    }

    @Test("list and show give valid, expiring (90 days, not 91), expired (yesterday) and unknown, in the table and --json")
    func listAndShow() throws {
        let tunet = try prepared()
        let list = try tunet.json(try tunet.run("provider", "list", "--json")) as? [[String: Any]]
        var states: [String: String] = [:]
        for farm in list ?? [] { states[farm["organisation_number"] as! String] = farm["insurance_state"] as? String }
        #expect(states == ["974760673": "expiring", "923609016": "valid", "971526157": "expired", "912346102": "unknown"])

        let table = try tunet.run("provider", "list").stdout.split(separator: "\n").map(String.init)
        #expect(table.first?.contains("Insurance  Insured to") == true)
        #expect(table.first { $0.hasPrefix("971526157") }?.contains("expired    2026-11-22") == true)
        #expect(table.first { $0.hasPrefix("974760673") }?.contains("expiring   2027-02-21") == true)
        #expect(table.first { $0.hasPrefix("923609016") }?.contains("valid      2027-02-22") == true)
        #expect(table.first { $0.hasPrefix("912346102") }?.contains("unknown") == true)

        let shown = try tunet.run("provider", "show", "971526157").stdout.split(separator: "\n").map(String.init)
        #expect(shown.contains("Insurance:             expired"))
        #expect(shown.contains("Insurance expires:     2026-11-22"))
        let json = try tunet.json(try tunet.run("provider", "show", "974760673", "--json")) as? [String: Any]
        #expect(json?["insurance_state"] as? String == "expiring")

        let expired = try tunet.json(try tunet.run("provider", "list", "--insurance", "expired", "--json")) as? [[String: Any]]
        #expect(expired?.compactMap { $0["organisation_number"] as? String } == ["971526157"])
        let bad = try tunet.run("provider", "list", "--insurance", "lapsed")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("use valid, expiring, expired or unknown"))
    }

    @Test("The providers export has the insurance state in bokmål, expiring and expired cells highlighted")
    func export() throws {
        let tunet = try prepared()
        let result = try tunet.run("export", "providers", "-o", "tilbydere.xlsx", "--lang", "nb")
        #expect(result.status == 0, "\(result.stderr)")
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('tilbydere.xlsx')['Tilbydere']
            headers = [c.value for c in ws[1]]
            column = headers.index('Forsikring') + 1
            assert headers[column] == 'Forsikring utløper', headers
            for row in range(2, ws.max_row + 1):
                org = ws.cell(row=row, column=1).value
                if org is None or org == 'Sum': continue
                cell = ws.cell(row=row, column=column)
                marked = cell.fill.fgColor.rgb.endswith('FCE4D6') if cell.fill and cell.fill.fill_type else False
                print(org, cell.value, 'marked' if marked else 'plain')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        for line in ["974760673 utløper snart marked", "923609016 gyldig plain", "971526157 utløpt marked", "912346102 ukjent plain"] {
            #expect(python.output.contains(line), "\(python.output)")
        }
    }

    @Test("An expired insurance refuses the placement: the cascade skips Holmen gård and records why")
    func placementRefused() throws {
        let tunet = try prepared()
        let placed = try tunet.run("placement", "add", "--agreement", "2026/9", "--kind", "dementia", "--municipality", "3303", "--weekdays", "tue",
                                   "--start", "2026-12-01", "--end", "2026-12-31", "--decision", "HO-2026/9")
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("Placed P-2026-0001 with 974760673 as placement 1: 5 planned days, NOK 5,500.00 committed."))
        #expect(placed.stdout.contains("skipped rank 1 971526157: its insurance has expired (insurance expiry 2026-11-22, before the start 2026-12-01)"))
        let shown = try tunet.json(try tunet.run("placement", "show", "1", "--json")) as? [String: Any]
        let skipped = ((shown?["placement"] as? [String: Any])?["choice"] as? [String: Any])?["skipped"] as? [[String: Any]]
        #expect(skipped?.first?["provider_organisation_number"] as? String == "971526157")
        let reason = (skipped?.first?["reasons"] as? [[String: Any]])?.first
        #expect(reason?["key"] as? String == "rules.obstacle.insurance_expired")
        #expect(reason?["arguments"] as? [String: [String: String]] == ["expiry": ["date": "2026-11-22"], "start": ["date": "2026-12-01"]])
        let norwegian = try tunet.run(["placement", "show", "1"], environment: ["TUNET_LANG": "nb"])
        #expect(norwegian.stdout.contains("971526157: forsikringen er utløpt (utløpsdato 22.11.2026, før oppstart 01.12.2026)"), "\(norwegian.stdout)")
    }

    @Test("task generate raises a task for the expiring and the expired insurance, not the valid or unknown one")
    func tasks() throws {
        let tunet = try prepared()
        let generated = try tunet.run("task", "generate")
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("Get the renewed insurance of Holmen gård: it expired 2026-11-22, so the farm can take no new placements — Eva Dahl"))
        #expect(generated.stdout.contains("Get the renewed insurance of Lia gård: it expires 2027-02-21 — Eva Dahl"))
        let tasks = try tunet.json(try tunet.run("task", "list", "--json")) as? [[String: Any]]
        #expect(Set(tasks?.compactMap { $0["rule_key"] as? String } ?? [])
            == ["1|insurance:971526157:2026-11-22", "1|insurance:974760673:2027-02-21"])
        let lia = try #require(tasks?.first { $0["rule_key"] as? String == "1|insurance:974760673:2027-02-21" }?["id"] as? Int)
        #expect(try tunet.run("task", "generate", "--insurance-days", "89").stdout.contains("Condition no longer holds for task(s) #\(lia)."))
    }
}
