import Testing
@testable import TunetDomain

/// A placement on Tuesdays and Thursdays: in March 2026 the 3rd, 5th, 10th, 12th, 17th, 19th, 24th, 26th and 31st.
private func placement(_ kind: PlacementKind = .dementia, start: String = "2026-01-05", end: String = "2026-12-18",
                       cancelled: Bool = false) throws -> Placement {
    let provider = try OrganisationNumber.parse("974760673").get()
    return Placement(
        id: 1, participant: ParticipantCode(stored: "P-2026-0001"), kind: kind, agreementReference: "2026/1", provider: provider,
        municipalityNumber: "3303", weekdays: WeekdaySet([.tuesday, .thursday]), start: try LocalDate.parse(start).get(),
        end: try LocalDate.parse(end).get(), priceLine: "full_day", pupil: nil, dementia: nil,
        choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []),
        plannedDays: 0, projectedCost: .zero, ceilingOverrideReason: nil, cancelledReason: cancelled ? .typed("moved") : nil,
        createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
}

private func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

private func reported(_ days: [(Int, AttendanceStatus)]) -> [AttendanceEntry] {
    days.map { day, status in
        AttendanceEntry(placementId: 1, participant: ParticipantCode(stored: "P-2026-0001"), date: march(day), status: status,
                        hoursTenths: nil, transportTrips: nil, extraDay: false)
    }
}

private let month = YearMonth(year: 2026, month: 3)!

@Suite("A placement's month: planned, reported and missing days")
struct MonthReconciliationTests {
    @Test("A planned day is missing from the day itself: today's report is expected, tomorrow's is not")
    func todayEdge() throws {
        let days = reported([(3, .present), (5, .absentWithNotice), (10, .present)])
        let onThe12th = MonthReconciliation(placement: try placement(), month: month, reported: days, today: march(12), schoolHolidays: [])
        #expect(onThe12th.missingDays == [march(12)])
        #expect(!onThe12th.isComplete)
        let onThe11th = MonthReconciliation(placement: try placement(), month: month, reported: days, today: march(11), schoolHolidays: [])
        #expect(onThe11th.missingDays.isEmpty)
        #expect(onThe11th.isComplete)
        #expect(onThe11th.plannedDays == [3, 5, 10, 12, 17, 19, 24, 26, 31].map(march))
    }

    @Test("After the month's last day every unreported planned day is missing; on the last day too")
    func monthEndEdge() throws {
        let days = reported([(3, .present), (5, .present), (10, .present), (12, .present)])
        let afterwards = MonthReconciliation(placement: try placement(), month: month, reported: days, today: LocalDate(year: 2026, month: 4, day: 15)!,
                                             schoolHolidays: [])
        #expect(afterwards.missingDays == [17, 19, 24, 26, 31].map(march))
        let lastDay = MonthReconciliation(placement: try placement(), month: month, reported: days, today: march(31), schoolHolidays: [])
        #expect(lastDay.missingDays == afterwards.missingDays)
        let dayBefore = MonthReconciliation(placement: try placement(), month: month, reported: days, today: march(30), schoolHolidays: [])
        #expect(dayBefore.missingDays == [17, 19, 24, 26].map(march))
        #expect(MonthReconciliation.expectedBy(month: month, today: LocalDate(year: 2026, month: 4, day: 1)!) == march(31))
    }

    @Test("Reported days are counted by status, planned or not; an unplanned day does not stand in for a planned one")
    func reportedCounts() throws {
        let days = reported([(2, .present), (3, .present), (5, .absentWithoutNotice), (10, .cancelledByProvider)])
        let reconciliation = MonthReconciliation(placement: try placement(), month: month, reported: days, today: march(12), schoolHolidays: [])
        #expect(reconciliation.reportedDays == 4)
        #expect(reconciliation.reported(.present) == 2)
        #expect(reconciliation.reported(.absentWithoutNotice) == 1)
        #expect(reconciliation.reported(.absentWithNotice) == 0)
        #expect(reconciliation.reported(.cancelledByProvider) == 1)
        #expect(reconciliation.missingDays == [march(12)])
    }

    @Test("The month is cut to the placement's period: from its first day to its last")
    func periodEdges() throws {
        let from17th = MonthReconciliation(placement: try placement(start: "2026-03-17", end: "2026-03-26"), month: month, reported: [],
                                           today: march(31), schoolHolidays: [])
        #expect(from17th.plannedDays == [17, 19, 24, 26].map(march))
        let from18th = MonthReconciliation(placement: try placement(start: "2026-03-18", end: "2026-03-25"), month: month, reported: [],
                                           today: march(31), schoolHolidays: [])
        #expect(from18th.plannedDays == [19, 24].map(march))
        let later = MonthReconciliation(placement: try placement(start: "2026-04-01"), month: month, reported: [], today: march(31), schoolHolidays: [])
        #expect(later.plannedDays.isEmpty && later.missingDays.isEmpty)
    }

    @Test("A cancelled placement is planned on no day; what was reported still counts")
    func cancelled() throws {
        let reconciliation = MonthReconciliation(placement: try placement(cancelled: true), month: month, reported: reported([(3, .present)]),
                                                 today: march(31), schoolHolidays: [])
        #expect(reconciliation.plannedDays.isEmpty)
        #expect(reconciliation.missingDays.isEmpty)
        #expect(reconciliation.reportedDays == 1)
    }

    @Test("School holidays close pupil placements, not dementia day activities")
    func schoolHolidays() throws {
        let winter = [SchoolHoliday(municipalityNumber: "3303", from: march(17), to: march(19), name: "vinterferie")]
        let pupil = MonthReconciliation(placement: try placement(.pupil), month: month, reported: [], today: march(31), schoolHolidays: winter)
        #expect(pupil.plannedDays == [3, 5, 10, 12, 24, 26, 31].map(march))
        let dementia = MonthReconciliation(placement: try placement(.dementia), month: month, reported: [], today: march(31), schoolHolidays: winter)
        #expect(dementia.plannedDays.count == 9)
    }
}
