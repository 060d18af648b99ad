import Testing
@testable import TunetDomain
import TunetTestSupport

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text).get() }

private func holiday(_ from: String, _ to: String, _ name: String = "Ferie", municipality: String = "3303") -> SchoolHoliday {
    SchoolHoliday(municipalityNumber: municipality, from: day(from), to: day(to), name: name)
}

@Suite("School years and whether a municipality's school calendar covers them")
struct SchoolCalendarRuleTests {
    @Test("A school year runs from 1 August to 31 July and is written 2026/27")
    func schoolYearEdges() {
        #expect(SchoolYear(containing: day("2027-07-31")) == SchoolYear(startYear: 2026))
        #expect(SchoolYear(containing: day("2027-08-01")) == SchoolYear(startYear: 2027))
        #expect(SchoolYear(startYear: 2026).description == "2026/27")
        #expect(SchoolYear(startYear: 2099).description == "2099/00")
        #expect(SchoolYear(startYear: 2008).description == "2008/09")
        #expect(SchoolYear(startYear: 2026).firstDay == day("2026-08-01"))
        #expect(SchoolYear(startYear: 2026).lastDay == day("2027-07-31"))
    }

    @Test("The school years a period touches, a day either side of the boundary")
    func spanning() {
        #expect(SchoolYear.spanning(from: day("2026-12-07"), to: day("2027-07-31")) == [SchoolYear(startYear: 2026)])
        #expect(SchoolYear.spanning(from: day("2026-12-07"), to: day("2027-08-01")) == [SchoolYear(startYear: 2026), SchoolYear(startYear: 2027)])
        #expect(SchoolYear.spanning(from: day("2026-07-31"), to: day("2026-08-01")) == [SchoolYear(startYear: 2025), SchoolYear(startYear: 2026)])
        #expect(SchoolYear.spanning(from: day("2026-08-02"), to: day("2026-08-01")).isEmpty)
    }

    @Test("A holiday belongs to the school year it starts in: a summer holiday from June belongs to the year it ends")
    func holidayBelongsWhereItStarts() {
        let summer = [holiday("2027-06-19", "2027-08-15", "Sommerferie")]
        #expect(SchoolCalendarRule.hasCalendar(SchoolYear(startYear: 2026), holidays: summer))
        #expect(!SchoolCalendarRule.hasCalendar(SchoolYear(startYear: 2027), holidays: summer))
        #expect(SchoolCalendarRule.hasCalendar(SchoolYear(startYear: 2026), holidays: [holiday("2027-07-31", "2027-07-31")]))
        #expect(!SchoolCalendarRule.hasCalendar(SchoolYear(startYear: 2026), holidays: [holiday("2027-08-01", "2027-08-15")]))
    }

    @Test("Only the school years without any holiday are missing")
    func missing() {
        let autumn2026 = [holiday("2026-09-28", "2026-10-02", "Høstferie")]
        #expect(SchoolCalendarRule.missingSchoolYears(from: day("2026-12-07"), to: day("2026-12-31"), holidays: autumn2026).isEmpty)
        #expect(SchoolCalendarRule.missingSchoolYears(from: day("2026-12-07"), to: day("2027-09-30"), holidays: autumn2026)
            == [SchoolYear(startYear: 2027)])
        #expect(SchoolCalendarRule.missingSchoolYears(from: day("2026-12-07"), to: day("2026-12-31"), holidays: [])
            == [SchoolYear(startYear: 2026)])
    }

    // The commands that load a calendar are the command line's to name (EndToEndTests, SchoolCalendarWarningTests).
    @Test("The warning names the municipality and the school year, and what it means for the pupil")
    func message() {
        #expect(SchoolCalendarRule.missingMessage(municipalityNumber: "3303", schoolYear: SchoolYear(startYear: 2026)).english
            == "No school calendar is recorded for 3303 Kongsberg in the school year 2026/27 (2026-08-01 to 2027-07-31), so the pupil is planned through its school holidays.")
    }
}

@Suite("A pupil placed without a school calendar is planned with a warning")
struct PlacementSchoolCalendarWarningTests {
    @Test("Without a calendar the pupil's 18 weekdays through Christmas are planned, with a warning for 2026/27")
    func withoutCalendar() throws {
        let fixture = PlannerFixture()
        let plan = try PlacementPlanner.plan(PlannerFixture.request(.pupil, weekdays: "mon-fri", start: "2026-12-07", end: "2026-12-31"),
                                             in: fixture.situation)
        #expect(plan.plannedDays.count == 18)
        #expect(plan.warnings.map(\.code) == [.schoolCalendarMissing])
        #expect(plan.warnings.first?.schoolYear == SchoolYear(startYear: 2026))
        #expect(plan.warnings.first?.municipalityNumber == "3303")
    }

    @Test("With a holiday in that school year there is no warning, and the Christmas holiday is off")
    func withCalendar() throws {
        var fixture = PlannerFixture()
        fixture.holidays = [holiday("2026-12-21", "2027-01-01", "Juleferie")]
        let plan = try PlacementPlanner.plan(PlannerFixture.request(.pupil, weekdays: "mon-fri", start: "2026-12-07", end: "2026-12-31"),
                                             in: fixture.situation)
        #expect(plan.plannedDays.count == 10)
        #expect(plan.warnings.isEmpty)
    }

    @Test("Another municipality's calendar does not count, and a dementia placement needs none")
    func otherMunicipalityAndDementia() throws {
        var fixture = PlannerFixture()
        fixture.holidays = [holiday("2026-12-21", "2027-01-01", "Juleferie", municipality: "1866")]
        let pupil = try PlacementPlanner.plan(PlannerFixture.request(.pupil, weekdays: "mon-fri", start: "2026-12-07", end: "2026-12-31"),
                                              in: fixture.situation)
        #expect(pupil.warnings.count == 1)
        let dementia = try PlacementPlanner.plan(PlannerFixture.request(.dementia, start: "2026-12-07", end: "2026-12-31"), in: fixture.situation)
        #expect(dementia.warnings.isEmpty)
    }

    @Test("A placement across two school years warns only for the one without a calendar")
    func twoSchoolYears() throws {
        var fixture = PlannerFixture()
        fixture.holidays = [holiday("2027-02-22", "2027-02-26", "Vinterferie")]
        let plan = try PlacementPlanner.plan(PlannerFixture.request(.pupil, weekdays: "tue", start: "2027-06-01", end: "2027-09-30"),
                                             in: fixture.situation)
        #expect(plan.warnings.map(\.schoolYear) == [SchoolYear(startYear: 2027)])
    }
}
