import Foundation
import Testing

/// Part IV chapter 30 of the procurement regulation lets a municipality reserve a competition for health
/// and social services for non-profit (*ideelle*) organisations. A farm is non-profit when the basis is
/// recorded on it; a reserved competition takes tenders from such farms only.
@Suite("A competition reserved for non-profit organisations, run as a user runs it")
struct ReservedCompetitionTests {
    static let bokmal = ["TUNET_LANG": "nb", "TUNET_TODAY": "2026-01-10"]
    static let basis = "Registrert i Frivillighetsregisteret 12.03.2019"

    func farms() throws -> TunetProcess {
        let tunet = try TunetProcess()
        for (org, name) in [("923609016", "Strand gård"), ("974760673", "Fjellheim gård")] {
            #expect(try tunet.run("provider", "add", "--org", org, "--name", name, "--municipality", "3303", "--target-groups", "dementia",
                                  "--places-per-day", "3", "--open-weekdays", "mon-fri").status == 0)
        }
        return tunet
    }

    @Test("A farm is marked non-profit with its basis, shown in bokmål and as non_profit_basis in JSON; an empty basis unmarks it, and each change is audited")
    func markedNonProfit() throws {
        let tunet = try farms()
        let marked = try tunet.run(["provider", "update", "923609016", "--non-profit-basis", Self.basis], environment: Self.bokmal)
        #expect(marked.status == 0, "\(marked.stderr)")
        let shown = try tunet.run(["provider", "show", "923609016"], environment: Self.bokmal)
        #expect(shown.stdout.contains("Ideell:"), "\(shown.stdout)")
        #expect(shown.stdout.contains("ja, \(Self.basis)"))
        let other = try tunet.run(["provider", "show", "974760673"], environment: Self.bokmal)
        #expect(other.stdout.split(separator: "\n").contains { $0.hasPrefix("Ideell:") && $0.hasSuffix("nei") }, "\(other.stdout)")
        let json = try tunet.json(try tunet.run("provider", "show", "923609016", "--json")) as? [String: Any]
        #expect(json?["non_profit_basis"] as? String == Self.basis)

        #expect(try tunet.run("provider", "update", "923609016", "--non-profit-basis", "").status == 0)
        let unmarked = try tunet.json(try tunet.run("provider", "show", "923609016", "--json")) as? [String: Any]
        #expect(unmarked?["non_profit_basis"] is NSNull)
        let audit = try tunet.run("audit", "--entity", "provider", "--id", "923609016", "--verbose", "--json")
        #expect(audit.stdout.contains(Self.basis), "the marking is in the audit log: \(audit.stdout)")
    }

    @Test("The farm register file reads the non-profit basis from a column «ideell»")
    func registerFile() throws {
        let tunet = try TunetProcess()
        let file = try tunet.write("gårder.csv", """
            orgnr;navn;kommunenummer;målgrupper;plasser;dager;ideell
            923609016;Strand gård;3303;demens;3;man-fre;\(Self.basis)
            974760673;Fjellheim gård;3303;demens;3;man-fre;

            """)
        let imported = try tunet.run("provider", "import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        let strand = try tunet.json(try tunet.run("provider", "show", "923609016", "--json")) as? [String: Any]
        #expect(strand?["non_profit_basis"] as? String == Self.basis)
        let fjellheim = try tunet.json(try tunet.run("provider", "show", "974760673", "--json")) as? [String: Any]
        #expect(fjellheim?["non_profit_basis"] is NSNull)
    }

    @Test("A reserved competition takes a tender from a non-profit farm and refuses another farm's in bokmål, naming why and changing nothing")
    func reservedTenders() throws {
        let tunet = try farms()
        #expect(try tunet.run("provider", "update", "923609016", "--non-profit-basis", Self.basis).status == 0)
        let steps: [[String]] = [
            ["procurement", "create", "--title", "Dagaktivitet for personer med demens", "--target-groups", "dementia",
             "--municipality", "3303", "--estimated-value", "9 000 000", "--reserved-for-non-profits"],
            ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:60",
             "--price-line", "full_day:day:2000", "--deadline", "2026-02-01"],
            ["procurement", "open", "1"],
        ]
        for arguments in steps {
            let result = try tunet.run(arguments, environment: Self.bokmal)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let shown = try tunet.run(["procurement", "show", "1"], environment: Self.bokmal)
        #expect(shown.stdout.split(separator: "\n").contains { $0.hasPrefix("Forbeholdt ideelle organisasjoner:") && $0.hasSuffix("ja") },
                "\(shown.stdout)")
        let json = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        #expect(json?["reserved_for_non_profits"] as? Bool == true)

        let before = try tunet.databaseSnapshot()
        let refused = try tunet.run(["procurement", "tender", "1", "--provider", "974760673", "--price", "full_day=1200", "--score", "Kvalitet=8"],
                                    environment: Self.bokmal)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Fjellheim gård (974760673) er ikke registrert som ideell organisasjon, og anskaffelse 1 er forbeholdt ideelle organisasjoner"),
                "\(refused.stderr)")
        #expect(try tunet.databaseSnapshot() == before)

        let accepted = try tunet.run(["procurement", "tender", "1", "--provider", "923609016", "--price", "full_day=1200", "--score", "Kvalitet=8"],
                                     environment: Self.bokmal)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test("A farm unmarked after its tender cannot be awarded a reserved competition; nothing is awarded")
    func unmarkedBeforeAward() throws {
        let tunet = try farms()
        #expect(try tunet.run("provider", "update", "923609016", "--non-profit-basis", Self.basis).status == 0)
        for arguments in [
            ["procurement", "create", "--title", "Dagaktivitet", "--target-groups", "dementia", "--municipality", "3303",
             "--estimated-value", "9000000", "--reserved"],
            ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:60",
             "--price-line", "full_day:day:2000", "--deadline", "2026-02-01"],
            ["procurement", "open", "1"],
            ["procurement", "tender", "1", "--provider", "923609016", "--price", "full_day=1200", "--score", "Kvalitet=8"],
        ] {
            let result = try tunet.run(arguments, environment: Self.bokmal)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try tunet.run(["procurement", "evaluate", "1"], environment: ["TUNET_TODAY": "2026-02-02"]).status == 0)
        #expect(try tunet.run("provider", "update", "923609016", "--non-profit-basis", "").status == 0)
        let before = try tunet.databaseSnapshot()
        let award = try tunet.run(["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03"],
                                  environment: ["TUNET_TODAY": "2026-02-03", "TUNET_LANG": "nb"])
        #expect(award.status != 0)
        #expect(award.stderr.contains("Strand gård (923609016) er ikke lenger registrert som ideell organisasjon"), "\(award.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
    }

    @Test("Only a competition under part IV chapter 30 may be reserved: a smaller one is refused, naming its rules")
    func reservationNeedsChapterThirty() throws {
        let tunet = try farms()
        let before = try tunet.databaseSnapshot()
        let refused = try tunet.run(["procurement", "create", "--title", "IPT skole", "--target-groups", "pupils", "--municipality", "3303",
                                     "--estimated-value", "3 200 000", "--reserved-for-non-profits"], environment: Self.bokmal)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("kan forbeholdes ideelle organisasjoner; denne faller under"), "\(refused.stderr)")
        #expect(refused.stderr.contains("denne faller under del I og II (nasjonale regler)"), "\(refused.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
    }
}
