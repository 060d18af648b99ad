import Testing
@testable import TunetDomain
import TunetTestSupport

@Suite("Organisation numbers are checked with the register's modulus-11 rule")
struct OrganisationNumberTests {
    @Test("Real registered numbers are accepted", arguments: ["974760673", "923609016", "971526157", "983887457", "889640782"])
    func acceptsKnownNumbers(_ text: String) throws {
        let number = try OrganisationNumber.parse(text).get()
        #expect(number.digits == text)
    }

    @Test("Spaces, the NO prefix and the MVA suffix are tolerated as people write them")
    func toleratesFormatting() throws {
        #expect(try OrganisationNumber.parse(" 974 760 673 ").get().digits == "974760673")
        #expect(try OrganisationNumber.parse("NO974760673MVA").get().digits == "974760673")
        #expect(try OrganisationNumber.parse("974760673").get().formatted == "974 760 673")
    }

    @Test("A wrong check digit is refused and the message says so")
    func refusesWrongCheckDigit() {
        guard case .failure(let reason) = OrganisationNumber.parse("974760674") else {
            Issue.record("accepted a wrong check digit")
            return
        }
        #expect(reason.english.contains("check digit"))
    }

    @Test("Too short, too long and non-digit input is refused with the reason", arguments: [
        ("97476067", "8 digits"), ("9747606730", "10 digits"), ("97476067a", "only digits"), ("", "required"),
    ])
    func refusesMalformed(_ text: String, _ expected: String) {
        guard case .failure(let reason) = OrganisationNumber.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(reason.english.contains(expected), "\(reason.english)")
    }

    @Test("Eight digits whose remainder makes 10 have no valid number at all")
    func remainderTenIsNeverValid() {
        #expect(OrganisationNumber.checkDigit(for: [1, 0, 0, 0, 0, 0, 1, 3]) == nil)
        for last in 0...9 {
            #expect((try? OrganisationNumber.parse("10000013\(last)").get()) == nil)
        }
    }

    @Test("Completing eight digits gives a number that passes the check")
    func completingGivesValidNumbers() throws {
        let number = try #require(OrganisationNumber.completing("81234567"))
        #expect(number.digits == "812345672")
        #expect((try? OrganisationNumber.parse(number.digits).get()) == number)
    }
}

@Suite("Municipality numbers are checked against the list in force since 2024")
struct MunicipalityTests {
    @Test("The pilot municipalities are known by number", arguments: [
        ("3303", "Kongsberg"), ("3316", "Modum"), ("3326", "Hemsedal"), ("3107", "Fredrikstad"), ("3222", "Lørenskog"),
        ("0301", "Oslo"), ("1804", "Bodø"), ("1837", "Meløy"), ("1865", "Vågan"), ("1866", "Hadsel"), ("1870", "Sortland"),
    ])
    func knowsPilotMunicipalities(_ number: String, _ name: String) throws {
        #expect(try Municipality.parse(number).get().name == name)
    }

    @Test("The list holds the 357 municipalities of 2024, each once")
    func listIsComplete() {
        #expect(MunicipalityTable.entries.count == 357)
        #expect(Set(MunicipalityTable.entries.map(\.number)).count == 357)
        #expect(MunicipalityTable.entries.allSatisfy { $0.number.count == 4 })
    }

    @Test("Numbers retired by the 2020 and 2024 reforms are refused", arguments: ["0602", "3005", "3801", "5401", "1507"])
    func refusesRetiredNumbers(_ number: String) {
        guard case .failure(let reason) = Municipality.parse(number) else {
            Issue.record("accepted retired number \(number)")
            return
        }
        #expect(reason.english.contains("not a current municipality number"))
    }

    @Test("A number that lost its leading zero in a spreadsheet gets a hint")
    func hintsAtLostLeadingZero() {
        guard case .failure(let reason) = Municipality.parse("301") else {
            Issue.record("accepted 301")
            return
        }
        #expect(reason.english.contains("0301 Oslo"))
    }

    @Test("Letters and wrong lengths are refused", arguments: ["33O3", "33033", "", "Kongsberg"])
    func refusesMalformed(_ text: String) {
        #expect((try? Municipality.parse(text).get()) == nil)
    }
}
