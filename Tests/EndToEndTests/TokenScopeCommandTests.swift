import Foundation
import Testing

/// Tokens for a shared service, issued and listed at the command line in bokmål, and the audit log
/// saying who acted for whom.
@Suite("token issue and list: roles and the municipalities each token sees")
struct TokenScopeCommandTests {
    static let bokmål = ["TUNET_LANG": "nb"]

    @Test("Issued for Kongsberg, a pilot, the whole service or a national reader, listed with what each sees; refused without a scope, nothing stored")
    func issueAndList() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let leader = try tunet.run(["token", "issue", "--role", "leader", "--municipality", "3303", "--label", "Kongsberg, prosjektleder"], environment: Self.bokmål)
        #expect(leader.status == 0, "\(leader.stderr)")
        #expect(leader.stdout.hasPrefix("tunet_"))
        #expect(leader.stderr.contains("(prosjektleder, ser 3303 Kongsberg)"), "\(leader.stderr)")
        #expect(try tunet.run(["token", "issue", "--role", "work-team", "--municipality", "0301,3316", "--municipality", "3326"], environment: Self.bokmål).status == 0)
        let pilot = try tunet.run(["token", "issue", "--pilot", "Inn på tunet for elever i Nordland"], environment: Self.bokmål)
        #expect(pilot.status == 0, "\(pilot.stderr)")
        #expect(pilot.stderr.contains("(prosjektleder, ser kommunene i pilot 1)"), "\(pilot.stderr)")
        #expect(try tunet.run(["token", "issue", "--role", "national"], environment: Self.bokmål).stderr.contains("(nasjonal leser, ser bare tall per kommune)"))

        let before = try tunet.databaseSnapshot()
        let missing = try tunet.run(["token", "issue", "--role", "leader"], environment: Self.bokmål)
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("--municipality NUMMER (gjerne flere), --pilot PILOT, eller --every-municipality for hele tjenesten"), "\(missing.stderr)")
        let national = try tunet.run(["token", "issue", "--role", "national", "--municipality", "3303"], environment: Self.bokmål)
        #expect(national.status == 65)
        #expect(national.stderr.contains("en tilgangsnøkkel for nasjonal leser gjelder ikke bestemte kommuner"), "\(national.stderr)")
        #expect(try tunet.databaseSnapshot() == before)

        let list = try tunet.run(["token", "list"], environment: Self.bokmål)
        #expect(list.status == 0)
        for line in ["3303 Kongsberg", "0301 Oslo, 3316 Modum, 3326 Hemsedal", "kommunene i pilot 1", "bare tall per kommune", "arbeidslag"] {
            #expect(list.stdout.contains(line), "\(line) in \(list.stdout)")
        }
        let json = try tunet.json(try tunet.run(["token", "list", "--json"], environment: Self.bokmål)) as? [[String: Any]] ?? []
        #expect(json.map { $0["role"] as? String } == ["leader", "work_team", "leader", "national"])
        #expect(json[1]["municipality_numbers"] as? [String] == ["0301", "3316", "3326"])
        #expect(json[2]["pilot_id"] as? Int == 1)

        let audit = try tunet.json(try tunet.run(["audit", "--entity", "token", "--json"], environment: Self.bokmål)) as? [[String: Any]] ?? []
        #expect(audit.count == 4 && audit.allSatisfy { $0["actor_role"] as? String == "operator" && $0["actor_municipalities"] as? [String] == ["*"] })
    }
}
