import Testing
import TunetDomain
import TunetTestSupport
import TunetText

@Suite("An answer lists the first problems and counts the rest by field")
struct ProblemLimitTests {
    static func statusProblem(_ row: Int) -> FieldProblem {
        FieldProblem(row: row, field: "status", value: "X", reason: Message("rules.text.control_character"))
    }

    @Test("Up to the limit every problem is listed; past it each is only counted, by field")
    func collectorKeepsTheFirstAndCountsTheRest() throws {
        var problems = ProblemCollector(limit: 3)
        for row in 2...4 { problems.add(Self.statusProblem(row)) }
        #expect(problems.problems.count == 3)
        #expect(problems.notShown.isEmpty)
        #expect(throws: TunetError.invalidInput((2...4).map(Self.statusProblem))) { try problems.check() }

        for row in 5...1_004 { problems.add(Self.statusProblem(row)) }
        for row in 1_005...1_016 { problems.add(FieldProblem(row: row, field: "date", value: "x", reason: Message("rules.text.control_character"))) }
        #expect(problems.problems.map(\.row) == [2, 3, 4])
        #expect(problems.notShown.byField == ["status": 1_000, "date": 12])
        #expect(problems.notShown.total == 1_012)
        #expect(problems.error?.problemsNotShown == problems.notShown)
    }

    @Test("The standard limit is a thousand problems")
    func standardLimit() {
        var problems = ProblemCollector()
        for row in 1...1_500 { problems.add(Self.statusProblem(row)) }
        #expect(ProblemLimit.standard == 1_000)
        #expect(problems.problems.count == 1_000)
        #expect(problems.notShown.byField == ["status": 500])
    }

    @Test("Problems a check only counted stay counted when absorbed into another collector")
    func absorbKeepsTheCounts() {
        var inner = ProblemCollector(limit: 1)
        inner.add(Self.statusProblem(2))
        inner.add(Self.statusProblem(3))
        var outer = ProblemCollector(limit: 10)
        outer.absorb(inner.error!)
        #expect(outer.problems.count == 1)
        #expect(outer.notShown.byField == ["status": 1])
    }

    @Test("The message says how many more there were, most frequent field first, in the reader's language")
    func messageNamesTheCountsByField() {
        let notShown = ProblemsNotShown(byField: ["date": 512, "status": 398_000], inFile: true)
        let error = TunetError.invalidInput([Self.statusProblem(2)], notShown: notShown)
        let norwegian = Texts(.nb).render(error.message)
        #expect(norwegian.hasPrefix("398 513 feil i det som ble gitt inn; ingenting ble endret:"), "\(norwegian)")
        #expect(norwegian.hasSuffix("og 398 512 feil til, som ikke er listet opp: 398 000 i oppmøte og 512 i dato"), "\(norwegian)")
        #expect(error.english.hasSuffix("and 398,512 more problems, not listed: 398,000 in status and 512 in date"), "\(error.english)")
    }

    @Test("Without problems left out, the error reads as before")
    func unchangedWithoutOverflow() {
        let error = TunetError.invalidInput([Self.statusProblem(2)])
        #expect(error.problemsNotShown.isEmpty)
        #expect(error.message == Self.statusProblem(2).message)
    }
}
