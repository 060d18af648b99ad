import Testing
import TunetDomain
import TunetSQLite
import TunetText

@Suite("The kinds of personal data, as a person reads them")
struct PersonalDataLabelTests {
    @Test("Each kind has a label in bokmål and English; --json keeps the kind as it was")
    func labels() {
        for kind in PersonalDataCategory.Kind.allCases {
            #expect(!Texts(.nb).render(kind.label).hasPrefix("⟨"), "\(kind)")
            #expect(Texts(.en).render(kind.label) == kind.rawValue)
        }
        #expect(Texts(.nb).render(PersonalDataCategory.Kind.followUpTexts.label) == "tekster fra oppfølgingssamtaler")
    }
}
