import Foundation
import Testing

@Suite("tunet procurement, from draft to a concluded agreement")
struct ProcurementCommandTests {
    static let farms: [(String, String)] = [("923609016", "Strand gård"), ("974760673", "Fjellheim gård"), ("971526157", "Holmen gård")]

    func prepared(until step: Int = 3) throws -> TunetProcess {
        let tunet = try TunetProcess()
        for (org, name) in Self.farms {
            #expect(try tunet.run("provider", "add", "--org", org, "--name", name, "--municipality", "1866", "--target-groups", "pupils",
                                  "--places-per-day", "3", "--open-weekdays", "mon-fri").status == 0)
        }
        let steps: [[String]] = [
            ["procurement", "create", "--title", "IPT skole Vesterålen", "--target-groups", "pupils", "--municipality", "1866",
             "--municipality", "1870", "--estimated-value", "3 200 000"],
            ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:35", "--criterion", "Faglig opplegg:25",
             "--price-line", "full_day:day:2000", "--price-line", "transport:trip:800", "--deadline", "2026-02-01"],
            ["procurement", "open", "1"],
        ]
        for arguments in steps.prefix(step) {
            let result = try tunet.run(arguments, environment: ["TUNET_TODAY": "2026-01-10"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return tunet
    }

    func tender(_ tunet: TunetProcess, _ org: String, _ day: String, _ trip: String, _ quality: String, _ plan: String,
                today: String = "2026-01-20", extra: [String] = []) throws -> TunetProcess.Result {
        try tunet.run(["procurement", "tender", "1", "--provider", org, "--price", "full_day=\(day)", "--price", "transport=\(trip)",
                       "--score", "Kvalitet=\(quality)", "--score", "Faglig opplegg=\(plan)"] + extra,
                      environment: ["TUNET_TODAY": today])
    }

    @Test("Create shows the rules, tenders are ranked, a competition below the EEA thresholds is concluded right after the award")
    func flow() throws {
        let tunet = try prepared(until: 1)
        let created = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        let rules = created?["classification"] as? [String: Any]
        #expect(rules?["regime"] as? String == "part_ii")
        #expect(rules?["notice"] as? String == "doffin")
        #expect(rules?["standstill_required"] as? Bool == false)
        for arguments in [["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:35", "--criterion",
                           "Faglig opplegg:25", "--price-line", "full_day:day:2000", "--price-line", "transport:trip:800", "--deadline", "2026-02-01"],
                          ["procurement", "open", "1"]] {
            #expect(try tunet.run(arguments, environment: ["TUNET_TODAY": "2026-01-10"]).status == 0)
        }
        #expect(try tender(tunet, "923609016", "1200", "300", "8", "7").status == 0)
        #expect(try tender(tunet, "974760673", "1150", "350", "7", "8").status == 0)
        #expect(try tender(tunet, "971526157", "1300", "250", "9", "9").status == 0)

        let evaluation = try tunet.run(["procurement", "evaluate", "1", "--json"], environment: ["TUNET_TODAY": "2026-02-02"])
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        let ranking = (try tunet.json(evaluation) as? [String: Any])?["evaluation"] as? [[String: Any]]
        #expect(ranking?.compactMap { $0["provider_organisation_number"] as? String } == ["971526157", "923609016", "974760673"])
        #expect(ranking?.first?["total_milli"] as? Int == 9_086)

        let award = try tunet.run(["procurement", "award", "1", "--winners", "2", "--notice-date", "2026-02-03"],
                                  environment: ["TUNET_TODAY": "2026-02-03"])
        #expect(award.status == 0, "\(award.stderr)")
        #expect(award.stdout.contains("no standstill period is required"))
        let awarded = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        #expect((awarded?["award"] as? [String: Any])?["standstill_end"] is NSNull)

        let conclude = ["procurement", "conclude", "1", "--reference", "2026/310", "--start", "2026-03-01", "--end", "2028-02-29",
                        "--maximum-value", "3500000", "--kpi-base", "2025M10", "--kpi-month", "10"]
        let concluded = try tunet.run(conclude, environment: ["TUNET_TODAY": "2026-02-03"])
        #expect(concluded.status == 0, "\(concluded.stderr)")

        let agreement = try tunet.json(try tunet.run("agreement", "show", "2026/310", "--json")) as? [String: Any]
        let parties = agreement?["parties"] as? [[String: Any]]
        #expect(parties?.compactMap { $0["provider_organisation_number"] as? String } == ["971526157", "923609016"])
        #expect(parties?.compactMap { $0["rank"] as? Int } == [1, 2])
        #expect(agreement?["procurement_id"] as? Int == 1)
        #expect(agreement?["estimated_value_ore"] as? Int == 320_000_000)
        let prices = agreement?["prices"] as? [[String: Any]]
        #expect(prices?.contains { $0["provider_organisation_number"] as? String == "971526157" && $0["line"] as? String == "full_day"
            && $0["amount"] as? Int == 130_000 } == true)
        let list = try tunet.run("procurement", "list")
        #expect(list.stdout.contains("concluded"))
        #expect(list.stdout.contains("2026/310"))
        let audit = try tunet.json(try tunet.run("audit", "--entity", "procurement", "--json")) as? [[String: Any]]
        #expect(audit?.compactMap { $0["action"] as? String } == ["create", "criteria", "open", "tender", "tender", "tender", "evaluate", "award", "conclude"])
    }

    /// Takes procurement 1 to evaluated, with the estimated value given (the create step of `prepared` replaced).
    func evaluated(estimatedValue: String) throws -> TunetProcess {
        let tunet = try prepared(until: 0)
        let steps: [[String]] = [
            ["procurement", "create", "--title", "IPT skole Vesterålen", "--target-groups", "pupils", "--municipality", "1866",
             "--estimated-value", estimatedValue],
            ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:35", "--criterion", "Faglig opplegg:25",
             "--price-line", "full_day:day:2000", "--price-line", "transport:trip:800", "--deadline", "2026-02-01"],
            ["procurement", "open", "1"],
        ]
        for arguments in steps { #expect(try tunet.run(arguments, environment: ["TUNET_TODAY": "2026-01-10"]).status == 0) }
        #expect(try tender(tunet, "923609016", "1200", "300", "8", "7").status == 0)
        #expect(try tunet.run(["procurement", "evaluate", "1"], environment: ["TUNET_TODAY": "2026-02-02"]).status == 0)
        return tunet
    }

    static let conclude = ["procurement", "conclude", "1", "--reference", "2026/311", "--start", "2026-03-01", "--end", "2028-02-29",
                           "--maximum-value", "9000000"]

    @Test("Above the EEA threshold for special services the standstill is required: 10 days after an electronic notice, 15 otherwise")
    func requiredStandstill() throws {
        let tunet = try evaluated(estimatedValue: "8 000 000")
        let shown = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        #expect((shown?["classification"] as? [String: Any])?["standstill_required"] as? Bool == true)
        try expectRefusal(tunet, ["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03", "--standstill-days", "9"],
                          today: "2026-02-03", message: "requires a standstill period of at least 10 days")
        let award = try tunet.run(["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03"],
                                  environment: ["TUNET_TODAY": "2026-02-03"])
        #expect(award.status == 0, "\(award.stderr)")
        #expect(award.stdout.contains("the standstill period ends 2026-02-13, and the agreement may be concluded from 2026-02-14"))
        try expectRefusal(tunet, Self.conclude, today: "2026-02-13", message: "The standstill period runs until 2026-02-13; the agreement may be concluded from 2026-02-14")
        #expect(try tunet.run(Self.conclude, environment: ["TUNET_TODAY": "2026-02-14"]).status == 0)

        let paper = try evaluated(estimatedValue: "8 000 000")
        #expect(try paper.run(["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03", "--not-electronic"],
                              environment: ["TUNET_TODAY": "2026-02-03"]).stdout.contains("ends 2026-02-18"))
        try expectRefusal(paper, Self.conclude, today: "2026-02-18", message: "may be concluded from 2026-02-19")
    }

    @Test("A voluntary standstill below the thresholds is enforced and audited")
    func voluntaryStandstill() throws {
        let tunet = try evaluated(estimatedValue: "3 200 000")
        let award = try tunet.run(["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03", "--standstill-days", "10"],
                                  environment: ["TUNET_TODAY": "2026-02-03"])
        #expect(award.status == 0, "\(award.stderr)")
        #expect(award.stdout.contains("the voluntary standstill period ends 2026-02-13"))
        try expectRefusal(tunet, Self.conclude, today: "2026-02-13", message: "The voluntary standstill period runs until 2026-02-13")
        #expect(try tunet.run(Self.conclude, environment: ["TUNET_TODAY": "2026-02-14"]).status == 0)
        let audit = try tunet.json(try tunet.run("audit", "--entity", "procurement", "--json")) as? [[String: Any]]
        let awardEvent = audit?.first { $0["action"] as? String == "award" }
        #expect((awardEvent?["note"] as? [String: Any])?["key"] as? String == "audit.note.standstill_asked")
        #expect(try tunet.run("audit", "--entity", "procurement").stdout.contains("standstill period of 10 days asked for"))
        #expect(try tunet.run(["audit", "--entity", "procurement"], environment: ["TUNET_LANG": "nb"]).stdout.contains("karensperiode på 10 dager ønsket"))
        #expect((awardEvent?["after"] as? String)?.contains("\"standstill_voluntary\":true") == true)
    }

    func expectRefusal(_ tunet: TunetProcess, _ arguments: [String], today: String, status: Int32 = 65, message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(arguments, environment: ["TUNET_TODAY": today])
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test("Weights not summing to 100, a late tender, and every transition the state does not allow are refused")
    func refusals() throws {
        let draft = try prepared(until: 1)
        try expectRefusal(draft, ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:50",
                                  "--price-line", "full_day:day:10", "--deadline", "2026-02-01"], today: "2026-01-10",
                          message: "the weights sum to 90, not 100")
        try expectRefusal(draft, ["procurement", "open", "1"], today: "2026-01-10", message: "needs its criteria, price form and tender deadline")
        try expectRefusal(draft, ["procurement", "award", "1", "--winners", "1"], today: "2026-01-10",
                          message: "Procurement 1 is draft; it can be awarded only when evaluating")
        try expectRefusal(draft, ["procurement", "show", "9"], today: "2026-01-10", status: 66, message: "No procurement '9'")

        let open = try prepared()
        #expect(try tender(open, "923609016", "1200", "300", "8", "7").status == 0)
        try expectRefusal(open, ["procurement", "tender", "1", "--provider", "974760673", "--price", "full_day=1100", "--price", "transport=300"],
                          today: "2026-02-02", message: "after the deadline (2026-02-01); it can be accepted only with --late-reason")
        try expectRefusal(open, ["procurement", "tender", "1", "--provider", "923609016", "--price", "full_day=1", "--price", "transport=1"],
                          today: "2026-01-21", message: "has already tendered")
        try expectRefusal(open, ["procurement", "tender", "1", "--provider", "974760673", "--price", "full_day=0", "--price", "transport=1"],
                          today: "2026-01-21", message: "a price must be above zero")
        try expectRefusal(open, ["procurement", "tender", "1", "--provider", "812345672", "--price", "full_day=1", "--price", "transport=1"],
                          today: "2026-01-21", message: "provider 812345672 is not registered")
        try expectRefusal(open, ["procurement", "evaluate", "1"], today: "2026-02-01", message: "has not passed")
        try expectRefusal(open, ["procurement", "conclude", "1", "--reference", "X/1", "--start", "2026-03-01", "--end", "2027-01-01",
                                 "--maximum-value", "1"], today: "2026-02-02", message: "it can be concluded only when awarded")

        let late = try tender(open, "974760673", "1100", "300", "6", "6", today: "2026-02-02",
                              extra: ["--late-reason", "Posted on time; the municipality's mailbox was down"])
        #expect(late.status == 0, "\(late.stderr)")
        let audit = try open.run("audit", "--entity", "procurement")
        #expect(audit.stdout.contains("late tender accepted: Posted on time"), "\(audit.stdout)")

        #expect(try open.run(["procurement", "cancel", "1", "--reason", "The need disappeared"], environment: ["TUNET_TODAY": "2026-02-03"]).status == 0)
        try expectRefusal(open, ["procurement", "cancel", "1", "--reason", "again"], today: "2026-02-03",
                          message: "Procurement 1 is cancelled; it can be cancelled only when draft or open or evaluating or awarded")
    }

    @Test("The demo has the Nordland pupil pilot's concluded competition")
    func demo() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let list = try tunet.json(try tunet.run("procurement", "list", "--json")) as? [[String: Any]]
        #expect(list?.first?["state"] as? String == "concluded")
        #expect((list?.first?["municipalities"] as? [String])?.sorted() == ["1804", "1837", "1865", "1866", "1870"])
    }
}
