import Foundation
import Testing

/// The demo as the seed documents tell it: who leads the pilots, how the municipalities write addresses,
/// what Kongsberg buys, and the dementia pilot compared with the ordinary day centre.
@Suite("The demo as the seeds tell it")
struct DemoAsTheSeedsTellItTests {
    static let bokmal = ["TUNET_LANG": "nb"]

    static func demo() throws -> TunetProcess {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        return tunet
    }

    @Test("Nordland's pupil pilot is led from Statsforvalteren i Nordland; allocation criteria are written in Norwegian")
    func leadersAndCriteria() throws {
        let tunet = try Self.demo()
        let pilots = try tunet.json(try tunet.run("pilot", "list", "--json")) as? [[String: Any]]
        #expect(pilots?.first { ($0["name"] as? String)?.contains("Nordland") == true }?["project_leader"] as? String
                == "Prosjektleder, Statsforvalteren i Nordland")
        let agreements = try tunet.json(try tunet.run("agreement", "list", "--json")) as? [[String: Any]]
        let criteria = agreements?.compactMap { $0["allocation_criteria"] as? String } ?? []
        #expect(!criteria.isEmpty)
        #expect(criteria.allSatisfy { $0.contains("Gården") || $0.contains("gården") }, "\(criteria)")
    }

    @Test("Every work-team member's e-mail address has a local part without æ, ø or å (Anne Ås is anne.aas)")
    func plainAddresses() throws {
        let tunet = try Self.demo()
        var addresses: [String] = []
        for team in ["1", "2", "3"] {
            let members = try tunet.json(try tunet.run("team", "member", "list", "--team", team, "--json")) as? [[String: Any]]
            addresses += members?.compactMap { $0["email"] as? String } ?? []
        }
        #expect(addresses.count >= 10)
        #expect(addresses.contains("anne.aas@kommune.example"), "\(addresses)")
        for address in addresses {
            let local = address.split(separator: "@").first.map(String.init) ?? ""
            #expect(local.unicodeScalars.allSatisfy { $0.isASCII }, "\(address)")
        }
    }

    @Test("Kongsberg buys 14 places for education and 13 for health and care")
    func kongsbergBuys() throws {
        let tunet = try Self.demo()
        let agreements = try tunet.json(try tunet.run("agreement", "list", "--municipality", "3303", "--json")) as? [[String: Any]]
        let bought = agreements?.first?["bought_places"] as? [[String: Any]] ?? []
        // The largest number per farm and group (Skrubbmoen's and Bergsetra's are bought per weekday).
        var perFarm: [String: Int] = [:]
        for entry in bought {
            let key = "\(entry["provider_organisation_number"] as? String ?? "")|\(entry["target_group"] as? String ?? "")"
            perFarm[key] = max(perFarm[key] ?? 0, entry["places"] as? Int ?? 0)
        }
        #expect(perFarm.filter { $0.key.hasSuffix("|pupils") }.values.reduce(0, +) == 14)
        #expect(perFarm.filter { $0.key.hasSuffix("|dementia") }.values.reduce(0, +) == 13)
        #expect(Set(perFarm.keys.map { $0.split(separator: "|")[0] }).count == 6, "six farms")
    }

    @Test("pilot evaluate compares the dementia pilot's good mood on the farm with the day centre's, in bokmål and in JSON")
    func dayCentreReference() throws {
        let tunet = try Self.demo()
        let evaluated = try tunet.run(["pilot", "evaluate", "2"], environment: Self.bokmal)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("Gården sammenlignet med dagsenteret:\n"), "\(evaluated.stdout)")
        #expect(evaluated.stdout.contains("  3316 god stemning: 59,0 % på gården mot 42,0 % i dagsenteret, 17,0 prosentpoeng høyere."))
        let json = try tunet.json(try tunet.run("pilot", "evaluate", "2", "--json")) as? [String: Any]
        let comparison = (json?["comparisons"] as? [[String: Any]])?.first { $0["municipality_number"] as? String == "3316" }
        #expect(comparison?["farm_value_tenths"] as? Int == 590)
        #expect(comparison?["day_centre_value_tenths"] as? Int == 420)
        #expect(comparison?["difference_tenths"] as? Int == 170)
    }

    @Test("A day-centre measure is recorded with --setting day_centre; an unknown setting is refused in bokmål and changes nothing")
    func recordingTheReference() throws {
        let tunet = try Self.demo()
        let measure = ["pilot", "measure", "add", "2", "--municipality", "3316", "--from", "2026-01-01", "--to", "2026-03-31", "--name", "Sosial aktivitet",
                       "--value", "31", "--unit", "percent", "--n", "14", "--source", "Observasjon i dagsenteret"]
        #expect(try tunet.run(measure + ["--setting", "dagsenter"], environment: Self.bokmal).status == 0)
        let before = try tunet.databaseSnapshot()
        let refused = try tunet.run(measure + ["--setting", "sykehjem"], environment: Self.bokmal)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bruk farm (på gården) eller day_centre (dagsenteret, referansen)"), "\(refused.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
    }

    @Test("The demo's people stand at different steps of their journeys, none waiting past the task rule's 30 days")
    func journeysAtEachStep() throws {
        let tunet = try Self.demo()
        let journeys = try tunet.json(try tunet.run("placement", "journey", "list", "--json")) as? [[String: Any]] ?? []
        #expect(Set(journeys.compactMap { $0["step"] as? String }) == ["referral", "conversation", "need", "follow_up"], "\(journeys)")
        #expect(journeys.allSatisfy { ($0["waiting_days"] as? Int ?? 0) <= 30 })
        let listed = try tunet.run(["placement", "journey", "list", "--step", "need"], environment: Self.bokmal)
        #expect(listed.stdout.contains("3303 Kongsberg  behov avklart"), "\(listed.stdout)")
    }
}
