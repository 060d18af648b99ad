import Testing
import TunetDomain
@testable import TunetText

/// Keys the farm, competition and agreement commands make from codes (so the literal-key scan cannot see them).
@Suite("Keys made from codes in the farm, competition and agreement commands")
struct AgreementAreaKeyTests {
    static let composed: [String] =
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { "provider.weekday.\($0)" }
        + ["create", "update", "suspend", "reactivate"].map { "provider.action.\($0)" }
        + ["semicolon", "comma", "tab"].map { "provider.import.delimiter.\($0)" }
        + ["long", "wide"].map { "kpi.layout.\($0)" }
        + ConsumerPriceIndexTable.LeftOutReason.allCases.map { "kpi.left_out.\($0.rawValue)" }

    @Test("Each has a text in both languages")
    func present() {
        for language in Language.allCases {
            let table = Catalogue.table(language)
            #expect(Self.composed.filter { table[$0] == nil } == [], "missing in \(language)")
        }
    }

    @Test("Bokmål writes the farm's days and the price's source in Norwegian")
    func bokmål() {
        let nb = Texts(.nb)
        #expect(nb("provider.weekday.sat") == "lør")
        #expect(nb("agreement.price_source.kpi", ["year": "2027"]) == "KPI-justering 2027")
        #expect(nb("agreement.adjust.not_adjusted", ["reference": "2025/77", "reason": .message(Message(
            "agreement.adjust.skipped.already_applied", ["year": "2027", "from": .date(LocalDate(year: 2027, month: 1, day: 1)!)]))])
            == "2025/77: ikke justert (KPI-justeringen for 2027 er allerede gjort, med nye priser fra 01.01.2027; ingenting ble endret)")
    }
}
