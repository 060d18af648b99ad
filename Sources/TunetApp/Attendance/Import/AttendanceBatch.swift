import TunetDomain
import TunetFiles
import TunetStorage

/// Sends each row to its farm's planner, made when the farm's first row arrives, and collects every
/// problem of the file. It keeps no reader: it is made in one snapshot and may be stored through another.
struct AttendanceBatch {
    let submitter: OrganisationNumber?
    let today: LocalDate
    let revealOtherProviders: Bool
    /// Loaded once for the whole file: a national file names hundreds of farms.
    let placedParticipants: Set<ParticipantCode>
    let calendarCache: FarmScheduleCache?
    /// Planners in the order the file names their farms.
    private var planners: [FarmSubmission] = []
    private var plannerIndex: [OrganisationNumber: Int] = [:]
    private var knownFarms: [String: OrganisationNumber] = [:]
    /// A file's rows come farm by farm: the last row's farm is checked first, without hashing.
    private var lastFarm: (text: String?, planner: Int)?
    /// The first problems of the file in full, the rest counted (`ProblemLimit`).
    private var problems: ProblemCollector
    /// Rows without a status and with nothing else filled in: days not reported, left missing.
    private(set) var rowsLeftEmpty = 0
    /// Rows with something reported, good or bad.
    private var reportedRows = 0
    /// True once a farm's rows resumed after another farm's: then no farm is known to be complete
    /// before the file ends.
    private(set) var revisitsFarms = false

    init(reader: StoreReader, submitter: OrganisationNumber?, today: LocalDate, revealOtherProviders: Bool,
         calendarCache: FarmScheduleCache?, problemLimit: Int = ProblemLimit.standard) throws {
        problems = ProblemCollector(limit: problemLimit)
        self.submitter = submitter
        self.calendarCache = calendarCache
        self.today = today
        self.revealOtherProviders = revealOtherProviders
        // Only needed to tell the work team that a participant is placed with another farm; a farm's
        // own upload never learns that, and need not read every placement of the country for it.
        placedParticipants = revealOtherProviders ? try reader.placedParticipants() : []
    }

    mutating func add(_ row: AttendanceRow, reader: StoreReader) throws {
        if row.isLeftUnreported {
            rowsLeftEmpty += 1
            return
        }
        reportedRows += 1
        let index: Int
        if let lastFarm, submitter != nil || lastFarm.text == row.organisationNumber {
            index = lastFarm.planner
        } else {
            guard let farm = try farm(of: row, reader: reader) else { return }
            index = try planner(for: farm, reader: reader)
            if let lastFarm, index != lastFarm.planner, index != planners.count - 1 { revisitsFarms = true }
            lastFarm = (row.organisationNumber, index)
        }
        let rowProblems = planners[index].add(row)
        if !rowProblems.isEmpty { problems.add(contentsOf: rowProblems) }
    }

    private mutating func planner(for farm: OrganisationNumber, reader: StoreReader) throws -> Int {
        if let index = plannerIndex[farm] { return index }
        planners.append(FarmSubmission(calendars: try calendarCache?.calendars(for: farm, reader: reader) ?? FarmSchedules(reader: reader, provider: farm), provider: farm, today: today,
                                          revealOtherProviders: revealOtherProviders, placedParticipants: placedParticipants))
        plannerIndex[farm] = planners.count - 1
        return planners.count - 1
    }

    /// The farm a row belongs to: the submitter, or the row's own registered farm; nil after a problem.
    private mutating func farm(of row: AttendanceRow, reader: StoreReader) throws -> OrganisationNumber? {
        if let submitter { return submitter }
        let text = row.organisationNumber?.trimmingWhitespace() ?? ""
        if let known = knownFarms[text] { return known }
        guard !text.isEmpty else {
            problems.add(FieldProblem(row: row.row, field: "organisation_number", value: "",
                                         reason: Message("attendance.row.no_farm", fields: ["provider"])))
            return nil
        }
        switch OrganisationNumber.parse(text) {
        case .failure(let reason):
            problems.add(FieldProblem(row: row.row, field: "organisation_number", value: text, reason: reason.message))
            return nil
        case .success(let number):
            guard try reader.provider(number) != nil else {
                problems.add(FieldProblem(row: row.row, field: "organisation_number", value: text, reason: Message("attendance.row.unknown_farm", ["number": .text(number.digits)])))
                return nil
            }
            knownFarms[text] = number
            return number
        }
    }

    var farms: [OrganisationNumber] { planners.map(\.provider) }
    var farmCount: Int { planners.count }
    var hasProblems: Bool { !problems.isEmpty }

    /// How many farms, in the order the file names them, the file has moved past: while it does not
    /// go back to an earlier farm, their rows are complete.
    var farmsPassed: Int { revisitsFarms ? 0 : max(planners.count - 1, 0) }

    /// The planner of the file's `index`th farm, whose rows this batch then lets go of.
    mutating func takePlanner(_ index: Int) -> FarmSubmission {
        let planner = planners[index]
        planners[index].letGoOfRows()
        return planner
    }

    var rowCount: Int { planners.reduce(0) { $0 + $1.rowCount } }

    /// Each farm's plan, keeping the rows (to plan again if the stored days change before they are
    /// stored), with the replaced days encoded for the audit event.
    func plans(using reader: any StoreReader, of store: any Store, cache: StoredDaysCache? = nil) throws -> [(farm: OrganisationNumber, plan: FarmSubmission.Plan)] {
        try checkProblems()
        return try planners.map { planner in
            var plan = try planner.plan(using: reader, cache: cache)
            plan.replacedAudit = store.auditSnapshot(ofReplaced: plan.replaced)
            return (planner.provider, plan)
        }
    }

    /// Every problem of the file, if it has any; a file whose every row was left empty reports nothing,
    /// and is refused rather than taken as a submission of no days.
    func checkProblems() throws {
        try problems.check()
        if reportedRows == 0 && rowsLeftEmpty > 0 {
            throw TunetError.invalid("status", nil, Message("attendance.file.nothing_reported", ["rows": .integer(rowsLeftEmpty)]))
        }
    }

    /// Each farm's plan against the days stored as `reader` sees them, in the order the file names the
    /// farms, one at a time, each farm's rows let go once its plan is made (a national file is a
    /// million rows).
    mutating func drainPlans(using reader: StoreReader, _ body: (OrganisationNumber, FarmSubmission.Plan) throws -> Void) throws {
        try checkProblems()
        for index in planners.indices {
            let plan = try planners[index].plan(using: reader)
            planners[index].letGoOfRows()
            try body(planners[index].provider, plan)
        }
    }
}

