import Testing
import TunetDomain
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

@Suite("The personal-data policy")
struct PersonalDataPolicyTests {
    private func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text).get() }

    @Test("A retention age is years or months above zero, in any case and with spaces around it")
    func retentionAges() throws {
        #expect(try RetentionAge.parse("5y").get() == RetentionAge(amount: 5, unit: .years))
        #expect(try RetentionAge.parse(" 18M ").get() == RetentionAge(amount: 18, unit: .months))
        #expect(try RetentionAge.parse("1m").get() == RetentionAge(amount: 1, unit: .months))
        for text in ["0y", "-1y", "5", "y", "5d", "5 y", "", "5years"] {
            guard case .failure(let reason) = RetentionAge.parse(text) else {
                Issue.record("accepted \(text)")
                continue
            }
            #expect(reason.message.key == "privacy.error.age")
        }
    }

    @Test("The cutoff counts back from today by calendar years or months")
    func cutoff() throws {
        #expect(RetentionAge(amount: 5, unit: .years).cutoff(on: try day("2026-05-15")) == (try day("2021-05-15")))
        #expect(RetentionAge(amount: 18, unit: .months).cutoff(on: try day("2026-05-15")) == (try day("2024-11-15")))
        #expect(RetentionAge(amount: 1, unit: .months).cutoff(on: try day("2026-03-31")) == (try day("2026-02-28")))
    }

    @Test("Erasure replaces a placement's personal free text and leaves empty fields empty")
    func erasesFreeText() throws {
        var form = PlacementForm()
        form.kind = "pupil"
        form.municipality = "3303"
        form.weekdays = "tue"
        form.start = "2026-03-02"
        form.end = "2026-06-19"
        form.school = "Kongsberg skole"
        form.grade = "5"
        form.learningGoals = "lese mer"
        let request = try form.request()
        let provider = try OrganisationNumber.parse("974760673").get()
        let plan = PlacementPlan(provider: provider, choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"),
                                                                            inputs: nil, skipped: []),
                                 plannedDays: [], projectedCost: .zero, ceilingOverrideReason: nil, headroomAfter: .zero)
        let pupil = Placement(id: 1, participant: .generated(year: 2026, sequence: 1), request: request, agreement: "2026/1", plan: plan,
                              createdOn: try day("2026-01-01"))
        let erased = PersonalDataPolicy.erasingFreeText(of: pupil)
        #expect(erased.pupil?.learningGoals == PersonalDataPolicy.erased)
        #expect(erased.pupil?.contactTeacherRole == nil)
        #expect(erased.pupil?.school == "Kongsberg skole")
        #expect(erased.participant == pupil.participant)
        #expect(PersonalDataPolicy.freeTextFields.contains("wishes_and_needs"))
    }
}
