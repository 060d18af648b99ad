import Foundation
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
        #expect(nb.render(message) == "--lang: «de» er ikke et språk Tunet har; bruk nb (bokmål) eller en (engelsk)")
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

@Suite("Every key the code names is in the catalogues")
struct CatalogueCoverageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The keys written as literals in the sources: `Message("key"`, `FieldReason("key", …`, `texts("key"`,
    /// `say("key"`, `.label("key")`.
    static func keysInSources() throws -> [String: String] {
        let pattern = try Regex(#"(?:Message|FieldReason|texts|say|\.label)\("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        var found: [String: String] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/TunetText/Catalogue/") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let key = match.output[1].substring { found[String(key)] = file.lastPathComponent }
            }
        }
        return found
    }

    @Test("Each literal key in the sources has a text in both languages")
    func literalKeys() throws {
        let keys = try Self.keysInSources()
        #expect(!keys.isEmpty)
        for language in Language.allCases {
            let table = Catalogue.table(language)
            let missing = keys.filter { table[$0.key] == nil }.map { "\($0.key) (\($0.value))" }.sorted()
            #expect(missing.isEmpty, "missing in \(language): \(missing)")
        }
    }

    @Test("No key is written in two areas of a language")
    func areasAreDisjoint() {
        for language in Language.allCases { #expect(Catalogue.keysInSeveralAreas(language).isEmpty, "\(language)") }
    }

    @Test("Every code a person can see has its label in both languages")
    func labels() {
        func check<Code: Labelled>(_ type: Code.Type) {
            for code in Code.allCases {
                for language in Language.allCases {
                    #expect(Catalogue.table(language)[code.label.key] != nil, "\(code.label.key) in \(language)")
                }
            }
        }
        check(TargetGroup.self); check(PlacementKind.self); check(PlacementStatus.self); check(ProviderStatus.self)
        check(ApprovalState.self); check(InsuranceState.self); check(PoliceCertificateState.self); check(AgreementStatus.self)
        check(CallOffMethod.self); check(AbsenceBillingRule.self); check(AttendanceStatus.self); check(PriceUnit.self)
        check(ProcurementState.self); check(ServiceCategory.self); check(ProcurementRegime.self); check(NoticeRequirement.self)
        check(Sector.self); check(TaskStatus.self); check(TaskKind.self); check(TaskOwnerRoute.self); check(TokenRole.self); check(ActorRole.self)
        check(MeasureUnit.self); check(TaskLink.Kind.self)
    }

    @Test("Keys made from codes: every error category's title and every kind of thing that can be missing")
    func composedKeys() {
        let categories: [TunetError.Category] = [.invalidInput, .notFound, .conflict, .unreadableInput, .unwritableOutput, .incompatibleDatabase,
                                                 .busy, .unauthorized, .forbidden, .internalFault]
        let keys = categories.map { "http.title.\($0.rawValue)" } + ["http.title.unsupportedMediaType", "http.title.contentTooLarge"]
            + ["agreement", "participant", "pilot", "placement", "procurement", "provider", "task", "member", "team", "token"].map { "entity.\($0)" }
        for language in Language.allCases {
            for key in keys { #expect(Catalogue.table(language)[key] != nil, "\(key) in \(language)") }
        }
    }
}

@Suite("A stored message")
struct StoredMessageTests {
    @Test("Round-trips through JSON with every kind of value, and reads in either language afterwards")
    func roundTrip() throws {
        let message = Message("error.problems", [
            "count": 2, "problems": .lines([.text("a"), .message(Message("entity.agreement"))]),
            "extra": .list([.money(Money(ore: 123_45)), .date(LocalDate(year: 2026, month: 12, day: 31)!), .tenths(75),
                            .percentage(Percentage(15, of: 16)!), .integer(-3), .field("override_ceiling")]),
        ])
        let data = try JSONEncoder().encode(message)
        let decoded = try JSONDecoder().decode(Message.self, from: data)
        #expect(decoded == message)
        #expect(Texts(.nb).render(decoded).hasPrefix("2 feil i det som ble gitt inn"))
        #expect(Texts(.en).render(decoded).contains("\n  - agreement"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MessageValue.self, from: Data(#"{"text":"a","integer":1}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MessageValue.self, from: Data(#"{"percentage":[1,0]}"#.utf8)) }
    }
}

@Suite("A field a message points at")
struct MessageFieldTests {
    let message = Message("rules.placement.override_needs_reason", fields: ["override_ceiling", "reason"])

    @Test("No text names a field itself: the front end that renders writes it, by its identifier unless it says otherwise")
    func namedByTheFrontEnd() {
        #expect(message.arguments["reason"] == .field("reason"))
        #expect(Texts(.en).render(message) == "override_ceiling needs reason saying why the ceiling may be exceeded")
        let options = FieldNames { "--" + String($0.map { $0 == "_" ? "-" : $0 }) }
        #expect(Texts(.en, fields: options).render(message) == "--override-ceiling needs --reason saying why the ceiling may be exceeded")
        #expect(Texts(.nb, fields: options).render(message) == "--override-ceiling krever --reason som sier hvorfor maksimalverdien kan overskrides")
    }

    @Test("Texts that the rules and use cases render name no command-line option: they point at fields")
    func noOptionsInRuleTexts() {
        // The command line's own texts (prefixed as its commands are) may name its options.
        let commandLineOnly: Set<String> = [
            "privacy.erase.confirm", "privacy.retention.confirm", "restore.confirm", "restore.confirm_file", "demo.try", "command.see_help",
            "agreement.terminate.both_decisions", "placement.override_needs_reason", "provider.update.no_fields",
            "placement.school_calendar.how_to_load",
        ]
        #expect(Catalogue.table(.en)["demo.try"]?.contains(/--[a-z]/) == true)
        for language in Language.allCases {
            for (key, template) in Catalogue.table(language) where template.contains(/--[a-z]/) && !key.hasPrefix("help.") {
                #expect(commandLineOnly.contains(key), "\(language) \(key): \(template)")
            }
        }
    }
}
