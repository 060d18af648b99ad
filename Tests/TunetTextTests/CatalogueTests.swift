import Testing
import TunetDomain
@testable import TunetText

@Suite("The text catalogues")
struct CatalogueTests {
    @Test("Every key is in both languages, and each language's template fills in the same values")
    func parity() {
        let nb = Catalogue.table(.nb), en = Catalogue.table(.en)
        #expect(Set(nb.keys).subtracting(en.keys).sorted() == [], "keys only in bokmål")
        #expect(Set(en.keys).subtracting(nb.keys).sorted() == [], "keys only in English")
        for (key, template) in nb {
            guard let english = en[key] else { continue }
            #expect(Catalogue.placeholders(in: template) == Catalogue.placeholders(in: english), "\(key)")
        }
    }

    @Test("No template is empty or left with an unclosed brace")
    func wellFormed() {
        for language in Language.allCases {
            for (key, template) in Catalogue.table(language) {
                #expect(!template.trimmingWhitespace().isEmpty, "\(language) \(key)")
                let opened = template.replacing("{{", with: "").filter { $0 == "{" }.count
                let closed = template.replacing("}}", with: "").filter { $0 == "}" }.count
                #expect(opened == closed, "\(language) \(key): \(template)")
            }
        }
    }
}

@Suite("Rendering a message")
struct TextsTests {
    let nb = Texts(.nb), en = Texts(.en)

    @Test("Values are filled in by name; a word is chosen by its count")
    func fill() {
        #expect(nb.fill("{rows} {rows|rad|rader} i {file}", ["rows": 1, "file": "mars.csv"]) == "1 rad i mars.csv")
        #expect(nb.fill("{rows} {rows|rad|rader}", ["rows": 2]) == "2 rader")
        #expect(nb.fill("{rows} {rows|rad|rader}", ["rows": 0]) == "0 rader")
        #expect(nb.fill("{days} {days|planlagt dag|planlagte dager}", ["days": .integer(12_345)]) == "12 345 planlagte dager")
        #expect(en.fill("{days} {days|planned day|planned days}", ["days": .integer(12_345)]) == "12,345 planned days")
        #expect(nb.fill("{{literal}} {missing}", [:]) == "{literal} {missing}")
        #expect(nb.fill("{farms|gården|gårdene} {farms}", ["farms": .list(["Lia", "Haugen"])]) == "gårdene Lia og Haugen")
    }

    @Test("Money, dates, percentages and tenths as each language writes them")
    func formats() throws {
        #expect(nb.format(.money(Money(ore: 123_456_789))) == "1 234 567,89")
        #expect(en.format(.money(Money(ore: 123_456_789))) == "1,234,567.89")
        #expect(nb.format(.money(Money(ore: -5))) == "-0,05")
        #expect(nb.format(.date(LocalDate(year: 2026, month: 12, day: 31)!)) == "31.12.2026")
        #expect(en.format(.date(LocalDate(year: 2026, month: 12, day: 31)!)) == "2026-12-31")
        #expect(nb.format(.percentage(try #require(Percentage(15, of: 16)))) == "93,8 %")
        #expect(en.format(.percentage(try #require(Percentage(15, of: 16)))) == "93.8%")
        #expect(nb.format(.tenths(75)) == "7,5")
        #expect(en.format(.tenths(75)) == "7.5")
        #expect(nb.format(.list(["a", "b", "c"])) == "a, b og c")
        #expect(en.format(.list(["a", "b"])) == "a and b")
    }

    @Test("A label inside a sentence is rendered in the same language; an unknown key shows itself")
    func nested() {
        let message = Message("language.unknown", ["source": "--lang", "value": "de"])
        #expect(nb.render(message) == "--lang: 'de' er ikke et språk Tunet har; bruk nb (bokmål) eller en (engelsk)")
        #expect(en.render(message).hasPrefix("--lang: 'de' is not a language Tunet has"))
        #expect(nb.render(Message("no.such.key")) == "⟨no.such.key⟩")
    }
}

@Suite("Choosing the language")
struct LanguageTests {
    @Test("--lang wins over TUNET_LANG; bokmål when neither is given; an unknown one is refused")
    func choose() throws {
        #expect(try Language.choose(option: nil, environment: [:]).get() == .nb)
        #expect(try Language.choose(option: "en", environment: ["TUNET_LANG": "nb"]).get() == .en)
        #expect(try Language.choose(option: nil, environment: ["TUNET_LANG": "en_GB.UTF-8"]).get() == .en)
        #expect(try Language.choose(option: nil, environment: ["TUNET_LANG": "nb_NO.UTF-8"]).get() == .nb)
        #expect(throws: UnknownLanguage.self) { try Language.choose(option: "de", environment: [:]).get() }
        #expect(throws: UnknownLanguage.self) { try Language.choose(option: nil, environment: ["TUNET_LANG": "sv"]).get() }
    }

    @Test("Accept-Language: the highest weight Tunet has; bokmål when absent or unknown")
    func acceptLanguage() {
        #expect(Language.accepted(by: nil) == .nb)
        #expect(Language.accepted(by: "en-GB,en;q=0.9") == .en)
        #expect(Language.accepted(by: "nb-NO,nb;q=0.9,en;q=0.8") == .nb)
        #expect(Language.accepted(by: "de-DE,en;q=0.5") == .en)
        #expect(Language.accepted(by: "en;q=0.2,nn;q=0.8") == .nb)
        #expect(Language.accepted(by: "de, fr") == .nb)
        #expect(Language.accepted(by: "en;q=0") == .nb)
        #expect(Language.accepted(by: "en, nb") == .en)
    }
}
