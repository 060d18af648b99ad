import TunetDomain

public protocol AttendanceReading {
    /// The farm's newest submission of the file with this content hash (a file applied again is submitted more than once).
    func submission(provider: OrganisationNumber, contentHash: String) throws -> AttendanceSubmission?
    /// Every submission of the file with this content hash, oldest first.
    func submissions(contentHash: String) throws -> [AttendanceSubmission]
    func submissions(provider: OrganisationNumber?) throws -> [AttendanceSubmission]
    /// The stored days of these placements from `from` to `to`, by placement and then date.
    func attendance(placements: [Int64], from: LocalDate, to: LocalDate) throws -> [StoredAttendance]
    /// Every stored day in the period and the municipalities, farm by farm, participant by participant, day
    /// by day, handed over one at a time so that millions of days never sit in memory.
    func forEachAttendance(from: LocalDate?, to: LocalDate?, in municipalities: MunicipalityScope, _ body: (AttendanceExportRow) throws -> Void) throws
}

extension AttendanceReading {
    public func submissions() throws -> [AttendanceSubmission] { try submissions(provider: nil) }
}

public protocol AttendanceWriting {
    /// Records a submission and writes its days; days for the same participant and date replace the
    /// earlier ones (`replaced`, kept in the audit event; `replacedAudit` is `Store.auditSnapshot` of
    /// them when it was made beforehand).
    func storeSubmission(_ submission: AttendanceSubmission, rows: [StoredAttendance], replaced: [StoredAttendance],
                         replacedAudit: ReplacedDaysAudit?) throws -> AttendanceSubmission
}

extension AttendanceWriting {
    public func storeSubmission(_ submission: AttendanceSubmission, rows: [StoredAttendance], replaced: [StoredAttendance]) throws -> AttendanceSubmission {
        try storeSubmission(submission, rows: rows, replaced: replaced, replacedAudit: nil)
    }
}
