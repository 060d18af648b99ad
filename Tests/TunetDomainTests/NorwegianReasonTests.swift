import Foundation
import Testing
@testable import TunetDomain
import TunetText

/// The rules' reasons as a Norwegian reader reads them (bokmål, the default), and as an English one.
@Suite("The rules' reasons in bokmål and English")
struct NorwegianReasonTests {
    let nb = Texts(.nb), en = Texts(.en)

    func reason<T>(_ result: Result<T, FieldReason>) -> Message? {
        if case .failure(let reason) = result { return reason.message }
        return nil
    }

    @Test("A national identity number written with a hyphen, a space or a full stop is refused like one written without")
    func identityNumberWithSeparator() throws {
        for code in ["01019012345", "010190-12345", "010190 12345", "010190.12345", "P-010190-12345", "p-010190.12345-x"] {
            let refused = try #require(reason(ParticipantCode.parse(code)), "\(code) was accepted")
            #expect(refused.key == "rules.participant_code.identity_number", "\(code): \(refused)")
        }
        #expect(nb.render(try #require(reason(ParticipantCode.parse("010190 12345"))))
            == "«010190 12345» ser ut som et fødselsnummer; Tunet lagrer bare pseudonyme koder (utelat koden, så lager Tunet en)")
        #expect(en.render(try #require(reason(ParticipantCode.parse("010190-12345"))))
            == "'010190-12345' looks like a national identity number; Tunet stores only pseudonymous codes (leave the code out to have one generated)")
        // Codes that are not identity numbers still pass, however their digits are grouped.
        for code in ["P-2026-0042", "AB-123456-1234", "K-12345-123456", "2026-0042-17"] {
            #expect((try? ParticipantCode.parse(code).get()) != nil, "\(code) was refused")
        }
        // Other characters than letters, digits and hyphens are refused as not a code at all.
        #expect(reason(ParticipantCode.parse("P 2026 0042"))?.key == "rules.participant_code.invalid")
    }

    @Test("A row's problem names the row and the file's column in the reader's language")
    func rowAndColumn() throws {
        let date = FieldProblem(row: 3, field: "date", value: "31.02.2026", reason: try #require(LocalDate.parse("31.02.2026").failureReason))
        #expect(nb.render(date.message) == "rad 3, dato: «31.02.2026» er ikke en dag i kalenderen")
        #expect(en.render(date.message) == "row 3, date: '31.02.2026' is not a day in the calendar")
        let column = FieldProblem(row: 1, field: FieldProblem.column(4), value: "x", reason: Message("files.cell_without_heading"))
        #expect(column.field == "column 4")
        #expect(nb.render(column.message) == "rad 1, kolonne 4: denne cellen har ingen kolonneoverskrift, så Tunet ville ikke vite hva den er")
        #expect(en.render(column.message) == "row 1, column 4: this cell has no column heading, so Tunet would not know what it is")
        // A command's field keeps its code, as the person typed it; the same field in a file is the file's column.
        let option = FieldProblem(field: "date", value: "x", reason: Message("rules.date.unrecognised", ["text": "x"]))
        #expect(nb.render(option.message) == "date: «x» er ikke en dato; skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
        let register = FieldProblem(row: 4, field: "municipality_number", value: "301", reason: Message("rules.municipality.unknown", ["text": "301"]))
        #expect(nb.render(register.message) == "rad 4, kommunenummer: «301» er ikke et gjeldende kommunenummer (listen som har gjeldt siden 1. januar 2024)")
        for field in FieldProblem.fileColumns {
            #expect(nb.render(Message("files.field.\(field)")) != "⟨files.field.\(field)⟩")
            #expect(en.render(Message("files.field.\(field)")) == field, "English names a file's column by its code")
        }
    }

    @Test("Organisation numbers, amounts, municipality numbers and dates are refused in plain bokmål")
    func parsers() throws {
        #expect(nb.render(try #require(reason(OrganisationNumber.parse("923609017"))))
            == "«923609017» er ikke et gyldig organisasjonsnummer: kontrollsifferet (det siste sifferet) er feil; se etter en skrivefeil")
        #expect(nb.render(try #require(reason(OrganisationNumber.parse("92360901"))))
            == "«92360901» er ikke et organisasjonsnummer: det har 8 sifre, ikke 9")
        #expect(nb.render(try #require(reason(Money.parse("12,345")))) == "«12,345» har mer enn to desimaler; beløp er nøyaktige til øret")
        #expect(nb.render(try #require(reason(Municipality.parse("301"))))
            == "«301» har 3 sifre; kommunenumre har 4 (mente du 0301 Oslo? et regneark kan ha fjernet nullen foran)")
        #expect(nb.render(try #require(LocalDate.parse("2026/02/01").failureReason))
            == "«2026/02/01» er ikke en dato; skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
        #expect(nb.render(try #require(reason(WeekdaySet.parse("man,fredag,søndagen"))))
            == "«søndagen» er ikke en ukedag; bruk man, tir, ons, tor, fre, lør, søn (eller mon, tue, wed, thu, fri, sat, sun)")
        #expect(nb.render(try #require(FreeText.check(String(repeating: "a", count: 1201), maximumLength: 1000)).message)
            == "har 1 201 tegn; høyst 1 000 er tillatt")
    }

    @Test("Weekdays read as runs and lists in the reader's language")
    func weekdays() throws {
        #expect(nb.render(try WeekdaySet.parse("mon-fri").get().label) == "man–fre")
        #expect(en.render(try WeekdaySet.parse("mon-fri").get().label) == "mon-fri")
        #expect(nb.render(try WeekdaySet.parse("mon,wed,fri").get().label) == "man, ons og fre")
        #expect(en.render(try WeekdaySet.parse("tue-thu,sat").get().label) == "tue-thu and sat")
        for day in Weekday.allCases {
            #expect(nb.render(day.label) == day.norwegianShort)
            #expect(en.render(day.label) == day.code)
        }
    }

    @Test("A period's length: years, months and days, in each language's words")
    func duration() {
        let start = LocalDate(year: 2027, month: 3, day: 29)!
        #expect(nb.render(AgreementForm.duration(from: start, through: LocalDate(year: 2031, month: 3, day: 31)!)) == "4 år og 3 dager")
        #expect(en.render(AgreementForm.duration(from: start, through: LocalDate(year: 2031, month: 3, day: 31)!)) == "4 years and 3 days")
        #expect(nb.render(AgreementForm.duration(from: start, through: LocalDate(year: 2028, month: 4, day: 29)!)) == "1 år, 1 måned og 1 dag")
        #expect(en.render(AgreementForm.duration(from: start, through: start)) == "1 day")
    }

    @Test("A step the procurement's state does not allow names the states it is allowed in")
    func procurementState() throws {
        let procurement = Procurement(id: 4, title: "IPT", targetGroups: [.pupils], municipalities: ["3303"], estimatedValue: .kroner(1_000_000),
                                      category: .special, createdOn: LocalDate(year: 2026, month: 1, day: 5)!)
        do {
            try procurement.require(.open, .evaluating, toDo: .score)
            Issue.record("a draft was scored")
        } catch {
            #expect(nb.render(error.message) == "Anskaffelse 4 er i fasen «utkast»; den kan få tilbudene poengsatt bare i fasen «åpen for tilbud» eller «under evaluering».")
            #expect(en.render(error.message) == "Procurement 4 is draft; it can have tenders scored only when open or evaluating.")
        }
    }

    @Test("A placement stored before its choice was kept as messages still reads, its English text shown as it was")
    func storedChoice() throws {
        let old = #"{"method":"ranking","provider_organisation_number":"974760673","rule":"highest-ranked provider with room (rank 2)","skipped":[{"provider_organisation_number":"923609016","rank":1,"reasons":["full on wed (1 of 1 places taken, first on 2026-12-02)"]}]}"#
        let choice = try JSONDecoder().decode(ProviderChoice.self, from: Data(old.utf8))
        #expect(nb.render(choice.rule) == "highest-ranked provider with room (rank 2)")
        #expect(choice.skipped[0].reasons.map(nb.render) == ["full on wed (1 of 1 places taken, first on 2026-12-02)"])
        #expect(choice.hasRule)
        let empty = try JSONDecoder().decode(ProviderChoice.self, from: Data(#"{"method":"direct","provider_organisation_number":"974760673","rule":"","skipped":[]}"#.utf8))
        #expect(!empty.hasRule)

        let new = ProviderChoice(method: .ranking, provider: try OrganisationNumber.parse("974760673").get(), rule: Message("rules.choice.ranking", ["rank": "2"]),
                                 inputs: nil, skipped: [.init(provider: try OrganisationNumber.parse("923609016").get(), rank: 1, reasons: [
                                    Message("rules.obstacle.full", ["weekday": Weekday.wednesday.labelValue, "taken": 1, "places": 1,
                                                                    "date": .date(LocalDate(year: 2026, month: 12, day: 2)!)])])])
        let again = try JSONDecoder().decode(ProviderChoice.self, from: JSONEncoder().encode(new))
        #expect(again == new)
        #expect(nb.render(again.rule) == "høyest rangerte tilbyder med ledig plass (rang 2)")
        #expect(again.skipped[0].reasons.map(nb.render) == ["fullt på ons (1 av 1 plasser tatt, første gang 02.12.2026)"])
        #expect(again.skipped[0].reasons.map(en.render) == ["full on wed (1 of 1 places taken, first on 2026-12-02)"])

        // A rule that is neither a message nor text is refused as a message is refused, at its key.
        let damaged = #"{"method":"direct","provider_organisation_number":"974760673","rule":42,"skipped":[]}"#
        do {
            _ = try JSONDecoder().decode(ProviderChoice.self, from: Data(damaged.utf8))
            Issue.record("read a rule that is a number")
        } catch DecodingError.typeMismatch(let type, let context) {
            #expect(ObjectIdentifier(type) == ObjectIdentifier([String: Any].self))
            #expect(context.codingPath.map(\.stringValue) == ["rule"])
        }
    }

    @Test("The codes a person sees in a reason are labels: target groups, sectors, tie-breaks, left-out rows")
    func labels() {
        #expect(nb.render(Message("rules.obstacle.target_group", ["group": TargetGroup.dementia.labelValue])) == "den tar ikke imot personer med demens")
        let owner = TaskOwnerRule.choose(sectors: [.nav], team: Team(id: 1, name: "Arbeidslaget", municipalityNumber: "3303", owner: "Kommunedirektør"), members: [])
        #expect(nb.render(owner.reason) == "ingen aktive medlemmer i NAV og ingen i koordinerende enhet, så arbeidslagets eier tar den")
        for tieBreak in EvaluatedTender.TieBreak.allCases { #expect(!nb.render(tieBreak.message).hasPrefix("⟨")) }
        for reason in ConsumerPriceIndexTable.LeftOutReason.allCases { #expect(!nb.render(reason.message).hasPrefix("⟨")) }
        for step in Procurement.Step.allCases { #expect(!nb.render(step.message).hasPrefix("⟨")) }
    }
}

extension Result where Failure == DateParseProblem {
    var failureReason: Message? {
        if case .failure(let problem) = self { return problem.reason }
        return nil
    }
}
