/// How one placement's month stands: the days it was planned, the days the farm reported, and the
/// planned days that lack a report so far. The invoice basis, the attendance status, the attendance
/// grid and the missing-attendance task all read a month through it.
///
/// A planned day counts as missing from the day itself: on `today` a report of today is already
/// expected, one of tomorrow is not. After the month's last day every unreported planned day is
/// missing. A cancelled placement is planned on no day, though what the farm reported before the
/// cancellation stays.
public struct MonthReconciliation: Sendable {
    public let month: YearMonth
    /// The days the participant is expected at the farm in the month (PlacementPlanner.plannedDays).
    public let plannedDays: [LocalDate]
    /// The planned days up to `today` (or the month's end) without a report.
    public let missingDays: [LocalDate]
    /// The reported days of the month, planned or not, by status.
    public let reportedByStatus: [AttendanceStatus: Int]
    public let reportedDays: Int

    /// - Parameters:
    ///   - reported: the farm's reports of the placement in the month.
    ///   - schoolHolidays: the school holidays of the placement's municipality (they close pupil placements).
    public init(placement: Placement, month: YearMonth, reported: [AttendanceEntry], today: LocalDate,
                schoolHolidays: [SchoolHoliday]) {
        self.month = month
        plannedDays = placement.isCancelled ? [] : PlacementPlanner.plannedDays(
            weekdays: placement.weekdays, from: max(placement.start, month.firstDay), to: min(placement.end, month.lastDay),
            kind: placement.kind, schoolHolidays: schoolHolidays)
        var dates = Set<LocalDate>(minimumCapacity: reported.count)
        var byStatus: [AttendanceStatus: Int] = [:]
        var count = 0
        for entry in reported {
            dates.insert(entry.date)
            byStatus[entry.status, default: 0] += 1
            count += 1
        }
        reportedByStatus = byStatus
        reportedDays = count
        let expectedBy = Self.expectedBy(month: month, today: today)
        missingDays = plannedDays.filter { $0 <= expectedBy && !dates.contains($0) }
    }

    /// The last day of the month whose report is expected by `today`.
    public static func expectedBy(month: YearMonth, today: LocalDate) -> LocalDate { min(today, month.lastDay) }

    public func reported(_ status: AttendanceStatus) -> Int { reportedByStatus[status] ?? 0 }

    /// True when every planned day so far has its report; until then what is billed for the month may still grow.
    public var isComplete: Bool { missingDays.isEmpty }
}
