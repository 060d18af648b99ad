import Foundation
import Testing

@Suite("tunet agreement and tunet kpi, run as a user runs them")
struct AgreementCommandTests {
    static let farms = [
        ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "pupils,dementia",
         "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-05-02"],
        ["provider", "add", "--org", "923609016", "--name", "Haugen gård", "--municipality", "3303", "--target-groups", "dementia",
         "--places-per-day", "6", "--open-weekdays", "mon-thu", "--approval-date", "2025-05-02"],
    ]

    static let agreement = [
        "agreement", "add", "--reference", "2025/77", "--title", "Inn på tunet Kongsberg", "--municipality", "3303",
        "--provider", "974760673:1", "--provider", "923609016:2", "--target-groups", "pupils,dementia",
        "--start", "01.01.2026", "--end", "2027-12-31", "--option", "12:2027-09-30",
        "--estimated-value", "6 000 000", "--maximum-value", "8000000", "--call-off", "ranking",
        "--absence-rule", "bill_unannounced_absence",
        "--price", "974760673:full_day:day:1250", "--price", "974760673:transport:trip:350",
        "--price", "923609016:full_day:day:1190,50", "--kpi-base", "2025M10", "--kpi-month", "10",
    ]

    static let bokmål = ["TUNET_LANG": "nb"]

    func withFarms() throws -> TunetProcess {
        let tunet = try TunetProcess()
        for farm in Self.farms { #expect(try tunet.run(farm).status == 0) }
        return tunet
    }

    @Test("Register, show, list, adjust prices for the next year, extend and look at the ceiling")
    func flow() throws {
        let tunet = try withFarms()
        let added = try tunet.run(Self.agreement)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Registered agreement 2025/77 (2 providers"))

        let list = try tunet.run("agreement", "list")
        #expect(list.stdout.contains("2025/77"))
        #expect(list.stdout.contains("8,000,000.00"))
        #expect(list.stdout.contains("active"))
        let liste = try tunet.run(["agreement", "list"], environment: Self.bokmål)
        #expect(liste.stdout.contains("8 000 000,00"))
        #expect(liste.stdout.contains("rangering"))
        #expect(liste.stdout.contains("aktiv"))

        let shown = try tunet.json(try tunet.run("agreement", "show", "2025/77", "--json")) as? [String: Any]
        #expect(shown?["status"] as? String == "active")
        #expect(shown?["maximum_value_ore"] as? Int == 800_000_000)
        #expect(shown?["latest_possible_end"] as? String == "2028-12-31")
        #expect(shown?["ocds_framework_method"] as? String == "withoutReopeningCompetition")
        let consumption = shown?["consumption"] as? [String: Any]
        #expect(consumption?["headroom_ore"] as? Int == 800_000_000)

        let missing = try tunet.run("agreement", "adjust-prices", "--year", "2027")
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("2026M10"))
        #expect(try tunet.run("kpi", "import", TunetProcess.example("kpi-03013.csv")).status == 0)
        let beyondEnd = try tunet.run("agreement", "adjust-prices", "--year", "2028")
        #expect(beyondEnd.stdout.contains("2025/77: not adjusted (it does not run on 2028-01-01)"))
        #expect(try tunet.run("kpi", "set", "2026M10", "143.6").status == 0)
        let adjusted = try tunet.run(["agreement", "adjust-prices", "--year", "2027"], environment: Self.bokmål)
        #expect(adjusted.status == 0, "\(adjusted.stderr)")
        // 1250 × 143.6 / 139.8 = 1283.977… → 1 283,98
        #expect(adjusted.stdout.contains("2025/77: fra 01.01.2027, KPI 2026M10 143,6 / 2025M10 139,8"))
        #expect(adjusted.stdout.contains("974760673  full_day      1 250,00  1 283,98"))
        let prices = try tunet.run(["agreement", "prices", "2025/77", "--provider", "974760673", "--on", "2027-03-01"], environment: Self.bokmål)
        #expect(prices.stdout.contains("Priser i 2025/77 som gjelder 01.03.2027:"))
        #expect(prices.stdout.contains("974760673  full_day   dag     1 283,98  01.01.2027   KPI-justering 2027"))
        let english = try tunet.run("agreement", "prices", "2025/77", "--provider", "974760673", "--on", "2027-03-01")
        #expect(english.stdout.contains("1,283.98"))
        #expect(english.stdout.contains("KPI adjustment 2027"))
        let before = try tunet.run(["agreement", "prices", "2025/77", "--provider", "974760673", "--on", "2026-12-31"], environment: Self.bokmål)
        #expect(before.stdout.contains("974760673  full_day   dag     1 250,00  01.01.2026   avtalen"))

        // The year is applied once: a second run says so and changes nothing.
        let applied = try tunet.databaseSnapshot()
        let again = try tunet.run(["agreement", "adjust-prices", "--year", "2027"], environment: Self.bokmål)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == """
            2025/77: ikke justert (KPI-justeringen for 2027 er allerede gjort, med nye priser fra 01.01.2027; ingenting ble endret)
            Ingen priser ble justert; ingenting ble endret.

            """)
        let againInEnglish = try tunet.run("agreement", "adjust-prices", "--year", "2027", "--reference", "2025/77")
        #expect(againInEnglish.stdout.contains("2025/77: not adjusted (the KPI adjustment for 2027 was already applied, with new prices from 2027-01-01; nothing was changed)"))
        let againAsJSON = try tunet.json(try tunet.run("agreement", "adjust-prices", "--year", "2027", "--json")) as? [String: Any]
        #expect((againAsJSON?["skipped"] as? [String: String])?["2025/77"] == "already_applied")
        #expect(try tunet.databaseSnapshot() == applied)

        let extended = try tunet.run("agreement", "extend", "2025/77", environment: ["TUNET_TODAY": "2027-09-01"])
        #expect(extended.status == 0, "\(extended.stderr)")
        #expect(extended.stdout.contains("it now ends 2028-12-31"))

        let ceiling = try tunet.run(["agreement", "consumption", "2025/77"], environment: Self.bokmål)
        // Nothing billed or committed in the last 90 days: the maximum is not reached at this pace ("–").
        #expect(ceiling.stdout.contains("2025/77     8 000 000,00    0,00   0,00  8 000 000,00     0,0 %  –          aktiv"), "\(ceiling.stdout)")
        let audit = try tunet.json(try tunet.run("audit", "--entity", "agreement", "--json")) as? [[String: Any]]
        #expect(audit?.compactMap { $0["action"] as? String } == ["create", "adjust-prices", "extend"])
    }

    func expectRefusal(_ arguments: [String], status: Int32 = 65, message: String, today: String = "2026-11-23",
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tunet = try withFarms()
        #expect(try tunet.run(Self.agreement).status == 0, sourceLocation: sourceLocation)
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(arguments, environment: ["TUNET_TODAY": today])
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    static func variant(_ option: String, _ value: String) -> [String] {
        var arguments = agreement
        arguments[3] = "2025/78"
        if let index = arguments.firstIndex(of: option) {
            arguments[index + 1] = value
        } else {
            arguments += [option, value]
        }
        return arguments
    }

    @Test("Each bad agreement input gets a clear message and changes nothing")
    func badInput() throws {
        try expectRefusal(Self.variant("--reference", "2025/78") + ["--provider", "812345672:3"],
                          message: "provider 812345672 is not registered")
        try expectRefusal(Self.variant("--price", "974760673:full_day:day:0"), message: "a price must be above zero")
        try expectRefusal(Self.variant("--end", "2025-12-31"), message: "ends (2025-12-31) before it starts (2026-01-01)")
        try expectRefusal(Self.variant("--option", "12:2028-01-01"), message: "must be decided before it starts (2028-01-01)")
        try expectRefusal(Self.variant("--maximum-value", ""), message: "a maximum value is required")
        try expectRefusal(Self.variant("--end", "2030-12-31"), message: "runs from 2026-01-01 to 2031-12-31, 6 years; a framework agreement may run at most 4 years (to 2029-12-31)")
        try expectRefusal(Self.variant("--reference", "2025/77"), message: "already registered")
        try expectRefusal(["agreement", "extend", "2025/77"], message: "had to be decided by 2027-09-30", today: "2027-10-01")
        try expectRefusal(["agreement", "show", "1999/1"], status: 66, message: "No agreement '1999/1'")
        try expectRefusal(["kpi", "set", "2026M13", "140.1"], message: "'2026M13' is not a month")
        try expectRefusal(["agreement", "adjust-prices", "--year", "2027"], message: "needs the index for 2025M10")
        try expectRefusal(["agreement", "terminate", "2025/77", "--reason", "done", "--on", "2031-01-01"],
                          message: "must lie within the agreement")
    }

    @Test("A maximum below the estimate is accepted with a warning on stderr, in bokmål by default")
    func warning() throws {
        let tunet = try withFarms()
        var arguments = Self.agreement
        arguments[arguments.firstIndex(of: "--maximum-value")! + 1] = "5000000"
        let result = try tunet.run(arguments, environment: ["TUNET_LANG": "nb"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("advarsel: Maksimalverdien (kr 5 000 000,00) er lavere enn den anslåtte verdien (kr 6 000 000,00); "
            + "avtalen blir oppbrukt før anslaget er nådd."), "\(result.stderr)")
        arguments[arguments.firstIndex(of: "--reference")! + 1] = "2025/78"
        let english = try tunet.run(arguments)
        #expect(english.stderr.contains("warning: The maximum value (NOK 5,000,000.00) is below the estimated value (NOK 6,000,000.00)"), "\(english.stderr)")
    }

    @Test("The demo has Kongsberg's directly registered agreement with six ranked farms and KPI-adjusted prices")
    func demo() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let agreements = try tunet.json(try tunet.run("agreement", "list", "--json")) as? [[String: Any]]
        let kongsberg = try #require(agreements?.first)
        #expect((kongsberg["parties"] as? [Any])?.count == 6)
        #expect(kongsberg["call_off_method"] as? String == "ranking")
        let prices = try tunet.run("agreement", "prices", try #require(kongsberg["reference"] as? String), "--history")
        #expect(prices.stdout.contains("KPI adjustment 2026"))
    }
}
