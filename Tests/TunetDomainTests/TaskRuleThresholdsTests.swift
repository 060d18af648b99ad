import Testing
import TunetDomain

@Suite("The thresholds of the task rules")
struct TaskRuleThresholdsTests {
    private func with(attendanceDay: Int = 5, warning: Int = 80, full: Int = 100) -> TaskRuleThresholds {
        var thresholds = TaskRuleThresholds.standard
        thresholds.attendanceDay = attendanceDay
        thresholds.ceilingWarningPercent = warning
        thresholds.ceilingFullPercent = full
        return thresholds
    }

    @Test("The defaults are the documented ones, and they pass")
    func defaults() throws {
        let standard = TaskRuleThresholds.standard
        #expect([standard.approvalDays, standard.policeCertificateDays, standard.optionDays, standard.ceilingWarningPercent,
                 standard.ceilingFullPercent, standard.attendanceDay, standard.followUpDays, standard.standstillDays,
                 standard.pilotEvaluationDays, standard.insuranceDays, standard.renewalDays] == [90, 90, 180, 80, 100, 5, 14, 3, 30, 90, 270])
        #expect(standard.problems.isEmpty)
        try standard.check()
    }

    @Test("The attendance day is a day every month has: 1 to 28", arguments: [(0, false), (1, true), (28, true), (29, false)])
    func attendanceDay(_ day: Int, _ accepted: Bool) {
        let problems = with(attendanceDay: day).problems
        #expect(problems.isEmpty == accepted)
        if !accepted { #expect(problems.map(\.field) == ["attendance-day"]) }
    }

    @Test("The ceiling warning is above 0 and below the full percentage", arguments: [(0, 100, false), (1, 100, true), (99, 100, true),
                                                                                      (100, 100, false), (90, 80, false)])
    func ceilingWarning(_ warning: Int, _ full: Int, _ accepted: Bool) {
        let problems = with(warning: warning, full: full).problems
        #expect(problems.isEmpty == accepted)
        if !accepted {
            #expect(problems.map(\.field) == ["ceiling-warning"])
            #expect(problems[0].reason.english == "the ceiling warning must be above 0 and below the full percentage (\(full))")
        }
    }

    @Test("Each wrong threshold is named, all at once; nothing is used")
    func several() {
        #expect(throws: TunetError.invalidInput(with(attendanceDay: 31, warning: 0).problems)) { try with(attendanceDay: 31, warning: 0).check() }
        #expect(with(attendanceDay: 31, warning: 0).problems.count == 2)
    }
}
