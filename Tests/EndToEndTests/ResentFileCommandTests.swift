import Foundation
import Testing

/// Lia gård reports five March days for P-2026-0501 (submission 1), corrects two of them (submission 2),
/// then sends the first file again.
@Suite("tunet attendance import: the same file again after a correction")
struct ResentFileCommandTests {
    static let today = ["TUNET_TODAY": "2026-04-10"]
    static let bokmal = today.merging(["TUNET_LANG": "nb"]) { $1 }

    func corrected() throws -> (TunetProcess, first: String) {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/31", "--title", "IPT Kongsberg", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "500000",
             "--maximum-value", "500000", "--call-off", "direct", "--price", "974760673:full_day:day:1000"],
            ["placement", "add", "--agreement", "2026/31", "--provider", "974760673", "--participant", "P-2026-0501", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon,thu", "--start", "2026-03-01", "--end", "2026-06-30", "--decision", "HO-1"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        let days = ["02.03.2026", "05.03.2026", "09.03.2026", "12.03.2026", "16.03.2026"]
        let first = try tunet.write("mars.csv", (["orgnr;deltaker;dato;status"] + days.map { "974760673;P-2026-0501;\($0);M" }).joined(separator: "\n") + "\n")
        let correction = try tunet.write("rettelse.csv", """
            orgnr;deltaker;dato;status
            974760673;P-2026-0501;05.03.2026;FM
            974760673;P-2026-0501;12.03.2026;FU

            """)
        for file in [first, correction] {
            let result = try tunet.run(["attendance", "import", file], environment: Self.today)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (tunet, first)
    }

    @Test("says in bokmål that 2 of its days were changed since by submission 2, how to apply it again, and changes nothing")
    func superseded() throws {
        let (tunet, first) = try corrected()
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(["attendance", "import", first], environment: Self.bokmal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mars.csv er identisk med innsending 1, men 2 dager i filen er endret siden, av innsending 2: "
                                       + "det som er lagret, stemmer ikke lenger med filen. Ingenting ble endret."), "\(result.stdout)")
        #expect(result.stdout.contains("Vil du bruke filen på nytt, slik at den erstatter de endrede dagene: tunet attendance import \(first) --again"))
        #expect(try tunet.databaseSnapshot() == before)

        let json = try #require(try tunet.json(try tunet.run(["attendance", "import", first, "--json"], environment: Self.today)) as? [String: Any])
        #expect(json["status"] as? String == "superseded")
        #expect(json["identical_to_submission"] as? Int == 1)
        #expect(json["differing_days"] as? Int == 2)
        #expect(json["superseded_by"] as? [Int] == [2])
    }

    @Test("--again imports it as submission 3, putting back the two corrected days; the submission and the audit log say it was applied again")
    func again() throws {
        let (tunet, first) = try corrected()
        let result = try tunet.run(["attendance", "import", first, "--again"], environment: Self.bokmal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Importerte 5 rader fra mars.csv for 974760673 (mars 2026): 0 nye, 2 endret, 3 uendret."), "\(result.stdout)")
        let basis = try #require(try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03", "--json"],
                                                             environment: Self.today)) as? [String: Any])
        #expect(basis["total_ore"] as? Int == 500_000, "all five days present again")
        let submissions = try #require(try tunet.json(try tunet.run(["attendance", "submissions", "--json"], environment: Self.today)) as? [[String: Any]])
        #expect(submissions.map { $0["applied_again_of"] as? Int } == [nil, nil, 1])
        let audit = try tunet.run(["audit", "--entity", "attendance_submission"], environment: Self.bokmal)
        #expect(audit.stdout.contains("mars.csv: brukt på nytt (samme fil som innsending 1): 0 nye, 2 endrede, 3 uendrede"), "\(audit.stdout)")
        let once = try #require(try tunet.json(try tunet.run(["attendance", "import", first, "--json"], environment: Self.today)) as? [String: Any])
        #expect(once["status"] as? String == "unchanged")
        #expect(once["identical_to_submission"] as? Int == 3)
    }
}
