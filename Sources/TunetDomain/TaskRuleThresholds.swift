/// The thresholds of the rules that raise work-team tasks, with their defaults (README, "Task rules");
/// each can be set per run (`tunet task generate --approval-days 60`).
public struct TaskRuleThresholds: Sendable, Equatable {
    /// IPT approval: the external audit is due within this many days.
    public var approvalDays = 90
    /// Police certificate: missing, or expiring within this many days, for a farm with pupil placements.
    public var policeCertificateDays = 90
    /// Extension option: its decision deadline is within this many days.
    public var optionDays = 180
    /// Ceiling: committed + spent has reached these percentages of the maximum.
    public var ceilingWarningPercent = 80
    public var ceilingFullPercent = 100
    /// Attendance: last month's report is missing on this day of the month.
    public var attendanceDay = 5
    /// Follow-up: the next follow-up conversation is due within this many days.
    public var followUpDays = 14
    /// Standstill: the standstill period ends within this many days.
    public var standstillDays = 3
    /// Pilot evaluation: due on each anniversary of the pilot's start and at its end, raised this many days before.
    public var pilotEvaluationDays = 30
    /// Insurance: a farm's insurance expires within this many days, or has expired.
    public var insuranceDays = 90
    /// Renewal: an agreement ends within this many days with no option left to extend it (or its deadline passed).
    public var renewalDays = 270
    /// Journey: a person has waited longer than this many days in a step before follow-up.
    public var journeyWaitingDays = 30

    public init() {}

    /// The defaults.
    public static let standard = TaskRuleThresholds()

    /// What is wrong with the thresholds, by field: the attendance day must be a day every month has
    /// (1–28), and the ceiling warning must come before the ceiling is full. Empty when they may be used.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if !(1...28).contains(attendanceDay) {
            problems.append(FieldProblem(field: "attendance-day", value: String(attendanceDay), reason: Message("rules.task_thresholds.attendance_day")))
        }
        if ceilingWarningPercent <= 0 || ceilingWarningPercent >= ceilingFullPercent {
            problems.append(FieldProblem(field: "ceiling-warning", value: String(ceilingWarningPercent),
                                         reason: Message("rules.task_thresholds.ceiling_warning", ["full": .integer(ceilingFullPercent)])))
        }
        return problems
    }

    /// Refuses thresholds the rules cannot use, naming each field that is wrong.
    public func check() throws(TunetError) {
        let problems = problems
        if !problems.isEmpty { throw .invalidInput(problems) }
    }
}
