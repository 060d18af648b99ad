import Foundation
import Testing

/// Trips reported on days the farm may not bill, checked by hand. Lia gård, a full day 1 000,00 and a trip
/// 200,00, absence without notice billed (bill_unannounced_absence), two placements on Mondays and Thursdays
/// with transport, each under its own agreement:
///
/// 2026/21 (transport on billable days, the default): P-2026-0401
/// 2026/22 (transport as reported): P-2026-0402
/// Both report the same March: 2 M (no trips: the placement's 2), 5 FM 2 trips, 9 FU 2 trips, 12 AT 1 trip, 16 M 1 trip.
///   billable days 2, 9, 16: 3 × 1 000,00 = 3 000,00 for both
///   2026/21 trips 2 + 0 (FM not billed) + 2 + 0 (AT, the farm cancelled) + 1 = 5 × 200,00 = 1 000,00; total 4 000,00
///   2026/22 trips 2 + 2 + 2 + 1 + 1 = 8 × 200,00 = 1 600,00; total 4 600,00
@Suite("Transport reported on a day the farm cancelled or the participant was absent with notice")
struct TransportBillingCommandTests {
    static let today = ["TUNET_TODAY": "2026-04-10"]
    static let bokmal = today.merging(["TUNET_LANG": "nb"]) { $1 }

    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        func agreement(_ reference: String, _ extra: [String]) -> [String] {
            ["agreement", "add", "--reference", reference, "--title", "IPT Kongsberg", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "500000",
             "--maximum-value", "500000", "--call-off", "direct", "--absence-rule", "bill_unannounced_absence",
             "--price", "974760673:full_day:day:1000", "--price", "974760673:transport:trip:200"] + extra
        }
        func placement(_ reference: String, _ participant: String) -> [String] {
            ["placement", "add", "--agreement", reference, "--provider", "974760673", "--participant", participant, "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon,thu", "--start", "2026-03-01", "--end", "2026-06-30", "--decision", "HO-\(participant)",
             "--transport"]
        }
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            agreement("2026/21", []),
            agreement("2026/22", ["--transport-billing", "as_reported"]),
            placement("2026/21", "P-2026-0401"),
            placement("2026/22", "P-2026-0402"),
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        var rows = ["orgnr;deltaker;dato;status;turer"]
        for participant in ["P-2026-0401", "P-2026-0402"] {
            rows += ["02.03.2026;M;", "05.03.2026;FM;2", "09.03.2026;FU;2", "12.03.2026;AT;1", "16.03.2026;M;1"]
                .map { "974760673;\(participant);\($0)" }
        }
        let march = try tunet.write("mars.csv", rows.joined(separator: "\n") + "\n")
        let imported = try tunet.run(["attendance", "import", march], environment: Self.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        return tunet
    }

    @Test("The invoice basis bills trips on a cancelled day or an absence with notice only under the agreement that bills transport as reported")
    func invoiceBasis() throws {
        let tunet = try prepared()
        let basis = try #require(try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03", "--json"],
                                                             environment: Self.today)) as? [String: Any])
        let lines = try #require(basis["lines"] as? [[String: Any]])
        #expect(lines.map { $0["agreement"] as? String } == ["2026/21", "2026/22"])
        #expect(lines.map { $0["billable_days"] as? Int } == [3, 3])
        #expect(lines.map { $0["day_amount_ore"] as? Int } == [300_000, 300_000])
        #expect(lines.map { $0["transport_trips"] as? Int } == [5, 8])
        #expect(lines.map { $0["transport_amount_ore"] as? Int } == [100_000, 160_000])
        #expect(lines.map { $0["total"] as? Int } == [400_000, 460_000])
        #expect(basis["total_ore"] as? Int == 860_000)
    }

    @Test("agreement show names the setting in bokmål, and --json gives its code")
    func shown() throws {
        let tunet = try prepared()
        let byDefault = try tunet.run(["agreement", "show", "2026/21"], environment: Self.bokmal)
        #expect(byDefault.stdout.contains("Fakturerbar transport"), "\(byDefault.stdout)")
        #expect(byDefault.stdout.contains("bare på fakturerbare dager"))
        let asReported = try tunet.run(["agreement", "show", "2026/22"], environment: Self.bokmal)
        #expect(asReported.stdout.contains("som rapportert, uansett dagens status"), "\(asReported.stdout)")
        let json = try #require(try tunet.json(try tunet.run(["agreement", "show", "2026/22", "--json"], environment: Self.today)) as? [String: Any])
        #expect(json["transport_billing"] as? String == "as_reported")
    }

    @Test("An unknown setting is refused in plain Norwegian, naming the value, and stores nothing")
    func refused() throws {
        let tunet = try TunetProcess()
        _ = try tunet.run(["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
                           "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"], environment: Self.today)
        let result = try tunet.run(["agreement", "add", "--reference", "2026/23", "--title", "IPT", "--municipality", "3303",
                                    "--provider", "974760673", "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31",
                                    "--estimated-value", "500000", "--maximum-value", "500000", "--call-off", "direct",
                                    "--transport-billing", "alltid"], environment: Self.bokmal)
        #expect(result.status != 0)
        #expect(result.stderr.contains("alltid") && result.stderr.contains("billable_days"), "\(result.stderr)")
        #expect(try tunet.run(["agreement", "show", "2026/23"], environment: Self.today).status != 0)
    }
}
