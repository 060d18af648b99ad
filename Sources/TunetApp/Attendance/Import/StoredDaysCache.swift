import Synchronization
import TunetDomain
import TunetStorage

/// A farm's stored attendance days over a stretch of dates, in placement and date order, as an
/// upload was compared with them.
struct StoredDays: Sendable {
    /// The farm's placements, in id order; days of no other placement are stored for it.
    let placements: [Int64]
    let from: LocalDate
    let to: LocalDate
    let days: [StoredAttendance]

    func covers(placements wanted: [Int64], from: LocalDate, to: LocalDate) -> Bool {
        placements == wanted && self.from <= from && to <= self.to
    }

    /// These days after `written` was stored as submission `submission`: each written day replaces the
    /// stored one of its placement and date, or is added.
    func storing(_ written: [StoredAttendance], as submission: Int64) -> StoredDays {
        let key = FarmSubmission.DayKey.init(_:) as (StoredAttendance) -> FarmSubmission.DayKey
        let sortedWritten = written.inDayOrder()
        var merged: [StoredAttendance] = []
        merged.reserveCapacity(days.count + sortedWritten.count)
        var old = days.startIndex, new = sortedWritten.startIndex
        while old < days.endIndex || new < sortedWritten.endIndex {
            if new == sortedWritten.endIndex || (old < days.endIndex && key(days[old]) < key(sortedWritten[new])) {
                merged.append(days[old])
                old += 1
                continue
            }
            if old < days.endIndex && key(days[old]) == key(sortedWritten[new]) { old += 1 }
            var day = sortedWritten[new]
            day.submissionId = submission
            merged.append(day)
            new += 1
        }
        return StoredDays(placements: placements, from: from, to: to, days: merged)
    }

    /// Read from the database.
    static func read(_ reader: StoreReader, placements: [Int64], from: LocalDate, to: LocalDate) throws -> StoredDays {
        let days = try reader.attendance(placements: placements, from: from, to: to).inDayOrder()
        return StoredDays(placements: placements, from: from, to: to, days: days)
    }
}

/// Each farm's stored days as its last upload to a long-running service left them, so that the farm's
/// next upload is compared with them without reading them back: reading them was an eighth of an
/// upload's work (BENCHMARKS.md).
///
/// Stored days change only through submissions, and through changes that are audit events of their
/// own (placements, privacy, a restore). So an entry holds while the farm has submitted nothing after
/// the submission that left the days so, and no audit event other than a submission has been recorded
/// after its stamp; and while that submission is still there as it was, which a restore that raced
/// with the service's own writes (and so numbered on from an id the service had used) would undo.
/// All three are checked in the snapshot that uses the entry.
final class StoredDaysCache: Sendable {
    private struct Entry: Sendable {
        /// The newest audit event when the days were known to be current.
        var auditStamp: Int64
        /// The newest submission (of any farm) when the days were known to be current; the farm has none after it.
        var submissionStamp: Int64
        /// The farm's submission that left the days so, and its file's content hash.
        let ownSubmission: Int64
        let contentHash: String
        let days: StoredDays
        var lastUse: Int
    }

    private struct State: Sendable {
        var entries: [OrganisationNumber: Entry] = [:]
        var uses = 0
        var rows = 0
        var hits = 0
    }

    private let state = Mutex(State())
    /// At most this many days are kept across farms; the farms used longest ago go first.
    let dayLimit: Int

    init(dayLimit: Int = 250_000) {
        self.dayLimit = dayLimit
    }

    /// The farm's days as `reader`'s snapshot sees them, if kept and still current and covering the
    /// placements and dates asked for; nil otherwise.
    func days(of farm: OrganisationNumber, placements: [Int64], from: LocalDate, to: LocalDate, reader: StoreReader) throws -> StoredDays? {
        guard let entry = state.withLock({ $0.entries[farm] }), entry.days.covers(placements: placements, from: from, to: to) else { return nil }
        let newestAudit = try reader.lastAuditEventId()
        let newestSubmission = try reader.lastSubmissionId()
        guard entry.auditStamp <= newestAudit, entry.submissionStamp <= newestSubmission,
              try !reader.hasAuditEvents(after: entry.auditStamp, besides: AttendanceSubmission.auditEntity),
              try !reader.hasSubmissions(after: entry.submissionStamp, from: [farm]),
              try reader.isSubmission(entry.ownSubmission, of: farm, contentHash: entry.contentHash) else {
            // Unless a later upload has kept newer days meanwhile.
            forget(farm, keptFrom: entry.ownSubmission)
            return nil
        }
        // Found current up to the newest events: the next check need only look back that far.
        state.withLock { state in
            guard let kept = state.entries[farm], kept.ownSubmission == entry.ownSubmission, kept.submissionStamp == entry.submissionStamp,
                  kept.auditStamp == entry.auditStamp else { return }
            state.uses += 1
            state.hits += 1
            state.entries[farm]?.auditStamp = newestAudit
            state.entries[farm]?.submissionStamp = newestSubmission
            state.entries[farm]?.lastUse = state.uses
        }
        return entry.days
    }

    /// Keeps `days` as the farm's stored days once its submission `submission` (of the file with
    /// `contentHash`) is committed, when no audit event other than a submission was recorded after
    /// `auditStamp` before it.
    func remember(_ days: StoredDays, of farm: OrganisationNumber, submission: Int64, contentHash: String, auditStamp: Int64) {
        guard days.days.count <= dayLimit else { return forget(farm) }
        state.withLock { state in
            // A later submission of the farm, remembered first, is not replaced by an earlier one.
            if let kept = state.entries[farm], kept.submissionStamp > submission { return }
            state.uses += 1
            state.rows += days.days.count - (state.entries[farm]?.days.days.count ?? 0)
            state.entries[farm] = Entry(auditStamp: auditStamp, submissionStamp: submission, ownSubmission: submission,
                                        contentHash: contentHash, days: days, lastUse: state.uses)
            while state.rows > dayLimit, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.rows -= oldest.value.days.days.count
                state.entries[oldest.key] = nil
            }
        }
    }

    /// Lets go of the farm's days; with `submission`, only if they are still the days that submission left.
    func forget(_ farm: OrganisationNumber, keptFrom submission: Int64? = nil) {
        state.withLock { state in
            guard let kept = state.entries[farm], submission == nil || kept.ownSubmission == submission else { return }
            state.rows -= kept.days.days.count
            state.entries[farm] = nil
        }
    }

    /// Lets go of every farm's days (a service gone quiet gives their memory back).
    func empty() {
        state.withLock { state in
            state.entries = [:]
            state.rows = 0
        }
    }

    /// How many farms' days are kept, and how many days in all.
    var size: (farms: Int, days: Int) { state.withLock { ($0.entries.count, $0.rows) } }

    /// How many times a farm's days were found here rather than read from the database.
    var hits: Int { state.withLock { $0.hits } }
}
