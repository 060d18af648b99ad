import Foundation
import TunetDomain
import TunetFiles

/// Any bytes as a farm's attendance file, read and checked against two placements like the importer
/// does: every row is an entry or a list of problems naming that row; nothing crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAttendanceValidation(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        try AttendanceFile.rows(in: data, fileName: "fuzz.csv") { row in
            switch FuzzFixture.validator.check(row) {
            case .success(let entry):
                precondition(FuzzFixture.placementIds.contains(entry.placementId), "an entry belongs to one of the farm's placements")
            case .failure(let error):
                precondition(!error.problems.isEmpty && error.problems.allSatisfy { $0.row == row.row }, "problems name the row they are on")
            }
        }
    } catch {}
    return 0
}

/// Lia gård's two placements in spring 2026 (the participants of the examples in Contracts/examples).
enum FuzzFixture {
    static let lia = try! OrganisationNumber.parse("974760673").get()

    static let placements: [AttendanceValidator.PlacementCalendar] = [(101, "mon,thu"), (102, "tue,wed")].map { sequence, weekdays in
        var agreementForm = AgreementForm()
        agreementForm.reference = "2026/9"
        agreementForm.title = "IPT"
        agreementForm.municipalities = ["3303"]
        agreementForm.parties = ["\(lia):1"]
        agreementForm.targetGroups = "pupils,dementia"
        agreementForm.start = "2026-01-01"
        agreementForm.end = "2027-12-31"
        agreementForm.estimatedValue = "1000000"
        agreementForm.maximumValue = "1000000"
        agreementForm.callOffMethod = "ranking"
        agreementForm.prices = ["\(lia):full_day:day:1000", "\(lia):transport:trip:200"]
        let agreement = try! agreementForm.agreement().0
        var form = PlacementForm()
        form.kind = PlacementKind.pupil.rawValue
        form.municipality = "3303"
        form.weekdays = weekdays
        form.start = "2026-04-01"
        form.end = "2026-06-19"
        form.school = "Kongsberg skole"
        form.grade = "5"
        let request = try! form.request()
        let days = PlacementPlanner.plannedDays(weekdays: request.weekdays, from: request.start, to: request.end, kind: request.kind, schoolHolidays: [])
        let plan = PlacementPlan(provider: lia, choice: ProviderChoice(method: .direct, provider: lia, rule: "fuzz", inputs: nil, skipped: []),
                                 plannedDays: days, projectedCost: .zero, ceilingOverrideReason: nil, headroomAfter: .zero)
        let placement = Placement(id: Int64(sequence), participant: .generated(year: 2026, sequence: sequence), request: request,
                                  agreement: agreement.reference, plan: plan, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
        return AttendanceValidator.PlacementCalendar(placement: placement, allowsExtraDays: sequence == 102, plannedDays: DayNumberSet(days.map(\.dayNumber)))
    }
    static let placementIds = Set(placements.map(\.placement.id))
    static let validator = AttendanceValidator(provider: lia, placements: placements, otherParticipants: [.generated(year: 2026, sequence: 9999)],
                                               today: LocalDate(year: 2026, month: 11, day: 23)!, revealOtherProviders: false)
}
